// The start banner tells a new user where GraphiQL is, who they are, their token and how to
// see a live event; in production (no development token) it names no user or token.
import { describe, expect, it } from 'vitest';
import { startBanner } from '../src/banner.js';
import { loadConfig } from '../src/config.js';
import { DEV_USER } from '../src/dev-user.js';

describe('start banner', () => {
  it('gives the URL, the development user and token, and the demo reply command', () => {
    const config = loadConfig({ PORT: '4000' });
    const text = startBanner({ url: 'http://localhost:4000', config, devToken: 'tok.en.value', readyMs: 3210 });
    expect(text).toContain('http://localhost:4000/graphql');
    expect(text).toContain(`${DEV_USER.name} <${DEV_USER.email}>`);
    expect(text).toContain('tok.en.value');
    expect(text).toContain('npm run demo:reply');
    expect(text).toContain(`npm run auth:token -- ${DEV_USER.email}`);
    expect(text).toContain('3.2 s');
    expect(text).not.toContain('/metrics');
  });

  it('names no user or token in production, and shows /metrics when a metrics token is set', () => {
    const config = loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40), METRICS_TOKEN: 'm'.repeat(20) });
    const text = startBanner({ url: 'http://api.example.com', config, readyMs: 1000 });
    expect(text).not.toContain(DEV_USER.email);
    expect(text).not.toContain('Token');
    expect(text).toContain('http://api.example.com/metrics');
    expect(text).not.toContain('m'.repeat(20));
  });
});
