/**
 * The view the map opens on without a link: the contiguous US when most
 * agencies are there, the data's bounds otherwise. Shared by the live map
 * and the static first view rendered at build time.
 */
import type { AgencyIndex } from '../data/agency-index';

export type Bounds = [number, number, number, number];

export const LOWER_48: Bounds = [-124.8, 24.4, -66.9, 49.4];

/** Margin around framed data in pixels; a little more at the bottom, where the legend sits over the Pacific. */
export function framePadding(pad = 24): { top: number; bottom: number; right: number; left: number } {
  return { top: pad, bottom: pad + 16, right: pad, left: pad };
}

/** The margin of the default view (the live map's and the static first view's). */
export const FRAME_PADDING = framePadding();

/** A filtered selection is framed no closer than this (a single agency stays among its neighbours). */
export const MASK_MAX_ZOOM = 10;

/** Small frames (embeds, phones) get a smaller margin so the selection is not shrunk to a dot. */
export function maskMargin(size: { width: number; height: number }): number {
  return Math.min(size.width, size.height) < 420 ? 16 : 40;
}

/** The margin around the national view: a phone's narrow map gives the country its whole width. */
export function allMargin(size: { width: number; height: number }): number {
  return size.width < 520 ? 6 : 24;
}

/** [west, south, east, north] of the agencies a mask selects; null when none. */
export function maskBounds(index: AgencyIndex, mask: Uint8Array): Bounds | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const { lon, lat } = index;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (lon[i] < w) w = lon[i];
    if (lon[i] > e) e = lon[i];
    if (lat[i] < s) s = lat[i];
    if (lat[i] > n) n = lat[i];
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Whether a point lies in the contiguous states' box. */
function inLower48(lon: number, lat: number): boolean {
  return lat > 24 && lat < 50 && lon > -125 && lon < -66;
}

/** The contiguous US when most agencies are there; the data's bounds otherwise. */
export function initialBounds(index: AgencyIndex): Bounds {
  const [w, s, e, n] = dataBounds(index);
  let inside = 0;
  for (let i = 0; i < index.size; i++) if (inLower48(index.lon[i], index.lat[i])) inside++;
  return inside > 0 && w < -125 ? LOWER_48 : [w, s, e, n];
}

/**
 * What framing a selection shows: its bounds, except that a selection
 * reaching from the contiguous states to Alaska or Hawaii shows its
 * contiguous part, as the national view does (framing all of it would show
 * mostly ocean). Null when it selects none.
 */
export function selectionBounds(index: AgencyIndex, mask: Uint8Array): Bounds | null {
  const all = maskBounds(index, mask);
  if (!all || all[0] >= -125) return all;
  const contiguous = mask.map((on, i) => (on && inLower48(index.lon[i], index.lat[i]) ? 1 : 0));
  return maskBounds(index, contiguous) ?? all;
}

/** The bounds of all agencies. */
export function dataBounds(index: AgencyIndex): Bounds {
  return maskBounds(index, new Uint8Array(index.size).fill(1)) ?? [-125, 24, -66, 50];
}
