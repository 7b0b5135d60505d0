/** Reading and writing the source tables folder. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, stringifyCsv, type CsvIssue } from '../lib/csv';
import {
  AGENCY_COLUMNS, OPTIONAL_PROGRAM_COLUMNS, OVERRIDE_COLUMNS, PROGRAM_COLUMNS, SOURCE_COLUMNS, TABLE_FILES, sortTables,
  type Tables,
} from './model';

export interface TableIssue extends CsvIssue {
  file: string;
}

export interface ReadTables {
  tables: Tables;
  /** Rows that could not be read at all (broken quoting, field count, header). */
  issues: TableIssue[];
  /** Data rows seen per file (read, including unreadable ones). */
  rowsRead: Record<string, number>;
}

function readOne<C extends readonly string[]>(
  dir: string,
  file: string,
  columns: C,
  optional: boolean,
  issues: TableIssue[],
  rowsRead: Record<string, number>,
  optionalColumns: readonly string[] = [],
): (Record<C[number], string> & { line: number })[] {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (!optional) issues.push({ file, line: 0, reason: 'file is missing' });
    rowsRead[file] = 0;
    return [];
  }
  const parsed = parseCsv(readFileSync(path, 'utf8'));
  rowsRead[file] = parsed.records.length + parsed.issues.filter((i) => i.line > 1).length;
  for (const i of parsed.issues) issues.push({ file, ...i });
  const missing = columns.filter((c) => !parsed.header.includes(c) && !optionalColumns.includes(c));
  if (missing.length > 0) {
    issues.push({ file, line: 1, reason: `missing column(s): ${missing.join(', ')}` });
    return [];
  }
  return parsed.records.map((r) => {
    const row = { line: r.line } as Record<string, string | number>;
    for (const c of columns) row[c] = r.values[c] ?? '';
    return row as Record<C[number], string> & { line: number };
  });
}

export function readTables(dir: string): ReadTables {
  const issues: TableIssue[] = [];
  const rowsRead: Record<string, number> = {};
  const tables: Tables = {
    agencies: readOne(dir, TABLE_FILES.agencies, AGENCY_COLUMNS, false, issues, rowsRead),
    programs: readOne(dir, TABLE_FILES.programs, PROGRAM_COLUMNS, false, issues, rowsRead, OPTIONAL_PROGRAM_COLUMNS),
    sources: readOne(dir, TABLE_FILES.sources, SOURCE_COLUMNS, false, issues, rowsRead),
    overrides: readOne(dir, TABLE_FILES.overrides, OVERRIDE_COLUMNS, true, issues, rowsRead),
  };
  return { tables, issues, rowsRead };
}

/** Writes all four tables in canonical order (line numbers are dropped). */
export function writeTables(dir: string, t: Tables): void {
  const s = sortTables(t);
  writeFileSync(join(dir, TABLE_FILES.agencies), stringifyCsv(AGENCY_COLUMNS, s.agencies));
  writeFileSync(join(dir, TABLE_FILES.programs), stringifyCsv(PROGRAM_COLUMNS, s.programs));
  writeFileSync(join(dir, TABLE_FILES.sources), stringifyCsv(SOURCE_COLUMNS, s.sources));
  writeFileSync(join(dir, TABLE_FILES.overrides), stringifyCsv(OVERRIDE_COLUMNS, s.overrides));
}
