/**
 * The filter state and how it selects agencies. Pure: no DOM, no map.
 */
import type { AgencyType } from '../core/vocabulary';
import { AGENCY_TYPES } from '../core/vocabulary';
import type { AgencyIndex } from '../data/agency-index';
import { FLAG_PERKS, FLAG_RECORDS } from '../data/agency-index';
import { foldText } from '../core/text';
import { type Month, activeDuring } from '../core/periods';
import { MSG } from '../i18n/messages';

export interface Filters {
  /** Agency types to show; empty means all. */
  types: AgencyType[];
  /** Two-letter state codes; empty means all states. */
  states: string[];
  /** Inclusive month range: agencies whose partnership was active at some time in it; null ends are open. */
  from: Month | null;
  to: Month | null;
  perks: boolean;
  records: boolean;
  /** Name/place search text. */
  q: string;
}

export const DEFAULT_FILTERS: Readonly<Filters> = Object.freeze({
  types: [],
  states: [],
  from: null,
  to: null,
  perks: false,
  records: false,
  q: '',
});

export function isDefaultFilters(f: Filters): boolean {
  return !f.types.length && !f.states.length && f.from === null && f.to === null && !f.perks && !f.records && !f.q.trim();
}

export function hasDateFilter(f: Filters): boolean {
  return f.from !== null || f.to !== null;
}

/**
 * Returns a mask (1 = shown) and the number shown. `ignoreDates` computes the
 * set the timeline histogram is drawn from (every filter except the dates).
 */
export function applyFilters(
  index: AgencyIndex,
  f: Filters,
  opts: { ignoreDates?: boolean } = {},
): { mask: Uint8Array; count: number } {
  const n = index.size;
  const mask = new Uint8Array(n);
  const typeOk = new Uint8Array(AGENCY_TYPES.length).fill(f.types.length ? 0 : 1);
  for (const t of f.types) typeOk[AGENCY_TYPES.indexOf(t)] = 1;
  // One flag per state index: several states may be chosen (state=NJ,NY,PA).
  const stateOk = new Uint8Array(index.states.length).fill(f.states.length ? 0 : 1);
  for (const code of f.states) {
    const k = index.states.indexOf(code);
    if (k !== -1) stateOk[k] = 1;
  }
  const wantFlags = (f.perks ? FLAG_PERKS : 0);
  const dates = !opts.ignoreDates && hasDateFilter(f);
  const from = f.from ?? -Infinity;
  const to = f.to ?? Infinity;
  const q = foldText(f.q.trim());
  const { type, state, flags, start, lastActive, haystack } = index;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!typeOk[type[i]]) continue;
    if (!stateOk[state[i]]) continue;
    if ((flags[i] & wantFlags) !== wantFlags) continue;
    if (f.records && !(flags[i] & FLAG_RECORDS)) continue;
    if (dates && !activeDuring(start[i], lastActive[i], from, to)) continue;
    if (q && !haystack[i].includes(q)) continue;
    mask[i] = 1;
    count++;
  }
  return { mask, count };
}

/** The active filters in words, for the exported image and the embed title. */
export function describeFilters(f: Filters, monthLabel: (m: Month) => string): string {
  const parts: string[] = [];
  if (f.types.length) parts.push(MSG.describeTypes(f.types));
  if (f.states.length) parts.push(MSG.describeStates(f.states));
  if (f.from !== null && f.to !== null) parts.push(MSG.describeActive(monthLabel(f.from), monthLabel(f.to)));
  else if (f.from !== null) parts.push(MSG.describeActiveFrom(monthLabel(f.from)));
  else if (f.to !== null) parts.push(MSG.describeStartedBy(monthLabel(f.to)));
  if (f.perks) parts.push(MSG.describePerks);
  if (f.records) parts.push(MSG.describeRecords);
  if (f.q.trim()) parts.push(MSG.describeMatching(f.q.trim()));
  return parts.length ? parts.join(' · ') : MSG.allAgencies;
}
