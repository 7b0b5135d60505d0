/**
 * A columnar view of the dataset: one typed array per attribute the map
 * filters or draws by, so a filter change is a linear scan over numbers
 * rather than a walk over nested objects (this keeps filtering fast at
 * 100x the real data).
 */
import type { AgencyType } from '../core/vocabulary';
import { AGENCY_TYPES } from '../core/vocabulary';
import type { AgencyRow } from './map-data';
import { POINT_AT_LEAST, POINT_MOU, POINT_PERKS, POINT_RECORDS } from './map-data';
import { monthOf, lastActiveMonth } from '../core/periods';
import { foldText } from '../core/text';

export const FLAG_PERKS = POINT_PERKS;
export const FLAG_RECORDS = POINT_RECORDS;
export const FLAG_MOU = POINT_MOU;
export const FLAG_AT_LEAST = POINT_AT_LEAST;

export interface AgencyIndex {
  readonly size: number;
  /** What the map knows of each agency before its details load. */
  readonly rows: readonly AgencyRow[];
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Web-Mercator x and y in [0, 1], for clustering in screen space. */
  readonly mx: Float64Array;
  readonly my: Float64Array;
  /** Month number of start_date (its first possible month), or -1 when not documented. */
  readonly start: Int32Array;
  /** The last month each partnership may have been active; NO_END when no end is documented. */
  readonly lastActive: Int32Array;
  readonly type: Uint8Array;
  /** Index into `states`. */
  readonly state: Uint16Array;
  readonly states: readonly string[];
  readonly flags: Uint8Array;
  /** Documented dollar value (perks + subsidies), NaN when not documented. */
  readonly value: Float64Array;
  /** Lower-cased, accent-free "name city county state" for search. */
  readonly haystack: readonly string[];
  readonly minStart: number;
  readonly maxStart: number;
}

export function typeCode(t: AgencyType): number {
  return AGENCY_TYPES.indexOf(t);
}

/** Perks plus subsidies in dollars, or null when neither is documented (never 0 for unknown). */
export function documentedValue(p: Pick<AgencyRow, 'perk_value_usd' | 'subsidy_usd'>): number | null {
  if (p.perk_value_usd === null && p.subsidy_usd === null) return null;
  return (p.perk_value_usd ?? 0) + (p.subsidy_usd ?? 0);
}

export function buildIndex(rows: readonly AgencyRow[]): AgencyIndex {
  const n = rows.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  const start = new Int32Array(n);
  const lastActive = new Int32Array(n);
  const type = new Uint8Array(n);
  const state = new Uint16Array(n);
  const flags = new Uint8Array(n);
  const value = new Float64Array(n);
  const states: string[] = [];
  const stateIdx = new Map<string, number>();
  const ids: string[] = new Array(n);
  const haystack: string[] = new Array(n);
  const byId = new Map<string, number>();
  let minStart = Infinity;
  let maxStart = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = rows[i];
    const x = p.lon, y = p.lat;
    lon[i] = x;
    lat[i] = y;
    mx[i] = (x + 180) / 360;
    const s = Math.sin((y * Math.PI) / 180);
    my[i] = 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
    const m = monthOf(p.start_date);
    start[i] = m ?? -1;
    lastActive[i] = lastActiveMonth(p.end_date);
    if (m !== null) {
      if (m < minStart) minStart = m;
      if (m > maxStart) maxStart = m;
    }
    type[i] = typeCode(p.agency_type);
    let si = stateIdx.get(p.state);
    if (si === undefined) {
      si = states.length;
      states.push(p.state);
      stateIdx.set(p.state, si);
    }
    state[i] = si;
    const v = documentedValue(p);
    value[i] = v ?? NaN;
    flags[i] = p.flags & (FLAG_PERKS | FLAG_RECORDS | FLAG_MOU | FLAG_AT_LEAST);
    ids[i] = p.id;
    byId.set(p.id, i);
    haystack[i] = foldText([p.name, p.city ?? '', p.county ?? '', p.state].join(' '));
  }
  if (minStart === Infinity) minStart = maxStart = 0;
  return { size: n, rows, ids, byId, lon, lat, mx, my, start, lastActive, type, state, states, flags, value, haystack, minStart, maxStart };
}
