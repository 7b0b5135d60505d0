/** Agencies placed at exactly the same point (a city program and its police, say). */
import type { AgencyIndex } from './agency-index';

/** The other agencies at agency i's point that the mask keeps, in index order. */
export function colocated(index: Pick<AgencyIndex, 'lon' | 'lat' | 'size'>, mask: Uint8Array, i: number): number[] {
  const { lon, lat, size } = index;
  const out: number[] = [];
  for (let k = 0; k < size; k++) if (k !== i && lon[k] === lon[i] && lat[k] === lat[i] && mask[k]) out.push(k);
  return out;
}
