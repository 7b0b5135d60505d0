/** Partnered agencies near a point, nearest first, with distances (turf). */
import { distance } from '@turf/turf';
import { MSG } from '../i18n/messages';
import { formatDecimal, formatInt } from '../ui/format';

export interface Near {
  i: number;
  miles: number;
}

export interface Nearby {
  /** Within the radius, nearest first (at most `limit`). */
  within: Near[];
  /** How many are within the radius in all. */
  withinCount: number;
  /** The nearest overall (also when none is within the radius). */
  nearest: Near | null;
}

export function nearby(lon: ArrayLike<number>, lat: ArrayLike<number>, mask: Uint8Array, point: [number, number], radiusMiles: number, limit = 50): Nearby {
  const within: Near[] = [];
  let nearest: Near | null = null;
  // A cheap degree box first: turf's great-circle distance only for candidates.
  const dLat = radiusMiles / 69;
  const dLon = radiusMiles / (69 * Math.max(0.05, Math.cos((point[1] * Math.PI) / 180)));
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const inBox = Math.abs(lat[i] - point[1]) <= dLat && Math.abs(lon[i] - point[0]) <= dLon;
    if (!inBox && nearest && Math.abs(lat[i] - point[1]) * 69 > nearest.miles) continue;
    const miles = distance(point, [lon[i], lat[i]], { units: 'miles' });
    if (!nearest || miles < nearest.miles) nearest = { i, miles };
    if (miles <= radiusMiles) within.push({ i, miles });
  }
  within.sort((a, b) => a.miles - b.miles);
  return { within: within.slice(0, limit), withinCount: within.length, nearest };
}

export function formatMiles(m: number): string {
  return MSG.milesShort(m < 10 ? formatDecimal(m, 1) : formatInt(Math.round(m)));
}
