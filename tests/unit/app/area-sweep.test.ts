/**
 * Find my area over the whole space, in Node, through the answer the page
 * renders (src/search/area-answer.ts) with the place list, counties and
 * points file the site ships:
 *  (a) the 300 largest places of the place list as "City, ST": the place
 *      itself, the county containing it, its own police and every partner
 *      covering it (its county's county-wide agencies, and agencies whose
 *      jurisdiction reaches into that county from their own);
 *  (b) every county holding a partnered agency as "X County, ST" (Parish,
 *      city… as the data names it): every partnered agency inside it.
 * The expectations come from the published GeoJSON and a brute-force
 * point-in-polygon over every county, not from the search's own helpers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { buildGazetteer } from '../../../pipeline/gazetteer';
import { decodeGazetteer } from '../../../src/search/gazetteer';
import type { Gazetteer, Place } from '../../../src/search/gazetteer';
import { buildCounties } from '../../../src/search/counties';
import type { County } from '../../../src/search/counties';
import { answerArea, answerContext } from '../../../src/search/area-answer';
import type { AnswerContext, FoundView } from '../../../src/search/area-answer';
import { suggest } from '../../../src/search/area-query';
import { decodePoints, encodeMapData } from '../../../src/data/map-data';
import { buildIndex } from '../../../src/data/agency-index';
import type { AgencyCollection, AgencyFeature } from '../../../src/core/contract';
import { foldText } from '../../../src/core/text';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { setLocale } from '../../../src/i18n/messages';

const require = createRequire(import.meta.url);
const CITIES = 300;
const RADIUS = 10;

let gazetteer: Gazetteer;
let counties: County[];
let ctx: AnswerContext;
let features: AgencyFeature[];
let all: Uint8Array;
/** The published agencies by id, and each one's index in the site's rows. */
let rowOf: Map<string, number>;

/** Brute force: the county whose outline holds the point, over every county. */
function countyHolding(lon: number, lat: number): County | null {
  return counties.find((c) => booleanPointInPolygon([lon, lat], c.feature as Feature<Polygon | MultiPolygon>)) ?? null;
}

const ask = (q: string) => answerArea(q, ctx, all, RADIUS, DEFAULT_FILTERS);
const ids = (v: FoundView, part: 'inside' | 'covering' | 'spanning' | 'within') => new Set(v[part].map((r) => r.id));
const answerIds = (v: FoundView) => new Set([...v.inside, ...v.covering, ...v.spanning, ...v.within, ...(v.nearest ? [v.nearest] : [])].map((r) => r.id));

beforeAll(() => {
  setLocale('en');
  // As the site receives them: the place list and points file round-tripped through JSON.
  gazetteer = decodeGazetteer(JSON.parse(JSON.stringify(buildGazetteer())));
  const topo = require('us-atlas/counties-10m.json') as Topology;
  counties = buildCounties(feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection);
  const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  features = data.features;
  const rows = decodePoints(JSON.parse(JSON.stringify(encodeMapData(data).points))).rows;
  const index = buildIndex(rows);
  ctx = answerContext({ gazetteer, counties }, index);
  all = new Uint8Array(rows.length).fill(1);
  rowOf = new Map(index.rows.map((r, i) => [r.id, i]));
}, 60_000);

/** The 300 most populous places of the list the site ships. */
function largestPlaces(): Place[] {
  return [...gazetteer.places].sort((a, b) => b.population - a.population).slice(0, CITIES);
}

describe('sweep (a): the 300 largest places as "City, ST"', () => {
  it('each finds itself, names the county holding it, and lists its own police and every partner covering it', { timeout: 60_000 }, () => {
    const failures: string[] = [];
    let ownPolice = 0, coveringChecked = 0, spanningChecked = 0;
    const places = largestPlaces();
    for (const p of places) {
      const q = `${p.name}, ${p.state}`;
      const a = ask(q);
      if (!a.ok) { failures.push(`${q}: not found (${a.message})`); continue; }
      const v = a.view;
      if (a.match.kind !== 'place' || v.label !== q) { failures.push(`${q}: answered ${a.match.kind} ${v.label}`); continue; }
      if (Math.abs(a.match.lon - p.lon) > 1e-9 || Math.abs(a.match.lat - p.lat) > 1e-9) failures.push(`${q}: pin not at the place`);
      const holder = countyHolding(p.lon, p.lat);
      if (!holder) { failures.push(`${q}: its point lies in no county`); continue; }
      if (v.county !== `${holder.name}, ${holder.state}`) failures.push(`${q}: names ${v.county}, the county holding it is ${holder.name}, ${holder.state}`);
      const listed = answerIds(v);
      // Its own police, when on the map (told apart by the published city, here only, as the test's own key).
      for (const f of features) {
        const fp = f.properties;
        if (fp.state !== p.state || fp.agency_type !== 'police' || fp.county_wide || !fp.city || foldText(fp.city) !== p.key) continue;
        ownPolice++;
        if (!listed.has(fp.id)) failures.push(`${q}: its police ${fp.name} is not listed`);
      }
      // Every partner covering the place: county-wide agencies of its county, and agencies whose jurisdiction reaches into it from their own county.
      for (const f of features) {
        const fp = f.properties;
        if (!(fp.counties_fips ?? []).includes(holder.fips)) continue;
        if (fp.county_fips !== holder.fips) {
          spanningChecked++;
          if (!ids(v, 'spanning').has(fp.id)) failures.push(`${q}: ${fp.name} reaches into ${holder.name} but is not listed as serving it`);
        } else if (fp.county_wide) {
          coveringChecked++;
          if (!ids(v, 'covering').has(fp.id)) failures.push(`${q}: ${fp.name} covers ${holder.name} but is not listed as covering`);
        }
      }
    }
    const summary = { places: places.length, smallest: `${places.at(-1)!.name}, ${places.at(-1)!.state} (${places.at(-1)!.population})`, ownPolice, coveringChecked, spanningChecked, failures: failures.length };
    record('sweep-cities', summary, failures);
    expect(places).toHaveLength(CITIES);
    expect(ownPolice).toBeGreaterThan(50);
    expect(coveringChecked).toBeGreaterThan(50);
    expect(spanningChecked).toBeGreaterThanOrEqual(5);
    expect(failures).toEqual([]);
  });
});

describe('sweep (b): every county holding a partnered agency, as the data names it', () => {
  it('lists every partnered agency inside the county (by published county and by the county outline), and frames the county', { timeout: 60_000 }, () => {
    const inside = new Map<string, Set<string>>();
    const add = (fips: string, id: string) => inside.set(fips, (inside.get(fips) ?? new Set()).add(id));
    for (const f of features) {
      for (const fips of f.properties.counties_fips ?? []) add(fips, f.properties.id);
      const holder = countyHolding(f.geometry.coordinates[0], f.geometry.coordinates[1]);
      if (holder) add(holder.fips, f.properties.id);
    }
    const byFips = new Map(counties.map((c) => [c.fips, c]));
    const failures: string[] = [];
    let agencies = 0;
    for (const [fips, want] of inside) {
      const c = byFips.get(fips);
      if (!c) { failures.push(`${fips}: not a county of the map`); continue; }
      const q = `${c.name}, ${c.state}`;
      const a = ask(q);
      if (!a.ok) { failures.push(`${q}: not found (${a.message})`); continue; }
      if (a.match.kind !== 'county' || a.match.countyFips !== fips) { failures.push(`${q}: answered ${a.match.kind} ${a.view.label}`); continue; }
      if (!a.view.whole || a.frame.radius !== null) failures.push(`${q}: answered with a radius, not the county`);
      const got = ids(a.view, 'inside');
      agencies += want.size;
      for (const id of want) if (!got.has(id)) failures.push(`${q}: ${id} is inside but not listed`);
      for (const id of got) if (!want.has(id)) failures.push(`${q}: ${id} is listed but not inside`);
      // The map frames every agency listed.
      const framed = new Set(a.frame.include.map(([x, y]) => `${x},${y}`));
      for (const id of got) {
        const k = rowOf.get(id)!;
        if (!framed.has(`${ctx.lon[k]},${ctx.lat[k]}`)) failures.push(`${q}: ${id} is not framed`);
      }
    }
    record('sweep-counties', { counties: inside.size, agencies, failures: failures.length }, failures);
    expect(inside.size).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });
});

/** Prints a sweep's size and result and keeps them beside the screenshots. */
function record(name: string, summary: Record<string, unknown>, failures: string[]): void {
  console.log(`${name}: ${JSON.stringify(summary)}`);
  mkdirSync('tests/artifacts', { recursive: true });
  writeFileSync(`tests/artifacts/${name}.json`, JSON.stringify({ ...summary, failureList: failures }, null, 1));
}

describe('the cases residents reported', () => {
  const found = (q: string) => {
    const a = ask(q);
    if (!a.ok) throw new Error(`${q}: ${a.message}`);
    return a;
  };
  const nypd = 'new-york-city-police-department-ny';

  it('"New York, NY", "New York City", "NYC" are the city, in Manhattan, with NYPD', () => {
    for (const q of ['New York, NY', 'New York City', 'NYC', 'new york city, ny', 'New York']) {
      const a = found(q);
      expect(a.view.label, q).toBe('New York City, NY');
      expect(a.view.county, q).toBe('New York County, NY');
      expect(answerIds(a.view).has(nypd), q).toBe(true);
    }
  });

  it('the five boroughs, alone or with the state, are covered by NYPD (whose jurisdiction spans their five counties)', () => {
    const boroughs: [string, string][] = [['Brooklyn, NY', 'Kings County, NY'], ['Brooklyn NY', 'Kings County, NY'], ['Staten Island', 'Richmond County, NY'],
      ['Queens', 'Queens County, NY'], ['The Bronx', 'Bronx County, NY'], ['Bronx, NY', 'Bronx County, NY'], ['Manhattan, NY', 'New York County, NY']];
    for (const [q, county] of boroughs) {
      const a = found(q);
      expect(a.view.county, q).toBe(county);
      expect(answerIds(a.view).has(nypd), q).toBe(true);
    }
    expect(ids(found('Staten Island').view, 'spanning').has(nypd)).toBe(true);
  });

  it('a county answers with every agency inside it, and frames the county', () => {
    const md = found('Miami-Dade County');
    expect(md.view.whole).toBe(true);
    expect(md.view.inside).toHaveLength(13);
    expect(md.frame.radius).toBeNull();
    for (const name of ['Miami Beach Police Department', 'Coral Gables Police Department', 'Doral Police Department', 'Miami-Dade Police Department']) {
      expect(md.view.inside.map((r) => r.name)).toContain(name);
    }
    expect(md.view.inside[0].countyWide).toBe(true);
    for (const q of ['Harris County, TX', 'Harris County TX', 'harris county, texas']) expect(found(q).view.inside, q).toHaveLength(6);
    // Several counties of that name and no state: asked, not guessed.
    const harris = ask('Harris County');
    expect(harris.ok).toBe(false);
    if (!harris.ok) expect(harris.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(['Harris County, TX', 'Harris County, GA']));
  });

  it('the Spanish forms of a county are read', () => {
    for (const q of ['Condado de Miami-Dade', 'condado de miami-dade, FL', 'Condado Harris, TX', 'Parroquia de Caddo, LA']) {
      const a = found(q);
      expect(a.match.kind, q).toBe('county');
      expect(a.view.whole, q).toBe(true);
    }
    expect(found('Condado de Miami-Dade').view.inside).toHaveLength(13);
  });

  it('every county, written as the Spanish labels write it ("Condado de Los Angeles, CA"), is that county', () => {
    const wrong: string[] = [];
    let n = 0;
    for (const c of counties) {
      const m = /^(.*) (County|Parish)$/.exec(c.name);
      if (!m) continue; // independent cities and Alaska's boroughs are named plainly
      const q = `${m[2] === 'Parish' ? 'Parroquia' : 'Condado'} de ${m[1]}, ${c.state}`;
      const a = ask(q);
      n++;
      if (!a.ok || a.match.kind !== 'county' || a.match.countyFips !== c.fips) wrong.push(`${q} → ${a.ok ? a.match.label : 'not found'}`);
    }
    expect(n).toBeGreaterThan(3000);
    expect(wrong).toEqual([]);
    // As typed: accents, no state.
    const la = ask('Condado de Los Ángeles');
    expect(la.ok && la.match).toMatchObject({ kind: 'county', countyFips: '06037' });
  }, 120_000);

  it('autocomplete offers the exact county and city first', () => {
    expect(suggest('Harris County, TX', ctx)[0].label).toBe('Harris County, TX');
    expect(suggest('Harris County', ctx).slice(0, 2).map((s) => s.label).sort()).toEqual(['Harris County, GA', 'Harris County, TX']);
    expect(suggest('Houston', ctx)[0].label).toBe('Houston, TX');
    expect(suggest('Miami-Dade', ctx).map((s) => s.label)).toContain('Miami-Dade County, FL');
    expect(suggest('Condado de Miami-D', ctx)[0].label).toBe('Miami-Dade County, FL');
    // "Miami" is a county of its own (Indiana's, Kansas's, Ohio's): the exact name comes first.
    expect(suggest('Condado de Miami', ctx)[0].label).toMatch(/^Miami County, /);
  });

  it('a corrected typo is said in the answer', () => {
    const a = found('Huston TX');
    expect(a.view.label).toBe('Houston, TX');
    expect(a.view.note).toBe('Showing results for Houston, TX: no place is called “Huston”.');
  });
});
