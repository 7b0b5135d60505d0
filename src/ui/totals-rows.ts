/**
 * The totals panel's rows in words, once: the live panel and the static
 * first view (drawn at build time) both print these, so they read the same.
 */
import type { Totals } from '../filters/totals';
import { formatInt, formatUsd } from './format';
import { agenciesLabel } from './labels';
import { MSG } from '../i18n/messages';

export interface TotalsRow {
  term: string;
  value: string;
  /** Muted words after the value (what it leaves out). */
  note?: string;
}

export function totalsRows(t: Totals): TotalsRow[] {
  return [
    { term: MSG.totalsAgencies, value: formatInt(t.agencies), note: t.undated ? MSG.totalsUndated(formatInt(t.undated)) : undefined },
    { term: MSG.totalsStates, value: formatInt(t.states) },
    {
      term: MSG.totalsPerks,
      value: t.valued ? formatUsd(t.documentedValue, t.valueAtLeast) : MSG.totalsNoPerks,
      note: t.valued ? MSG.totalsAcross(agenciesLabel(t.valued)) : undefined,
    },
    { term: MSG.totalsRecords, value: formatInt(t.withRecords) },
  ];
}
