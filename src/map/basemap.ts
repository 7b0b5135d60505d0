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
import { stackOf, Z } from './layer-stack';
import { textPaint } from './shared-programs';
import { BASEMAP_BOUNDS, BASEMAP_MAX_ZOOM } from './basemap-extent';

export const BASE = import.meta.env.BASE_URL;
/** The bundled basemap's source: source-layers `neighbours`, `states` (feature id: FIPS) and `places`. */
export const BASEMAP = 'basemap';

export const FONT = ['sans-serif'];
import { COLORS } from './basemap-colors';
import { MSG } from '../i18n/messages';

export const ONLINE_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const ONLINE_ATTRIBUTION = '© OpenStreetMap contributors';
export const BUNDLED_ATTRIBUTION = MSG.basemapAttribution;

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(BASE + path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Absolute URLs: the map's worker resolves them, not the page. */
const asset = (path: string) => new URL(`${BASE}generated/basemap/${path}`, location.href).href;
/** The same for a tile URL template: the URL parser escapes its braces, the map needs them as they are. */
const tileTemplate = (path: string) => asset(path).replace(/%7B/gi, '{').replace(/%7D/gi, '}');

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

/**
 * The style: sources are URLs, so the map's worker fetches and tiles them
 * while the page is still loading the agencies.
 */
/** States too small on a regional map for their full name. */
export const SMALL_STATES = ['CT', 'DE', 'DC', 'MA', 'MD', 'NH', 'NJ', 'RI', 'VT'];

export function basemapStyle(): maplibregl.StyleSpecification {
  return {
    version: 8,
    sources: {
      // Cut into vector tiles at build time (pipeline/basemap-tiles.ts): the worker only decodes them.
      basemap: {
        type: 'vector', tiles: [tileTemplate('tiles/{z}/{x}/{y}.pbf')], minzoom: 0, maxzoom: BASEMAP_MAX_ZOOM,
        bounds: BASEMAP_BOUNDS, promoteId: { states: 'fips' }, attribution: BUNDLED_ATTRIBUTION,
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      // No antialiased fill edges: the outlines are drawn as lines (and the edge pass costs a shader program of its own).
      { id: 'neighbours', type: 'fill', source: BASEMAP, 'source-layer': 'neighbours', paint: { 'fill-color': COLORS.neighbour, 'fill-antialias': false } },
      { id: 'states-fill', type: 'fill', source: BASEMAP, 'source-layer': 'states', paint: { 'fill-color': COLORS.land, 'fill-antialias': false } },
      { id: 'neighbour-lines', type: 'line', source: BASEMAP, 'source-layer': 'neighbours', paint: { 'line-color': '#bdb8ae', 'line-width': 0.6 } },
      { id: 'state-lines', type: 'line', source: BASEMAP, 'source-layer': 'states', paint: { 'line-color': COLORS.stateLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6] } },
      {
        id: 'state-labels', type: 'symbol', source: BASEMAP, 'source-layer': 'places', filter: ['==', ['get', 'kind'], 'state'], maxzoom: 7,
        // Small states keep their postal code (NJ, CT, DE…): their full names do not fit and would be dropped.
        layout: { 'text-field': ['step', ['zoom'], ['get', 'code'], 4.5, ['case', ['in', ['get', 'code'], ['literal', SMALL_STATES]], ['get', 'code'], ['get', 'name']]], 'text-font': FONT, 'text-size': 12, 'text-transform': 'uppercase', 'text-letter-spacing': 0.08 },
        paint: textPaint('#7b776f', COLORS.land, 1.2),
      },
      {
        id: 'city-labels', type: 'symbol', source: BASEMAP, 'source-layer': 'places', minzoom: 4.5,
        filter: ['all', ['==', ['get', 'kind'], 'city'], ['>=', ['get', 'population'], ['step', ['zoom'], 1_000_000, 5.5, 400_000, 6.5, 150_000]]],
        layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12, 'symbol-sort-key': ['-', ['get', 'population']] },
        paint: textPaint(COLORS.label, 'rgba(255,255,255,0.9)', 1.4),
      },
    ],
  };
}

/** Where each layer of the basemap style sits among the map's layers. */
const BASEMAP_Z: Record<string, number> = {
  water: Z.land, neighbours: Z.land, 'states-fill': Z.land,
  'neighbour-lines': Z.neighbourLines, 'state-lines': Z.stateLines,
  'state-labels': Z.basemapLabels, 'city-labels': Z.basemapLabels,
};

/** Records the style's layers in the map's layer stack, so overlays slot between them. */
export function adoptBasemap(map: maplibregl.Map): void {
  const stack = stackOf(map);
  for (const l of basemapStyle().layers) stack.adopt(l.id, BASEMAP_Z[l.id] ?? Z.land);
}

/** Adds the county outlines once the counties file is loaded (their source also serves the county density). */
export async function addCounties(map: maplibregl.Map): Promise<void> {
  if (map.getSource('counties')) return;
  const counties = await loadCounties();
  if (map.getSource('counties')) return;
  const group = stackOf(map).group(Z.countyLines);
  group.addSource('counties', { type: 'geojson', data: counties, promoteId: 'fips' });
  group.addLayer({ id: 'county-lines', type: 'line', source: 'counties', minzoom: 5, paint: { 'line-color': COLORS.countyLine, 'line-width': 0.5 } });
}
