/**
 * Agency → point, offline. Order of attempts:
 *  - a manual override, if the tables give one            → `manual`
 *  - county-level agencies (sheriffs, county police, county boards, parish
 *    commissions): the county's interior point             → `county`
 *  - the place in the GeoNames gazetteer (same-name places: the one in the
 *    agency's county if known, else the most populous)     → `city`
 *  - the place in the ZIP gazetteer                         → `zip`
 *    The place is the city cell as written; the place the agency is named
 *    after ("Camillus Police Department") goes first when it lies in the
 *    agency's county; name variants ("Perry" for "Perry Township") count
 *    only inside a known county.
 *  - the county's interior point                            → `county`
 *    (county-level agencies fall back to the city the same way)
 * Every point is rounded to 5 decimals and must lie inside the agency's
 * state; a point up to SNAP_KM outside the generalised outline (coastal
 * places) is moved just inside, anything farther is not accepted.
 */
import { Boundaries, type Area } from './boundaries';
import { lookup, type Gazetteers, type Place } from './gazetteer';
import type { GeocodePrecision } from '../../src/core/vocabulary';
import { countyFromName, coversWholeCounty } from '../../src/core/jurisdiction';
import { pointToPolygonDistance } from '@turf/turf';

export const SNAP_KM = 10;
/** How far outside a county a place's point may lie and still be in it (a city across a county line). */
export const NEAR_COUNTY_KM = 5;
export const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

export interface GeocodeInput {
  name: string;
  agency_type: string;
  jurisdiction: string;
  city: string;
  county: string;
  state: string;
}

export type GeocodeResult =
  | { ok: true; lon: number; lat: number; precision: GeocodePrecision; snapped: boolean }
  | { ok: false; reason: string };

const isCountyLevel = (a: GeocodeInput): boolean => coversWholeCounty(a.agency_type, a.jurisdiction);

/** "Forest Park Police Department" → "Forest Park"; undefined when the name is not "<place> <agency>". */
export function placeFromName(name: string): string | undefined {
  const m = /^(?:(?:the\s+)?(?:city|town|village|borough|township) of\s+)?(.+?)\s+(?:(?:city|town|village|borough|township|twp\.?|regional|metropolitan|metro)\s+)*(?:police|fire|public safety|department of public safety|sheriff)\b/i.exec(
    name.trim(),
  );
  return m ? m[1].trim() : undefined;
}

/** Spellings of a place to try: as given, then without municipal words. */
export function placeVariants(city: string): string[] {
  const out = [city];
  const add = (s: string) => {
    const t = s.trim();
    if (t && !out.includes(t)) out.push(t);
  };
  add(city.replace(/\s+(?:township|twp\.?|borough|village|town|charter township)$/i, ''));
  add(city.replace(/^(?:township|city|village|town|borough) of\s+/i, ''));
  return out;
}

export class Geocoder {
  private cache = new Map<string, GeocodeResult>();

  constructor(
    readonly boundaries: Boundaries,
    private readonly gaz: Gazetteers,
  ) {}

  static load(gaz: Gazetteers): Geocoder {
    return new Geocoder(Boundaries.load(), gaz);
  }

  /** A point is accepted when it lies inside the state, or can be snapped just inside. */
  accept(state: string, lon: number, lat: number): { lon: number; lat: number; snapped: boolean } | undefined {
    const x = round5(lon);
    const y = round5(lat);
    if (this.boundaries.inState(state, x, y)) return { lon: x, lat: y, snapped: false };
    const s = this.boundaries.snapIntoState(state, lon, lat, SNAP_KM, round5);
    return s ? { lon: s[0], lat: s[1], snapped: true } : undefined;
  }

  /** Checks a manual override point: in range, and inside the state. */
  checkOverride(state: string, lon: number, lat: number): GeocodeResult {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return { ok: false, reason: 'coordinates out of range' };
    }
    const x = round5(lon);
    const y = round5(lat);
    if (!this.boundaries.inState(state, x, y)) return { ok: false, reason: `coordinates ${x},${y} lie outside ${state}` };
    return { ok: true, lon: x, lat: y, precision: 'manual', snapped: false };
  }

  private counties(a: GeocodeInput): Area[] {
    const fromName = countyFromName(a.name);
    const named = fromName ? this.boundaries.findCounties(a.state, fromName) : [];
    if (named.length > 0 && isCountyLevel(a)) return named;
    return a.county ? this.boundaries.findCounties(a.state, a.county) : [];
  }

  /**
   * The county an agency answers for or lies in, as a FIPS code: a
   * county-wide agency's county (by its name, else its county cell), else
   * its county cell when that names one county, else the county containing
   * its point. Null when none can be told.
   */
  countyFips(a: GeocodeInput, lon: number, lat: number): string | null {
    const named = this.counties(a);
    if (named.length === 1) return named[0].id;
    if (isCountyLevel(a) && named.length > 1) return named.find((c) => this.boundaries.inArea(c, lon, lat))?.id ?? null;
    return this.boundaries.countyAt(a.state, lon, lat)?.id ?? named[0]?.id ?? null;
  }

  /**
   * Every county the agency's jurisdiction spans, as FIPS codes: its own
   * county first, then each of `other` (county names of its state). A name
   * that is not one county of the state is an error, never skipped.
   */
  countiesFips(a: GeocodeInput, own: string | null, other: readonly string[]): { ok: true; fips: string[] } | { ok: false; reason: string } {
    const fips = own ? [own] : [];
    for (const name of other) {
      const found = this.boundaries.findCounties(a.state, name);
      if (found.length !== 1) return { ok: false, reason: `other_counties: "${name}" is ${found.length ? 'more than one county' : 'no county'} of ${a.state}` };
      if (!fips.includes(found[0].id)) fips.push(found[0].id);
    }
    return { ok: true, fips };
  }

  private byCounty(a: GeocodeInput): GeocodeResult | undefined {
    for (const area of this.counties(a)) {
      const [lon, lat] = this.boundaries.interiorPoint(area);
      const p = this.accept(a.state, lon, lat);
      if (p) return { ok: true, ...p, precision: 'county' };
    }
    return undefined;
  }

  /**
   * The best candidate place. A populated place matching the city cell
   * exactly is trusted even when the county cell is wrong (the county then
   * only breaks ties). With `strict`, a known county must contain the place
   * (ZIP offices); with `strict = 'county'` the county must also be known
   * (name variants, and places taken from the agency's name).
   */
  private pick(a: GeocodeInput, cands: Place[], precision: 'city' | 'zip', strict: boolean | 'county'): GeocodeResult | undefined {
    if (cands.length === 0) return undefined;
    let list = cands;
    const areas = a.county ? this.boundaries.findCounties(a.state, a.county) : [];
    if (areas.length > 0) {
      const inCounty = cands.filter((c) => areas.some((ar) => this.boundaries.inArea(ar, c.lon, c.lat)));
      if (inCounty.length > 0) list = inCounty;
      else if (strict) return undefined;
    } else if (strict === 'county') {
      return undefined; // a name variant ("Perry" for "Perry Township") is trusted only inside a known county
    }
    if (precision === 'zip') {
      // One place's ZIP centroids: those within ~25 km of the first (by ZIP), averaged.
      const sorted = [...list].sort((x, y) => (x.ref < y.ref ? -1 : 1));
      const first = sorted[0];
      const near = sorted.filter((c) => Math.abs(c.lon - first.lon) < 0.3 && Math.abs(c.lat - first.lat) < 0.225);
      const lon = near.reduce((s, c) => s + c.lon, 0) / near.length;
      const lat = near.reduce((s, c) => s + c.lat, 0) / near.length;
      const p = this.accept(a.state, lon, lat) ?? this.accept(a.state, first.lon, first.lat);
      return p ? { ok: true, ...p, precision } : undefined;
    }
    const sorted = [...list].sort((x, y) => y.population - x.population || (x.ref < y.ref ? -1 : 1));
    for (const c of sorted) {
      const p = this.accept(a.state, c.lon, c.lat);
      if (p) return { ok: true, ...p, precision };
    }
    return undefined;
  }

  private byPlace(a: GeocodeInput): GeocodeResult | undefined {
    // The place the agency is named after, when it lies in the agency's county,
    // beats the city cell (often a mailing town: "Camillus PD", city Syracuse).
    const fromName = placeFromName(a.name);
    // [name, exact]: the city cell as written is exact; its variants and names taken from the agency name are not.
    const tries: [string, boolean][] = [];
    const add = (v: string, exact: boolean) => {
      const seen = tries.find(([t]) => t === v);
      if (!seen) tries.push([v, exact]);
      else seen[1] ||= exact;
    };
    if (fromName && a.county) add(fromName, false);
    if (a.city) placeVariants(a.city).forEach((v, i) => add(v, i === 0));
    if (fromName) for (const v of placeVariants(fromName)) add(v, false);
    for (const [v, exact] of tries) {
      const r = this.pick(a, lookup(this.gaz.cities, a.state, v), 'city', exact ? false : 'county');
      if (r) return r;
    }
    for (const [v, exact] of tries) {
      const r = this.pick(a, lookup(this.gaz.zips, a.state, v), 'zip', exact ? true : 'county');
      if (r) return r;
    }
    return undefined;
  }

  /**
   * Whether a place of the gazetteers lies in a county: 'yes' when one of
   * that name lies inside it (or within NEAR_COUNTY_KM: a city's point may
   * sit across the line from its part in the county), 'no' when every one
   * lies farther, 'unknown' when the place or the county is not known.
   */
  placeInCounty(state: string, city: string, county: string): 'yes' | 'no' | 'unknown' {
    const areas = this.boundaries.findCounties(state, county);
    if (areas.length === 0) return 'unknown';
    const near = (c: Place) =>
      areas.some((ar) => this.boundaries.inArea(ar, c.lon, c.lat) || pointToPolygonDistance([c.lon, c.lat], ar, { units: 'kilometers' }) <= NEAR_COUNTY_KM);
    const found = (v: string) => [...lookup(this.gaz.cities, state, v), ...lookup(this.gaz.zips, state, v)];
    // A variant ("Franklin" for "Franklin Township") may confirm the county, never refute it: it can be another place.
    if (placeVariants(city).some((v) => found(v).some(near))) return 'yes';
    return found(city).length > 0 ? 'no' : 'unknown';
  }

  geocode(a: GeocodeInput): GeocodeResult {
    if (!this.boundaries.hasState(a.state)) return { ok: false, reason: `no outline for state "${a.state}"` };
    const countyLevel = isCountyLevel(a);
    const k = [countyLevel ? 'C' : 'P', a.state, a.city, a.county, countyLevel ? (countyFromName(a.name) ?? '') : '', placeFromName(a.name) ?? ''].join('|');
    const hit = this.cache.get(k);
    if (hit) return hit;
    const r =
      (countyLevel ? (this.byCounty(a) ?? this.byPlace(a)) : (this.byPlace(a) ?? this.byCounty(a))) ??
      ({
        ok: false,
        reason: `cannot geocode "${a.city || a.county || a.name}, ${a.state}" (add a row to geocode_overrides.csv)`,
      } as const);
    this.cache.set(k, r);
    return r;
  }
}
