// importLeads: a CSV of 1,000 rows with duplicates (of each other and of existing leads) and bad
// rows gets one result per row, writes every good row whole and nothing of a bad one; and the
// file-level limits and odd files (BOM, CRLF, quoted newlines, semicolons) are handled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createLead, rawId } from './support/factories.js';
import { snapshotDatabase } from './support/snapshot.js';

const ImportLeads = graphql(`
  mutation ImportLeadsT($input: ImportLeadsInput!) {
    importLeads(input: $input) {
      __typename
      ... on ImportLeadsPayload {
        created updated failed
        rows { row status lead { id email name company estimatedValue source customFields } issues { path message } }
      }
      ... on ValidationError { code issues { path message } }
    }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

async function importCsv(csv: string) {
  const result = await app.execute(ImportLeads, { input: { csv } });
  expect(result.errors).toBeUndefined();
  return result.data!.importLeads;
}

describe('importLeads', () => {
  it('1,000 rows with duplicates and bad rows: a result per row, good rows whole, bad rows not at all', async () => {
    const { prisma, devAccountId } = app.services;
    // Two leads the account already has; rows 10 and 20 name them (in other case).
    const known1 = await createLead(prisma, devAccountId, { email: 'known-1@import.example', emailKey: 'known-1@import.example', name: 'Known One', company: 'Kept Co' });
    const known2 = await createLead(prisma, devAccountId, { email: 'known-2@import.example', emailKey: 'known-2@import.example', name: 'Known Two', customFields: { tier: 'gold' } });
    const header = 'Email,Name,Company,Estimated Value,Source,Region';
    const lines: string[] = [header];
    const expected = new Map<number, 'CREATED' | 'UPDATED' | 'FAILED'>();
    for (let i = 0; i < 1000; i++) {
      const row = i + 2;
      if (i === 8) { lines.push('KNOWN-1@IMPORT.EXAMPLE,,,"4,500.00",fair,West'); expected.set(row, 'UPDATED'); continue; }
      if (i === 18) { lines.push('known-2@import.example,Known Two Renamed,,,,North'); expected.set(row, 'UPDATED'); continue; }
      if (i % 100 === 50) { lines.push(`lead-${i - 1}@import.example,Later Name ${i},,,,`); expected.set(row, 'UPDATED'); continue; } // duplicate of the row before
      if (i % 100 === 70) { lines.push(`not-an-address-${i},Bad ${i},,,,`); expected.set(row, 'FAILED'); continue; }
      if (i % 100 === 80) { lines.push(`bad-value-${i}@import.example,Bad Value ${i},,12 apples,,`); expected.set(row, 'FAILED'); continue; }
      if (i % 100 === 90) { lines.push(`,No Address ${i},,,,`); expected.set(row, 'FAILED'); continue; }
      lines.push(`lead-${i}@import.example,"Lead ${i}, Jr.",Company ${i},${i * 10},csv,"Line one\nline two"`);
      expected.set(row, 'CREATED');
    }
    const before = await prisma.lead.count();
    const result = await importCsv(lines.join('\r\n'));
    if (result.__typename !== 'ImportLeadsPayload') throw new Error(JSON.stringify(result));

    expect(result.rows).toHaveLength(1000);
    expect(result.rows.map((r) => r.row)).toEqual([...expected.keys()]);
    expect(Object.fromEntries(result.rows.map((r) => [r.row, r.status]))).toEqual(Object.fromEntries(expected));
    expect({ created: result.created, updated: result.updated, failed: result.failed }).toEqual({ created: 970 - 10 - 2 + 0, updated: 12, failed: 30 });

    // Bad rows: the row and the field, and nothing written for them.
    const failed = result.rows.filter((r) => r.status === 'FAILED');
    expect(failed.every((r) => r.lead === null && r.issues.length > 0)).toBe(true);
    expect(failed.find((r) => r.row === 72)!.issues).toEqual([{ path: ['input', 'csv', 'row 72', 'email'], message: expect.stringMatching(/email address/) }]);
    expect(failed.find((r) => r.row === 82)!.issues).toEqual([{ path: ['input', 'csv', 'row 82', 'estimated_value'], message: expect.stringMatching(/number/) }]);
    expect(failed.find((r) => r.row === 92)!.issues[0]!.path).toEqual(['input', 'csv', 'row 92', 'email']);
    expect(await prisma.lead.count({ where: { email: { in: ['bad-value-80@import.example', 'bad-value-180@import.example'] } } })).toBe(0);
    expect(await prisma.lead.count({ where: { name: { startsWith: 'No Address' } } })).toBe(0);

    // Good rows whole: every column, quoted commas and newlines, extra columns as custom fields.
    expect(await prisma.lead.count()).toBe(before + result.created);
    const row2 = result.rows[0]!;
    expect(row2).toMatchObject({ status: 'CREATED', lead: { email: 'lead-0@import.example', name: 'Lead 0, Jr.', company: 'Company 0', estimatedValue: 0, source: 'csv', customFields: { Region: 'Line one\nline two' } } });
    // A later row for the same address updated the lead the earlier one created; blank cells kept values.
    const dupOf = result.rows.find((r) => r.row === 52)!;
    expect(dupOf.lead).toMatchObject({ email: 'lead-49@import.example', name: 'Later Name 50', company: 'Company 49', estimatedValue: 490 });
    expect(result.rows.find((r) => r.row === 51)!.lead!.id).toBe(dupOf.lead!.id);
    // Existing leads: matched by key, updated in place, blanks kept, custom fields merged.
    expect(result.rows.find((r) => r.row === 10)!.lead).toMatchObject({ id: expect.any(String), name: 'Known One', company: 'Kept Co', estimatedValue: 4500, source: 'fair', customFields: { Region: 'West' } });
    expect(rawId(result.rows.find((r) => r.row === 10)!.lead!.id)).toBe(known1.id);
    const k2 = await prisma.lead.findUniqueOrThrow({ where: { id: known2.id } });
    expect(k2).toMatchObject({ name: 'Known Two Renamed', customFields: { tier: 'gold', Region: 'North' } });
    // One audit row per lead written, naming its rows (a lead the file names twice: both).
    expect(await prisma.auditEntry.count({ where: { action: 'lead.created', details: { path: ['via'], equals: 'import' } } })).toBe(result.created);
    expect(await prisma.auditEntry.count({ where: { action: 'lead.updated', details: { path: ['via'], equals: 'import' } } })).toBe(2);
    const twice = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'lead.created', entityId: rawId(dupOf.lead!.id) } });
    expect(twice.details).toEqual({ via: 'import', rows: [51, 52] });

    // The same file again: every good row is now an update, nothing new.
    const again = await importCsv(lines.join('\n'));
    if (again.__typename !== 'ImportLeadsPayload') throw new Error(JSON.stringify(again));
    expect({ created: again.created, updated: again.updated, failed: again.failed }).toEqual({ created: 0, updated: 970, failed: 30 });
    expect(await prisma.lead.count()).toBe(before + result.created);
  });

  it('reads a BOM, semicolons, CR line endings and first/last name columns', async () => {
    const result = await importCsv('\uFEFFFirst Name;Last Name;E-mail;Deal Value\r"Ana";"Lima";ana@semi.example;€ 1200\r');
    expect(result).toMatchObject({ created: 1, rows: [{ row: 2, status: 'CREATED', lead: { name: 'Ana Lima', email: 'ana@semi.example', estimatedValue: 1200, customFields: null } }] });
  });

  it('refuses whole files it cannot take with one typed error, writing nothing', async () => {
    const before = await snapshotDatabase(app.services.prisma);
    const cases: [string, RegExp][] = [
      ['name,company\nAna,Co', /email/],
      ['email,name\n', /at least one row/],
      ['email,email\na@b.example,c@d.example', /twice/],
      ['email,name\n"a@b.example,unterminated', /not readable CSV/],
      [`email\n${'x@y.example\n'.repeat(5001)}`, /at most 5000 rows/],
      [`email,note\na@b.example,${'x'.repeat(800 * 1024)}`, /bytes/],
    ];
    for (const [csv, message] of cases) {
      const result = await app.execute(ImportLeads, { input: { csv } });
      const payload = result.data?.importLeads;
      if (payload?.__typename !== 'ValidationError') throw new Error(`${csv.slice(0, 40)}: ${JSON.stringify(result).slice(0, 300)}`);
      expect(payload.issues[0]).toMatchObject({ path: ['input', 'csv'], message: expect.stringMatching(message) });
    }
    expect(await snapshotDatabase(app.services.prisma)).toBe(before);
  });
});
