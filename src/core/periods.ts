/**
 * A partnership as a period of months. A partial date covers its whole span:
 * a start of "2019" means sometime in 2019, so the partnership may have been
 * active from January 2019; an end of "2021" means it may have lasted until
 * December 2021. Used by the filters, the timeline, Play and the history.
 */

/** Months as integers (year * 12 + month - 1), so filters compare numbers, not strings. */
export type Month = number;

/** The first month of a partial date's period ("2019" → January 2019), or null. */
export function monthOf(date: string | null | undefined): Month | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : 1;
  if (month < 1 || month > 12) return null;
  return Number(m[1]) * 12 + month - 1;
}

/** The first and last month a partial ISO date may fall in, or null. */
export function monthSpan(date: string | null | undefined): [Month, Month] | null {
  const first = monthOf(date);
  if (first === null || !date) return null;
  return /^\d{4}$/.test(date) ? [first, first + 11] : [first, first];
}

/** Open-ended: a partnership with no documented end. */
export const NO_END = 2 ** 31 - 1;

/**
 * The last month a partnership may have been active, given its end date
 * (an end is exclusive: ending on the 1st of a month means it was not
 * active that month). NO_END when no end is documented.
 */
export function lastActiveMonth(end: string | null | undefined): Month {
  const span = monthSpan(end);
  if (!span) return NO_END;
  return /^\d{4}-\d{2}-01$/.test(end ?? '') ? span[1] - 1 : span[1];
}

/** Whether a period [startFirst, lastActive] meets the inclusive month range [from, to]. */
export function activeDuring(startFirst: Month, lastActive: Month, from: Month, to: Month): boolean {
  return startFirst >= 0 && startFirst <= to && lastActive >= from;
}
