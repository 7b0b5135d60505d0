/**
 * `npx tsx pipeline/import-reporting.ts [--research <dir>] [--data data] [--dry-run]`
 *
 * One-time (re-runnable, idempotent) merge of the research list of agencies
 * named in news reports into the source tables. The research folder defaults
 * to `../shared/research` next to the project (or `$RING_SHARED_DIR/research`).
 * Prints matches (with how they matched), additions, date conflicts and
 * rejects; any reject stops it (nothing written).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsv } from './lib/csv';
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
  const csv = parseCsv(readFileSync(file, 'utf8'));
  const read = readTables(dataDir);
  if (read.issues.length > 0) {
    for (const i of read.issues) console.error(`${i.file}:${i.line}: ${i.reason}`);
    return 1;
  }
  const r = mergeReporting(read.tables, csv.records, { publishers: readPublishers(dataDir), aliases: readAliases(dataDir) });
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
  if (rejects.length > 0) return 1;
  if (!values['dry-run']) writeTables(dataDir, r.tables);
  return 0;
}

process.exitCode = main();
