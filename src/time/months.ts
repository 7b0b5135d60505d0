/**
 * Months as integers (year * 12 + month - 1) so date filters and the
 * timeline compare numbers, not strings. Partial dates map to the first
 * month of their period: "2019" counts from January 2019.
 */
import type { Month } from '../core/periods';
import { dateTag, type Locale } from '../i18n/locale';

/** `YYYY-MM` for a month number. */
export function formatMonth(m: Month): string {
  const y = Math.floor(m / 12);
  return `${y}-${String((m % 12) + 1).padStart(2, '0')}`;
}

const names = new Map<string, { long: string[]; short: string[]; partial: Intl.DateTimeFormat; month: Intl.DateTimeFormat }>();

/** Month names and date formats of the page's language, from Intl. */
function calendar(l?: Locale) {
  const tag = dateTag(l);
  let c = names.get(tag);
  if (!c) {
    const at = (k: number) => new Date(Date.UTC(2000, k, 1));
    const long = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
    // Short names from US English ("Sep", not "Sept"); Spanish from its own locale.
    const short = new Intl.DateTimeFormat(tag === 'en-GB' ? 'en-US' : tag, { month: 'short', timeZone: 'UTC' });
    c = {
      long: Array.from({ length: 12 }, (_, k) => long.format(at(k))),
      short: Array.from({ length: 12 }, (_, k) => short.format(at(k)).replace(/\.$/, '')),
      partial: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      month: new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
    names.set(tag, c);
  }
  return c;
}

/** "May 2019" ("mayo de 2019") */
export function monthLabel(m: Month, l?: Locale): string {
  return calendar(l).month.format(new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)));
}

/** "May ’19" ("may ’19") for tight axes. */
export function shortMonthLabel(m: Month): string {
  return `${calendar().short[m % 12]} ’${String(Math.floor(m / 12)).slice(2)}`;
}

/** "Jun 2019" ("jun 2019"): a month in a narrow column. */
export function compactMonthLabel(m: Month): string {
  return `${calendar().short[m % 12]} ${Math.floor(m / 12)}`;
}

/**
 * A partial ISO date in words, with its precision: "23 May 2019", "May 2019", "2019"
 * (in the page's language, or in `l` for text made for another reader).
 */
export function formatPartialDate(date: string | null | undefined, l?: Locale): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (!d) return monthLabel(Number(y) * 12 + month - 1, l);
  const day = new Date(Date.UTC(Number(y), month - 1, Number(d)));
  // An impossible day ("2019-02-31") is not moved to another month.
  if (day.getUTCMonth() !== month - 1) return null;
  return calendar(l).partial.format(day);
}
