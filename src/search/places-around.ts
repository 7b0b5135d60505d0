/** The gazetteer's towns around a point, for labelling the map around a search. */
import type { Gazetteer, Place } from './gazetteer';

const MILES_PER_DEGREE = 69;

export function placesAround(g: Gazetteer, lon: number, lat: number, miles: number, limit = 300): Place[] {
  const dLat = miles / MILES_PER_DEGREE;
  const dLon = dLat / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  const out: Place[] = [];
  for (const p of g.places) {
    if (Math.abs(p.lat - lat) <= dLat && Math.abs(p.lon - lon) <= dLon) out.push(p);
  }
  return out.sort((a, b) => b.population - a.population).slice(0, limit);
}
