import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { parseCountyRef } from '../../../pipeline/geocode/boundaries';
import { editDistance } from '../../../src/search/area-query';
import { placeFromName, placeVariants } from '../../../pipeline/geocode/geocoder';
import { countyFromName, coversWholeCounty } from '../../../src/core/jurisdiction';
import { CollectionSchema } from '../../../src/core/schema';

const g = sharedGeocoder();
const place = (city: string, state: string, county = '', name = `${city} Police Department`) =>
  g.geocode({ name, agency_type: 'police', jurisdiction: 'municipal', city, county, state });
const near = (r: ReturnType<typeof place>, lon: number, lat: number, tol = 0.05) =>
  r.ok && Math.abs(r.lon - lon) < tol && Math.abs(r.lat - lat) < tol;

describe('geocoder precision fallbacks', () => {
  it('city: a populated place of that name in the state', () => {
    const r = place('Greenfield', 'WI', 'Milwaukee County');
    expect(r).toMatchObject({ ok: true, precision: 'city' });
    expect(near(r, -88.0126, 42.9614)).toBe(true);
  });

  it('city, same name twice in a state: the one in the stated county, else the most populous', () => {
    expect(near(place('Chatham', 'IL', 'Sangamon County'), -89.704, 39.676, 0.1)).toBe(true);
    const big = place('Chatham', 'IL');
    expect(big.ok && g.boundaries.countyAt('IL', big.lon, big.lat)?.properties.name).toBe('Cook');
  });

  it('zip: a place only the ZIP gazetteer knows', () => {
    expect(place('Bedford Park', 'IL', 'Cook County')).toMatchObject({ ok: true, precision: 'zip' });
  });

  it('county: when neither gazetteer knows the place, the county interior point', () => {
    const r = place('Xyzzyville', 'WI', 'Dane County');
    expect(r).toMatchObject({ ok: true, precision: 'county' });
    const dane = g.boundaries.findCounties('WI', 'Dane County')[0];
    expect(r.ok && g.boundaries.inArea(dane, r.lon, r.lat)).toBe(true);
  });

  it('county: sheriffs and county agencies are placed in their county even when a city is given', () => {
    const r = g.geocode({ name: "Ventura County Sheriff's Office", agency_type: 'sheriff', jurisdiction: 'county', city: 'Simi Valley', county: 'Ventura County', state: 'CA' });
    expect(r).toMatchObject({ ok: true, precision: 'county' });
    const parish = g.geocode({ name: 'Caddo Parish Commission', agency_type: 'city', jurisdiction: 'county', city: 'Shreveport', county: '', state: 'LA' });
    expect(parish).toMatchObject({ ok: true, precision: 'county' });
    expect(parish.ok && g.boundaries.countyAt('LA', parish.lon, parish.lat)?.properties.name).toBe('Caddo');
  });

  it('a county interior point avoids an independent city the county surrounds', () => {
    const r = g.geocode({ name: 'Henrico County Police Division', agency_type: 'police', jurisdiction: 'county', city: 'Henrico', county: 'Henrico County', state: 'VA' });
    expect(r.ok && g.boundaries.countyAt('VA', r.lon, r.lat)?.id).toBe('51087');
  });

  it('a name variant ("Perry" for "Perry Township") is trusted only inside a known county', () => {
    expect(place('Perry Township', 'OH')).toMatchObject({ ok: false });
    const r = place('Perry Township', 'OH', 'Franklin County');
    expect(r.ok && g.boundaries.countyAt('OH', r.lon, r.lat)?.properties.name).toBe('Franklin');
  });

  it('the place an agency is named after wins over a mailing town in the city cell', () => {
    const r = place('Syracuse', 'NY', 'Onondaga County', 'Camillus Police Department');
    expect(near(r, -76.304, 43.039)).toBe(true);
  });

  it('manual: an override inside the state is used as given; outside or out of range it is refused', () => {
    expect(g.checkOverride('WI', -89.401234, 43.073051)).toEqual({ ok: true, lon: -89.40123, lat: 43.07305, precision: 'manual', snapped: false });
    expect(g.checkOverride('WI', -93.6, 41.6)).toMatchObject({ ok: false, reason: expect.stringContaining('outside WI') });
    expect(g.checkOverride('WI', 200, 43)).toMatchObject({ ok: false, reason: 'coordinates out of range' });
    expect(g.checkOverride('WI', -89, Number.NaN)).toMatchObject({ ok: false });
  });

  it('fails, with a reason, when nothing places the agency', () => {
    expect(place('Xyzzyville', 'WI')).toMatchObject({ ok: false, reason: expect.stringContaining('geocode_overrides.csv') });
  });
});

describe('points inside their state', () => {
  it('moves a coastal point just outside the generalised outline inside, and refuses one far out', () => {
    // Miami Beach lies on a barrier island east of the 1:10m Florida outline.
    expect(g.boundaries.inState('FL', -80.1, 25.79)).toBe(false);
    const snapped = g.accept('FL', -80.1, 25.79);
    expect(snapped).toMatchObject({ snapped: true });
    expect(g.boundaries.inState('FL', snapped!.lon, snapped!.lat)).toBe(true);
    expect(Math.abs(snapped!.lon + 80.1) < 0.1).toBe(true);
    // 25 km offshore is not a coastal rounding problem.
    expect(g.accept('FL', -79.9, 25.79)).toBeUndefined();
  });

  it('every committed point lies inside its own state', () => {
    const fc = CollectionSchema.parse(JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')));
    const outside = fc.features.filter((f) => !g.boundaries.inState(f.properties.state, ...f.geometry.coordinates));
    expect(outside.map((f) => f.properties.id)).toEqual([]);
    expect(fc.features.length).toBeGreaterThan(1500);
  });
});

describe('place and county names', () => {
  it('reads county cells, including independent cities and parishes', () => {
    expect(parseCountyRef('St. Tammany Parish')).toEqual({ base: 'st tammany', kind: 'county' });
    expect(parseCountyRef('Alexandria (city) County')).toEqual({ base: 'alexandria', kind: 'city' });
    expect(parseCountyRef('Richmond city')).toEqual({ base: 'richmond', kind: 'city' });
    expect(g.boundaries.findCounties('VA', 'Richmond city').map((c) => c.id)).toEqual(['51760']);
    expect(g.boundaries.findCounties('VA', 'Roanoke County').map((c) => c.id)).toEqual(['51161']);
  });

  it('mends misspelt counties to the boundary data’s spelling', () => {
    expect(g.boundaries.canonicalCountyName('NY', 'Onandaga County')).toBe('Onondaga County');
    expect(g.boundaries.canonicalCountyName('CA', 'San Bernadino County')).toBe('San Bernardino County');
    expect(g.boundaries.canonicalCountyName('IL', 'La Salle County')).toBe('LaSalle County');
    expect(g.boundaries.canonicalCountyName('VA', 'Norfolk (city) County')).toBe('Norfolk city');
    expect(g.boundaries.canonicalCountyName('WI', 'Dane County')).toBe('Dane County');
    expect(editDistance('onandaga', 'onondaga', 2)).toBe(1);
  });

  it('takes counties and places from agency names', () => {
    expect(countyFromName("Ventura County Sheriff's Office")).toBe('Ventura County');
    expect(countyFromName('East Baton Rouge Parish Sheriff\u2019s Office')).toBe('East Baton Rouge Parish');
    expect(countyFromName('Greenfield Police Department')).toBeUndefined();
    expect(placeFromName('Forest Park Police Department')).toBe('Forest Park');
    expect(placeFromName('Wayne Township Police Department')).toBe('Wayne');
    expect(placeFromName('City of Miami Beach Police Department')).toBe('Miami Beach');
    expect(placeVariants('Kalamazoo Township')).toEqual(['Kalamazoo Township', 'Kalamazoo']);
    expect(coversWholeCounty('sheriff', '')).toBe(true);
    expect(coversWholeCounty('police', 'municipal')).toBe(false);
  });
});
