/**
 * A program's summary must not contradict its fields: the words are what a
 * reader trusts, the fields what the map counts and filters. One rule for the
 * whole dataset, checked by `npm test` over every published program.
 */
import type { DateKind } from './vocabulary';

interface Checked {
  start_date: string | null;
  start_kind?: DateKind | null;
  summary: string;
}

/** Words that say the source gives no date. */
const NO_DATE = /\bno start date\b|\bgives no date\b|\bundated\b|\bnot dated\b/i;
/** Words that point at a date the program must then carry. */
const POINTS_AT_DATE = /\bactive from this date\b|\bin this (?:month|year)\b|\bon this date\b|\bby this date\b/i;
/** An upper bound said in words: "began then or earlier", "existed by then". */
const UPPER_BOUND = /\bthen or earlier\b|\bupper bound\b|\bby then\b|\bby this date\b|\bexisted (?:then|by)\b/i;
/** An announcement, a plan or a decision, said in words. */
const ANNOUNCED = /\bannounc|\bapprov|\bvoted?\b|\bwould\b|\bwill\b|\bwent to the council\b|\bplan/i;

/** Why the summary contradicts the program's date fields, or null when it does not. */
export function summaryContradiction(p: Checked): string | null {
  if (p.start_date && NO_DATE.test(p.summary)) return `the summary says there is no start date, but start_date is ${p.start_date}`;
  if (!p.start_date && POINTS_AT_DATE.test(p.summary)) return 'the summary points at a date, but start_date is empty';
  if (p.start_date && !p.start_kind) return 'start_date has no start_kind (began, announced or active_by)';
  if (p.start_kind === 'active_by' && !UPPER_BOUND.test(p.summary)) return 'start_kind is active_by, but the summary does not say the date is an upper bound';
  if (p.start_kind === 'announced' && !ANNOUNCED.test(p.summary)) return 'start_kind is announced, but the summary does not say what was announced or decided';
  if (p.start_kind === 'began' && /\bupper bound\b|\bthen or earlier\b/i.test(p.summary)) return 'start_kind is began, but the summary calls the date an upper bound';
  return null;
}
