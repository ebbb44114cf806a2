// importLeads: a CSV of leads, each row created, updated (its address is already a lead's,
// or an earlier row's) or refused with the field at fault. Every row is checked before
// anything is written, and the valid ones are written in one transaction: a row is applied
// whole or not at all, and an import that fails (the database, a lost race) writes nothing.
import { randomUUID } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import { Prisma } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAudits, type AuditRecord } from '../audit.js';
import { ValidationError, type FieldIssue } from '../errors.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import {
  customFieldsSchema,
  defaultLeadName,
  leadCompanySchema,
  leadEmailSchema,
  leadNameSchema,
  leadSourceSchema,
  leadValueSchema,
} from './input.js';
import { lockLeadAddresses } from './write.js';

/** Bytes of CSV text (UTF-8) per import; the request itself is limited to 1 MiB. */
export const IMPORT_MAX_BYTES = 768 * 1024;
/** Data rows per import (the header row not counted). */
export const IMPORT_MAX_ROWS = 5_000;
/** Columns per row: more is not a lead list. */
export const IMPORT_MAX_COLUMNS = 100;

export type ImportRowStatus = 'CREATED' | 'UPDATED' | 'FAILED';

export interface ImportRowResult {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  status: ImportRowStatus;
  leadId: string | null;
  issues: FieldIssue[];
}

export interface ImportLeadsResult {
  created: number;
  updated: number;
  failed: number;
  rows: ImportRowResult[];
}

type Known = 'name' | 'email' | 'company' | 'estimatedValue' | 'source' | 'firstName' | 'lastName';

/** Header spellings, after lower-casing and turning spaces and dashes into underscores. */
const HEADERS: Record<string, Known> = {
  name: 'name',
  full_name: 'name',
  email: 'email',
  email_address: 'email',
  e_mail: 'email',
  company: 'company',
  company_name: 'company',
  organization: 'company',
  estimated_value: 'estimatedValue',
  estimatedvalue: 'estimatedValue',
  value: 'estimatedValue',
  deal_value: 'estimatedValue',
  source: 'source',
  first_name: 'firstName',
  firstname: 'firstName',
  last_name: 'lastName',
  lastname: 'lastName',
};

const normaliseHeader = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * The delimiter of the file: the one of comma, semicolon and tab that the header line has most
 * of (spreadsheets in many locales save "CSV" with semicolons). Quoted parts are skipped.
 */
function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** "4500", "4,500.00", "$ 4500": a number; empty: none; anything else: undefined (an issue). */
function parseValue(text: string): number | null | undefined {
  const t = text.trim().replace(/^[$€£¥]\s*|\s*[$€£¥]$/g, '').replace(/\s/g, '');
  if (t === '') return null;
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replaceAll(',', '') : t;
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

interface ValidRow {
  row: number;
  email: string;
  key: string;
  name: string | null;
  company: string | null;
  estimatedValue: number | null;
  source: string | null;
  customFields: Record<string, unknown> | null;
}

function fail(message: string): never {
  throw ValidationError.fromIssues([{ path: ['input', 'csv'], message }]);
}

/** The CSV's records as arrays of cells, the header first; a malformed file is a ValidationError. */
function readRecords(csv: string): string[][] {
  if (Buffer.byteLength(csv) > IMPORT_MAX_BYTES) fail(`must be at most ${IMPORT_MAX_BYTES} bytes; split the file`);
  // One line ending for the whole file (a file edited on several systems mixes them); a
  // quoted CR LF inside a cell becomes LF, which is what a text field holds anyway.
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    return parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // One past the limit, to tell "too many" from "exactly the limit" without parsing the rest.
      to: IMPORT_MAX_ROWS + 2,
      max_record_size: 64 * 1024,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) fail(`is not readable CSV: ${error.message}`);
    throw error;
  }
}

function rowIssue(row: number, field: string, message: string): FieldIssue {
  return { path: ['input', 'csv', `row ${row}`, field], message };
}

function checkRow(row: number, cells: string[], columns: { known: (Known | null)[]; headers: string[] }): ValidRow | FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known: Partial<Record<Known, string>> = {};
  const custom: Record<string, string> = {};
  if (cells.length > columns.headers.length) issues.push(rowIssue(row, 'row', `has ${cells.length} cells but the header names ${columns.headers.length}`));
  cells.forEach((cell, i) => {
    const field = columns.known[i];
    if (field) known[field] = cell;
    else if (i < columns.headers.length && cell.trim() !== '') custom[columns.headers[i]!.trim()] = cell.trim();
  });
  const check = <T>(field: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } } }, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) issues.push(rowIssue(row, field, issue.message));
    return undefined;
  };
  const email = (known.email ?? '').trim() === '' ? (issues.push(rowIssue(row, 'email', 'must not be empty')), undefined) : check('email', leadEmailSchema, known.email);
  const rawName = known.name?.trim() || [known.firstName?.trim(), known.lastName?.trim()].filter(Boolean).join(' ');
  const name = rawName ? check('name', leadNameSchema, rawName) : null;
  const company = check('company', leadCompanySchema, known.company ?? '');
  const source = check('source', leadSourceSchema, known.source ?? '');
  const parsedValue = parseValue(known.estimatedValue ?? '');
  const estimatedValue = parsedValue === undefined ? (issues.push(rowIssue(row, 'estimated_value', 'must be a number, e.g. 4500 or 4,500.00')), undefined) : parsedValue === null ? null : check('estimated_value', leadValueSchema, parsedValue);
  const customFields = Object.keys(custom).length > 0 ? check('customFields', customFieldsSchema, custom) : null;
  if (issues.length > 0 || !email) return issues;
  return {
    row,
    email: email.email,
    key: email.key,
    name: name ?? null,
    company: company ?? null,
    estimatedValue: estimatedValue ?? null,
    source: source ?? null,
    customFields: customFields ?? null,
  };
}

/** Later rows for the same address update what the earlier ones set; blank cells keep values. */
function mergeRows(rows: ValidRow[]): ValidRow {
  return rows.reduce((merged, next) => ({
    ...merged,
    name: next.name ?? merged.name,
    company: next.company ?? merged.company,
    estimatedValue: next.estimatedValue ?? merged.estimatedValue,
    source: next.source ?? merged.source,
    customFields: next.customFields ? { ...merged.customFields, ...next.customFields } : merged.customFields,
  }));
}

export async function importLeads(ctx: DomainContext, input: { csv: string }): Promise<ImportLeadsResult> {
  const records = readRecords(input.csv);
  const [header, ...data] = records;
  if (!header || data.length === 0) fail('must have a header row and at least one row of leads');
  if (data.length > IMPORT_MAX_ROWS) fail(`must have at most ${IMPORT_MAX_ROWS} rows of leads; split the file`);
  if (header.length > IMPORT_MAX_COLUMNS) fail(`must have at most ${IMPORT_MAX_COLUMNS} columns`);
  const known = header.map((h) => HEADERS[normaliseHeader(h)] ?? null);
  if (!known.includes('email')) fail('the header row must name an "email" column');
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    const name = known[i] ?? h.trim();
    if (name === '' && known[i] === null) continue;
    if (seen.has(name)) fail(`the header names the column "${h.trim()}" twice`);
    seen.add(name);
  }

  const results: ImportRowResult[] = [];
  const byKey = new Map<string, ValidRow[]>();
  data.forEach((cells, i) => {
    const row = i + 2;
    const checked = checkRow(row, cells, { known, headers: header });
    if (Array.isArray(checked)) {
      results.push({ row, status: 'FAILED', leadId: null, issues: checked });
      return;
    }
    const group = byKey.get(checked.key) ?? [];
    group.push(checked);
    byKey.set(checked.key, group);
  });

  const groups = [...byKey.values()];
  if (groups.length > 0) {
    for (let attempt = 0; ; attempt++) {
      try {
        results.push(...(await writeGroups(ctx, groups)));
        break;
      } catch (error) {
        // A lead with one of these addresses arrived meanwhile by a path that does not take
        // the lock (inbound email): the whole write rolled back; read again and redo it once.
        if (!isUniqueViolation(error) || attempt > 0) throw error;
      }
    }
  }
  results.sort((a, b) => a.row - b.row);
  return {
    created: results.filter((r) => r.status === 'CREATED').length,
    updated: results.filter((r) => r.status === 'UPDATED').length,
    failed: results.filter((r) => r.status === 'FAILED').length,
    rows: results,
  };
}

/**
 * One transaction: new addresses in one INSERT, known ones in one UPDATE, their audit rows in
 * one more, and one LEAD_CREATED or LEAD_UPDATED event per lead (with their webhook deliveries)
 * in one last statement (inTransaction), whatever the number of rows.
 */
async function writeGroups(ctx: DomainContext, groups: ValidRow[][]): Promise<ImportRowResult[]> {
  const { accountId } = ctx.viewer;
  const at = ctx.services.now().toISOString();
  return inTransaction(
    ctx,
    async (tx, events) => {
      await lockLeadAddresses(tx, accountId);
      const keys = groups.map((g) => g[0]!.key);
      const existing = await tx.lead.findMany({
        where: { emailKey: { in: keys } },
        orderBy: { createdAt: 'asc' },
        select: { id: true, emailKey: true },
      });
      // The oldest lead with a key, as inbound email matches it.
      const idOfKey = new Map<string, string>();
      for (const lead of existing) if (lead.emailKey && !idOfKey.has(lead.emailKey)) idOfKey.set(lead.emailKey, lead.id);

      const results: ImportRowResult[] = [];
      const creates: Prisma.LeadCreateManyInput[] = [];
      const updates: (ValidRow & { id: string })[] = [];
      const audits: AuditRecord[] = [];
      for (const group of groups) {
        const merged = mergeRows(group);
        const known = idOfKey.get(merged.key);
        const id = known ?? randomUUID();
        group.forEach((r, i) => results.push({ row: r.row, status: known || i > 0 ? 'UPDATED' : 'CREATED', leadId: id, issues: [] }));
        const rows = group.map((r) => r.row);
        events.publish({ type: known ? 'LEAD_UPDATED' : 'LEAD_CREATED', accountId, conversationId: null, leadId: id, via: 'IMPORT', at });
        if (known) {
          updates.push({ ...merged, id });
          audits.push({ action: 'lead.updated', entityType: 'Lead', entityId: id, details: { via: 'import', rows } });
        } else {
          creates.push({
            id,
            accountId,
            email: merged.email,
            emailKey: merged.key,
            name: merged.name ?? defaultLeadName(merged.email),
            company: merged.company,
            estimatedValue: merged.estimatedValue,
            source: merged.source,
            customFields: merged.customFields ? (merged.customFields as Prisma.InputJsonValue) : Prisma.DbNull,
          });
          audits.push({ action: 'lead.created', entityType: 'Lead', entityId: id, toStatus: 'CONTACTABLE', details: { via: 'import', rows } });
        }
      }
      if (creates.length > 0) await tx.lead.createMany({ data: creates });
      if (updates.length > 0) {
        // Blank cells keep what the lead has; custom fields merge key by key. The scoped
        // client does not cover raw SQL: the account is in the WHERE.
        const values = JSON.stringify(
          updates.map((u) => ({ id: u.id, name: u.name, company: u.company, estimated_value: u.estimatedValue, source: u.source, custom_fields: u.customFields })),
        );
        await tx.$executeRaw`
          UPDATE leads AS l SET
            name = COALESCE(v.name, l.name),
            company = COALESCE(v.company, l.company),
            estimated_value = COALESCE(v.estimated_value, l.estimated_value),
            source = COALESCE(v.source, l.source),
            custom_fields = CASE WHEN v.custom_fields IS NULL THEN l.custom_fields
                                 ELSE COALESCE(l.custom_fields, '{}'::jsonb) || v.custom_fields END,
            updated_at = ${new Date()}::timestamptz
          FROM jsonb_to_recordset(${values}::jsonb)
            AS v(id uuid, name text, company text, estimated_value double precision, source text, custom_fields jsonb)
          WHERE l.id = v.id AND l.account_id = ${accountId}::uuid`;
      }
      await recordAudits(tx, ctx.viewer, audits);
      return results;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
