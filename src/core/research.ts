/**
 * What was checked beyond the Atlas, and when: the research log's rows turned
 * into per-agency facts the build publishes (`research`), and the counts the
 * site shows from them. A check that found nothing is a fact about a search on
 * a date, never a claim that something does not exist.
 */
import { isProgramDate } from './dates';

export const RESEARCH_RESULTS = ['found', 'not_found', 'inconclusive'] as const;
export type ResearchResult = (typeof RESEARCH_RESULTS)[number];

/**
 * What a log row covers. `agencies`: research beyond the Atlas about the
 * agencies it names. `class`: a sweep over a class (a state, fire departments)
 * that names no one agency, so it checks none of them. `atlas`: a look at the
 * Atlas export or the project's own tables only, which is not research beyond
 * the Atlas.
 */
export const RESEARCH_SCOPES = ['agencies', 'class', 'atlas'] as const;
export type ResearchScope = (typeof RESEARCH_SCOPES)[number];

export interface ResearchRow {
  searched_on: string;
  question: string;
  result: ResearchResult;
  scope: ResearchScope;
  agency_ids: readonly string[];
}

export interface ResearchCheck {
  date: string;
  question: string;
  result: ResearchResult;
}

/** Published per agency: the latest date it was checked and each check, newest first. */
export interface AgencyResearch {
  last_checked: string;
  checks: ResearchCheck[];
}

/** Problems with one raw log row (empty when it is usable). */
export function researchRowProblems(raw: Record<string, string>, knownIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const date = raw.searched_on ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isProgramDate(date)) out.push(`searched_on "${date}" is not a real day`);
  if (!(RESEARCH_RESULTS as readonly string[]).includes(raw.result ?? '')) out.push(`result "${raw.result}" is not one of ${RESEARCH_RESULTS.join(', ')}`);
  if (!(RESEARCH_SCOPES as readonly string[]).includes(raw.scope ?? '')) out.push(`scope "${raw.scope}" is not one of ${RESEARCH_SCOPES.join(', ')}`);
  if (!(raw.question ?? '').trim()) out.push('question is empty');
  const ids = splitIds(raw.agency_ids ?? '');
  for (const id of ids) if (!knownIds.has(id)) out.push(`agency_ids names "${id}", which is not in agencies.csv`);
  if (raw.scope === 'agencies' && ids.length === 0) out.push('scope "agencies" needs agency_ids');
  return out;
}

export function splitIds(cell: string): string[] {
  return cell.split(/\s+/).filter(Boolean);
}

/**
 * The one rule: only rows researched beyond the Atlas that name agencies
 * check those agencies. Checks are newest first; a repeated (date, question,
 * result) is kept once.
 */
export function researchByAgency(rows: readonly ResearchRow[]): Map<string, AgencyResearch> {
  const out = new Map<string, AgencyResearch>();
  for (const r of rows) {
    if (r.scope !== 'agencies') continue;
    for (const id of r.agency_ids) {
      const a = out.get(id) ?? { last_checked: r.searched_on, checks: [] };
      if (!a.checks.some((c) => c.date === r.searched_on && c.question === r.question && c.result === r.result)) {
        a.checks.push({ date: r.searched_on, question: r.question.trim(), result: r.result });
      }
      out.set(id, a);
    }
  }
  for (const a of out.values()) {
    a.checks.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
    a.last_checked = a.checks[0].date;
  }
  return out;
}

/** What the card and the agency page say: checked (with its checks) or not researched yet; never both. */
export type ResearchLine = { kind: 'checked'; last_checked: string; checks: readonly ResearchCheck[] } | { kind: 'not_researched' };

export function researchLine(r: AgencyResearch | null | undefined): ResearchLine {
  return r && r.checks.length ? { kind: 'checked', last_checked: r.last_checked, checks: r.checks } : { kind: 'not_researched' };
}

export interface CountyResearch {
  agencies: number;
  checked: number;
  last_checked: string | null;
}

/** Per county (FIPS): how many of its agencies were checked beyond the Atlas, and the latest date. */
export function countyResearch(agencies: readonly { county_fips?: string | null; research?: AgencyResearch | null }[]): Map<string, CountyResearch> {
  const out = new Map<string, CountyResearch>();
  for (const a of agencies) {
    if (!a.county_fips) continue;
    const c = out.get(a.county_fips) ?? { agencies: 0, checked: 0, last_checked: null };
    c.agencies++;
    if (a.research?.checks.length) {
      c.checked++;
      if (!c.last_checked || a.research.last_checked > c.last_checked) c.last_checked = a.research.last_checked;
    }
    out.set(a.county_fips, c);
  }
  return out;
}

/** The counts About shows. */
export function researchCounts(agencies: readonly { county_fips?: string | null; research?: AgencyResearch | null }[]): {
  checked: number;
  notChecked: number;
  countiesChecked: number;
  counties: number;
  lastChecked: string | null;
} {
  const checked = agencies.filter((a) => a.research?.checks.length).length;
  const counties = countyResearch(agencies);
  const dates = agencies.map((a) => a.research?.last_checked).filter((d): d is string => !!d).sort();
  return {
    checked,
    notChecked: agencies.length - checked,
    countiesChecked: [...counties.values()].filter((c) => c.checked > 0).length,
    counties: counties.size,
    lastChecked: dates.length ? dates[dates.length - 1] : null,
  };
}
