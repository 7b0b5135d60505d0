/** Small helper tables used by the importers: publishers.csv, aliases.csv, atlas_corrections.csv, keep-apart.csv, place_corrections.csv. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CsvTable } from '../lib/csv';
import { readCsvFile } from './io';
import { cleanText } from '../../src/core/text';
import { ATLAS_COLUMNS, type AtlasCorrection } from '../atlas/parse';
import { KEEP_APART_COLUMNS, KEEP_APART_FILE, type KeepApart } from '../merge/intake';

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

export const ATLAS_CORRECTION_COLUMNS = ['aos_id', 'column', 'atlas_value', 'corrected_value', 'reason', 'source_url'] as const;

/** Cells of the Atlas export known to be wrong; a row without a column, values or reason stops the import with its line. */
export function readAtlasCorrections(dir: string): AtlasCorrection[] {
  const path = join(dir, 'atlas_corrections.csv');
  if (!existsSync(path)) return [];
  const file = relative(process.cwd(), path) || path;
  return readLookup(path, ATLAS_CORRECTION_COLUMNS).map((r) => {
    const v = (k: string) => cleanText(r.values[k] ?? '');
    const column = ATLAS_COLUMNS.find((c) => c === v('column'));
    if (!/^AOS\d+$/.test(v('aos_id'))) throw new Error(`${file}:${r.line}: aos_id "${v('aos_id')}" is not an Atlas id (AOS followed by digits)`);
    if (!column) throw new Error(`${file}:${r.line}: column "${v('column')}" is not a column of the Atlas export`);
    if (!v('atlas_value') || !v('corrected_value') || !v('reason')) throw new Error(`${file}:${r.line}: atlas_value, corrected_value and reason are all needed`);
    return { line: r.line, aos: v('aos_id'), column, atlasValue: v('atlas_value'), correctedValue: v('corrected_value') };
  });
}

/** keep-apart.csv: names that are not the agency a "did you mean" suggests (each with its reason). */
export function readKeepApart(dir: string): KeepApart[] {
  const path = join(dir, KEEP_APART_FILE);
  if (!existsSync(path)) return [];
  const file = relative(process.cwd(), path) || path;
  return readLookup(path, KEEP_APART_COLUMNS).map((r) => {
    const v = (k: string) => cleanText(r.values[k] ?? '');
    if (!v('name') || !v('state') || !v('agency_id') || !v('reason')) throw new Error(`${file}:${r.line}: name, state, agency_id and reason are all needed`);
    return { name: v('name'), state: v('state'), agencyId: v('agency_id') };
  });
}

/**
 * place_corrections.csv as a question: was this agency's field corrected
 * from this value? An import giving the value a maintainer already
 * corrected is not a disagreement.
 */
export function readPlaceCorrections(dir: string): (agencyId: string, field: string, previous: string) => boolean {
  const path = join(dir, 'place_corrections.csv');
  const seen = new Set<string>();
  const key = (id: string, field: string, v: string) => `${id}|${field}|${cleanText(v).toLowerCase()}`;
  if (existsSync(path)) {
    for (const r of readLookup(path, ['agency_id', 'field', 'previous_value', 'corrected_value', 'reason'])) {
      seen.add(key(r.values.agency_id ?? '', r.values.field ?? '', r.values.previous_value ?? ''));
    }
  }
  return (id, field, previous) => seen.has(key(id, field, previous));
}
