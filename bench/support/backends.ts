// A server's own PostgreSQL backends, so its CPU per request counts its database work and no one
// else's (other servers, other clients of the shared PostgreSQL).
import pg from 'pg';
import { benchDatabaseUrl } from '../generate.js';

/** PostgreSQL's backends of a server's pool, by the application_name its URL gives them. */
export async function backendsOf(database: string, applicationName: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl(database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [database, applicationName]);
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}
