/** Small helper tables used by the importers: publishers.csv and aliases.csv. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CsvTable } from '../lib/csv';
import { readCsvFile } from './io';
import { cleanText } from '../../src/core/text';

/** Reads a lookup table; a table that cannot be read (encoding, columns) stops with its file, line and reason. */
function readLookup(path: string, columns: readonly string[]): CsvTable['records'] {
  const r = readCsvFile(path, relative(process.cwd(), path) || path, columns);
  const bad = r.issues[0];
  if (bad) throw new Error(`${bad.file}:${bad.line}: ${bad.reason}`);
  return r.rows.map(({ line, ...values }) => ({ line, values: values as Record<string, string> }));
}

/** hostname (without www.) → outlet name. */
export function readPublishers(dir: string): Map<string, string> {
  const path = join(dir, 'publishers.csv');
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  for (const r of readLookup(path, ['hostname', 'publisher'])) {
    const host = cleanText(r.values.hostname ?? '').toLowerCase().replace(/^www\./, '');
    const pub = cleanText(r.values.publisher ?? '');
    if (host && pub) out.set(host, pub);
  }
  return out;
}

/** [alias name, state, agency id]: other names under which sources refer to an agency. */
export function readAliases(dir: string): [string, string, string][] {
  const path = join(dir, 'aliases.csv');
  if (!existsSync(path)) return [];
  return readLookup(path, ['alias', 'state', 'agency_id'])
    .map((r) => [cleanText(r.values.alias ?? ''), cleanText(r.values.state ?? ''), cleanText(r.values.agency_id ?? '')] as [string, string, string])
    .filter(([a, s, id]) => a && s && id);
}
