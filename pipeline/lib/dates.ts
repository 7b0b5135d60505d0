/**
 * Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the date formats of
 * Atlas of Surveillance exports.
 */
import { isPartialIsoDate } from '../../src/data/schema';

export { isPartialIsoDate };

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

export type DateParse = { ok: true; value: string } | { ok: false; reason: string };

/**
 * An Atlas date cell: `m/d/yy` or `m/d/yyyy` (two-digit years are 20yy:
 * the Atlas began in 2019 and Ring partnerships in 2018), or a bare `yyyy`.
 * Also accepts an ISO partial date. Returns a validated partial ISO date.
 */
export function parseAtlasDate(cell: string): DateParse {
  const s = cell.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = `${year}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
    return isPartialIsoDate(iso) ? { ok: true, value: iso } : { ok: false, reason: `impossible date "${s}"` };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return { ok: true, value: m[1] };
  if (isPartialIsoDate(s)) return { ok: true, value: s };
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(s)) return { ok: false, reason: `impossible date "${s}"` };
  return { ok: false, reason: `unparseable date "${s}" (expected m/d/yy, m/d/yyyy or yyyy)` };
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
