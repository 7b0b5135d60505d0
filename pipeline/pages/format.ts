/** Words for dates, places and states on the static pages. */
import { datePrecision } from '../../src/core/dates';
import type { AgencyProperties } from '../../src/core/contract';
import { US_STATES } from '../../src/geo/us-states';
import { formatPartialDate } from '../../src/time/months';
import { CATALOGUES } from '../../src/i18n/messages';

const PRECISION_WORDS = { day: 'exact day', month: 'month only', year: 'year only' } as const;

/** A start date with what it is, in the pages' language (English): "2020 (year only): announced then, not a start". */
export function startDateText(date: string | null, kind: AgencyProperties['start_kind']): string {
  const text = dateWithPrecision(date);
  return date && (kind === 'announced' || kind === 'active_by') ? `${text}: ${CATALOGUES.en.dateKindWords[kind]}` : text;
}

/** "23 May 2019", "May 2019 (month only)", or "not documented". */
export function dateWithPrecision(date: string | null): string {
  if (!date) return 'not documented';
  const words = formatPartialDate(date) ?? date;
  const prec = datePrecision(date);
  return prec === 'day' ? words : `${words} (${PRECISION_WORDS[prec]})`;
}

export function stateName(code: string): string {
  return US_STATES.find((s) => s.code === code)?.name ?? code;
}

/** "Los Angeles, Los Angeles County, California" */
export function placeText(p: Pick<AgencyProperties, 'city' | 'county' | 'state'>): string {
  return [p.city, p.county, stateName(p.state)].filter(Boolean).join(', ');
}

/** The year a partial date falls in, or null. */
export function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}
