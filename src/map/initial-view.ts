/**
 * The view the map opens on without a link: the contiguous US when most
 * agencies are there, the data's bounds otherwise. Shared by the live map
 * and the static first view rendered at build time.
 */
import type { AgencyIndex } from '../data/agency-index';

export type Bounds = [number, number, number, number];

export const LOWER_48: Bounds = [-124.8, 24.4, -66.9, 49.4];

/** Margin around the framed view in pixels; a little more at the bottom, where the legend sits. */
export const FRAME_PADDING = { top: 24, bottom: 40, right: 24, left: 24 };

/** The contiguous US when most agencies are there; the data's bounds otherwise. */
export function initialBounds(index: AgencyIndex): Bounds {
  const [w, s, e, n] = dataBounds(index);
  let inside = 0;
  for (let i = 0; i < index.size; i++) if (index.lat[i] > 24 && index.lat[i] < 50 && index.lon[i] > -125 && index.lon[i] < -66) inside++;
  return inside > 0 && w < -125 ? LOWER_48 : [w, s, e, n];
}

/** The bounds of all agencies. */
export function dataBounds(index: AgencyIndex): Bounds {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < index.size; i++) {
    w = Math.min(w, index.lon[i]); e = Math.max(e, index.lon[i]);
    s = Math.min(s, index.lat[i]); n = Math.max(n, index.lat[i]);
  }
  if (!Number.isFinite(w)) return [-125, 24, -66, 50];
  return [w, s, e, n];
}
