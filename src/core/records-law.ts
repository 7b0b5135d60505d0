/**
 * The public-records law of each state and DC, as `data/records-laws.csv`
 * holds it (one checked source per row). The pipeline validates the table
 * with `checkRecordsLaws` and publishes it as `records-laws.json`; the site
 * and the agency pages read the published rows, never the CSV.
 */
import { US_STATES } from '../geo/us-states';
import { cleanText, hasMarkup } from './text';

export const RECORDS_LAW_COLUMNS = ['state', 'law_name', 'citation', 'response_deadline', 'residents_only', 'fee_notes', 'source_url', 'checked_on'] as const;

export interface RecordsLaw {
  /** Two-letter USPS code (DC included). */
  state: string;
  law_name: string;
  citation: string;
  /** As the statute words it ("10 days", "promptly"); null when no deadline was confirmed. */
  response_deadline: string | null;
  /** Only the state's residents (or citizens) have the right by statute: true; open to anyone: false; null when not confirmed. */
  residents_only: boolean | null;
  fee_notes: string | null;
  source_url: string;
  checked_on: string;
}

/** The 50 states and DC: the jurisdictions the table must cover, each once (territories have no partner on the map). */
export const LAW_STATES: readonly string[] = US_STATES.map((s) => s.code).filter((c) => !['PR', 'GU', 'VI', 'AS', 'MP', 'UM'].includes(c));

const HTTP = /^https?:\/\/[^\s"<>]+$/;

export interface LawIssue {
  line: number;
  reason: string;
}

/**
 * Rows of the CSV (header excluded; `line` counts from the header as line 1)
 * to published laws, with every problem found. A table with any issue is not
 * published.
 */
export function checkRecordsLaws(rows: readonly Record<string, string | undefined>[]): { laws: RecordsLaw[]; issues: LawIssue[] } {
  const issues: LawIssue[] = [];
  const seen = new Set<string>();
  const laws: RecordsLaw[] = [];
  rows.forEach((row, k) => {
    const line = k + 2;
    const cell = (c: (typeof RECORDS_LAW_COLUMNS)[number]) => cleanText(row[c] ?? '', 400);
    const state = cell('state').toUpperCase();
    const bad = (reason: string) => issues.push({ line, reason });
    if (!LAW_STATES.includes(state)) return void bad(`unknown state "${state}"`);
    if (seen.has(state)) return void bad(`${state} appears twice`);
    seen.add(state);
    for (const c of RECORDS_LAW_COLUMNS) if (hasMarkup(cell(c))) bad(`${c} contains markup`);
    if (!cell('law_name')) bad('law_name is empty');
    if (!cell('citation')) bad('citation is empty');
    if (!HTTP.test(cell('source_url'))) bad('source_url is not an http(s) link');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(cell('checked_on'))) bad('checked_on is not a date');
    const res = cell('residents_only');
    if (!['yes', 'no', ''].includes(res)) bad('residents_only is not yes, no or empty');
    laws.push({
      state,
      law_name: cell('law_name'),
      citation: cell('citation'),
      response_deadline: cell('response_deadline') || null,
      residents_only: res === 'yes' ? true : res === 'no' ? false : null,
      fee_notes: cell('fee_notes') || null,
      source_url: cell('source_url'),
      checked_on: cell('checked_on'),
    });
  });
  for (const s of LAW_STATES) if (!seen.has(s)) issues.push({ line: 0, reason: `${s} has no row` });
  laws.sort((a, b) => a.state.localeCompare(b.state));
  return { laws, issues };
}

/** The published rows read back (the site's light check: a row without law, citation or source is dropped). */
export function readRecordsLaws(json: unknown): Map<string, RecordsLaw> {
  const out = new Map<string, RecordsLaw>();
  if (!Array.isArray(json)) return out;
  for (const r of json as Partial<RecordsLaw>[]) {
    if (!r || typeof r.state !== 'string' || typeof r.law_name !== 'string' || typeof r.citation !== 'string' || typeof r.source_url !== 'string') continue;
    if (!LAW_STATES.includes(r.state) || !r.law_name || !r.citation || !HTTP.test(r.source_url)) continue;
    out.set(r.state, {
      state: r.state,
      law_name: r.law_name,
      citation: r.citation,
      response_deadline: typeof r.response_deadline === 'string' && r.response_deadline ? r.response_deadline : null,
      residents_only: typeof r.residents_only === 'boolean' ? r.residents_only : null,
      fee_notes: typeof r.fee_notes === 'string' && r.fee_notes ? r.fee_notes : null,
      source_url: r.source_url,
      checked_on: typeof r.checked_on === 'string' ? r.checked_on : '',
    });
  }
  return out;
}
