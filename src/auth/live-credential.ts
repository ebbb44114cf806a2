// Live subscriptions follow their credential: an event is delivered only while the credential
// that opened the subscription still holds (checked before each event, from cached state),
// and a timer ends an idle stream whose credential lapsed. The stream then ends with an error
// the client can act on (extensions.code CREDENTIAL_EXPIRED / CREDENTIAL_REVOKED /
// ROLE_CHANGED); on WebSocket the connection also closes with 4403 so that graphql-ws clients
// reconnect with fresh credentials (README: "Live connections and credentials").
import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import type { CredentialLapse } from './authenticate.js';

export interface LiveCredential {
  lapse(): Promise<CredentialLapse | undefined>;
  end(lapse: CredentialLapse): void;
}

const CODES: Record<CredentialLapse['reason'], string> = {
  EXPIRED: 'CREDENTIAL_EXPIRED',
  REVOKED: 'CREDENTIAL_REVOKED',
  ROLE_CHANGED: 'ROLE_CHANGED',
};

export function credentialLapseError(lapse: CredentialLapse): GraphQLError {
  return new GraphQLError(lapse.message, { extensions: { code: CODES[lapse.reason] } });
}

export function whileCredentialHolds<T>(source: AsyncIterable<T>, credential: LiveCredential, recheckIntervalMs: number): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    const ended = stop.then(() => ({ done: true, value: undefined }) as const);
    const endFor = (lapse: CredentialLapse) => {
      credential.end(lapse);
      stop(credentialLapseError(lapse));
    };
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      credential
        .lapse()
        .then((lapse) => lapse && endFor(lapse))
        // A failing check (database down) keeps the stream: the next check decides.
        .catch(() => undefined)
        .finally(() => (checking = false));
    }, recheckIntervalMs);
    timer.unref();
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), ended]);
        if (next.done) break;
        const lapse = await credential.lapse();
        if (lapse) {
          endFor(lapse);
          break;
        }
        await push(next.value);
      }
    } catch (error) {
      stop(error);
    } finally {
      clearInterval(timer);
      stop();
      await iterator.return?.();
    }
  });
}
