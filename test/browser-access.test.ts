// Development convenience without leaks: CORS answers only listed origins (never reflecting
// any origin with credentials), the GraphiQL page carries the development token only for a
// same-origin request at a loopback address, and servers listen on loopback outside production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originAllowed } from '../src/browser-access.js';
import { loadConfig } from '../src/config.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ env: { CORS_ORIGINS: 'https://app.example.com,http://localhost:*' } });
});
afterAll(() => app?.close());

async function page({ host, ...headers }: Record<string, string>) {
  const response = await app.yoga.fetch(`http://${host}/graphql`, { headers: { accept: 'text/html', ...headers } });
  return response.text();
}

describe('CORS', () => {
  it('allows listed origins with credentials, and gives nothing to others', async () => {
    const preflight = (origin: string) =>
      app.yoga.fetch('http://parley.test/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const listed = await preflight('https://app.example.com');
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    const anyPort = await preflight('http://localhost:5173');
    expect(anyPort.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    for (const origin of ['https://evil.example', 'https://app.example.com.evil.example', 'null', 'http://localhost.evil.example:80']) {
      const response = await preflight(origin);
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(response.headers.get('access-control-allow-credentials'), origin).toBeNull();
    }
  });

  it('lists no origin by default in production, loopback pages by default in development', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40) }).corsOrigins).toEqual([]);
    const development = loadConfig({ NODE_ENV: 'development' }).corsOrigins;
    expect(originAllowed('http://localhost:3000', development)).toBe(true);
    expect(originAllowed('https://example.com', development)).toBe(false);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('GraphiQL and the development token', () => {
  it('embeds the token for a same-origin page at a loopback address only', async () => {
    expect(await page({ host: 'localhost:4000', 'sec-fetch-site': 'none' })).toContain(app.token);
    expect(await page({ host: '127.0.0.1:4000' })).toContain(app.token);
    // A rebinding domain resolving to 127.0.0.1, a cross-site request, another host.
    expect(await page({ host: 'attacker.example:4000' })).not.toContain(app.token);
    expect(await page({ host: 'localhost:4000', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).not.toContain(app.token);
    expect(await page({ host: '192.168.1.20:4000' })).not.toContain(app.token);
    expect(await page({ host: 'localhost:4000', origin: 'https://evil.example' })).not.toContain(app.token);
  });
});

describe('listening address', () => {
  it('is loopback outside production unless HOST says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40) }).host).toBe('0.0.0.0');
  });
});
