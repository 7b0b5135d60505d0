/** Reading and writing the source tables folder. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headerProblems, parseCsv, stringifyCsv, type CsvIssue } from '../lib/csv';
import { EncodingError, readUtf8File } from '../lib/read-text';
import {
  AGENCY_COLUMNS, OPTIONAL_PROGRAM_COLUMNS, OPTIONAL_SOURCE_COLUMNS, OVERRIDE_COLUMNS, PROGRAM_COLUMNS, ROW_META_KEYS, SOURCE_COLUMNS, TABLE_FILES, sortTables,
  type TableName, type Tables,
} from './model';

export interface TableIssue extends CsvIssue {
  file: string;
  /**
   * The whole table cannot be read (missing file, not UTF-8, a missing,
   * duplicated or unnamed column): the one cause to report, since every row
   * of it, and every row that refers to them, would fail after it.
   */
  fatal?: boolean;
}

export interface ReadTables {
  tables: Tables;
  /** Tables that could not be read at all, and rows that could not be read (broken quoting, field count). */
  issues: TableIssue[];
  /** Data rows seen per file (read, including unreadable ones). */
  rowsRead: Record<string, number>;
}

export const TABLE_COLUMNS = {
  agencies: AGENCY_COLUMNS,
  programs: PROGRAM_COLUMNS,
  sources: SOURCE_COLUMNS,
  overrides: OVERRIDE_COLUMNS,
} as const;

/** Optional columns written only when some row fills them (the date kind, the copy flag). */
const LATE_OPTIONAL_COLUMNS: Partial<Record<TableName, readonly string[]>> = { programs: ['start_kind'], sources: ['copy'] };

/** Columns a table may lack (added after the first exports): read as empty. */
const OPTIONAL_COLUMNS: Partial<Record<TableName, readonly string[]>> = { programs: OPTIONAL_PROGRAM_COLUMNS, sources: OPTIONAL_SOURCE_COLUMNS };

/** Reads one UTF-8 CSV file with the columns it must have (`optional` ones read as empty when absent); unknown columns are kept. */
export function readCsvFile(
  path: string,
  file: string,
  columns: readonly string[],
  optional: readonly string[] = [],
): { header: string[]; rows: { [column: string]: string | number; line: number }[]; issues: TableIssue[]; rowsRead: number } {
  let text: string;
  try {
    text = readUtf8File(path);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    return { header: [], rows: [], issues: [{ file, line: e.line, reason: e.message, fatal: true }], rowsRead: 0 };
  }
  const parsed = parseCsv(text);
  const rowsRead = parsed.records.length + parsed.issues.filter((i) => i.line > 1).length;
  const problems = headerProblems(parsed.header, columns.filter((c) => !optional.includes(c) || parsed.header.includes(c)));
  for (const k of ROW_META_KEYS) if (parsed.header.includes(k) && !columns.includes(k)) problems.push(`column name "${k}" is reserved`);
  const headerIssue = parsed.issues.find((i) => i.line === 1);
  if (headerIssue) problems.unshift(headerIssue.reason);
  if (problems.length > 0) {
    return { header: parsed.header, rows: [], issues: problems.map((reason) => ({ file, line: 1, reason, fatal: true })), rowsRead };
  }
  const absent = optional.filter((c) => !parsed.header.includes(c));
  const rows = parsed.records.map((r) => ({ ...Object.fromEntries(absent.map((c) => [c, ''])), ...r.values, line: r.line }));
  return { header: parsed.header, rows, issues: parsed.issues.map((i) => ({ file, ...i })), rowsRead };
}

export function readTables(dir: string): ReadTables {
  const issues: TableIssue[] = [];
  const rowsRead: Record<string, number> = {};
  const extraColumns: NonNullable<Tables['extraColumns']> = {};
  const readOne = (name: TableName, optional: boolean) => {
    const file = TABLE_FILES[name];
    const path = join(dir, file);
    rowsRead[file] = 0;
    if (!existsSync(path)) {
      if (!optional) issues.push({ file, line: 0, reason: 'file is missing', fatal: true });
      return [];
    }
    const columns: readonly string[] = TABLE_COLUMNS[name];
    const r = readCsvFile(path, file, columns, OPTIONAL_COLUMNS[name]);
    rowsRead[file] = r.rowsRead;
    issues.push(...r.issues);
    const extra = r.header.filter((h) => !columns.includes(h));
    if (extra.length > 0) extraColumns[name] = extra;
    return r.rows;
  };
  const tables = {
    agencies: readOne('agencies', false),
    programs: readOne('programs', false),
    sources: readOne('sources', false),
    overrides: readOne('overrides', true),
  } as unknown as Tables;
  if (Object.keys(extraColumns).length > 0) tables.extraColumns = extraColumns;
  return { tables, issues, rowsRead };
}

/** Writes all four tables in canonical order (line numbers are dropped; added columns are kept, after the known ones). */
export function writeTables(dir: string, t: Tables): void {
  const s = sortTables(t);
  const write = (name: TableName, rows: readonly Record<string, unknown>[]) => {
    // A late optional column nobody filled is left out, so an import never adds an empty column to a table that lacked it.
    const late = LATE_OPTIONAL_COLUMNS[name] ?? [];
    const used = (c: string) => !late.includes(c) || rows.some((r) => typeof r[c] === 'string' && r[c] !== '');
    const columns = [...TABLE_COLUMNS[name].filter(used), ...(t.extraColumns?.[name] ?? [])];
    const cells = rows.map((r) => Object.fromEntries(columns.map((c) => [c, typeof r[c] === 'string' ? r[c] : ''])));
    writeFileSync(join(dir, TABLE_FILES[name]), stringifyCsv(columns, cells as Record<string, string>[]));
  };
  write('agencies', s.agencies);
  write('programs', s.programs);
  write('sources', s.sources);
  write('overrides', s.overrides);
}
