// Runs once per test run: migrates a template database that every test file clones.
// Default: the cached embedded PGlite template, a tarball that each file loads in well under a second.
// With TEST_DATABASE_URL (a real PostgreSQL server): a template database on that server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureEmbeddedTemplate } from '../../src/db/embedded-template.js';
import { migrate } from '../../src/db/migrate.js';
import { databaseUrlFor, type TestDatabaseTarget } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTarget;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const run = randomBytes(4).toString('hex');
    const template = `parley_tpl_${run}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await migrate(databaseUrlFor(serverUrl, template));
    project.provide('testDatabase', { kind: 'postgres', serverUrl, template, run });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        // Only this run's: another run (another checkout, a CI job) may share the server.
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
        [`parley\\_t\\_${run}\\_%`, template],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  // The migrated template `npm install` built (src/db/embedded-template.ts), or built now when
  // the migrations changed since: saves each run initdb and the migrations (about 10 s of CPU).
  const { path: templateFile } = await ensureEmbeddedTemplate();
  project.provide('testDatabase', { kind: 'embedded', templateFile });
}
