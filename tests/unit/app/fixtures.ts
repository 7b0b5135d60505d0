/** Small hand-made features for unit tests of the site's pure logic. */
import type { AgencyFeature, Program } from '../../../src/core/contract';
import { decodePoints, encodeMapData } from '../../../src/data/map-data';
import type { AgencyRow } from '../../../src/data/map-data';

const SRC = { url: 'https://example.org/a', publisher: 'Example News', title: null, date: '2019-05' };

export function program(p: Partial<Program> = {}): Program {
  return {
    kind: 'neighbors_portal', start_date: null, end_date: null, devices_given: null, perk_value_usd: null,
    subsidy_usd: null, at_least: false, perk_status: null, figures_derived: false, perk_note: null, status: 'active',
    status_note: null, summary: 'Joined the portal.', sources: [SRC], ...p,
  };
}

export function agency(id: string, p: Partial<AgencyFeature['properties']> & { lon?: number; lat?: number } = {}): AgencyFeature {
  const { lon = -100, lat = 40, ...props } = p;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id, name: `${id} Police Department`, agency_type: 'police', city: 'Town', county: null, state: 'KS',
      geocode_precision: 'city', start_date: '2019-05-23', start_precision: 'day', end_date: null, status: 'active',
      programs: [program()], devices_given: null, perk_value_usd: null, subsidy_usd: null, mou_url: null,
      records_urls: [], sources: [SRC], ...props,
    },
  };
}

/** Features as the site sees them: through the points file's encoder and decoder. */
export function rowsOf(features: AgencyFeature[]): AgencyRow[] {
  const { points } = encodeMapData({ type: 'FeatureCollection', features });
  return decodePoints(JSON.parse(JSON.stringify(points))).rows;
}
