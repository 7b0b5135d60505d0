/** Loads the lookup data for "Find my area" on first use, from the site's own origin. */
import { loadCounties, BASE } from '../map/basemap';
import type { Gazetteer, EncodedGazetteer } from './gazetteer';
import { decodeGazetteer } from './gazetteer';
import type { County } from './counties';
import { buildCounties } from './counties';

export interface AreaData {
  gazetteer: Gazetteer;
  counties: County[];
}

let pending: Promise<AreaData> | null = null;
let countyList: Promise<County[]> | null = null;

/** The counties with their boxes and centres, built once (area search and the density layer share them). */
export function loadCountyList(): Promise<County[]> {
  countyList ??= loadCounties().then(buildCounties);
  countyList.catch(() => (countyList = null));
  return countyList;
}

export function loadAreaData(): Promise<AreaData> {
  pending ??= Promise.all([
    fetch(`${BASE}generated/lookup/gazetteer.json`).then((r) => {
      if (!r.ok) throw new Error(`gazetteer: HTTP ${r.status}`);
      return r.json() as Promise<EncodedGazetteer>;
    }),
    loadCountyList(),
  ]).then(([g, counties]) => ({ gazetteer: decodeGazetteer(g), counties }));
  pending.catch(() => (pending = null));
  return pending;
}
