/**
 * The bundled offline basemap: neighbouring countries, US states and
 * (from zoom 5, loaded on demand) counties, state names and major cities.
 * Everything comes from the site's own origin. An online street basemap
 * exists only behind an explicit choice and falls back to this one.
 */
import type * as maplibregl from 'maplibre-gl';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { STATE_BY_FIPS } from '../geo/us-states';

export const BASE = import.meta.env.BASE_URL;
export const FONT = ['sans-serif'];
export const COLORS = {
  water: '#cfe3ef',
  land: '#f4f2ee',
  neighbour: '#e6e3dd',
  stateLine: '#8d8a84',
  countyLine: '#c9c5be',
  label: '#4a4740',
};

export const ONLINE_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const ONLINE_ATTRIBUTION = '© OpenStreetMap contributors';
export const BUNDLED_ATTRIBUTION = 'Basemap: US Census Bureau via us-atlas, Natural Earth';

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(BASE + path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export interface BasemapData {
  states: FeatureCollection;
  context: FeatureCollection;
  places: FeatureCollection;
}

export async function loadBasemap(): Promise<BasemapData> {
  const [topo, context, places] = await Promise.all([
    fetchJson<Topology>('generated/basemap/states.json'),
    fetchJson<FeatureCollection>('generated/basemap/context.json'),
    fetchJson<FeatureCollection>('generated/basemap/places.json'),
  ]);
  const states = feature(topo, topo.objects.states as GeometryCollection) as FeatureCollection;
  for (const f of states.features) {
    const st = STATE_BY_FIPS.get(String(f.id));
    f.properties = { ...(f.properties ?? {}), fips: String(f.id), code: st?.code ?? '' };
  }
  return { states, context, places };
}

let countiesPromise: Promise<FeatureCollection> | null = null;
/** Counties are 800 KB: loaded only when first needed (zoomed in, density layer, area search). */
export function loadCounties(): Promise<FeatureCollection> {
  countiesPromise ??= fetchJson<Topology>('generated/basemap/counties.json').then((topo) => {
    const fc = feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection;
    for (const f of fc.features) {
      const fips = String(f.id);
      f.properties = { ...(f.properties ?? {}), fips, state: STATE_BY_FIPS.get(fips.slice(0, 2))?.code ?? '' };
    }
    return fc;
  });
  return countiesPromise;
}

export function basemapStyle(data: BasemapData, online: boolean): maplibregl.StyleSpecification {
  const layers: maplibregl.LayerSpecification[] = [
    { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
    { id: 'neighbours', type: 'fill', source: 'context', paint: { 'fill-color': COLORS.neighbour } },
    { id: 'states-fill', type: 'fill', source: 'states', paint: { 'fill-color': COLORS.land } },
  ];
  if (online) layers.push({ id: 'online-tiles', type: 'raster', source: 'online' });
  layers.push(
    { id: 'density-states', type: 'fill', source: 'states', layout: { visibility: 'none' }, paint: { 'fill-color': '#000', 'fill-opacity': 0 } },
    { id: 'neighbour-lines', type: 'line', source: 'context', paint: { 'line-color': '#bdb8ae', 'line-width': 0.6 } },
    { id: 'state-lines', type: 'line', source: 'states', paint: { 'line-color': COLORS.stateLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6] } },
    {
      id: 'state-labels', type: 'symbol', source: 'places', filter: ['==', ['get', 'kind'], 'state'], maxzoom: 7,
      layout: { 'text-field': ['step', ['zoom'], ['get', 'code'], 4.5, ['get', 'name']], 'text-font': FONT, 'text-size': 12, 'text-transform': 'uppercase', 'text-letter-spacing': 0.08 },
      paint: { 'text-color': '#7b776f', 'text-halo-color': COLORS.land, 'text-halo-width': 1.2 },
    },
    {
      id: 'city-labels', type: 'symbol', source: 'places', minzoom: 4.5,
      filter: ['all', ['==', ['get', 'kind'], 'city'], ['>=', ['get', 'population'], ['step', ['zoom'], 1_000_000, 5.5, 400_000, 6.5, 150_000]]],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12, 'symbol-sort-key': ['-', ['get', 'population']] },
      paint: { 'text-color': COLORS.label, 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
    },
  );
  const sources: maplibregl.StyleSpecification['sources'] = {
    context: { type: 'geojson', data: data.context },
    states: { type: 'geojson', data: data.states, promoteId: 'fips', attribution: BUNDLED_ATTRIBUTION },
    places: { type: 'geojson', data: data.places },
  };
  if (online) {
    sources.online = { type: 'raster', tiles: [ONLINE_TILES], tileSize: 256, maxzoom: 19, attribution: ONLINE_ATTRIBUTION };
  }
  return { version: 8, sources, layers };
}

/** Adds the county outlines once the counties file is loaded. */
export async function addCounties(map: maplibregl.Map): Promise<void> {
  if (map.getSource('counties')) return;
  const counties = await loadCounties();
  if (map.getSource('counties')) return;
  map.addSource('counties', { type: 'geojson', data: counties, promoteId: 'fips' });
  map.addLayer(
    { id: 'density-counties', type: 'fill', source: 'counties', layout: { visibility: 'none' }, paint: { 'fill-color': '#000', 'fill-opacity': 0 } },
    'neighbour-lines',
  );
  map.addLayer(
    { id: 'county-lines', type: 'line', source: 'counties', minzoom: 5, paint: { 'line-color': COLORS.countyLine, 'line-width': 0.5 } },
    'state-lines',
  );
}
