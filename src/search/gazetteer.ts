/**
 * The bundled place gazetteer (ZIP codes and place names with points),
 * decoded from the compact file the build writes (pipeline/gazetteer.ts).
 */
import { foldText } from '../core/text';

export interface EncodedGazetteer {
  version: 1;
  places: { name: string[]; state: string; lon: number[]; lat: number[]; pop: number[] };
  zips: { zip: number[]; place: number[]; lon: number[]; lat: number[] };
}

export interface Place {
  name: string;
  /** The name folded for matching (lower case, no accents), computed once. */
  key: string;
  state: string;
  lon: number;
  lat: number;
  population: number;
}

export interface Gazetteer {
  places: Place[];
  /** ZIP code → [lon, lat, place index or -1]. */
  zips: Map<string, [number, number, number]>;
}

function undelta(d: number[]): number[] {
  const out = new Array<number>(d.length);
  let acc = 0;
  for (let i = 0; i < d.length; i++) out[i] = acc += d[i];
  return out;
}

export function decodeGazetteer(e: EncodedGazetteer): Gazetteer {
  if (e?.version !== 1) throw new Error('unknown gazetteer format');
  const lon = undelta(e.places.lon), lat = undelta(e.places.lat);
  const places: Place[] = e.places.name.map((name, i) => ({
    name,
    key: foldText(name),
    state: e.places.state.slice(2 * i, 2 * i + 2),
    lon: lon[i] / 1000,
    lat: lat[i] / 1000,
    population: e.places.pop[i],
  }));
  const zip = undelta(e.zips.zip), zlon = undelta(e.zips.lon), zlat = undelta(e.zips.lat);
  const zips = new Map<string, [number, number, number]>();
  for (let i = 0; i < zip.length; i++) zips.set(String(zip[i]).padStart(5, '0'), [zlon[i] / 1000, zlat[i] / 1000, e.zips.place[i]]);
  return { places, zips };
}
