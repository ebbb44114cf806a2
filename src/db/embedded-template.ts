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
import { listMigrations } from './migrations.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const templateCacheDir = join(projectRoot, 'node_modules', '.cache', 'parley');
const TEMPLATE_PREFIX = 'embedded-template-';
const DEMO_PREFIX = 'embedded-demo-template-';

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${manifest.version}`;
}

/**
 * Two templates: "migrated" (empty; tests and a start that does not seed) and "demo" (migrated
 * and holding the demo account of seed-demo.ts under DEMO_TEMPLATE_SLUG, seeded in one
 * transaction exactly as a start would), so a first `npm start` loads a seeded database instead
 * of paying for the seed (about 3 s of CPU: Prisma's first query per table in a new backend).
 */
export type TemplateKind = 'migrated' | 'demo';
/** The account slug the demo template is seeded for (config's PARLEY_DEV_ACCOUNT default). */
export const DEMO_TEMPLATE_SLUG = 'demo';
const seedSource = join(projectRoot, 'src', 'db', 'seed-demo.ts');

/** The template's path for the current PGlite, pgvector and migrations (it may not exist yet). */
export async function embeddedTemplatePath(kind: TemplateKind = 'migrated'): Promise<string> {
  const hash = createHash('sha256');
  for (const name of ['@electric-sql/pglite', '@electric-sql/pglite-pgvector']) hash.update(`${packageVersion(name)}\n`);
  for (const migration of await listMigrations()) hash.update(`${migration.name} ${migration.checksum}\n`);
  // The demo data changes with the seed's code.
  if (kind === 'demo') hash.update(`demo ${DEMO_TEMPLATE_SLUG}\n`).update(readFileSync(seedSource));
  return join(templateCacheDir, `${kind === 'demo' ? DEMO_PREFIX : TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
}

/** The cached template, or undefined when there is none for the current migrations. */
export async function readEmbeddedTemplate(kind: TemplateKind = 'migrated'): Promise<Blob | undefined> {
  const path = await embeddedTemplatePath(kind);
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/**
 * The demo template also as a closed PGlite data directory beside its tarball, so the first
 * `npm start` copies files into its empty data folder and opens them like a restart, instead
 * of unpacking the tarball through PGlite's WebAssembly file system (about 1.5 s of CPU).
 */
function templateDirectoryOf(path: string): string {
  return path.replace(/\.tar$/, '.pgdata');
}

/**
 * Where a new embedded database in dataDir can start from: the template's data directory
 * (copied; only for a folder on disk) or its tarball; undefined when neither is cached.
 */
export async function embeddedTemplateSource(kind: TemplateKind, dataDir: string): Promise<{ kind: TemplateKind; file: string; directory?: string } | undefined> {
  const file = await embeddedTemplatePath(kind);
  const directory = templateDirectoryOf(file);
  if (!dataDir.startsWith('memory://') && existsSync(join(directory, 'PG_VERSION'))) return { kind, file, directory };
  return existsSync(file) ? { kind, file } : undefined;
}

function writeAtomically(path: string, bytes: Buffer) {
  mkdirSync(templateCacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}

/**
 * Both templates' paths, building what is missing first. Safe to run in several processes at
 * once: each writes a file of its own and renames it into place (atomic), the last one wins and
 * all of them are the same database.
 */
export async function ensureEmbeddedTemplate(): Promise<{ path: string; demoPath: string; built: boolean }> {
  const path = await embeddedTemplatePath('migrated');
  const demoPath = await embeddedTemplatePath('demo');
  const demoDirectory = templateDirectoryOf(demoPath);
  if (existsSync(path) && existsSync(demoPath) && existsSync(demoDirectory)) return { path, demoPath, built: false };
  const { startEmbeddedPostgres } = await import('./embedded.js');
  if (!existsSync(path) || !existsSync(demoPath)) {
    const { migrate } = await import('./migrate.js');
    const migrated = existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
    const embedded = await startEmbeddedPostgres({ dataDir: 'memory://', ...(migrated ? { loadDataDir: migrated } : {}) });
    try {
      if (!migrated) {
        await migrate(embedded.url);
        // Uncompressed: 40 MB on disk, but every test file loads it, and gunzip would cost each one.
        writeAtomically(path, Buffer.from(await (await embedded.pglite.dumpDataDir('none')).arrayBuffer()));
      }
      if (!existsSync(demoPath)) {
        const { PrismaPg } = await import('@prisma/adapter-pg');
        const { PrismaClient } = await import('../../prisma/generated/client/client.js');
        const { seedDemoData } = await import('./seed-demo.js');
        const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: embedded.url, max: 1 }) });
        try {
          await seedDemoData(prisma, { slug: DEMO_TEMPLATE_SLUG });
        } finally {
          await prisma.$disconnect();
        }
        writeAtomically(demoPath, Buffer.from(await (await embedded.pglite.dumpDataDir('none')).arrayBuffer()));
      }
    } finally {
      await embedded.stop();
    }
  }
  if (!existsSync(demoDirectory)) {
    // Unpacked by PGlite into a folder of this process's own and closed (a clean shut-down, as a
    // restart finds it), then renamed into place: atomic, like the tarballs.
    const partial = `${demoDirectory}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
    try {
      const unpacked = await startEmbeddedPostgres({ dataDir: partial, loadDataDir: new Blob([readFileSync(demoPath)]) });
      await unpacked.stop();
      try {
        renameSync(partial, demoDirectory);
      } catch (error) {
        // Another process put it there first (a non-empty target cannot be replaced): theirs is the same.
        if (!existsSync(join(demoDirectory, 'PG_VERSION'))) throw error;
      }
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  // Templates of older migrations (or an older seed) are never read again.
  const current = new Set([path, demoPath, demoDirectory]);
  for (const file of readdirSync(templateCacheDir)) {
    const full = join(templateCacheDir, file);
    if ((file.startsWith(TEMPLATE_PREFIX) || file.startsWith(DEMO_PREFIX)) && !current.has(full) && !file.includes('.partial')) {
      rmSync(full, { recursive: true, force: true });
    }
  }
  return { path, demoPath, built: true };
}

/** True when the folder holds no PostgreSQL data directory yet (PGlite would run initdb in it). */
export function isEmptyDataDir(dataDir: string): boolean {
  return !dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'PG_VERSION'));
}
