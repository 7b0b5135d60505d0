/**
 * `npm run import:atlas -- <export.csv> [--data data] [--as-of YYYY-MM-DD] [--keep-going] [--dry-run]`
 *
 * Reads a whole Atlas of Surveillance CSV export, keeps the Ring/Neighbors
 * rows, cleans them and merges them into the source tables (agencies,
 * programs, sources). Re-running on the same export changes nothing; rows
 * from other sources are never overwritten. The merged tables are then
 * checked by the data build itself (same rules, same geocoder), so an import
 * succeeds only if `npm run data` will. Any rejected row stops the import
 * (nothing is written) unless --keep-going is given, which leaves out the
 * rejected agencies and imports the rest.
 */
import { basename, dirname, join, relative, resolve } from 'node:path';
import { AtlasHeaderError, parseAtlasExport, type AtlasAgency } from './atlas/parse';
import { sharedGeocoder } from './dataset/run';
import { countyFromName, coversWholeCounty } from '../src/core/jurisdiction';
import { dateProblem, isPartialIsoDate } from '../src/core/dates';
import { DEFAULT_DATA_DIR } from './lib/paths';
import { importUsage, parseImportArgs } from './lib/import-args';
import { EncodingError, readUtf8File } from './lib/read-text';
import type { AtlasMergeOptions } from './merge/atlas';
import { mergeChecked } from './merge/checked';
import { readTables, writeTables } from './tables/io';
import { changeLine } from './merge/changes';
import { readAliases, readAtlasCorrections, readKeepApart, readPlaceCorrections, readPublishers } from './tables/lookups';

/** The export date from a path such as `Atlas_of_Surveillance-20201007.csv` or `aos-2020-10-07/…`. */
export function exportDateFromPath(path: string): string | undefined {
  for (const part of [basename(path), basename(dirname(path))]) {
    const m = /(20\d{2})-?(\d{2})-?(\d{2})/.exec(part);
    if (m && isPartialIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}

export interface ImportIo {
  log: (line: string) => void;
  error: (line: string) => void;
}

/**
 * One import (the command line's arguments): parse, merge, check with the
 * build's rules, write. Returns the exit code: 0, 1 (rejects) or 2 (unusable input).
 */
export function runImport(argv: string[], io: ImportIo = { log: console.log, error: console.error }): number {
  const values = parseImportArgs(argv);
  const file = values.file;
  if (!file) {
    io.error(importUsage('import:atlas', 'export.csv'));
    return 2;
  }
  const rel = (p: string) => relative(process.cwd(), resolve(p)) || p;
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const name = rel(file);
  const exportDate = values.asOf ?? exportDateFromPath(resolve(file));
  if (!exportDate || !/^\d{4}-\d{2}-\d{2}$/.test(exportDate) || !isPartialIsoDate(exportDate)) {
    io.error(`${name}: cannot tell the export date from the file name; pass --as-of YYYY-MM-DD`);
    return 2;
  }
  const asOfProblem = dateProblem(exportDate);
  if (asOfProblem) {
    io.error(`${name}: the export date ${exportDate} ${asOfProblem}`);
    return 2;
  }
  let corrections;
  try {
    corrections = readAtlasCorrections(dataDir);
  } catch (e) {
    io.error((e as Error).message);
    return 1;
  }
  let parsed;
  try {
    parsed = parseAtlasExport(readUtf8File(file), { corrections });
  } catch (e) {
    if (e instanceof EncodingError) io.error(`${name}:${e.line}: ${e.message}`);
    else if (e instanceof AtlasHeaderError) io.error(`${name}:1: ${e.message}`);
    else io.error(`${name}: ${(e as Error).message}`);
    return 2;
  }
  const c = parsed.counts;
  io.log(`Atlas export ${name} (as of ${exportDate})${parsed.hadBom ? ' [byte-order mark removed]' : ''}`);
  io.log(`  rows read:                 ${c.rowsRead}`);
  io.log(`  non-Ring rows skipped:     ${c.nonRingSkipped}`);
  io.log(`  Ring rows kept:            ${c.ringKept}`);
  io.log(`  duplicate rows combined:   ${c.duplicateRowsCombined}`);
  io.log(`  distinct agencies:         ${c.distinctAgencies}`);
  io.log(`  rejected:                  ${c.rejected}`);
  for (const r of parsed.rejects) io.log(`    ${name}:${r.line}: ${r.reason}`);
  if (corrections.length > 0) io.log(`  Atlas cells corrected:     ${corrections.length - parsed.unusedCorrections.length} (atlas_corrections.csv)`);
  for (const c of parsed.unusedCorrections) io.log(`    atlas_corrections.csv:${c.line}: ${c.aos} is not in this export (not applied)`);

  const read = readTables(dataDir);
  if (read.issues.length > 0) {
    for (const i of read.issues) io.error(`${rel(join(dataDir, i.file))}:${i.line}: ${i.reason}`);
    io.error('The source tables cannot be read; fix them first.');
    return 1;
  }
  for (const [table, cols] of Object.entries(read.tables.extraColumns ?? {})) {
    io.log(`  ${table}: added column(s) ${cols.join(', ')} kept as they are (not published)`);
  }
  let lookups: Pick<AtlasMergeOptions, 'publishers' | 'aliases' | 'keepApart' | 'corrected'>;
  try {
    lookups = { publishers: readPublishers(dataDir), aliases: readAliases(dataDir), keepApart: readKeepApart(dataDir), corrected: readPlaceCorrections(dataDir) };
  } catch (e) {
    io.error((e as Error).message);
    return 1;
  }
  const geocoder = sharedGeocoder();
  // Misspelt county names ("Onandaga County") take the boundary data's spelling.
  for (const a of parsed.agencies) {
    a.counties = [...new Set(a.counties.map((cty) => geocoder.boundaries.canonicalCountyName(a.state, cty)))];
  }
  // Several counties in one cell: the agency's own county is the one containing its city.
  // A county-level agency's own county is the one its name gives.
  const primaryCounty = (a: AtlasAgency): string => {
    const named = countyFromName(a.agency);
    if (named && coversWholeCounty(a.agencyType, a.jurisdiction) && geocoder.boundaries.findCounties(a.state, named).length > 0) {
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

  const keepGoing = values.keepGoing;
  const { result, build, messages, tablesFail, leftOut } = mergeChecked(read.tables, parsed.agencies, {
    exportDate, ...lookups, primaryCounty, exportFile: name, geocoder, keepGoing, tableFile: (f) => rel(join(dataDir, f)),
  });
  const how = (h: string) => result.merged.filter((m) => m.how === h).length;
  io.log(`  merged into existing:      ${result.merged.length} (by Atlas id ${how('atlas-id')}, exact name ${how('exact')}, alias ${how('alias')})`);
  io.log(`  added as new agencies:     ${result.added.length}`);
  io.log(`  rejected by the build's rules: ${messages.length}`);
  for (const m of messages) io.log(`    ${m}`);
  if (keepGoing && leftOut.size > 0) io.log(`  agencies left out:         ${leftOut.size}`);
  io.log(`  changes to agencies already in the tables: ${result.changes.length}`);
  for (const ch of result.changes) io.log(`    change: ${changeLine(ch)}`);

  if (tablesFail.length > 0) {
    io.error(`The tables in ${rel(dataDir)} already fail the data build (${tablesFail.length} reject(s) above that no export row caused): nothing written; fix them first.`);
    return 1;
  }
  const rejected = parsed.rejects.length + messages.length;
  if (rejected > 0 && !keepGoing) {
    io.error(`${rejected} reject(s): nothing written (fix the export, or pass --keep-going to import the rest).`);
    return 1;
  }
  if (build.rejects.length > 0 || result.rejects.length > 0) {
    io.error('The build would still reject rows: nothing written.');
    return 1;
  }
  if (values.dryRun) {
    io.log('dry run: tables not written (the build would accept them)');
    return 0;
  }
  writeTables(dataDir, result.tables);
  io.log(`tables updated in ${rel(dataDir)}; the build accepts them: now run npm run data`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = runImport(process.argv.slice(2));
}
