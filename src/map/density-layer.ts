/**
 * Density as a state choropleth of partnership counts (the filtered set),
 * drawn through feature-state so a filter change never re-uploads geometry.
 */
import type * as maplibregl from 'maplibre-gl';
import type { AgencyIndex } from '../data/agency-index';
import { STATE_BY_CODE } from '../geo/us-states';
import { densityBreaks, DENSITY_COLORS } from '../scales/density';

export class DensityLayer {
  private lastFips = new Set<string>();
  breaks: number[] = [];

  constructor(private map: maplibregl.Map, private index: AgencyIndex) {}

  setMask(mask: Uint8Array, visible: boolean): void {
    const map = this.map;
    map.setLayoutProperty('density-states', 'visibility', visible ? 'visible' : 'none');
    if (!visible) return;
    const counts = new Map<string, number>();
    const { state, states } = this.index;
    const perState = new Uint32Array(states.length);
    for (let i = 0; i < this.index.size; i++) if (mask[i]) perState[state[i]]++;
    states.forEach((code, k) => {
      const fips = STATE_BY_CODE.get(code)?.fips;
      if (fips) counts.set(fips, perState[k]);
    });
    for (const fips of this.lastFips) if (!counts.has(fips)) map.setFeatureState({ source: 'states', id: fips }, { count: 0 });
    for (const [fips, c] of counts) map.setFeatureState({ source: 'states', id: fips }, { count: c });
    this.lastFips = new Set(counts.keys());
    this.breaks = densityBreaks([...counts.values()]);
    const b = this.breaks;
    map.setPaintProperty('density-states', 'fill-color', [
      'step', ['coalesce', ['feature-state', 'count'], 0],
      'rgba(0,0,0,0)', 1, DENSITY_COLORS[0], b[1], DENSITY_COLORS[1], b[2], DENSITY_COLORS[2], b[3], DENSITY_COLORS[3], b[4], DENSITY_COLORS[4],
    ]);
    map.setPaintProperty('density-states', 'fill-opacity', 0.75);
  }
}
