/**
 * How agencies and clusters are drawn at the national view: shared by the
 * live map layer and the static first view rendered at build time, so the
 * two match when one replaces the other.
 */
import { readableInk } from '../scales/palette';

/** Cluster circle radius in pixels by member count: [count, radius] stops, linear between. */
export const CLUSTER_RADIUS_STOPS: readonly (readonly [number, number])[] = [[2, 11], [10, 15], [50, 21], [250, 28], [2000, 38]];
/** Clusters are filled with the colour of their members' median start date, outlined dark. */
export const CLUSTER_OPACITY = 0.9;
export const CLUSTER_STROKE = 1.5;
export const CLUSTER_STROKE_COLOR = '#2b2d42';
/** Single agencies at zoom 3 and below. */
export const POINT_RADIUS_NATIONAL = 4;
export const UNDATED_STROKE = '#5f6368';

/** A cluster's fill, and a text colour readable on it (viridis runs from dark purple to light yellow). */
export function clusterColours(color: string): { color: string; ink: string; halo: string } {
  const ink = readableInk(color);
  return { color, ink, halo: ink === '#ffffff' ? 'rgba(0,0,0,0.35)' : 'rgba(255,255,255,0.35)' };
}

/** The cluster radius expression for MapLibre. */
export function clusterRadiusExpression(): unknown[] {
  return ['interpolate', ['linear'], ['get', 'count'], ...CLUSTER_RADIUS_STOPS.flat()];
}

/** The same radius, computed (for the static first view). */
export function clusterRadius(count: number): number {
  const s = CLUSTER_RADIUS_STOPS;
  if (count <= s[0][0]) return s[0][1];
  for (let k = 1; k < s.length; k++) {
    const [c1, r1] = s[k];
    const [c0, r0] = s[k - 1];
    if (count <= c1) return r0 + ((count - c0) / (c1 - c0)) * (r1 - r0);
  }
  return s[s.length - 1][1];
}

/** A cluster's label: the count, in thousands from 1,000. */
export function clusterLabel(count: number): string {
  return count >= 1000 ? `${(count / 1000).toFixed(1)}k` : String(count);
}
