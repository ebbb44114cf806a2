// Starts a benchmark server in its own process and waits for the JSON line it prints when ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Spawned<T> {
  child: ChildProcess;
  info: T;
  stop(): Promise<void>;
}

/**
 * `node`: another Node binary (the PostGraphile peer runs on Node 22), which runs `script` as
 * plain JavaScript; by default this process's Node runs it through tsx.
 */
export async function spawnServer<T>(script: string, env: Record<string, string> = {}, nodeArgs: string[] = [], node?: string): Promise<Spawned<T>> {
  const child = spawn(node ?? process.execPath, node ? [...nodeArgs, script] : [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<T>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice(6)) as T);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    child,
    info,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
