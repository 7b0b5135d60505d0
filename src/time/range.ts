/**
 * The timeline's date range and Play, as pure rules: reading a typed month,
 * setting one end of the range, and the months Play steps through at a
 * pace a person can follow. No DOM: the timeline panel and the tests share
 * these.
 */
import type { Month } from '../core/periods';

/** Inclusive; a null end is open (the data's first or last month). */
export interface MonthRange {
  from: Month | null;
  to: Month | null;
}

/**
 * A month typed in a month field: "2019-03" (what `<input type="month">`
 * gives; browsers without one give the text as typed). Null for anything
 * else, including a month that does not exist.
 */
export function parseMonthInput(text: string): Month | null {
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return Number(m[1]) * 12 + month - 1;
}

/**
 * The range once one end was set to `value`: kept within the data's months
 * [min, max]; when the edited end passes the other, the other follows it
 * (the end the person moved stays where they put it). An end at the data's
 * edge is stored open, so a link of the whole span carries no dates.
 */
export function editRange(end: 'from' | 'to', value: Month, current: MonthRange, min: Month, max: Month): MonthRange {
  const v = Math.min(max, Math.max(min, Math.round(value)));
  let from = current.from ?? min;
  let to = current.to ?? max;
  if (end === 'from') {
    from = v;
    if (to < from) to = from;
  } else {
    to = v;
    if (from > to) from = to;
  }
  return { from: from <= min ? null : from, to: to >= max ? null : to };
}

/** The months Play shows, in order: the chosen range, or every month of the data without one. */
export function playMonths(range: MonthRange, min: Month, max: Month): Month[] {
  const lo = Math.max(min, range.from ?? min);
  const hi = Math.min(max, range.to ?? max);
  const out: Month[] = [];
  for (let m = lo; m <= hi; m++) out.push(m);
  return out;
}

/** Milliseconds per month: slow enough to read each stamp. */
export const PLAY_MS_PER_MONTH = 450;
/** A short range still plays for about this long, so it is not over in a blink. */
export const PLAY_MIN_TOTAL_MS = 3000;
/** …but no single month is held longer than this. */
export const PLAY_MAX_MS_PER_MONTH = 1500;

/** How long each of `n` months is shown. */
export function playStepMs(n: number): number {
  if (n <= 0) return PLAY_MS_PER_MONTH;
  return Math.min(PLAY_MAX_MS_PER_MONTH, Math.max(PLAY_MS_PER_MONTH, Math.ceil(PLAY_MIN_TOTAL_MS / n)));
}
