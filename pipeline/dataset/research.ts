/**
 * Publishes what was checked and who decides: reads `research-log.csv` and
 * `oversight.csv` beside the tables, checks every row (a bad row is a reject
 * like any table's), and adds `research` and `oversight` to each agency by
 * the rules in src/core/research.ts and src/core/oversight.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgencyCollection } from '../../src/core/contract';
import { FeatureSchema } from '../../src/core/schema';
import { researchByAgency, researchRowProblems, splitIds, type ResearchRow } from '../../src/core/research';
import { OVERSIGHT_COLUMNS, oversightFor, oversightRowProblems, parseOversightRow, type OversightRow } from '../../src/core/oversight';
import { isStateCode } from '../lib/states';
import { readCsvFile, type TableIssue } from '../tables/io';
import type { Reject } from './validate';

export const RESEARCH_LOG_FILE = 'research-log.csv';
export const OVERSIGHT_FILE = 'oversight.csv';
const RESEARCH_COLUMNS = ['searched_on', 'subject', 'state', 'question', 'where', 'queries', 'result', 'finding', 'source_urls', 'agency_ids', 'scope'] as const;

type Raw = Record<string, string>;
const asRaw = (r: Record<string, string | number>): Raw => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]));

function readRows(dir: string, file: string, columns: readonly string[], rejects: Reject[]): { raw: Raw; line: number }[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  const t = readCsvFile(path, file, columns);
  rejects.push(...t.issues.map((i: TableIssue) => ({ file, line: i.line, reason: i.reason })));
  return t.rows.map((r) => ({ raw: asRaw(r), line: r.line }));
}

/** Adds `research` and `oversight` to every feature (in place); returns the rejects. */
export function addResearchAndOversight(dir: string, collection: AgencyCollection, agencyIds: ReadonlySet<string>): Reject[] {
  const rejects: Reject[] = [];
  const log: ResearchRow[] = [];
  for (const { raw, line } of readRows(dir, RESEARCH_LOG_FILE, RESEARCH_COLUMNS, rejects)) {
    const problems = researchRowProblems(raw, agencyIds);
    if (problems.length) rejects.push(...problems.map((reason) => ({ file: RESEARCH_LOG_FILE, line, reason })));
    else log.push({ searched_on: raw.searched_on, question: raw.question, result: raw.result as ResearchRow['result'], scope: raw.scope as ResearchRow['scope'], agency_ids: splitIds(raw.agency_ids) });
  }
  const oversight: OversightRow[] = [];
  for (const { raw, line } of readRows(dir, OVERSIGHT_FILE, OVERSIGHT_COLUMNS, rejects)) {
    const problems = oversightRowProblems(raw, isStateCode, agencyIds);
    if (problems.length) rejects.push(...problems.map((reason) => ({ file: OVERSIGHT_FILE, line, reason })));
    else oversight.push(parseOversightRow(raw));
  }
  const research = researchByAgency(log);
  for (const f of collection.features) {
    const p = f.properties;
    p.research = research.get(p.id) ?? null;
    p.oversight = oversightFor(oversight, p);
    const check = FeatureSchema.safeParse(f);
    if (!check.success) {
      const issue = check.error.issues[0];
      rejects.push({ file: RESEARCH_LOG_FILE, line: 0, reason: `"${p.id}" fails the published schema at ${issue.path.join('.')}: ${issue.message}` });
    }
  }
  return rejects;
}
