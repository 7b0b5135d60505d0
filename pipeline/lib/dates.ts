/**
 * The date formats of Atlas of Surveillance exports, read into partial ISO
 * dates (the rules of which are in src/core/dates.ts).
 */
import { dateProblem, FIRST_YEAR, fullYear, isoToday, isPartialIsoDate } from '../../src/core/dates';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

export type DateParse = { ok: true; value: string } | { ok: false; reason: string };

/**
 * An Atlas date cell: `m/d/yy` or `m/d/yyyy` (a two-digit year resolves to
 * the past: "18" is 2018, "99" is 1999), or a bare `yyyy`. Also accepts an
 * ISO partial date. Returns a real date inside the program's lifetime
 * (`dateProblem`, the rule the build and the site apply), else a reason.
 */
export function parseAtlasDate(cell: string, latest?: string): DateParse {
  const s = cell.trim();
  let iso: string | undefined;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const year = m[3].length === 2 ? fullYear(Number(m[3]), latest) : Number(m[3]);
    iso = `${String(year).padStart(4, '0')}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
  } else if ((m = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.exec(s))) {
    iso = s;
  }
  if (iso === undefined) return { ok: false, reason: `unparseable date "${s}" (expected m/d/yy, m/d/yyyy or yyyy)` };
  if (!isPartialIsoDate(iso)) return { ok: false, reason: `impossible date "${s}"` };
  const problem = dateProblem(iso, latest);
  if (problem) return { ok: false, reason: `impossible date "${s}": ${iso} ${problem}` };
  return { ok: true, value: iso };
}

/**
 * The date an Atlas Summary sentence states: "… Ring, in July 2020 to gain …"
 * → "2020-07"; "… in 2019 to gain …" → "2019". Undefined when none.
 */
export function dateFromSummary(summary: string): string | undefined {
  const m = new RegExp(`\\b(${MONTHS.join('|')})\\s+(?:of\\s+)?(\\d{4})\\b`, 'i').exec(summary);
  if (m) return `${m[2]}-${pad(MONTHS.indexOf(m[1].toLowerCase()) + 1)}`;
  const y = /\bin\s+((?:19|20)\d{2})\b/.exec(summary);
  return y ? y[1] : undefined;
}

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
    return `does not exist (${MONTHS[Number(mo) - 1].replace(/^./, (c) => c.toUpperCase())} ${y} has ${days} days)`;
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
  const iso = us ? `${us[3]}-${pad(Number(us[1]))}-${pad(Number(us[2]))}` : s;
  const problem = dateValueProblem(iso, latest);
  return problem ? { ok: false, reason: `${field} "${s.length > 40 ? `${s.slice(0, 39)}…` : s}" ${problem}` } : { ok: true, value: iso };
}
