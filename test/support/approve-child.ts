// Runs as a child process in the crash test: the app as `npm start` builds it (config from the
// environment: DATABASE_URL, POSTMARK_*), approving one draft, until the test kills it.
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

const suggestionId = process.argv[2]!;
const app = await createApp(loadConfig());
process.stdout.write('ready\n');
const body = JSON.stringify({
  query: `mutation ($input: ApproveSuggestionInput!) { approveSuggestion(input: $input) { __typename } }`,
  variables: { input: { suggestionId } },
});
const response = await app.yoga.fetch('http://parley.child/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${app.services.devToken}` },
  body,
});
// Reached only if the test failed to kill us in time.
process.stdout.write(`${await response.text()}\n`);
await app.close();
