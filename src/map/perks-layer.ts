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
import { stackOf, Z } from './layer-stack';
import { textPaint } from './shared-programs';
import type { LayerGroup } from './layer-stack';

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
  private group: LayerGroup;

  constructor(private map: maplibregl.Map, private index: AgencyIndex) {
    this.radius = valueRadiusScale(maxDocumentedValue(index));
    this.group = stackOf(map).group(Z.perks);
  }

  /** Added when perks are first shown: a first view without them loads and draws none of this. */
  private add(): void {
    if (this.group.added) return;
    const g = this.group;
    g.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    g.addLayer({
      id: 'perks-valued', type: 'circle', source: SOURCE, filter: ['>=', ['get', 'value'], 0],
      layout: { 'circle-sort-key': ['-', ['get', 'value']] },
      paint: { 'circle-color': PERK_COLOR, 'circle-opacity': 0.45, 'circle-radius': ['get', 'r'], 'circle-stroke-color': '#7f3500', 'circle-stroke-width': 1.5 },
    }, { picks: ['agency'] });
    g.addLayer({
      id: 'perks-undocumented', type: 'circle', source: SOURCE, filter: ['<', ['get', 'value'], 0],
      paint: { 'circle-opacity': 0, 'circle-radius': 9, 'circle-stroke-color': '#7f3500', 'circle-stroke-width': 1.5 },
    }, { picks: ['agency'] });
    g.addLayer({
      id: 'perks-undocumented-mark', type: 'symbol', source: SOURCE, filter: ['<', ['get', 'value'], 0],
      layout: { 'text-field': '?', 'text-font': FONT, 'text-size': 11, 'text-offset': [0.9, -0.9], 'text-allow-overlap': true },
      paint: textPaint('#7f3500', '#fff', 1.5),
    }, { z: Z.perkMarks });
  }

  radiusFor(usd: number): number {
    return this.radius(usd);
  }

  /** Takes the perks off the map; showing them again adds them back. */
  remove(): void {
    this.group.remove();
    this.empty = true;
  }

  setMask(mask: Uint8Array, visible: boolean): void {
    // Hidden perks need no data: each setData is a round trip to the map's worker.
    if (!visible) {
      if (this.group.added) for (const id of PERK_LAYERS) this.map.setLayoutProperty(id, 'visibility', 'none');
      if (this.group.added && !this.empty) this.source().setData({ type: 'FeatureCollection', features: [] });
      this.empty = true;
      return;
    }
    this.add();
    const features: Feature<Point>[] = [];
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
    this.source().setData({ type: 'FeatureCollection', features });
    this.empty = features.length === 0;
    for (const id of PERK_LAYERS) this.map.setLayoutProperty(id, 'visibility', 'visible');
  }

  /** The source holds no features. */
  private empty = true;

  private source(): maplibregl.GeoJSONSource {
    return this.map.getSource(SOURCE) as maplibregl.GeoJSONSource;
  }
}
