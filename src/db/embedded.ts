// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) with pgvector and pg_trgm,
// served over the Postgres wire protocol on a loopback port. The app then talks to it
// through the same @prisma/adapter-pg path as to a real server, so migrations, raw SQL
// and Prisma behave the same on both.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** postgresql:// URL of the loopback socket server. */
  url: string;
  pglite: PGlite;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** A folder for the data, or "memory://" for a throwaway database. */
  dataDir: string;
  /** Start from a data directory tarball (PGlite's dumpDataDir), e.g. a migrated template. */
  loadDataDir?: Blob;
}

export const embeddedExtensions = { vector, pg_trgm };

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const inMemory = options.dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(inMemory ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: embeddedExtensions,
  });
  // PGlite is one session: the pool has one connection. The server admits a second so that a
  // reconnect is not refused while the socket it replaces is still closing (pg-pool drops a
  // connection after any failed statement outside a transaction); it runs one query at a
  // time and keeps a transaction's queries on its own connection.
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  const conn = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
    pglite,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
