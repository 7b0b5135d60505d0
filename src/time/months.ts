/**
 * Months as integers (year * 12 + month - 1) so date filters and the
 * timeline compare numbers, not strings. Partial dates map to the first
 * month of their period: "2019" counts from January 2019.
 */
import type { Month } from '../core/periods';

// The month rule lives with the periods; re-exported for the views that format months.
export { monthOf, type Month } from '../core/periods';

/** `YYYY-MM` for a month number. */
export function formatMonth(m: Month): string {
  const y = Math.floor(m / 12);
  return `${y}-${String((m % 12) + 1).padStart(2, '0')}`;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "May 2019" */
export function monthLabel(m: Month): string {
  return `${MONTH_NAMES[m % 12]} ${Math.floor(m / 12)}`;
}

/** "May 2019" short: "May 2019" → "May ’19" for tight axes. */
export function shortMonthLabel(m: Month): string {
  return `${MONTH_NAMES[m % 12].slice(0, 3)} ’${String(Math.floor(m / 12)).slice(2)}`;
}

/** A partial ISO date in words, with its precision: "23 May 2019", "May 2019", "2019". */
export function formatPartialDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const name = MONTH_NAMES[Number(mo) - 1];
  if (!name) return null;
  return d ? `${Number(d)} ${name} ${y}` : `${name} ${y}`;
}
