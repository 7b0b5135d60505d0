/**
 * The map's own counts beside the totals others published: how many mapped
 * partnerships were active at a date, and how many began in a year. Pure.
 */
import type { AgencyIndex } from '../data/agency-index';
import { type Month, monthSpan } from '../core/periods';
import type { ReportedTotal } from './history';

/** Mapped agencies whose partnership was active in month m (dated ones only). */
export function mappedActiveAt(index: AgencyIndex, m: Month): number {
  let n = 0;
  for (let i = 0; i < index.size; i++) if (index.start[i] >= 0 && index.start[i] <= m && index.lastActive[i] >= m) n++;
  return n;
}

/** Mapped agencies whose partnership began in the given year. */
export function mappedJoinedIn(index: AgencyIndex, year: number): number {
  const lo = year * 12, hi = lo + 11;
  let n = 0;
  for (let i = 0; i < index.size; i++) if (index.start[i] >= lo && index.start[i] <= hi) n++;
  return n;
}

export interface CoverageRow {
  total: ReportedTotal;
  /** The month the comparison is made at (the last month of a partial date). */
  month: Month;
  mapped: number;
  /** Mapped as a share of the reported value, in percent (null when nothing was reported). */
  share: number | null;
}

/** Each reported partner total or yearly join count beside the map's own count. */
export function coverageRows(index: AgencyIndex, totals: readonly ReportedTotal[]): CoverageRow[] {
  return totals
    .filter((t) => t.metric === 'partners_total' || t.metric === 'joined_in_year')
    .map((t) => {
      const month = monthSpan(t.as_of)![1];
      const mapped = t.metric === 'joined_in_year' ? mappedJoinedIn(index, Number(t.as_of.slice(0, 4))) : mappedActiveAt(index, month);
      return { total: t, month, mapped, share: t.value > 0 ? Math.round((100 * mapped) / t.value) : null };
    })
    .sort((a, b) => a.month - b.month || a.total.metric.localeCompare(b.total.metric));
}
