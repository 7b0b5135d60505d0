/**
 * `npm run import:kml -- <map.kml> [--data data] [--as-of YYYY-MM-DD] [--keep-going] [--dry-run]`
 *
 * Reads a KML export of Ring's Active Agency Map (Google My Maps), prints
 * what it read and every rejected placemark with its number, line and
 * reason, merges the agencies into the source tables without overwriting
 * other sources, and writes the tables only if the build (`npm run data`,
 * submissions included) accepts the result. Any rejected placemark stops the
 * import (nothing is written) unless --keep-going is given; a build reject
 * always does.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Reject } from './dataset/validate';
import { sharedGeocoder } from './dataset/run';
import { buildWithSubmissions } from './dataset/with-submissions';
import type { Geocoder } from './geocode/geocoder';
import { exportDateFromPath } from './import-atlas';
import { parseKml, type KmlAgency, type Locate } from './kml/parse';
import { XML_LIMITS } from './kml/xml';
import { isPartialIsoDate } from '../src/core/dates';
import { DEFAULT_DATA_DIR } from './lib/paths';
import { decodeXml, EncodingError } from './lib/read-text';
import { changeLine } from './merge/changes';
import { importUsage, parseImportArgs } from './lib/import-args';
import { STATES } from './lib/states';
import { kmlSnapshotId, mergeKml } from './merge/kml';
import { countyWithSuffix } from './merge/reporting';
import { TABLE_FILES, type Tables } from './tables/model';
import { readTables, writeTables } from './tables/io';
import { readAliases, readKeepApart, readPlaceCorrections } from './tables/lookups';

/** State and county of a point, from the same outlines the build checks points against. */
export function locator(geocoder: Geocoder): Locate {
  const b = geocoder.boundaries;
  return (lon, lat, state) => {
    const order = state ? [state, ...STATES.map((s) => s.postal).filter((p) => p !== state)] : STATES.map((s) => s.postal);
    let hit = order.find((p) => b.hasState(p) && b.inState(p, lon, lat));
    let x = lon;
    let y = lat;
    if (!hit) {
      // A coastal point just outside the generalised outline.
      for (const p of order) {
        if (!b.hasState(p)) continue;
        const a = geocoder.accept(p, lon, lat);
        if (a) {
          hit = p;
          [x, y] = [a.lon, a.lat];
          break;
        }
      }
    }
    if (!hit) return undefined;
    const area = b.countyAt(hit, x, y);
    if (!area) return { state: hit, county: '' };
    const independentCity = Number(area.id.slice(2)) >= 500 && hit !== 'AK';
    return { state: hit, county: independentCity ? `${area.properties.name} city` : countyWithSuffix(area.properties.name, hit) };
  };
}

/** A placemark's name for a terminal line: quoted, with every control character escaped. */
const quoted = (s: string) => JSON.stringify(s);

function main(): number {
  const values = parseImportArgs();
  const file = values.file;
  if (!file) {
    console.error(importUsage('import:kml', 'map.kml'));
    return 2;
  }
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const name = relative(process.cwd(), resolve(file)) || file;
  const exportDate = values.asOf ?? exportDateFromPath(resolve(file));
  if (!exportDate || !/^\d{4}-\d{2}-\d{2}$/.test(exportDate) || !isPartialIsoDate(exportDate)) {
    console.error(`${name}: cannot tell the export date from the file name; pass --as-of YYYY-MM-DD`);
    return 2;
  }
  let text: string;
  try {
    if (statSync(file).size > XML_LIMITS.chars * 4) throw new Error('file is too large');
    const bytes = readFileSync(file);
    // A KMZ is a zip archive holding doc.kml.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new Error('this is a KMZ (zip) file: export the map as KML, or unzip it and import its doc.kml');
    // In the encoding the file declares (byte-order mark or XML declaration); U+FFFD is refused.
    text = decodeXml(bytes);
  } catch (e) {
    const line = e instanceof EncodingError ? `:${e.line}` : '';
    console.error(`${name}${line}: ${(e as Error).message}`);
    return 2;
  }
  const geocoder = sharedGeocoder();
  let parsed;
  try {
    parsed = parseKml(text, locator(geocoder));
  } catch (e) {
    console.error(`${name}: ${(e as Error).message}`);
    return 2;
  }
  const c = parsed.counts;
  console.log(`Ring Active Agency Map ${name} (export of ${exportDate})${parsed.title ? ` ${quoted(parsed.title)}` : ''}`);
  console.log(`  placemarks read:           ${c.placemarksRead}`);
  console.log(`  kept:                      ${c.kept} (${c.undated} without an activation date)`);
  console.log(`  duplicates combined:       ${c.duplicatesCombined}`);
  console.log(`  distinct agencies:         ${c.distinctAgencies}`);
  console.log(`  rejected:                  ${c.rejected}`);
  for (const r of parsed.rejects) console.log(`    ${name}:${r.line}: placemark ${r.number}${r.name ? ` ${quoted(r.name)}` : ''}: ${r.reason}`);

  const read = readTables(dataDir);
  if (read.issues.length > 0) {
    for (const i of read.issues) console.error(`${i.file}:${i.line}: ${i.reason}`);
    console.error('The source tables cannot be read; fix them first.');
    return 1;
  }
  let lookups;
  try {
    lookups = { aliases: readAliases(dataDir), keepApart: readKeepApart(dataDir), corrected: readPlaceCorrections(dataDir), geocoder };
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const byNumber = new Map<number, KmlAgency>();
  for (const a of parsed.agencies) for (const p of a.placemarks) byNumber.set(p.number, a);

  // Merge, then let the build judge the result; with --keep-going, agencies the build refuses are left out.
  let agencies = parsed.agencies;
  let merged = mergeKml(read.tables, agencies, { exportDate, ...lookups });
  let buildRejects: Reject[] = [];
  const refused: { agency: KmlAgency; reason: string }[] = [];
  for (let round = 0; round < 3; round++) {
    const b = buildWithSubmissions(dataDir, { tables: merged.tables, issues: [], rowsRead: read.rowsRead }, { geocoder });
    buildRejects = b.rejects;
    const fromKml = (x: Reject) => (Object.values(TABLE_FILES) as string[]).includes(x.file) && x.line < 0 && x.line > -1_000_000_000;
    const mine = buildRejects.filter(fromKml);
    if (!values.keepGoing || mine.length === 0 || mine.length !== buildRejects.length) break;
    const drop = new Set<KmlAgency>();
    for (const x of mine) {
      const a = byNumber.get(-x.line);
      if (a && !drop.has(a)) {
        drop.add(a);
        refused.push({ agency: a, reason: x.reason });
      }
    }
    agencies = agencies.filter((a) => !drop.has(a));
    merged = mergeKml(read.tables, agencies, { exportDate, ...lookups });
  }
  const how = (h: string) => merged.merged.filter((m) => m.how === h).length;
  // Placemarks the merge would not place: a name of an agency in another county, or probably of one already there.
  const where = (a: KmlAgency) => `${name}:${a.placemarks[0].line}: placemark ${a.placemarks[0].number} ${quoted(a.name)}`;
  for (const r of merged.rejects) console.log(`    ${where(r.agency)}: ${r.reason}`);
  console.log(`  merged into existing:      ${merged.merged.length} (exact name ${how('exact')}, alias ${how('alias')})`);
  console.log(`  added as new agencies:     ${merged.added.length}`);
  console.log(`  not merged (did you mean): ${merged.rejects.length}`);
  console.log(`  date conflicts (kept):     ${merged.dateConflicts.length}`);
  for (const d of merged.dateConflicts) console.log(`    ${d.id}: kept ${d.kept}, the map says ${d.map}`);
  console.log(`  changes to agencies already in the tables: ${merged.changes.length}`);
  const lineOf = new Map<string, string>(parsed.agencies.flatMap((a) => a.placemarks.map((p) => [`placemark ${p.number}`, `${name}:${p.line} placemark ${p.number}`] as [string, string])));
  for (const c of merged.changes) console.log(`    change: ${changeLine({ ...c, source: lineOf.get(c.source) ?? c.source })}`);
  if (refused.length > 0) {
    console.log(`  refused by the build:      ${refused.length}`);
    for (const r of refused) {
      const p = r.agency.placemarks[0];
      console.log(`    ${name}:${p.line}: placemark ${p.number} ${quoted(r.agency.name)}: ${r.reason}`);
    }
  }

  if (buildRejects.length > 0) {
    for (const x of buildRejects) {
      const a = x.line < 0 ? byNumber.get(-x.line) : undefined;
      if (a) {
        const p = a.placemarks[0];
        console.error(`  BUILD REJECT ${name}:${p.line}: placemark ${p.number} ${quoted(a.name)}: ${x.reason}`);
      } else if (x.line === 0 && x.reason.includes(kmlSnapshotId(exportDate))) {
        console.error(`  BUILD REJECT map snapshot source: ${x.reason}`);
      } else console.error(`  BUILD REJECT ${x.file}:${x.line}: ${x.reason}`);
    }
    console.error(`The build would reject ${buildRejects.length} row(s): nothing written.`);
    return 1;
  }
  const rejected = parsed.rejects.length + merged.rejects.length;
  if (rejected > 0 && !values.keepGoing) {
    console.error(`${rejected} placemark(s) rejected: nothing written (fix the file, or pass --keep-going to import the rest).`);
    return 1;
  }
  if (values.dryRun) {
    console.log('dry run: tables not written');
    return 0;
  }
  writeTables(dataDir, merged.tables as Tables);
  console.log(`tables updated in ${relative(process.cwd(), dataDir) || '.'}; now run: npm run data`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main();
}
