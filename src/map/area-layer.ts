/**
 * The searched place on the map: a pin at its point, the search radius,
 * its county outline (a searched county: the outline alone) and the names of the towns around it. Everything is
 * drawn under the agencies, so the search never hides one.
 */
import type * as maplibregl from 'maplibre-gl';
import { bbox, circle } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { FONT } from './basemap';
import { SEARCH_PIN, addSearchPin } from './search-pin';
import type { Padding } from './overlay-padding';
import { stackOf, Z } from './layer-stack';
import { textPaint } from './shared-programs';
import type { LayerGroup } from './layer-stack';

const SOURCE = 'area';
const PLACES = 'area-places';

export interface NearbyPlace {
  name: string;
  lon: number;
  lat: number;
  population: number;
}

/** One search as the map draws it; `name` (two places compared) is written beside its point. */
export interface AreaShape {
  point: [number, number];
  radius: number | null;
  county: Feature | null;
  bounds: [number, number, number, number] | null;
  name?: string;
}

export class AreaLayer {
  private group: LayerGroup;

  constructor(private map: maplibregl.Map, private padding: (bounds: [number, number, number, number]) => Padding) {
    this.group = stackOf(map).group(Z.area);
  }

  /** Added on the first search: a map without one draws none of this. */
  private add(): void {
    if (this.group.added) return;
    const map = this.map, g = this.group;
    g.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    g.addSource(PLACES, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    addSearchPin(map);
    g.addLayer({ id: 'area-radius-fill', type: 'fill', source: SOURCE, filter: ['==', ['get', 'role'], 'radius'], paint: { 'fill-color': '#1b4f72', 'fill-opacity': 0.07 } });
    g.addLayer({ id: 'area-radius-line', type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'radius'], paint: { 'line-color': '#1b4f72', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
    g.addLayer({ id: 'area-county-line', type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'county'], paint: { 'line-color': '#6a3d9a', 'line-width': 2.5 } });
    // Towns around the search, more of them as you zoom in (largest first when they collide).
    g.addLayer({
      id: 'area-place-labels', type: 'symbol', source: PLACES,
      filter: ['>=', ['get', 'population'], ['step', ['zoom'], 100_000, 7, 20_000, 8, 5_000, 9, 1_500, 10, 0]],
      // Below the town's point, where an agency's dot usually sits.
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11.5, 'symbol-sort-key': ['-', ['get', 'population']], 'text-padding': 4, 'text-anchor': 'top', 'text-offset': [0, 0.7] },
      paint: textPaint('#5b5850', 'rgba(255,255,255,0.9)', 1.3),
    });
    // Two places compared: each one's name under its point (the pin stands above it), so the map (and its exported image) says which is which.
    g.addLayer({
      id: 'area-name', type: 'symbol', source: SOURCE, filter: ['==', ['get', 'role'], 'name'],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 13, 'text-anchor': 'top', 'text-offset': [0, 0.6], 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: textPaint('#23262b', 'rgba(255,255,255,0.95)', 1.6),
    });
    g.addLayer({
      id: 'area-place', type: 'symbol', source: SOURCE, filter: ['==', ['get', 'role'], 'place'],
      layout: { 'icon-image': SEARCH_PIN, 'icon-anchor': 'bottom', 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
  }

  /** Takes the search off the map; the next search adds it back. */
  remove(): void {
    this.group.remove();
  }

  /**
   * Shows the search: a place (pin and radius) or a whole county (its
   * outline, no pin, no circle). `fly` frames the circle, or the county's
   * box, plus `include` (agencies that answer the search) clear of every overlay.
   */
  show(what: AreaShape, fly: boolean, include: [number, number][] = [], places: NearbyPlace[] = []): void {
    this.showAll([what], fly, include, places);
  }

  /** Several searches at once (two places compared): each drawn as alone, the frame holding them all; a `name` is written beside its place. */
  showAll(whats: AreaShape[], fly: boolean, include: [number, number][] = [], places: NearbyPlace[] = []): void {
    const features: Feature[] = [];
    let box: [number, number, number, number] | null = null;
    const grow = (b: [number, number, number, number] | null) => {
      if (b) box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
    };
    for (const what of whats) {
      grow(what.bounds);
      if (what.radius !== null) {
        const ring = circle(what.point, what.radius, { units: 'miles', steps: 96, properties: { role: 'radius' } });
        features.push(ring, { type: 'Feature', geometry: { type: 'Point', coordinates: what.point }, properties: { role: 'place' } });
        grow(bbox(ring) as [number, number, number, number]);
      }
      if (what.county) features.push({ ...what.county, properties: { role: 'county' } });
      if (what.name) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: what.point }, properties: { role: 'name', name: what.name } });
    }
    this.add();
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features } as FeatureCollection);
    (this.map.getSource(PLACES) as maplibregl.GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: places.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { name: p.name, population: p.population } })),
    });
    const framed = box as [number, number, number, number] | null;
    if (fly && framed) {
      let [w, s, e, n] = framed;
      for (const [x, y] of include) {
        w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
      }
      // Room above the place for the pin, and around the edge agencies for their dots.
      const pad = this.padding([w, s, e, n]);
      // Named places (two compared): room beside and under each point for its name, so none is cut at the edge.
      if (whats.some((x) => x.name)) Object.assign(pad, { left: pad.left + 40, right: pad.right + 40, bottom: pad.bottom + 18 });
      this.map.fitBounds([w, s, e, n], { padding: pad, duration: 0, maxZoom: 13 });
    }
  }

  clear(): void {
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
    (this.map.getSource(PLACES) as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
  }
}
