/**
 * `npx tsx pipeline/import-reporting.ts [--research <dir>] [--data data] [--dry-run]`
 *
 * One-time (re-runnable, idempotent) merge of the research list of agencies
 * named in news reports into the source tables. The research folder defaults
 * to `../shared/research` next to the project (or `$RING_SHARED_DIR/research`).
 * Prints matches (with how they matched), additions, date conflicts and
 * rejects; any reject stops it (nothing written).
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCollection } from './dataset/features';
import { sharedGeocoder } from './dataset/run';
import { parseCsv } from './lib/csv';
import { EncodingError, readUtf8File } from './lib/read-text';
import { DEFAULT_DATA_DIR, sharedDir } from './lib/paths';
import { mergeReporting } from './merge/reporting';
import { readTables, writeTables } from './tables/io';
import { readAliases, readPublishers } from './tables/lookups';

function main(): number {
  const { values } = parseArgs({
    options: { research: { type: 'string' }, data: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const research = resolve(values.research ?? join(sharedDir(), 'research'));
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const file = join(research, 'agencies_from_reporting.csv');
  const rel = (p: string) => relative(process.cwd(), p) || p;
  let text: string;
  try {
    text = readUtf8File(file);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    console.error(`${rel(file)}:${e.line}: ${e.message}`);
    return 2;
  }
  const csv = parseCsv(text);
  const read = readTables(dataDir);
  if (read.issues.length > 0) {
    for (const i of read.issues) console.error(`${rel(join(dataDir, i.file))}:${i.line}: ${i.reason}`);
    return 1;
  }
  const r = mergeReporting(read.tables, csv.records, {
    publishers: readPublishers(dataDir), aliases: readAliases(dataDir), file: 'agencies_from_reporting.csv',
  });
  // An import succeeds only if the build will: check the merged tables with the build itself.
  const build = buildCollection(r.tables, { geocoder: sharedGeocoder() });
  const rejects = [...csv.issues, ...r.rejects];
  console.log(`agencies_from_reporting.csv: rows read ${csv.records.length + csv.issues.length}`);
  const how = (h: string) => r.matched.filter((m) => m.how === h).length;
  console.log(`  matched existing agencies: ${r.matched.length} (exact ${how('exact')}, alias ${how('alias')}, loose ${how('loose')})`);
  for (const m of r.matched.filter((x) => x.how !== 'exact')) console.log(`    ${m.how}: line ${m.line} "${m.name}" → ${m.id}`);
  console.log(`  added as new agencies: ${r.added.length}`);
  for (const id of r.added) console.log(`    + ${id}`);
  console.log(`  date conflicts (existing date kept): ${r.dateConflicts.length}`);
  for (const c of r.dateConflicts) console.log(`    ${c.id}: kept ${c.kept}, report says ${c.reported}`);
  console.log(`  rejected: ${rejects.length}`);
  for (const x of rejects) console.log(`    agencies_from_reporting.csv:${x.line}: ${x.reason}`);
  console.log(`  rejected by the build's rules: ${build.rejects.length}`);
  for (const x of build.rejects) {
    console.log(`    ${x.origin ? `${x.origin.join(', ')}: ${x.reason} (as a row of ${x.file})` : `${rel(join(dataDir, x.file))}:${x.line}: ${x.reason}`}`);
  }
  if (rejects.length > 0 || build.rejects.length > 0) return 1;
  if (!values['dry-run']) writeTables(dataDir, r.tables);
  return 0;
}

process.exitCode = main();
