// `npm run demo:reply [-- --lead N] [--text "..."] [--url http://127.0.0.1:4000]`: posts a
// realistic inbound reply from a demo lead to the running server's Postmark webhook.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { demoReply, postDemoReply } from './reply.js';

const { values } = parseArgs({ options: { lead: { type: 'string' }, text: { type: 'string' }, url: { type: 'string' } } });
const config = loadConfig();
const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const baseUrl = values.url ?? `http://${host}:${config.port}`;
const { username, password } = config.webhooks;
if (!username || !password) {
  console.error('Set POSTMARK_WEBHOOK_USERNAME and POSTMARK_WEBHOOK_PASSWORD to the server\'s webhook credentials.');
  process.exit(2);
}
const reply = demoReply({ leadIndex: values.lead === undefined ? undefined : Number(values.lead), text: values.text });
try {
  const { status, body } = await postDemoReply(baseUrl, { username, password }, reply);
  if (status !== 200) {
    console.error(`The server answered ${status}: ${body}`);
    process.exit(1);
  }
  console.log(`Posted a reply from ${reply.lead.name} <${reply.lead.email}> to ${baseUrl}: ${body}`);
  console.log('Subscribers get newReply now, and aiReady once the AI draft is stored.');
} catch (error) {
  console.error(`Could not reach Parley at ${baseUrl} (is \`npm start\` running?): ${(error as Error).message}`);
  process.exit(1);
}
