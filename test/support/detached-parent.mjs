// Starts the Parley server (src/main.ts) as a detached child whose stdout and stderr are pipes
// to this process, waits until it listens, prints {"pid","url"} and exits: from then on the
// server's stdout is a pipe nobody reads (closed), as when a supervisor or shell that started
// it has gone. Used by test/shutdown.test.ts.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: process.env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let seen = '';
const timer = setTimeout(() => {
  process.stderr.write(`server did not start; its output:\n${seen}\n`);
  child.kill('SIGKILL');
  process.exit(2);
}, 170_000);
const onData = (chunk) => {
  seen += chunk.toString('utf8');
  const match = /"url":"(http:\/\/[^"]+)"/.exec(seen);
  if (!match) return;
  clearTimeout(timer);
  process.stdout.write(`${JSON.stringify({ pid: child.pid, url: match[1] })}\n`, () => process.exit(0));
};
child.stdout.on('data', onData);
child.stderr.on('data', (chunk) => (seen += chunk.toString('utf8')));
child.once('exit', (code, signal) => {
  process.stderr.write(`server exited early (${code ?? signal}); its output:\n${seen}\n`);
  process.exit(3);
});
