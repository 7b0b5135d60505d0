/**
 * The rules one row of a submission (data/submissions/*.csv) must meet by
 * itself, before it is matched against the tables: the same code for the
 * build (pipeline/merge/submissions.ts) and the page's contribution form.
 * Pure: no Node APIs. Checks that need the tables (did you mean, the
 * county, placing the agency) are the build's alone.
 */
import { isHttpUrl } from './contract';
import { readDateCell } from './dates';
import { JURISDICTIONS } from './jurisdiction';
import { cleanText, hasMarkup, mixesScripts, REPLACEMENT_CHARACTER, slugify, startsLikeFormula } from './text';
import { AGENCY_TYPES, PROGRAM_KINDS, type ProgramKind } from './vocabulary';
import { US_STATES } from '../geo/us-states';

/** Longest text the tables take, per kind of cell. */
export const LIMITS = { name: 200, place: 200, title: 500, summary: 1000, url: 2048, note: 500, list: 2000 };

/** Names and places a spreadsheet shows as they are: refused when one would run as a formula. */
export const FORMULA_FIELDS: ReadonlySet<string> = new Set(['agency name', 'city', 'county', 'other_counties', 'publisher', 'title']);

/**
 * What is wrong with a text cell, as the build says it (in this order):
 * markup, too long, a formula a spreadsheet would run, U+FFFD. `field` is
 * the build's name for it ("agency name", "title").
 */
export function textProblems(raw: string, field: string, max: number): string[] {
  return textProblemList(raw, field, max).map((p) => p.reason);
}

/** The same, each with its rule's code. */
export function textProblemList(raw: string, field: string, max: number): { code: ProblemCode; reason: string }[] {
  const v = cleanText(raw);
  const out: { code: ProblemCode; reason: string }[] = [];
  if (!v) return out;
  if (hasMarkup(v)) out.push({ code: 'markup', reason: `${field} contains markup` });
  if (v.length > max) out.push({ code: 'too_long', reason: `${field} is longer than ${max} characters` });
  if (FORMULA_FIELDS.has(field) && startsLikeFormula(raw)) out.push({ code: 'formula', reason: `${field} starts with "${v[0]}", which a spreadsheet would run as a formula` });
  if (v.includes(REPLACEMENT_CHARACTER)) out.push({ code: 'replacement', reason: `${field} contains "\ufffd", left by a wrong text conversion: retype the damaged letters` });
  return out;
}

/** "wi", " WI ", "Wisconsin" → "WI"; undefined when unknown. */
export function stateCode(s: string): string | undefined {
  const t = s.trim();
  const up = t.toUpperCase();
  return US_STATES.find((x) => x.code === up || x.name.toLowerCase() === t.toLowerCase())?.code;
}

export const SUBMISSION_COLUMNS = [
  'source_url', 'source_title', 'source_publisher', 'source_date',
  'agency_name', 'agency_type', 'jurisdiction', 'city', 'county', 'state',
  'kind', 'start_date', 'start_precision', 'start_is', 'end_date', 'summary', 'change',
] as const;
export const REQUIRED = ['source_url', 'source_title', 'agency_name', 'agency_type', 'state'] as const;

export const PRECISIONS = ['day', 'month', 'year'] as const;
/** `joined`: the source says when the agency joined; `on_or_before`: it only shows the partnership existed by then. */
export const START_IS = ['joined', 'on_or_before'] as const;
/** What a row changes in an agency already on the map (`;`-separated), or `new_agency` to add one beside a like-named agency. */
export const CHANGES = ['new_agency', 'start', 'end', 'place'] as const;
export type ChangeWord = (typeof CHANGES)[number];

export type SubmissionColumn = (typeof SUBMISSION_COLUMNS)[number];

export type DateResult = { ok: true; value: string } | { ok: false; reason: string; code?: ProblemCode };

/**
 * A date cell with its precision: `2019-05-23`, `2019-05`, `2019`, or
 * `5/23/2019` (as spreadsheets save dates). With a precision, a fuller date
 * is cut to it (`2019-05-01` at `month` → `2019-05`, as spreadsheets turn a
 * month into its first day); a precision finer than the date is an error.
 * The reason says what is wrong with the value: not a date, a day that does
 * not exist, before 2012, in the future.
 */
export function submissionDate(raw: string, precision: string, field: string): DateResult {
  const s = cleanText(raw);
  const p = readDateCell(s, field);
  if (!p.ok || !precision) return p;
  const want = precision === 'day' ? 10 : precision === 'month' ? 7 : 4;
  if (p.value.length < want) return { ok: false, code: 'date_less_precise', reason: `${field} "${s}" is less precise than ${field.replace(/_date$/, '')}_precision "${precision}"` };
  return { ok: true, value: p.value.slice(0, want) };
}

function defaultSummary(kind: ProgramKind, start: string, startIs: string): string {
  const precision = start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year';
  if (kind !== 'neighbors_portal') return '';
  if (!start) return "A partner on Ring's Neighbors law-enforcement portal according to the cited source, which gives no start date.";
  return startIs === 'on_or_before'
    ? "A partner on Ring's Neighbors law-enforcement portal by this date: the cited source shows the partnership existed then, not when it began."
    : `Joined Ring's Neighbors law-enforcement portal ${precision === 'day' ? 'on this date' : `in this ${precision}`}, as the cited source reports.`;
}

/** Text shortened for a reason (a hostile cell can hold thousands of characters). */
const short = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);


/** Per-row checks of one submission, before it is matched: the row's values, or why it is refused. */
/** Why a row is refused, and the column to fix. */
export interface RowProblem {
  field: SubmissionColumn;
  /** Which rule, for a page that says it in another language (the reason is the build's English). */
  code: ProblemCode;
  reason: string;
}

/** Every per-row rule, by name: the page maps each to its words in every language. */
export const PROBLEM_CODES = [
  'missing', 'url', 'state', 'agency_type', 'jurisdiction', 'kind', 'start_precision', 'start_is', 'change',
  'change_new_agency_alone', 'date', 'date_less_precise', 'precision_required', 'start_is_required', 'date_missing',
  'end_before_start', 'summary_required', 'too_long', 'mixed_scripts', 'no_latin', 'markup', 'formula', 'replacement',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface RowValues {
  url: string; state: string; agencyType: string; jurisdiction: string; kind: ProgramKind;
  precision: string; startIs: string; start: string; end: string; sourceDate: string; summary: string;
  name: string; city: string; county: string; change: Set<ChangeWord>;
}

export function readSubmissionRow(v: (k: SubmissionColumn) => string, rawUrl: string): RowValues | RowProblem {
  const empty = REQUIRED.filter((k) => !v(k));
  if (empty.length > 0) return { field: empty[0], code: 'missing', reason: `missing ${empty.join(', ')}` };
  const url = rawUrl.trim();
  if (!isHttpUrl(url) || /\s/.test(url)) return { field: 'source_url', code: 'url', reason: 'source_url is not an http(s) URL' };
  const state = stateCode(v('state'));
  if (!state) return { field: 'state', code: 'state', reason: `unknown state "${short(v('state'))}"` };
  const agencyType = v('agency_type').toLowerCase();
  if (!(AGENCY_TYPES as readonly string[]).includes(agencyType)) return { field: 'agency_type', code: 'agency_type', reason: `unknown agency_type "${short(v('agency_type'))}" (one of ${AGENCY_TYPES.join(', ')})` };
  const jurisdiction = v('jurisdiction').toLowerCase();
  if (jurisdiction && !(JURISDICTIONS as readonly string[]).includes(jurisdiction)) return { field: 'jurisdiction', code: 'jurisdiction', reason: `unknown jurisdiction "${short(v('jurisdiction'))}" (one of ${JURISDICTIONS.join(', ')})` };
  const kind = (v('kind').toLowerCase() || 'neighbors_portal') as ProgramKind;
  if (!PROGRAM_KINDS.includes(kind)) return { field: 'kind', code: 'kind', reason: `unknown kind "${short(v('kind'))}" (one of ${PROGRAM_KINDS.join(', ')})` };
  const precision = v('start_precision').toLowerCase();
  if (precision && !(PRECISIONS as readonly string[]).includes(precision)) return { field: 'start_precision', code: 'start_precision', reason: `unknown start_precision "${short(v('start_precision'))}" (day, month or year)` };
  const startIs = v('start_is').toLowerCase();
  if (startIs && !(START_IS as readonly string[]).includes(startIs)) return { field: 'start_is', code: 'start_is', reason: `unknown start_is "${short(v('start_is'))}" (joined or on_or_before)` };
  const change = new Set<ChangeWord>();
  for (const w of v('change').toLowerCase().split(';').map((x) => x.trim()).filter(Boolean)) {
    if (!(CHANGES as readonly string[]).includes(w)) return { field: 'change', code: 'change', reason: `unknown change "${short(w)}" (${CHANGES.join(', ')}, separated by ;)` };
    change.add(w as ChangeWord);
  }
  if (change.has('new_agency') && change.size > 1) return { field: 'change', code: 'change_new_agency_alone', reason: 'change new_agency adds an agency: it cannot also change one' };
  let start = '';
  if (v('start_date')) {
    const d = submissionDate(v('start_date'), precision, 'start_date');
    if (!d.ok) return { field: 'start_date', code: d.code ?? 'date', reason: d.reason };
    if (!precision) return { field: 'start_precision', code: 'precision_required', reason: 'start_precision is required with a start_date (day, month or year)' };
    if (!startIs) return { field: 'start_is', code: 'start_is_required', reason: 'start_is is required with a start_date (joined or on_or_before)' };
    start = d.value;
  } else if (precision || startIs) return { field: 'start_date', code: 'date_missing', reason: 'start_precision or start_is given without a start_date' };
  let end = '';
  if (v('end_date')) {
    const d = submissionDate(v('end_date'), '', 'end_date');
    if (!d.ok) return { field: 'end_date', code: d.code ?? 'date', reason: d.reason };
    end = d.value;
  }
  if (start && end && end < start && !start.startsWith(end)) return { field: 'end_date', code: 'end_before_start', reason: `end_date ${end} is before start_date ${start}` };
  let sourceDate = '';
  if (v('source_date')) {
    const d = submissionDate(v('source_date'), '', 'source_date');
    if (!d.ok) return { field: 'source_date', code: d.code ?? 'date', reason: d.reason };
    sourceDate = d.value;
  }
  let summary = v('summary') || defaultSummary(kind, start, startIs);
  if (!summary) return { field: 'summary', code: 'summary_required', reason: `summary is required for kind "${kind}" (say in your own words what the source documents)` };
  if (v('summary') && startIs === 'on_or_before') summary += ' The start date is an upper bound: the source shows the partnership existed by then.';
  const name = v('agency_name');
  if (name.length > LIMITS.name) return { field: 'agency_name', code: 'too_long', reason: `agency_name is longer than ${LIMITS.name} characters` };
  if (mixesScripts(name)) return { field: 'agency_name', code: 'mixed_scripts', reason: `agency_name "${short(name)}" mixes Latin letters with look-alike letters of another script: retype it` };
  if (!slugify(name)) return { field: 'agency_name', code: 'no_latin', reason: `agency_name "${short(name)}" has no Latin letters or digits to make an id from: give the name in English` };
  return { url, state, agencyType, jurisdiction, kind, precision, startIs, start, end, sourceDate, summary, name, city: v('city'), county: v('county'), change };
}

