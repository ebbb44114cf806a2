// A migrated, empty embedded database kept as a PGlite data-directory tarball, so that a new
// embedded database (the first `npm start` on an empty folder, every test file) starts from it
// instead of running PostgreSQL's initdb in WebAssembly (about 7 s of CPU on a 2-core machine)
// and all the migrations. It is built once, by `npm install`'s postinstall or by whoever first
// needs it, and cached under node_modules/.cache/parley.
//
// The file name carries a hash of everything the data directory depends on (the PGlite and
// pgvector versions, every migration's SQL), so a new migration or a PGlite upgrade builds a
// new template and never starts from a stale one. Migrations still run after loading it: they
// find every migration applied (one query), and a template that is somehow behind is caught up.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMigrations } from './migrate.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const templateCacheDir = join(projectRoot, 'node_modules', '.cache', 'parley');
const TEMPLATE_PREFIX = 'embedded-template-';

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${manifest.version}`;
}

/** The template's path for the current PGlite, pgvector and migrations (it may not exist yet). */
export async function embeddedTemplatePath(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of ['@electric-sql/pglite', '@electric-sql/pglite-pgvector']) hash.update(`${packageVersion(name)}\n`);
  for (const migration of await listMigrations()) hash.update(`${migration.name} ${migration.checksum}\n`);
  return join(templateCacheDir, `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
}

/** The cached template, or undefined when there is none for the current migrations. */
export async function readEmbeddedTemplate(): Promise<Blob | undefined> {
  const path = await embeddedTemplatePath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/**
 * The template's path, building it first if it is missing. Safe to run in several processes at
 * once: each writes a file of its own and renames it into place (atomic), the last one wins and
 * all of them are the same database.
 */
export async function ensureEmbeddedTemplate(): Promise<{ path: string; built: boolean }> {
  const path = await embeddedTemplatePath();
  if (existsSync(path)) return { path, built: false };
  const { startEmbeddedPostgres } = await import('./embedded.js');
  const { migrate } = await import('./migrate.js');
  const embedded = await startEmbeddedPostgres({ dataDir: 'memory://' });
  let tarball: Blob;
  try {
    await migrate(embedded.url);
    // Uncompressed: 40 MB on disk, but every test file loads it, and gunzip would cost each one.
    tarball = await embedded.pglite.dumpDataDir('none');
  } finally {
    await embedded.stop();
  }
  mkdirSync(templateCacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
  renameSync(partial, path);
  // Templates of older migrations are never read again.
  for (const file of readdirSync(templateCacheDir)) {
    if (file.startsWith(TEMPLATE_PREFIX) && join(templateCacheDir, file) !== path && !file.endsWith('.partial')) {
      rmSync(join(templateCacheDir, file), { force: true });
    }
  }
  return { path, built: true };
}

/** True when the folder holds no PostgreSQL data directory yet (PGlite would run initdb in it). */
export function isEmptyDataDir(dataDir: string): boolean {
  return !dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'PG_VERSION'));
}
