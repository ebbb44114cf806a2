// PostGraphile 5, the benchmark peer (bench/peers/postgraphile): installed into its own folder
// on first use (its own package.json and lockfile: PostGraphile 5 needs Node 22, which the
// npm package `node` brings into that folder; the app stays on Node 20), then run there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnServer } from './spawn.js';

const folder = fileURLToPath(new URL('../peers/postgraphile/', import.meta.url));
const node = `${folder}node_modules/node/bin/node`;

/** Installs the peer's folder from its lockfile unless it is there (npm ci; a minute or two). */
export function ensurePostGraphile(): void {
  if (existsSync(node) && existsSync(`${folder}node_modules/postgraphile/package.json`)) return;
  console.log(`Installing PostGraphile 5 and Node 22 into ${folder} (first use)`);
  // The `node` package's install script fetches its binary package from the registry; the
  // folder's package.json allows that one script (allowScripts).
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--engine-strict=false'], { cwd: folder, stdio: 'inherit' });
  if (!existsSync(node)) throw new Error(`npm ci in ${folder} left no Node binary at ${node}`);
}

export interface PostGraphileInfo {
  url: string;
  pid: number;
}

/** PostGraphile on `databaseUrl` (which should name the pool's application_name), pool of 10. */
export async function withPostGraphileServer<T>(databaseUrl: string, jwtSecret: string, fn: (server: PostGraphileInfo) => Promise<T>): Promise<T> {
  ensurePostGraphile();
  const server = await spawnServer<PostGraphileInfo>(
    `${folder}server.mjs`,
    { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '10', AUTH_JWT_SECRET: jwtSecret, NODE_ENV: 'production' },
    [],
    node,
  );
  try {
    return await fn(server.info);
  } finally {
    await server.stop();
  }
}
