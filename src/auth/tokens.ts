// Bearer JWTs, verified with jose: HS256 with a shared secret, or the keys of an identity
// provider's JWKS. Claims: sub (user id), acct (account id), role (OWNER, AGENT, VIEWER).
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Config } from '../config.js';

export const ROLES = ['OWNER', 'AGENT', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

const Claims = z.object({
  sub: z.uuid(),
  acct: z.uuid(),
  role: z.enum(ROLES),
});

export interface TokenIdentity {
  userId: string;
  accountId: string;
  role: Role;
}

export class InvalidTokenError extends Error {
  constructor(
    message: string,
    /** Expired (the client should get a fresh token), rather than wrong. */
    readonly expired = false,
  ) {
    super(message);
  }
}

/** How far ahead of our clock a token's `iat` may be (clock drift between machines). */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/** A verified token: who it names, and its `exp` (seconds since the epoch). */
export interface VerifiedToken extends TokenIdentity {
  expiresAtSeconds: number;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
  /**
   * Whether a token verified earlier has expired since, by the verifier's clock and jose's rule
   * (expired once the current whole second reaches `exp`): live connections re-check this
   * instead of verifying the signature again.
   */
  hasExpired(token: VerifiedToken): boolean;
  /** Signs a token (HS256 only; with a JWKS the identity provider issues tokens). */
  sign(identity: TokenIdentity, ttlSeconds: number): Promise<string>;
}

/**
 * Verified tokens are remembered for a minute at most (never past their expiry): a token is
 * sent with every request, and its signature check was the largest cost of authentication.
 * A minute bounds how long a key the identity provider withdraws keeps working.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX_ENTRIES = 10_000;

/**
 * Tokens must carry `exp` and `iat`, live at most `auth.maxTokenLifetimeSeconds` (exp - iat),
 * and not be issued in the future (beyond a minute's skew): a token without an end, or one
 * minted to last for years, is refused rather than trusted forever.
 */
export function createTokenVerifier(auth: Config['auth'], now: () => number = Date.now): TokenVerifier {
  const verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_MAX_ENTRIES, ttl: VERIFIED_TTL_MS, ttlResolution: 0, perf: { now } });
  const secret = auth.jwtSecret ? new TextEncoder().encode(auth.jwtSecret) : undefined;
  // Imported once: handed the raw bytes, jose imports the key again on every verification,
  // which cost about 5% of a list request's CPU.
  const verificationKey = secret && crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const jwks: JWTVerifyGetKey | undefined = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  return {
    async verify(token) {
      const hit = verified.get(token);
      if (hit) return hit;
      // Expiry is judged by the verifier's clock, the same one the cache's ttl runs on.
      const options = {
        issuer: auth.issuer,
        audience: auth.audience,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'iat'],
      };
      let payload;
      try {
        // Each key type is pinned to its algorithms, so a token can't choose a weaker one
        // ("none", or an HS256 token signed with a public key).
        ({ payload } = jwks
          ? await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256', 'EdDSA'] })
          : await jwtVerify(token, await verificationKey!, { ...options, algorithms: ['HS256'] }));
      } catch (error) {
        const code = (error as { code?: string }).code;
        const reason =
          code === 'ERR_JWT_EXPIRED'
            ? 'the token has expired'
            : code === 'ERR_JOSE_ALG_NOT_ALLOWED'
              ? 'the token is signed with an algorithm this server does not accept'
              : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
                ? 'the token signature is invalid'
                : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
                  ? `the token claim "${(error as { claim?: string }).claim}" is ${(error as { reason?: string }).reason === 'missing' ? 'missing' : 'wrong'}`
                  : 'the token is malformed';
        throw new InvalidTokenError(reason, code === 'ERR_JWT_EXPIRED');
      }
      const claims = Claims.safeParse(payload);
      if (!claims.success) throw new InvalidTokenError('the token lacks the sub, acct or role claim');
      // Checked here rather than with jose's clockTolerance, which would also extend `exp`.
      if (payload.iat! > now() / 1000 + TOKEN_CLOCK_SKEW_SECONDS) throw new InvalidTokenError('the token claim "iat" is in the future');
      if (payload.exp! - payload.iat! > auth.maxTokenLifetimeSeconds) {
        throw new InvalidTokenError(`the token lives longer than the ${auth.maxTokenLifetimeSeconds} s this server accepts`);
      }
      const identity: VerifiedToken = { userId: claims.data.sub, accountId: claims.data.acct, role: claims.data.role, expiresAtSeconds: payload.exp! };
      const ttl = Math.min(VERIFIED_TTL_MS, payload.exp! * 1000 - now());
      // A ttl of 0 would mean "forever" to the cache; a token that close to expiry is not kept.
      if (ttl >= 1) verified.set(token, identity, { ttl });
      return identity;
    },
    hasExpired(token) {
      return Math.floor(now() / 1000) >= token.expiresAtSeconds;
    },
    async sign(identity, ttlSeconds) {
      if (!secret) throw new Error('Tokens are issued by the identity provider (AUTH_JWKS_URL is set).');
      if (!(ttlSeconds > 0 && ttlSeconds <= auth.maxTokenLifetimeSeconds)) {
        throw new RangeError(`A token lives 1 to ${auth.maxTokenLifetimeSeconds} s (AUTH_TOKEN_MAX_LIFETIME_SECONDS).`);
      }
      const issuedAt = Math.floor(now() / 1000);
      return new SignJWT({ acct: identity.accountId, role: identity.role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(identity.userId)
        .setIssuer(auth.issuer)
        .setAudience(auth.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(secret);
    },
  };
}
