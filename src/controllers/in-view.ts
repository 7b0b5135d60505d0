/** The filtered agencies inside a map view (the list, downloads "in view", the export's count). */
import type { AgencyIndex } from '../data/agency-index';

export interface Bounds {
  getWest(): number;
  getEast(): number;
  getSouth(): number;
  getNorth(): number;
}

/** `mask` narrowed to the agencies inside `bounds` (all of it without a map); across the antimeridian too. */
export function inViewMask(index: Pick<AgencyIndex, 'lon' | 'lat'>, mask: Uint8Array, bounds: Bounds | null): Uint8Array {
  if (!bounds) return mask;
  const w = bounds.getWest(), e = bounds.getEast(), s = bounds.getSouth(), n = bounds.getNorth();
  const out = new Uint8Array(mask.length);
  const { lon, lat } = index;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && lat[i] >= s && lat[i] <= n && ((lon[i] >= w && lon[i] <= e) || lon[i] + 360 <= e || lon[i] - 360 >= w)) out[i] = 1;
  }
  return out;
}
