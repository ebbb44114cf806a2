// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) with pgvector and pg_trgm,
// served over the Postgres wire protocol on a loopback port. The app then talks to it
// through the same @prisma/adapter-pg path as to a real server, so migrations, raw SQL
// and Prisma behave the same on both.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketHandler, PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * pglite-socket 0.2 appends every incoming chunk to its buffer with Buffer.concat, so a message
 * of n bytes arriving in 64 KiB chunks copies O(n^2) bytes: a 37 MiB parameter took 270 s.
 * This holds a large message's chunks aside and hands the handler the whole message at once
 * (one copy). Only typed messages (first byte non-zero: never a startup packet) over 64 KiB
 * are held; everything else passes through untouched. Written here because the library has
 * no hook for it; remove when pglite-socket buffers linearly.
 */
const HOLD_MESSAGES_OVER_BYTES = 64 * 1024;
type HandlerInternals = {
  messageBuffer: Buffer;
  heldChunks?: Buffer[];
  heldBytes?: number;
  heldNeed?: number;
  handleData(chunk: Buffer): Promise<number>;
};
const handlerPrototype = PGLiteSocketHandler.prototype as unknown as HandlerInternals & { linearBuffering?: true };
if (!handlerPrototype.linearBuffering) {
  const handleData = handlerPrototype.handleData;
  handlerPrototype.linearBuffering = true;
  handlerPrototype.handleData = async function (this: HandlerInternals, chunk: Buffer): Promise<number> {
    if (this.heldChunks) {
      this.heldChunks.push(chunk);
      this.heldBytes! += chunk.length;
      if (this.heldBytes! < this.heldNeed!) return 0;
      const whole = Buffer.concat(this.heldChunks, this.heldBytes);
      this.heldChunks = undefined;
      return handleData.call(this, whole);
    }
    // The next message to process starts the handler's buffer, or this chunk when it is empty.
    const head = this.messageBuffer.length > 0 ? this.messageBuffer : chunk;
    if (head.length >= 5 && head[0] !== 0) {
      const need = 1 + head.readInt32BE(1);
      const have = this.messageBuffer.length + chunk.length;
      if (need > HOLD_MESSAGES_OVER_BYTES && need > have) {
        this.heldChunks = this.messageBuffer.length > 0 ? [this.messageBuffer, chunk] : [chunk];
        this.heldBytes = have;
        this.heldNeed = need;
        this.messageBuffer = Buffer.alloc(0);
        return 0;
      }
    }
    return handleData.call(this, chunk);
  };
}

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

// The thread that runs it (embedded-thread.ts, which imports none of PGlite) for old importers.
export { startEmbeddedPostgresThread, type EmbeddedPostgresThread } from './embedded-thread.js';
