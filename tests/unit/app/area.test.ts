import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { buildGazetteer } from '../../../pipeline/gazetteer';
import { decodeGazetteer } from '../../../src/search/gazetteer';
import type { Gazetteer } from '../../../src/search/gazetteer';
import { buildCounties, countyAt, normalizeCountyName } from '../../../src/search/counties';
import { answerArea, answerContext } from '../../../src/search/area-answer';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { buildIndex } from '../../../src/data/agency-index';
import { coversWholeCounty, jurisdictionOf } from '../../../src/core/jurisdiction';
import type { AgencyCollection } from '../../../src/core/contract';
import { parseCsv } from '../../../pipeline/lib/csv';
import { agency, rowsOf } from './fixtures';
import type { County } from '../../../src/search/counties';
import { editDistance, parseAreaQuery, resolveArea, suggest } from '../../../src/search/area-query';
import type { ResolveContext } from '../../../src/search/area-query';
import { nearby } from '../../../src/search/nearby';

const require = createRequire(import.meta.url);
let gazetteer: Gazetteer;
let counties: County[];
let ctx: ResolveContext;

beforeAll(() => {
  // Round-trip through JSON, as the site receives it.
  gazetteer = decodeGazetteer(JSON.parse(JSON.stringify(buildGazetteer())));
  const topo = require('us-atlas/counties-10m.json') as Topology;
  counties = buildCounties(feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection);
  ctx = {
    gazetteer,
    counties,
    agencies: { names: ['Lakeland Police Department', 'Los Angeles County Sheriff’s Department'], lon: [-81.95, -118.2], lat: [28.04, 34.05], states: ['FL', 'CA'] },
  };
}, 60_000);

describe('parsing what is typed', () => {
  it('recognises ZIPs, ZIP+4, "City, ST", state names and coordinates', () => {
    expect(parseAreaQuery(' 90012 ')).toEqual({ ok: true, query: { kind: 'zip', zip: '90012' } });
    expect(parseAreaQuery('90012-1234')).toEqual({ ok: true, query: { kind: 'zip', zip: '90012' } });
    expect(parseAreaQuery('Lakeland, fl')).toEqual({ ok: true, query: { kind: 'text', text: 'Lakeland', state: 'FL' } });
    expect(parseAreaQuery('Lakeland, Florida')).toEqual({ ok: true, query: { kind: 'text', text: 'Lakeland', state: 'FL' } });
    expect(parseAreaQuery('@34.05,-118.24')).toEqual({ ok: true, query: { kind: 'coords', lat: 34.05, lon: -118.24 } });
  });
  it('answers empty, too long and malformed input politely', () => {
    for (const q of ['', '   ', '1234', 'x'.repeat(101), '@95,10']) {
      const r = parseAreaQuery(q);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
  it('strips direction-override and control characters', () => {
    expect(parseAreaQuery('\u202e90012\u0000')).toEqual({ ok: true, query: { kind: 'zip', zip: '90012' } });
  });
});

describe('gazetteer lookup', () => {
  const resolve = (q: string) => {
    const p = parseAreaQuery(q);
    if (!p.ok) throw new Error(p.message);
    return resolveArea(p.query, ctx);
  };
  it('finds a ZIP code and its place', () => {
    const r = resolve('90012');
    expect(r.ok && r.match.label).toBe('90012 (Los Angeles, CA)');
    if (r.ok) {
      expect(r.match.lon).toBeCloseTo(-118.24, 1);
      expect(r.match.lat).toBeCloseTo(34.06, 1);
    }
  });
  it('reports an unknown ZIP', () => {
    const r = resolve('00000');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('00000');
  });
  it('finds "City, ST" in the right state and the most populous same-name place otherwise', () => {
    const fl = resolve('Lakeland, FL');
    expect(fl.ok && fl.match.state).toBe('FL');
    const portland = resolve('Portland');
    expect(portland.ok && portland.match.label).toBe('Portland, OR');
    expect(resolve('Portland, ME').ok && (resolve('Portland, ME') as { match: { state: string } }).match.state).toBe('ME');
  });
  it('finds counties and agencies', () => {
    const c = resolve('Polk County, FL');
    expect(c.ok && c.match.kind).toBe('county');
    expect(c.ok && c.match.countyFips).toBe('12105');
    const a = resolve('Lakeland Police');
    expect(a.ok && a.match.kind).toBe('agency');
    // An agency's exact name is that agency, not the county its words reduce to.
    const la = resolve('Los Angeles County Sheriff’s Department, CA');
    expect(la.ok && la.match.kind).toBe('agency');
  });
  it('reads place and state in any common form', () => {
    for (const q of ['Houston TX', 'houston tx', 'Houston, Texas', 'Houston Texas', 'Houston, TX.']) {
      const r = resolve(q);
      expect(r.ok && r.match.label, q).toBe('Houston, TX');
    }
    const pk = resolve('pittsburg ks');
    expect(pk.ok && pk.match.label).toBe('Pittsburg, KS');
    const lk = resolve('Lakeland FL');
    expect(lk.ok && lk.match.label).toBe('Lakeland, FL');
    // Trailing words that belong to the name are kept when the split finds nothing.
    const wv = resolve('Kansas City MO');
    expect(wv.ok && wv.match.label).toBe('Kansas City, MO');
  });
  it('asks which place is meant when a name is shared by places of similar size', () => {
    for (const q of ['Pittsburg', 'Greenfield', 'Springfield']) {
      const r = resolve(q);
      expect(r.ok, q).toBe(false);
      if (!r.ok) {
        expect(r.choices!.length).toBeGreaterThan(1);
        expect(r.message).toContain('Which one');
      }
    }
    const r = resolve('Pittsburg');
    if (!r.ok) expect(r.choices!.map((c) => c.value)).toEqual(expect.arrayContaining(['Pittsburg, KS', 'Pittsburg, CA']));
    // …but a name one place dominates is that place.
    const h = resolve('Houston');
    expect(h.ok && h.match.label).toBe('Houston, TX');
  });
  it('corrects a small typo and says so', () => {
    const r = resolve('Lakelnd, FL');
    expect(r.ok && r.match.label).toBe('Lakeland, FL');
    if (r.ok) expect(r.note).toContain('Lakeland, FL');
    const hu = resolve('Huston TX');
    expect(hu.ok && hu.match.label).toBe('Houston, TX');
    const none = resolve('Qqqqzzzz');
    expect(none.ok).toBe(false);
    expect(editDistance('lakelnd', 'lakeland')).toBe(1);
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
  });
  it('suggests places as you type, most populous first', () => {
    const s = suggest('Los An', ctx);
    expect(s[0].label).toBe('Los Angeles, CA');
    expect(suggest('a', ctx)).toEqual([]);
  });
});

describe('county containment', () => {
  it('finds the county a point lies in', () => {
    expect(countyAt(counties, -118.24, 34.06)?.name).toBe('Los Angeles County');
    expect(countyAt(counties, -81.95, 28.04)?.fips).toBe('12105');
    expect(countyAt(counties, -91.15, 30.45)?.name).toBe('East Baton Rouge Parish');
    expect(countyAt(counties, -40, 30)).toBeNull();
  });
  it('keeps independent cities apart from the county of the same name', () => {
    const city = counties.find((c) => c.fips === '29510')!;
    const county = counties.find((c) => c.fips === '29189')!;
    expect(city.name).toBe('St. Louis city');
    expect(county.name).toBe('St. Louis County');
    expect(city.key).not.toBe(county.key);
    expect(counties.find((c) => c.fips === '24510')!.name).toBe('Baltimore city');
    // Texas numbers some ordinary counties 501–507: they are counties, not cities.
    expect(counties.find((c) => c.fips === '48503')!.name).toBe('Young County');
  });
  it('matches county-wide agencies to the county the build published, never by name', () => {
    // Two agencies with the same county: only the county-wide one covers it; a name saying "County" changes nothing.
    const rows = rowsOf([
      agency('la-sheriff', { name: 'Los Angeles County Sheriff', agency_type: 'sheriff', jurisdiction: 'county', county_wide: true, county_fips: '06037', counties_fips: ['06037'], lon: -118.2, lat: 34.05, state: 'CA' }),
      agency('la-county-pd', { name: 'Los Angeles County Police', jurisdiction: 'municipal', county_wide: false, county_fips: '06037', counties_fips: ['06037'], lon: -118.25, lat: 34.06, state: 'CA' }),
    ]);
    const c = answerContext({ gazetteer, counties }, buildIndex(rows));
    const a = answerArea('90012', c, Uint8Array.from([1, 1]), 10, DEFAULT_FILTERS);
    expect(a.ok && a.view.covering.map((r) => r.id)).toEqual(['la-sheriff']);
    // An agency the filters leave out is not listed.
    const b = answerArea('90012', c, Uint8Array.from([0, 1]), 10, DEFAULT_FILTERS);
    expect(b.ok && b.view.covering).toEqual([]);
    expect(normalizeCountyName('St. Tammany Parish Sheriff’s Office')).toBe('st tammany');
  });

  it('the site and the pipeline agree on every committed agency: jurisdiction, county-wide and county FIPS as the build published them', () => {
    const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
    const table = new Map(parseCsv(readFileSync('data/agencies.csv', 'utf8')).records.map((r) => [r.values.id, r.values]));
    const rows = rowsOf(data.features);
    const byFips = new Map(counties.map((c) => [c.fips, c]));
    expect(rows).toHaveLength(data.features.length);
    let fromTable = 0;
    for (const [i, f] of data.features.entries()) {
      const p = f.properties;
      const a = table.get(p.id);
      // Agencies from volunteer submissions are not in the table; the build applies the same rule to them.
      if (a) {
        fromTable++;
        expect(p.jurisdiction, p.id).toBe(jurisdictionOf(a.agency_type, a.jurisdiction));
        expect(p.county_wide, p.id).toBe(coversWholeCounty(a.agency_type, a.jurisdiction));
      }
      expect(p.county_wide, p.id).toBe(p.jurisdiction === 'county');
      // The site reads the published facts through its points file, unchanged.
      expect(rows[i].id).toBe(p.id);
      expect(rows[i].jurisdiction, p.id).toBe(p.jurisdiction);
      expect(rows[i].county_fips, p.id).toBe(p.county_fips);
      expect(rows[i].counties_fips, p.id).toEqual(p.counties_fips);
      expect(rows[i].counties_fips[0], p.id).toBe(p.county_fips);
      // Every county the build names is a county of the site's map, in the agency's state.
      const c = byFips.get(p.county_fips ?? '');
      expect(c?.state, p.id).toBe(p.state);
      // A county-wide agency placed at its county lies in that county on the site's map too.
      if (p.county_wide && p.geocode_precision === 'county') {
        expect(countyAt(counties, ...(f.geometry.coordinates as [number, number]))?.fips, p.id).toBe(p.county_fips);
      }
    }
    expect(fromTable).toBeGreaterThan(1000);
    // Miami-Dade PD is a county police department: it covers Miami-Dade County in Find my area.
    const k = data.features.findIndex((f) => f.properties.id === 'miami-dade-police-department-fl');
    const miamiDade = byFips.get('12086')!;
    expect(data.features[k].properties.jurisdiction).toBe('county');
    const ctx2 = answerContext({ gazetteer, counties }, buildIndex(rows));
    const all = new Uint8Array(rows.length).fill(1);
    const zip = answerArea('33125', ctx2, all, 10, DEFAULT_FILTERS);
    expect(zip.ok && zip.view.covering.map((r) => r.i)).toContain(k);
    expect(miamiDade.name).toBe('Miami-Dade County');
    // …and the City of Miami's police does not cover the county (it is listed nearby).
    const miami = data.features.findIndex((f) => f.properties.id === 'miami-police-department-fl');
    expect(zip.ok && zip.view.covering.map((r) => r.i)).not.toContain(miami);
    expect(zip.ok && zip.view.within.map((r) => r.i)).toContain(miami);
  });
});

describe('the published counties in the points file', () => {
  const features = [
    agency('a', { county_fips: '36061', counties_fips: ['36061', '36047'] }),
    agency('b', { county_fips: '06037', counties_fips: ['06037'] }),
  ];
  it('reads every county an agency spans, and [its county] for the rest', () => {
    const rows = rowsOf(features);
    expect(rows.map((r) => r.counties_fips)).toEqual([['36061', '36047'], ['06037']]);
  });
  it('drops a row whose counties are not FIPS codes, and ignores a malformed column', async () => {
    const { encodeMapData, decodePoints } = await import('../../../src/data/map-data');
    const { points } = encodeMapData({ type: 'FeatureCollection', features });
    const bad = JSON.parse(JSON.stringify(points));
    bad.spans = { 0: ['36061', '<img>'] };
    const d = decodePoints(bad);
    expect(d.invalid).toBe(1);
    expect(d.rows.map((r) => r.id)).toEqual(['b']);
    const odd = JSON.parse(JSON.stringify(points));
    odd.spans = 'x';
    expect(decodePoints(odd).rows.map((r) => r.counties_fips)).toEqual([['36061'], ['06037']]);
  });
});

describe('distance ranking', () => {
  it('lists agencies within the radius nearest first, and the nearest one beyond it', () => {
    const lon = [-118.24, -118.0, -117.0, -122.4];
    const lat = [34.05, 34.1, 34.0, 37.8];
    const all = new Uint8Array(4).fill(1);
    const r = nearby(lon, lat, all, [-118.25, 34.06], 25);
    expect(r.within.map((n) => n.i)).toEqual([0, 1]);
    expect(r.withinCount).toBe(2);
    expect(r.within[0].miles).toBeLessThan(r.within[1].miles);
    const far = nearby(lon, lat, Uint8Array.from([0, 0, 0, 1]), [-118.25, 34.06], 25);
    expect(far.within).toEqual([]);
    expect(far.nearest?.i).toBe(3);
    expect(far.nearest!.miles).toBeGreaterThan(300);
    expect(far.nearest!.miles).toBeLessThan(360);
  });
});
