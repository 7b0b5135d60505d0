/**
 * What the site publishes from `data/`: the files and columns the README's
 * data dictionary lists, and nothing else; tables start with a UTF-8
 * byte-order mark and their formula-like cells are guarded, as downloads are. Curation notes (`agencies.csv`
 * `note`) and columns a volunteer added stay in the repository; a file that
 * is not in the list is not published at all.
 */
import { OVERSIGHT_COLUMNS } from '../src/core/oversight';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyCsv } from './lib/csv';
import { spreadsheetCell, UTF8_BOM } from '../src/core/spreadsheet';
import { readCsvFile, TABLE_COLUMNS } from './tables/io';
import { TABLE_FILES, UNPUBLISHED_COLUMNS, type TableName } from './tables/model';
import { ERA_COLUMNS, TOTAL_COLUMNS } from './history';
import { ATLAS_CORRECTION_COLUMNS } from './tables/lookups';
import { RECORDS_LAW_COLUMNS } from '../src/core/records-law';

const published = (name: TableName) => TABLE_COLUMNS[name].filter((c) => !(UNPUBLISHED_COLUMNS[name] ?? []).includes(c));

/** Published tables and their columns, in order. */
export const PUBLISHED_TABLES: Readonly<Record<string, readonly string[]>> = {
  [TABLE_FILES.agencies]: published('agencies'),
  [TABLE_FILES.programs]: published('programs'),
  [TABLE_FILES.sources]: published('sources'),
  [TABLE_FILES.overrides]: published('overrides'),
  'aliases.csv': ['alias', 'state', 'agency_id'],
  'publishers.csv': ['hostname', 'publisher'],
  'place_corrections.csv': ['agency_id', 'field', 'previous_value', 'corrected_value', 'reason'],
  'atlas_corrections.csv': ATLAS_CORRECTION_COLUMNS,
  'eras.csv': ERA_COLUMNS,
  'reported-totals.csv': TOTAL_COLUMNS,
  'records-laws.csv': RECORDS_LAW_COLUMNS,
  // Who decides: every ordinance and council vote with its source, as checked.
  'oversight.csv': OVERSIGHT_COLUMNS,
};

/** Every file the site publishes from `data/`. */
export const PUBLISHED_FILES: readonly string[] = ['partnerships.geojson', 'dataset.json', 'records-laws.json', ...Object.keys(PUBLISHED_TABLES)];

/**
 * The published copy of a file in the data folder: tables cut to their
 * published columns, other files as they are. Throws when a table cannot be
 * read (wrong encoding, missing column): the site is never built from it.
 */
export function publishedCopy(dir: string, file: string): string | Buffer {
  const columns = PUBLISHED_TABLES[file];
  const path = join(dir, file);
  if (!columns) return readFileSync(path);
  const r = readCsvFile(path, file, columns);
  const fatal = r.issues.find((i) => i.fatal);
  if (fatal) throw new Error(`${file}:${fatal.line}: ${fatal.reason}`);
  // Guarded exactly as the site's downloads are: these copies open in spreadsheets too.
  const rows = r.rows.map((row) => Object.fromEntries(columns.map((c) => [c, spreadsheetCell(String(row[c] ?? ''))])));
  return UTF8_BOM + stringifyCsv(columns, rows);
}
