// The fan-out floor: a bare `ws` server that broadcasts each POSTed event to every client,
// with no GraphQL, auth or pubsub in between. Prints READY {url, pid}.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const message = JSON.stringify({ type: 'next', id: '1', payload: { data: { newReply: { at: new Date().toISOString(), body } } } });
    for (const client of wss.clients) client.send(message);
    res.end('ok');
  });
});
const wss = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}`);
});
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
