// Event-loop CPU of a 5 MiB single-token email's message INSERT parameters (issue 13), in
// isolation, so that it can be read on a loaded machine (CPU time, not wall time):
// before, the text-work thread's four body strings were cloned onto the event loop and pg
// UTF-8-encoded each into its Bind message; now the bodies arrive as UTF-8 bytes, moved (no
// copy), each distinct body once (stripped text = text, sanitised HTML = HTML), and pg copies
// the bytes. `npx tsx bench/inbound-params.ts`
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import { serialize } from 'pg-protocol';

const MiB = 1024 * 1024;
const ROUNDS = 15;
const token = randomBytes(Math.ceil((5 * MiB * 3) / 4)).toString('base64').replace(/[+/=]/g, 'x').slice(0, 5 * MiB);
const html = `<p>${token}</p>`;

function measure(label: string, work: () => unknown): void {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    work();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  console.log(`${label}: median CPU ${median(cpu)} ms, median wall ${median(wall)} ms`);
}

const cloned = v8.serialize({ textBody: token, htmlBody: html, strippedText: token, safeHtmlBody: html });
measure('before: the four body strings cloned in from the text-work thread', () => v8.deserialize(cloned));
measure('before: pg Bind of the four body strings', () => serialize.bind({ values: [token, html, token, html] }));
const text = Buffer.from(new TextEncoder().encode(token).buffer);
const markup = Buffer.from(new TextEncoder().encode(html).buffer);
measure('now: pg Bind of the two distinct bodies as bytes (moved in: no clone)', () => serialize.bind({ values: [text, markup] }));
