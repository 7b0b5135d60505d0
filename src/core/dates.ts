/**
 * Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): which are real and
 * publishable, their precision, and which of two is earlier. The importers,
 * the build and the site all date-check with `dateProblem`.
 */
import type { DatePrecision } from './vocabulary';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real calendar date. */
export function isPartialIsoDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/**
 * The program's lifetime. Ring (founded in 2012 as Doorbot) cannot have
 * partnered with anyone before 2012, and nothing can be documented after the
 * day the data or the site was built.
 */
export const FIRST_YEAR = 2012;

/** Today (UTC) as `YYYY-MM-DD`. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

declare const __BUILD_DATE__: string | undefined;

/** The latest publishable date: the site's build date in the browser, today in the pipeline. */
export function buildDate(): string {
  return typeof __BUILD_DATE__ === 'string' ? __BUILD_DATE__ : isoToday();
}

/**
 * Why a date cannot be published, or null when it can: it must be a real
 * `YYYY[-MM[-DD]]` date, not before FIRST_YEAR and not after `latest`
 * (a partial date counts from its first day).
 */
export function dateProblem(s: string, latest: string = buildDate()): string | null {
  if (!isPartialIsoDate(s)) return 'is not a real YYYY, YYYY-MM or YYYY-MM-DD date';
  if (Number(s.slice(0, 4)) < FIRST_YEAR) return `is before ${FIRST_YEAR}, when Ring began`;
  if (s > latest.slice(0, s.length)) return `is after ${latest}, the day the data was built`;
  return null;
}

/** A real date inside the program's lifetime (see `dateProblem`). */
export function isProgramDate(s: string, latest?: string): boolean {
  return dateProblem(s, latest) === null;
}

/**
 * A two-digit year resolves to the past: the latest year ending in those
 * digits that is not after `latest` ("99" is 1999, "19" is 2019).
 */
export function fullYear(yy: number, latest: string = buildDate()): number {
  const now = Number(latest.slice(0, 4));
  return now - ((((now - yy) % 100) + 100) % 100);
}

export function datePrecision(s: string): DatePrecision {
  return s.length === 10 ? 'day' : s.length === 7 ? 'month' : 'year';
}

/**
 * The earlier of two partial dates; when one refines the other
 * ("2019-05" and "2019-05-23") the more precise one. Commutative and
 * idempotent, so merging the same export twice changes nothing.
 */
export function earlierDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  if (b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return a < b ? a : b;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const pad2 = (n: number) => String(n).padStart(2, '0');
export type DateParse = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Why a date written as `YYYY[-MM[-DD]]` cannot be used, in words that say
 * what is wrong with that value: a month or day that does not exist, before
 * Ring began, or in the future. Null when it is a publishable date.
 */
export function dateValueProblem(iso: string, latest: string = isoToday()): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return 'is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)';
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return `does not exist (no month ${Number(mo)})`;
  if (d !== undefined && !isPartialIsoDate(iso)) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return `does not exist (${MONTH_NAMES[Number(mo) - 1]} ${y} has ${days} days)`;
  }
  if (Number(y) < FIRST_YEAR) return `is before ${FIRST_YEAR}, when Ring began`;
  if (iso > latest.slice(0, iso.length)) return `is in the future (after ${latest})`;
  return null;
}

/**
 * A date cell of an importer other than the Atlas (a submission, a map
 * export): `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `m/d/yyyy`, with a reason that
 * names the field and what is wrong with its value.
 */
export function readDateCell(raw: string, field: string, latest?: string): DateParse {
  const s = raw.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = us ? `${us[3]}-${pad2(Number(us[1]))}-${pad2(Number(us[2]))}` : s;
  const problem = dateValueProblem(iso, latest);
  return problem ? { ok: false, reason: `${field} "${s.length > 40 ? `${s.slice(0, 39)}…` : s}" ${problem}` } : { ok: true, value: iso };
}
