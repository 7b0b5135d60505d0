/** Small helper tables used by the importers: publishers.csv and aliases.csv. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../lib/csv';
import { cleanText } from '../lib/text';

/** hostname (without www.) → outlet name. */
export function readPublishers(dir: string): Map<string, string> {
  const path = join(dir, 'publishers.csv');
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  for (const r of parseCsv(readFileSync(path, 'utf8')).records) {
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
  return parseCsv(readFileSync(path, 'utf8'))
    .records.map((r) => [cleanText(r.values.alias ?? ''), cleanText(r.values.state ?? ''), cleanText(r.values.agency_id ?? '')] as [string, string, string])
    .filter(([a, s, id]) => a && s && id);
}
