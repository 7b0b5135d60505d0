/**
 * `npm run laws [-- --check]`
 *
 * Compiles `data/records-laws.csv` (each state's and DC's public-records law,
 * one checked source per row) into `data/records-laws.json`, the small table
 * the site loads when a records request is drafted and the agency pages read.
 * Any problem stops it with the line and reason; `--check` compares instead
 * of writing (exit 1 when stale).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsv, headerProblems } from './lib/csv';
import { checkRecordsLaws, RECORDS_LAW_COLUMNS, type RecordsLaw } from '../src/core/records-law';

export const LAWS_CSV = 'data/records-laws.csv';
export const LAWS_JSON = 'data/records-laws.json';

export function compileRecordsLaws(csv: string): { laws: RecordsLaw[]; problems: string[]; json: string } {
  const t = parseCsv(csv);
  const problems = [
    ...headerProblems(t.header, RECORDS_LAW_COLUMNS).map((r) => `line 1: ${r}`),
    ...t.issues.map((i) => `line ${i.line}: ${i.reason}`),
  ];
  const { laws, issues } = checkRecordsLaws(t.records.map((r) => r.values));
  problems.push(...issues.map((i) => (i.line ? `line ${i.line}: ${i.reason}` : i.reason)));
  return { laws, problems, json: `${JSON.stringify(laws, null, 1)}\n` };
}

function main(): number {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const r = compileRecordsLaws(readFileSync(LAWS_CSV, 'utf8'));
  for (const p of r.problems) console.error(`${LAWS_CSV}: ${p}`);
  if (r.problems.length) return 1;
  if (values.check) {
    const current = existsSync(LAWS_JSON) ? readFileSync(LAWS_JSON, 'utf8') : '';
    if (current !== r.json) {
      console.error(`${LAWS_JSON} is stale: run npm run laws`);
      return 1;
    }
    console.log(`${LAWS_JSON} is up to date (${r.laws.length} laws)`);
    return 0;
  }
  writeFileSync(LAWS_JSON, r.json);
  console.log(`${LAWS_JSON}: ${r.laws.length} laws`);
  return 0;
}

if (process.argv[1]?.endsWith('records-laws.ts')) process.exitCode = main();
