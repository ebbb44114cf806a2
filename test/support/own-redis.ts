// A Redis server of the test's own on a fixed port, that the test may kill and start again
// (an outage) without touching the shared one.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OwnRedis {
  url: string;
  start(): Promise<void>;
  /** Gone at once, as a crash or a network cut would leave it (no save). */
  kill(): Promise<void>;
}

async function answers(port: number): Promise<boolean> {
  try {
    const { stdout } = await run('redis-cli', ['-p', String(port), 'ping']);
    return stdout.trim() === 'PONG';
  } catch {
    return false;
  }
}

export async function ownRedis(port: number): Promise<OwnRedis> {
  const start = async () => {
    await run('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
    // Until it answers, however long a loaded machine takes: the test's timeout is the bound.
    while (!(await answers(port))) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const kill = async () => {
    await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => undefined);
    while (await answers(port)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { url: `redis://127.0.0.1:${port}`, start, kill };
}
