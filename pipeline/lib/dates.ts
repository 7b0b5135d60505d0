/**
 * The date formats of Atlas of Surveillance exports, read into partial ISO
 * dates (the rules of which are in src/core/dates.ts).
 */
import { dateProblem, fullYear, isPartialIsoDate } from '../../src/core/dates';

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

export { dateValueProblem, readDateCell } from '../../src/core/dates';
