// importLeads against a floor of the same rows written with one Prisma createMany, on the local
// PostgreSQL server, in the same run. Each round imports a fresh 1,000-row CSV (new leads, with
// 1% duplicate rows and 2% bad rows), then the same file again (every good row an update), and
// writes the same valid rows with createMany into the same table (the floor: no parsing, no
// checks, no duplicate lookups, no audit rows, no GraphQL). Every answer is checked.
// Run: npx tsx bench/import-leads.ts [--rows 1000] [--rounds 5]
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { createEmptyDatabase } from '../test/support/database.js';
import { benchOptions, numberOption } from './support/args.js';
import { machine, writeSection } from './support/results.js';

const options = benchOptions({ rows: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '5' } });
const ROWS = numberOption('rows', options.rows);
const ROUNDS = numberOption('rounds', options.rounds);
const SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';
const MUTATION = `mutation ($input: ImportLeadsInput!) { importLeads(input: $input) { __typename
  ... on ImportLeadsPayload { created updated failed rows { row status lead { id } } } ... on Error { code message } } }`;

interface Row { email: string; name: string; company: string; value: number }

function csvFor(round: number): { csv: string; valid: Row[] } {
  const lines = ['email,name,company,estimated_value,source,region'];
  const valid: Row[] = [];
  for (let i = 0; i < ROWS; i++) {
    if (i % 100 === 7) lines.push(`not-an-address-${i},Bad,,,,`);
    else if (i % 100 === 8) lines.push(`r${round}-lead-${i}@bench.example,Bad value,,lots,,`);
    else if (i % 100 === 9) lines.push(`r${round}-lead-${i - 3}@bench.example,Duplicate ${i},,,,`);
    else {
      const row = { email: `r${round}-lead-${i}@bench.example`, name: `Lead ${i}`, company: `Company ${i}`, value: i * 10 };
      valid.push(row);
      lines.push(`${row.email},"${row.name}",${row.company},${row.value},bench,"North, East"`);
    }
  }
  return { csv: lines.join('\r\n'), valid };
}

const db = await createEmptyDatabase({ kind: 'postgres', serverUrl: SERVER, template: 'unused' });
try {
  await migrate(db.url);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'development' }), database: { kind: 'postgres' as const, url: db.url, poolSize: 10 } };
  const app = await createApp(config, {});
  const { prisma, devAccountId, devToken } = app.services;
  const importCsv = async (csv: string, expect: { created: number; updated: number }) => {
    const started = performance.now();
    const response = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${devToken}` },
      body: JSON.stringify({ query: MUTATION, variables: { input: { csv } } }),
    });
    const body = (await response.json()) as { data?: { importLeads: { __typename: string; created: number; updated: number; failed: number } } };
    const ms = performance.now() - started;
    const result = body.data?.importLeads;
    if (result?.__typename !== 'ImportLeadsPayload' || result.created !== expect.created || result.updated !== expect.updated) {
      throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 500)}`);
    }
    return ms;
  };
  const times = { create: [] as number[], update: [] as number[], floor: [] as number[] };
  // One warm-up round (query compilation, JIT), not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const { csv, valid } = csvFor(round);
    const distinct = valid.length;
    const duplicates = ROWS / 100;
    const create = await importCsv(csv, { created: distinct, updated: duplicates });
    const update = await importCsv(csv, { created: 0, updated: distinct + duplicates });
    const started = performance.now();
    const { count } = await prisma.lead.createMany({
      data: valid.map((r) => ({ id: randomUUID(), accountId: devAccountId, email: `floor-${r.email}`, emailKey: `floor-${r.email}`, name: r.name, company: r.company, estimatedValue: r.value, source: 'bench', customFields: { region: 'North, East' } })),
    });
    const floor = performance.now() - started;
    if (count !== distinct) throw new Error(`createMany wrote ${count} of ${distinct}`);
    if (round === 0) continue;
    times.create.push(create);
    times.update.push(update);
    times.floor.push(floor);
  }
  await app.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const floor = median(times.floor);
  const line = (label: string, xs: number[]) =>
    `| ${label} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} to ${Math.max(...xs).toFixed(0)} | ${(median(xs) / floor).toFixed(1)}x | ${((ROWS / median(xs)) * 1000).toFixed(0)} |`;
  const table = [
    '| what | median ms | range ms | against the floor | rows/s |',
    '|---|---|---|---|---|',
    line(`importLeads, ${ROWS} rows: new leads (1% duplicate rows, 2% bad rows)`, times.create),
    line('importLeads, the same file again: every good row an update', times.update),
    line(`floor: createMany of the ${ROWS - (ROWS / 100) * 3} valid rows`, times.floor),
  ].join('\n');
  console.log(table);
  writeSection(
    'import-leads',
    `## Lead import (issue 19)

\`npx tsx bench/import-leads.ts --rows ${ROWS} --rounds ${ROUNDS}\` on ${machine()}; PostgreSQL 15 on the same machine, Parley in process
(yoga.fetch, no HTTP socket). ${ROUNDS} rounds after one warm-up, each a fresh CSV; the floor writes the same valid rows with
one Prisma createMany (no CSV parsing, validation, duplicate lookup, audit rows or GraphQL result).

${table}

The import is a handful of statements whatever the row count (advisory lock, one look-up of the file's addresses, one
INSERT, one UPDATE from a JSON recordset, one INSERT of audit rows), so its time is parsing, per-row checks and the
per-row GraphQL result (each row's lead loaded through Prisma's batched findUnique).`,
  );
} finally {
  await db.drop();
}
