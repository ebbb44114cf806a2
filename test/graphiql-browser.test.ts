// GraphiQL in headless Chromium with every request off 127.0.0.1 blocked (as on a laptop with
// no network): the page loads from the server alone, the example query runs on the demo data,
// and a subscription started in GraphiQL shows the event `npm run demo:reply` causes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLeadContacts } from '../src/db/seed-demo.js';
import { startTestServer, type TestServer } from './support/server.js';

const CHROMIUM = '/usr/bin/chromium';
// A ceiling, not a measurement: a browser loading GraphiQL (9 MB with its editor) on a busy
// 2-core machine takes a while; every wait below is for something to appear, never a sleep.
const BROWSER_TIMEOUT_MS = 240_000;

let server: TestServer;
let browser: Browser;
const blocked: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  server = await startTestServer({ config: { seedOnStart: true } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking'] });
}, BROWSER_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openGraphiQL(path: string): Promise<Page> {
  // A fresh context each time: no tabs stored by an earlier visit.
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.locator('.graphiql-execute-button').waitFor({ timeout: BROWSER_TIMEOUT_MS / 2 });
  return page;
}

// The response pane wraps long lines: compare with runs of white space made one space.
const responseText = async (page: Page) => (await page.locator('.graphiql-response').innerText()).replace(/\s+/g, ' ');

describe('GraphiQL, offline', { timeout: BROWSER_TIMEOUT_MS }, () => {
  it('loads from the server alone and runs the example query on the demo data', async () => {
    const page = await openGraphiQL('/graphql');
    try {
      await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('ConversationsNeedingReview');
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => responseText(page)).toContain('"totalCount"');
      const text = await responseText(page);
      expect(text).toMatch(/A faster website for/);
      expect(text).not.toMatch(/"errors"/);
      expect(blocked).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('shows a subscription event caused by `npm run demo:reply`', async () => {
    const subscription = 'subscription LiveEvents { conversationEvents { __typename ... on NewReplyEvent { conversation { subject } email { strippedText } } } }';
    const page = await openGraphiQL(`/graphql?query=${encodeURIComponent(subscription)}`);
    try {
      await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('LiveEvents');
      await page.locator('.graphiql-execute-button').click();
      // Live once the server counts it (GraphiQL's WebSocket was accepted with the token).
      await expect.poll(() => server.running.app.services.events.activeSubscriptions()).toBe(1);
      const lead = demoLeadContacts()[4]!;
      // What `npm run demo:reply` runs, pointed at this server.
      const exitCode = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/reply-cli.ts', '--lead', '4', '--url', server.url], {
          env: { ...process.env, NODE_ENV: 'development' },
          stdio: 'ignore',
        });
        child.once('exit', resolve);
      });
      expect(exitCode).toBe(0);
      await expect.poll(() => responseText(page)).toContain('NewReplyEvent');
      expect(await responseText(page)).toContain(lead.subject);
      expect(blocked).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
