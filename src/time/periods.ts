/**
 * A partnership as a period of months. A partial date covers its whole span:
 * a start of "2019" means sometime in 2019, so the partnership may have been
 * active from January 2019; an end of "2021" means it may have lasted until
 * December 2021. Pure: used by the filters, the timeline and Play.
 */
import { monthOf, type Month } from './months';

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
