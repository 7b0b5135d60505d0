/**
 * Find my area offers the place letter (to the police and the sheriff) exactly
 * where no agency on the map covers the place: swept in Node through the
 * answer the page renders, over every county of the 50 states and DC (as
 * "X County, ST") and the 300 largest places. The expectation comes from the
 * published GeoJSON (each agency's counties), not from the search's helpers;
 * every offered letter is written under its state's law.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { buildGazetteer } from '../../../pipeline/gazetteer';
import { decodeGazetteer, type Gazetteer } from '../../../src/search/gazetteer';
import { buildCounties, type County } from '../../../src/search/counties';
import { answerArea, answerContext, type AnswerContext } from '../../../src/search/area-answer';
import { decodePoints, encodeMapData } from '../../../src/data/map-data';
import { buildIndex } from '../../../src/data/agency-index';
import type { AgencyCollection, AgencyFeature } from '../../../src/core/contract';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { setLocale } from '../../../src/i18n/messages';
import { LAW_STATES, readRecordsLaws } from '../../../src/core/records-law';
import { letterText, placeLetter } from '../../../src/action/records-request';

const require = createRequire(import.meta.url);
let gazetteer: Gazetteer;
let counties: County[];
let ctx: AnswerContext;
let features: AgencyFeature[];
let all: Uint8Array;
const laws = readRecordsLaws(JSON.parse(readFileSync('data/records-laws.json', 'utf8')));

beforeAll(() => {
  setLocale('en');
  gazetteer = decodeGazetteer(JSON.parse(JSON.stringify(buildGazetteer())));
  const topo = require('us-atlas/counties-10m.json') as Topology;
  counties = buildCounties(feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection);
  const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  features = data.features;
  const rows = decodePoints(JSON.parse(JSON.stringify(encodeMapData(data).points))).rows;
  ctx = answerContext({ gazetteer, counties }, buildIndex(rows));
  all = new Uint8Array(rows.length).fill(1);
}, 60_000);

/** Great-circle distance in miles (the test's own, not the search's). */
function milesBetween([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}

const ask = (q: string) => answerArea(q, ctx, all, 10, DEFAULT_FILTERS);

/** Agencies on the map whose published jurisdiction takes in the county. */
const listing = (fips: string) => features.filter((f) => (f.properties.counties_fips ?? []).includes(fips));
/** Agencies that cover a place in the county: its county-wide ones, and those reaching into it from their own county. */
const covering = (fips: string) => listing(fips).filter((f) => f.properties.county_fips !== fips || f.properties.county_wide);

describe('the place letter in Find my area', () => {
  it('is offered for every county with no agency on the map, and for no other (50 states and DC)', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let offered = 0, withheld = 0, asked = 0;
    for (const c of counties) {
      if (!LAW_STATES.includes(c.state)) continue;
      const q = `${c.name}, ${c.state}`;
      const a = ask(q);
      if (!a.ok || a.match.kind !== 'county' || a.county?.fips !== c.fips) continue; // a name the search reads as another place
      asked++;
      const v = a.view;
      const none = listing(c.fips).length === 0 && v.inside.length === 0;
      if (none !== !!v.request) failures.push(`${q}: ${v.request ? 'offers' : 'does not offer'} the letter with ${listing(c.fips).length} agencies listing it`);
      if (v.request) {
        offered++;
        expect(v.request).toEqual({ place: q, county: c.name, state: c.state });
        const text = letterText(placeLetter(v.request, laws.get(c.state)!, 'en'), 'en');
        if (!text.includes(`The sheriff’s office of ${c.name}`) || /undefined|NaN|null/.test(text)) failures.push(`${q}: letter`);
      } else withheld++;
    }
    console.log(JSON.stringify({ counties: asked, offered, withheld, failures: failures.length }));
    expect(asked).toBeGreaterThan(2500);
    expect(offered).toBeGreaterThan(2000);
    expect(withheld).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });

  it('is offered for the 2,000 largest places exactly where no agency covers their county or lies within 10 miles', { timeout: 120_000 }, () => {
    const places = [...gazetteer.places].sort((a, b) => b.population - a.population).slice(0, 2000);
    const failures: string[] = [];
    let offered = 0, borderline = 0;
    for (const p of places) {
      const a = ask(`${p.name}, ${p.state}`);
      if (!a.ok || !a.county) continue;
      const miles = features.map((f) => milesBetween([a.match.lon, a.match.lat], f.geometry.coordinates as [number, number]));
      // A partner within a hair of the radius is left to the search's own rounding.
      if (miles.some((d) => Math.abs(d - 10) < 0.05)) { borderline++; continue; }
      const expected = covering(a.county.fips).length === 0 && !miles.some((d) => d <= 10);
      if (expected !== !!a.view.request) failures.push(`${p.name}, ${p.state}: ${a.view.request ? 'offers' : 'does not offer'}`);
      if (a.view.request) {
        offered++;
        expect(a.view.request.county).toBe(a.county.name);
        expect(a.view.request.state).toBe(a.county.state);
      }
    }
    console.log(JSON.stringify({ places: places.length, offered, borderline, failures: failures.length }));
    expect(offered).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('names a located point by its county, and offers nothing for an agency’s own name', () => {
    const loc = ask('@44.85,-74.29'); // Malone, NY (Franklin County): no agency on the map
    expect(loc.ok && loc.view.request).toEqual({ place: 'Franklin County, NY', county: 'Franklin County', state: 'NY' });
    const malone = ask('Malone, NY');
    expect(malone.ok && malone.view.request).toEqual({ place: 'Malone, NY', county: 'Franklin County', state: 'NY' });
    // Houston's police is a partner within the radius: its card asks it; no place letter.
    const houston = ask('Houston, TX');
    expect(houston.ok && houston.view.withinCount > 0 && houston.view.request).toBe(null);
    const lapd = ask('90012');
    expect(lapd.ok && lapd.view.request).toBeNull();
  });
});
