/**
 * Counties for "Find my area": the counties with their boxes, centres and
 * matching keys, and which county a point lies in. Which agencies cover a
 * county is read from what the build published (see area-answer.ts).
 */
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { foldText } from '../core/text';
import { STATE_BY_FIPS } from '../geo/us-states';
import { isIndependentCity } from '../core/jurisdiction';

export interface County {
  fips: string;
  /** "Los Angeles County" */
  name: string;
  /** Normalised for matching: "los angeles". */
  key: string;
  state: string;
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
  feature: Feature<Polygon | MultiPolygon>;
}

/** Louisiana has parishes; Alaska boroughs and census areas (named plainly); DC is its own unit. */
function countyLabel(name: string, state: string, fips: string): string {
  if (isIndependentCity(fips)) return /\bcity$/i.test(name) ? name : `${name} city`;
  if (/\b(city|borough|census area|municipality|parish)$/i.test(name) || state === 'AK' || state === 'DC') return name;
  return state === 'LA' ? `${name} Parish` : `${name} County`;
}

export function normalizeCountyName(s: string): string {
  return foldText(s)
    .replace(/['’.]/g, '')
    // The Spanish form leads with the word: "Condado de Miami-Dade", "condado Harris", "Parroquia de Caddo".
    // Only "de" goes: "la"/"los" belong to names (Condado de Los Angeles, de La Paz).
    .replace(/^\s*(condado|parroquia)\s+(de\s+)?/, '')
    .replace(/\b(county|parish|borough|census area|city and borough|municipality|sheriffs?|office|department|dept|police|board|commission|of|the)\b/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s*,\s*[a-z]{2}$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function bboxOf(f: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of rings) for (const [x, y] of poly[0]) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

export function buildCounties(fc: FeatureCollection): County[] {
  const out: County[] = [];
  for (const f of fc.features as Feature<Polygon | MultiPolygon>[]) {
    if (!f.geometry) continue;
    const fips = String(f.id ?? f.properties?.fips);
    const state = STATE_BY_FIPS.get(fips.slice(0, 2))?.code;
    if (!state) continue;
    const raw = String(f.properties?.name ?? '');
    let c = centroid(f);
    if (!booleanPointInPolygon(c, f)) c = pointOnFeature(f);
    const [lon, lat] = c.geometry.coordinates;
    const name = countyLabel(raw, state, fips);
    // An independent city keeps "city" in its key, so it never matches the county of the same name.
    out.push({ fips, name, key: normalizeCountyName(isIndependentCity(fips) ? name : raw), state, lon, lat, bbox: bboxOf(f), feature: f });
  }
  return out;
}

/** Whether a point lies inside the county's outline (its box first: most points are far away). */
export function inCounty(c: County, lon: number, lat: number): boolean {
  const [w, s, e, n] = c.bbox;
  return lon >= w && lon <= e && lat >= s && lat <= n && booleanPointInPolygon([lon, lat], c.feature);
}

export function countyAt(counties: readonly County[], lon: number, lat: number): County | null {
  return counties.find((c) => inCounty(c, lon, lat)) ?? null;
}

/**
 * A point → county lookup over a 1-degree grid of county boxes: the same
 * answer as countyAt, fast enough for every agency at 100× the data.
 */
export function countyLocator(counties: readonly County[]): (lon: number, lat: number) => number {
  const grid = new Map<number, number[]>();
  const key = (x: number, y: number) => (y + 90) * 400 + (x + 200);
  counties.forEach((c, k) => {
    const [w, s, e, n] = c.bbox;
    for (let x = Math.floor(w); x <= Math.floor(e); x++) for (let y = Math.floor(s); y <= Math.floor(n); y++) {
      const list = grid.get(key(x, y));
      if (list) list.push(k);
      else grid.set(key(x, y), [k]);
    }
  });
  return (lon, lat) => {
    for (const k of grid.get(key(Math.floor(lon), Math.floor(lat))) ?? []) {
      const [w, s, e, n] = counties[k].bbox;
      if (lon >= w && lon <= e && lat >= s && lat <= n && booleanPointInPolygon([lon, lat], counties[k].feature)) return k;
    }
    return -1;
  };
}
