/**
 * `npm run import:atlas -- <export.csv> [--data data] [--as-of YYYY-MM-DD] [--keep-going] [--dry-run]`
 *
 * Reads a whole Atlas of Surveillance CSV export, keeps the Ring/Neighbors
 * rows, cleans them and merges them into the source tables (agencies,
 * programs, sources). Re-running on the same export changes nothing; rows
 * from other sources are never overwritten. Any rejected row stops the
 * import (nothing is written) unless --keep-going is given.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAtlasExport, type AtlasAgency } from './atlas/parse';
import { loadGazetteers } from './geocode/gazetteer';
import { Geocoder, countyFromName, isCountyLevel } from './geocode/geocoder';
import { isPartialIsoDate } from './lib/dates';
import { DEFAULT_DATA_DIR } from './lib/paths';
import { mergeAtlas } from './merge/atlas';
import { readTables, writeTables } from './tables/io';
import { readAliases, readPublishers } from './tables/lookups';

/** The export date from a path such as `Atlas_of_Surveillance-20201007.csv` or `aos-2020-10-07/…`. */
export function exportDateFromPath(path: string): string | undefined {
  for (const part of [basename(path), basename(dirname(path))]) {
    const m = /(20\d{2})-?(\d{2})-?(\d{2})/.exec(part);
    if (m && isPartialIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'as-of': { type: 'string' },
      'keep-going': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npm run import:atlas -- <export.csv> [--data <dir>] [--as-of YYYY-MM-DD] [--keep-going] [--dry-run]');
    return 2;
  }
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const exportDate = values['as-of'] ?? exportDateFromPath(resolve(file));
  if (!exportDate || !/^\d{4}-\d{2}-\d{2}$/.test(exportDate) || !isPartialIsoDate(exportDate)) {
    console.error(`${file}: cannot tell the export date from the file name; pass --as-of YYYY-MM-DD`);
    return 2;
  }
  const name = relative(process.cwd(), resolve(file)) || file;
  let parsed;
  try {
    parsed = parseAtlasExport(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${name}: ${(e as Error).message}`);
    return 2;
  }
  const c = parsed.counts;
  console.log(`Atlas export ${name} (as of ${exportDate})${parsed.hadBom ? ' [byte-order mark removed]' : ''}`);
  console.log(`  rows read:                 ${c.rowsRead}`);
  console.log(`  non-Ring rows skipped:     ${c.nonRingSkipped}`);
  console.log(`  Ring rows kept:            ${c.ringKept}`);
  console.log(`  duplicate rows combined:   ${c.duplicateRowsCombined}`);
  console.log(`  distinct agencies:         ${c.distinctAgencies}`);
  console.log(`  rejected:                  ${c.rejected}`);
  for (const r of parsed.rejects) console.log(`    ${name}:${r.line}: ${r.reason}`);

  const read = readTables(dataDir);
  if (read.issues.length > 0) {
    for (const i of read.issues) console.error(`${i.file}:${i.line}: ${i.reason}`);
    console.error('The source tables cannot be read; fix them first.');
    return 1;
  }
  const geocoder = Geocoder.load(loadGazetteers());
  // Misspelt county names ("Onandaga County") take the boundary data's spelling.
  for (const a of parsed.agencies) {
    a.counties = [...new Set(a.counties.map((cty) => geocoder.boundaries.canonicalCountyName(a.state, cty)))];
  }
  // Several counties in one cell: the agency's own county is the one containing its city.
  // A county-level agency's own county is the one its name gives.
  const primaryCounty = (a: AtlasAgency): string => {
    const named = countyFromName(a.agency);
    if (named && isCountyLevel(a) && geocoder.boundaries.findCounties(a.state, named).length > 0) {
      return geocoder.boundaries.canonicalCountyName(a.state, named);
    }
    if (a.counties.length < 2) return a.counties[0] ?? '';
    const g = geocoder.geocode({ name: a.agency, agency_type: 'police', jurisdiction: 'municipal', city: a.city, county: '', state: a.state });
    if (g.ok) {
      const hit = a.counties.find((cty) => geocoder.boundaries.findCounties(a.state, cty).some((ar) => geocoder.boundaries.inArea(ar, g.lon, g.lat)));
      if (hit) return hit;
    }
    return a.counties[0];
  };
  const result = mergeAtlas(read.tables, parsed.agencies, {
    exportDate,
    publishers: readPublishers(dataDir),
    aliases: readAliases(dataDir),
    primaryCounty,
  });
  const how = (h: string) => result.merged.filter((m) => m.how === h).length;
  console.log(`  merged into existing:      ${result.merged.length} (by Atlas id ${how('atlas-id')}, exact name ${how('exact')}, alias ${how('alias')})`);
  console.log(`  added as new agencies:     ${result.added.length}`);

  if (parsed.rejects.length > 0 && !values['keep-going']) {
    console.error(`${parsed.rejects.length} row(s) rejected: nothing written (fix the export, or pass --keep-going to import the rest).`);
    return 1;
  }
  if (values['dry-run']) {
    console.log('dry run: tables not written');
    return 0;
  }
  writeTables(dataDir, result.tables);
  console.log(`tables updated in ${relative(process.cwd(), dataDir) || '.'}; now run: npm run data`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main();
}
