/**
 * Density as a choropleth of partnership counts (the filtered set): by state
 * when zoomed out, by county from COUNTY_ZOOM on. Counts are drawn through
 * feature-state, so a filter change never re-uploads geometry.
 */
import type * as maplibregl from 'maplibre-gl';
import type { AgencyIndex } from '../data/agency-index';
import { STATE_BY_CODE } from '../geo/us-states';
import { densityBreaks, DENSITY_COLORS } from '../scales/density';
import { addCounties, BASEMAP } from './basemap';
import { stackOf, Z } from './layer-stack';
import type { LayerGroup } from './layer-stack';
import { loadCountyList } from '../search/area-data';
import { countyLocator } from '../search/counties';
import type { County } from '../search/counties';

export const COUNTY_ZOOM = 5.5;

function stepColor(b: number[]): maplibregl.ExpressionSpecification {
  return [
    'step', ['coalesce', ['feature-state', 'count'], 0],
    'rgba(0,0,0,0)', 1, DENSITY_COLORS[0], b[1], DENSITY_COLORS[1], b[2], DENSITY_COLORS[2], b[3], DENSITY_COLORS[3], b[4], DENSITY_COLORS[4],
  ];
}

export class DensityLayer {
  private shown = { states: new Set<string>(), counties: new Set<string>() };
  breaks: number[] = [];
  countyBreaks: number[] = [];
  private counties: County[] | null = null;
  /** County (index into `counties`) of every agency, or -1. */
  private countyOf: Int32Array | null = null;
  private mask: Uint8Array | null = null;
  private visible = false;
  /** Called when the county classes are known or change (the legend shows them). */
  onChange: () => void = () => undefined;

  private group: LayerGroup;

  constructor(private map: maplibregl.Map, private index: AgencyIndex) {
    this.group = stackOf(map).group(Z.density);
  }

  /** The fills are added when density is first shown: a first view without it compiles and draws none. */
  private addStates(): void {
    if (this.map.getLayer('density-states')) return;
    this.group.addLayer({ id: 'density-states', type: 'fill', source: BASEMAP, 'source-layer': 'states', maxzoom: COUNTY_ZOOM, paint: { 'fill-color': '#000', 'fill-opacity': 0 } });
  }

  private addCountyFill(): void {
    if (this.map.getLayer('density-counties')) return;
    this.group.addLayer({ id: 'density-counties', type: 'fill', source: 'counties', minzoom: COUNTY_ZOOM, paint: { 'fill-color': '#000', 'fill-opacity': 0 } });
  }

  /** Takes the density off the map (its counts are recomputed when it is shown again). */
  remove(): void {
    this.group.remove();
    this.shown = { states: new Set(), counties: new Set() };
  }

  private paint(layer: string, key: 'states' | 'counties', counts: Map<string, number>): number[] {
    const map = this.map;
    // States are a layer of the basemap's vector tiles; counties a GeoJSON source of their own.
    const target = key === 'states' ? { source: BASEMAP, sourceLayer: 'states' } : { source: 'counties' };
    for (const fips of this.shown[key]) if (!counts.has(fips)) map.setFeatureState({ ...target, id: fips }, { count: 0 });
    for (const [fips, c] of counts) map.setFeatureState({ ...target, id: fips }, { count: c });
    this.shown[key] = new Set(counts.keys());
    const b = densityBreaks([...counts.values()]);
    map.setPaintProperty(layer, 'fill-color', stepColor(b));
    map.setPaintProperty(layer, 'fill-opacity', 0.75);
    return b;
  }

  setMask(mask: Uint8Array, visible: boolean): void {
    const map = this.map;
    this.mask = mask;
    this.visible = visible;
    if (visible) this.addStates();
    if (map.getLayer('density-states')) map.setLayoutProperty('density-states', 'visibility', visible ? 'visible' : 'none');
    if (map.getLayer('density-counties')) map.setLayoutProperty('density-counties', 'visibility', visible ? 'visible' : 'none');
    if (!visible) return;
    const { state, states } = this.index;
    const perState = new Uint32Array(states.length);
    for (let i = 0; i < this.index.size; i++) if (mask[i]) perState[state[i]]++;
    const counts = new Map<string, number>();
    states.forEach((code, k) => {
      const fips = STATE_BY_CODE.get(code)?.fips;
      if (fips && perState[k]) counts.set(fips, perState[k]);
    });
    this.breaks = this.paint('density-states', 'states', counts);
    void this.updateCounties();
  }

  /** Counties load on first use; every agency is located in its county once. */
  private async updateCounties(): Promise<void> {
    try {
      await addCounties(this.map);
      this.counties ??= await loadCountyList();
    } catch {
      return;
    }
    if (!this.visible || !this.mask) return;
    const counties = this.counties;
    if (!this.countyOf) {
      const locate = countyLocator(counties);
      const { lon, lat, size } = this.index;
      this.countyOf = new Int32Array(size);
      for (let i = 0; i < size; i++) this.countyOf[i] = locate(lon[i], lat[i]);
    }
    const perCounty = new Uint32Array(counties.length);
    for (let i = 0; i < this.index.size; i++) if (this.mask[i] && this.countyOf[i] >= 0) perCounty[this.countyOf[i]]++;
    const counts = new Map<string, number>();
    perCounty.forEach((n, k) => n && counts.set(counties[k].fips, n));
    this.addCountyFill();
    this.map.setLayoutProperty('density-counties', 'visibility', 'visible');
    this.countyBreaks = this.paint('density-counties', 'counties', counts);
    this.onChange();
  }

  /** Agencies counted in a county (for tests and the legend). */
  countyCount(fips: string): number {
    const f = this.map.getFeatureState({ source: 'counties', id: fips });
    return typeof f?.count === 'number' ? f.count : 0;
  }
}
