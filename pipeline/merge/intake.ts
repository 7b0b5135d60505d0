/**
 * One intake for every source (Atlas, KML, submissions): which agency an
 * incoming name is, and what it may do to that agency's place, decided by
 * the same checks in the same order with the same reasons:
 *   1. the same name (or an alias) in the same county is that agency;
 *   2. the same name in another county stops with "did you mean";
 *   3. a name that is probably one already there (abbreviation, look-alike
 *      letters, typo) stops with "did you mean";
 *   4. a city must lie in the county it is given with;
 *   5. an existing agency's empty city/county may be filled (listed as a
 *      change); a different non-empty one is refused unless the row asks.
 * Steps 2–3 pass when keep-apart.csv says the name is not that agency.
 */
import { cleanText } from '../../src/core/text';
import { LIMITS } from '../dataset/validate';
import type { Geocoder } from '../geocode/geocoder';
import { agencySlug } from '../lib/text';
import type { AgencyRow } from '../tables/model';
import type { Change } from './changes';
import { LikelyDuplicates } from './likely';
import { AgencyMatcher, countyKey, inCounty, matchKey } from './names';

/** A name of keep-apart.csv: `name` (in `state`) is not the agency `agency_id`. */
export interface KeepApart {
  name: string;
  state: string;
  agencyId: string;
}

export const KEEP_APART_FILE = 'keep-apart.csv';
export const KEEP_APART_COLUMNS = ['name', 'state', 'agency_id', 'reason'] as const;

/** Text shortened for a reason (a hostile cell can hold thousands of characters). */
const short = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The two ways out of a "did you mean": an alias if it is that agency, keep-apart lines (one per agency it is not) if not. */
export function keepApartHint(name: string, state: string, ids: readonly string[]): string {
  const csv = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  // The whole name (the line must match it); one too long for the tables is refused by them anyway.
  const whole = short(name, LIMITS.name);
  const lines = ids.map((id) => `${csv(whole)},${state},${id}`);
  const what = lines.length === 1 ? `the line ${lines[0]}` : `the lines ${lines.join(' and ')}`;
  return `(if so, add "${short(name)}" to aliases.csv; if not, add ${what} to ${KEEP_APART_FILE} to keep it apart)`;
}

export type Identified<T> =
  | { kind: 'existing'; agency: T; how: 'exact' | 'alias' }
  | { kind: 'new' }
  | { kind: 'reject'; reason: string };

type Row = AgencyRow & { line?: number };

export class Intake<T extends Row> {
  /** Names and aliases (the Atlas also asks it whether a row names the holder of its Atlas id). */
  readonly matcher: AgencyMatcher<T>;
  private likely: LikelyDuplicates<T>;
  private apart = new Set<string>();

  constructor(agencies: readonly T[], opts: { aliases?: readonly [string, string, string][]; keepApart?: readonly KeepApart[] } = {}) {
    this.matcher = new AgencyMatcher<T>(agencies);
    this.likely = new LikelyDuplicates<T>(agencies);
    for (const [alias, state, id] of opts.aliases ?? []) this.matcher.addAlias(alias, state, id);
    for (const k of opts.keepApart ?? []) this.apart.add(`${matchKey(k.name, k.state)}|${k.agencyId}`);
  }

  add(agency: T): void {
    this.matcher.add(agency);
    this.likely.add(agency);
  }

  /** keep-apart.csv says this name is not that agency. */
  keptApart(name: string, state: string, id: string): boolean {
    return this.apart.has(`${matchKey(name, state)}|${id}`);
  }

  /**
   * Checks 1–3: the agency this name is, a new one, or a stop. `newAgency`
   * (a submission's change=new_agency) keeps a like name apart like a
   * keep-apart.csv line does.
   */
  identify(name: string, state: string, county: string, opts: { newAgency?: boolean } = {}): Identified<T> {
    const m = this.matcher.match(name, state, { county });
    if (m && m.how !== 'loose') {
      if (!county || inCounty(m.item, county)) return { kind: 'existing', agency: m.item, how: m.how };
      if (opts.newAgency || this.keptApart(name, state, m.item.id)) return { kind: 'new' };
      return { kind: 'reject', reason: `"${m.item.id}" has this name but is in ${m.item.county}, not ${short(county)}: did you mean it? ${keepApartHint(name, state, [m.item.id])}` };
    }
    if (opts.newAgency) return { kind: 'new' };
    const l = this.likely.find(name, state);
    const ids = (l?.items ?? []).map((x) => x.id).filter((id) => !this.keptApart(name, state, id));
    if (l && ids.length > 0) return { kind: 'reject', reason: `did you mean ${ids.map((id) => `"${id}"`).join(' or ')} (${l.why})? ${keepApartHint(name, state, ids)}` };
    return { kind: 'new' };
  }
}

/** A new agency's id: its slug; the same name in another county gets the county in it, then a number. */
export function newAgencyId(name: string, state: string, county: string, taken: (id: string) => boolean): string {
  const base = agencySlug(name, state);
  let id = taken(base) && county ? agencySlug(`${name} ${countyKey(county)}`, state) : base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** Check 4: a city given with a county must lie in it (unknown places are left to the geocoder). */
export function cityCountyProblem(geocoder: Geocoder, state: string, city: string, county: string): string | undefined {
  if (!city || !county) return undefined;
  return geocoder.placeInCounty(state, city, county) === 'no' ? `city "${short(city)}" is not in ${short(county)} (${state})` : undefined;
}

const same = (f: 'city' | 'county', a: string, b: string) =>
  cleanText(a).toLowerCase() === cleanText(b).toLowerCase() || (f === 'county' && countyKey(a) === countyKey(b));

/**
 * Check 5 on an existing agency: the row's city and county, applied to a
 * copy of it. Empty fields are filled (each a change); a different value is
 * refused unless `mayChange` (a submission's change=place) or
 * place_corrections.csv already records it as corrected to the tables' value.
 */
export function placeUpdate(
  agency: Row,
  given: { city: string; county: string },
  opts: { mayChange: boolean; source: string; corrected?: (agencyId: string, field: string, previous: string) => boolean; geocoder: Geocoder },
): { agency: Row; changes: Change[] } | { reason: string } {
  const next = { ...agency };
  const changes: Change[] = [];
  for (const f of ['city', 'county'] as const) {
    const to = cleanText(given[f]);
    const from = agency[f];
    if (!to || same(f, from, to)) continue;
    if (from && !opts.mayChange) {
      if (opts.corrected?.(agency.id, f, to)) continue;
      return { reason: `"${agency.id}" has ${f} "${short(from)}", not "${short(to)}" (a different place is changed only when the row says so: change = place in a submission)` };
    }
    changes.push({ agency: agency.id, field: f, from, to, source: opts.source });
    next[f] = to;
  }
  if (changes.length > 0) {
    const p = cityCountyProblem(opts.geocoder, agency.state, next.city, next.county);
    if (p) return { reason: p };
  }
  return { agency: next, changes };
}
