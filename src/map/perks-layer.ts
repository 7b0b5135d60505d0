/**
 * Proportional symbols for what agencies got: circle area proportional to
 * the documented dollar value (perks plus subsidies). Agencies with a
 * documented perk but no documented value get a hollow ring marked "?",
 * never a zero-sized or zero-valued symbol.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Feature, Point } from 'geojson';
import type { AgencyIndex } from '../data/agency-index';
import { FLAG_PERKS } from '../data/agency-index';
import { valueRadiusScale } from '../scales/palette';
import { FONT } from './basemap';

export const PERK_LAYERS = ['perks-valued', 'perks-undocumented', 'perks-undocumented-mark'] as const;
export const PERK_COLOR = '#d95f02';
const SOURCE = 'perks';

export function maxDocumentedValue(index: AgencyIndex): number {
  let max = 0;
  for (let i = 0; i < index.size; i++) if (index.value[i] > max) max = index.value[i];
  return max;
}

/** Three round dollar values spanning the data, for the legend's example circles. */
export function legendExamples(index: AgencyIndex): number[] {
  const max = maxDocumentedValue(index);
  return [max, max / 4, max / 20].filter((v) => v >= 1).map((v) => Number(v.toPrecision(1)));
}

export class PerksLayer {
  private radius: (usd: number) => number;

  constructor(private map: maplibregl.Map, private index: AgencyIndex) {
    this.radius = valueRadiusScale(maxDocumentedValue(index));
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    // Proportional symbols sit under the agency points so points stay clickable and visible.
    const below = map.getLayer('agency-clusters') ? 'agency-clusters' : undefined;
    map.addLayer({
      id: 'perks-valued', type: 'circle', source: SOURCE, filter: ['>=', ['get', 'value'], 0],
      layout: { 'circle-sort-key': ['-', ['get', 'value']] },
      paint: { 'circle-color': PERK_COLOR, 'circle-opacity': 0.45, 'circle-radius': ['get', 'r'], 'circle-stroke-color': '#7f3500', 'circle-stroke-width': 1.5 },
    }, below);
    map.addLayer({
      id: 'perks-undocumented', type: 'circle', source: SOURCE, filter: ['<', ['get', 'value'], 0],
      paint: { 'circle-opacity': 0, 'circle-radius': 9, 'circle-stroke-color': '#7f3500', 'circle-stroke-width': 1.5 },
    }, below);
    map.addLayer({
      id: 'perks-undocumented-mark', type: 'symbol', source: SOURCE, filter: ['<', ['get', 'value'], 0],
      layout: { 'text-field': '?', 'text-font': FONT, 'text-size': 11, 'text-offset': [0.9, -0.9], 'text-allow-overlap': true },
      paint: { 'text-color': '#7f3500', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    });
  }

  radiusFor(usd: number): number {
    return this.radius(usd);
  }

  /** The source holds no features: a hidden layer needs no new (empty) data on each filter change. */
  private empty = false;

  setMask(mask: Uint8Array, visible: boolean): void {
    // Each setData is a round trip to the map's worker and a reload of the source: skip the no-op.
    if (!visible && this.empty) return;
    const features: Feature<Point>[] = [];
    if (visible) {
      const { lon, lat, flags, value } = this.index;
      for (let i = 0; i < this.index.size; i++) {
        if (!mask[i] || !(flags[i] & FLAG_PERKS)) continue;
        const v = value[i];
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lon[i], lat[i]] },
          properties: { i, value: Number.isNaN(v) ? -1 : v, r: Number.isNaN(v) ? 0 : this.radius(v) },
        });
      }
    }
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features });
    this.empty = features.length === 0;
    for (const id of PERK_LAYERS) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}
