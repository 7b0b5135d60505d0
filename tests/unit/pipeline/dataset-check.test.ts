/**
 * Whole-dataset checks of the committed data: what the map claims must hold
 * for every agency, not just a sample. Places are checked against the county
 * outlines the pipeline uses; figures against the kind of perk they are;
 * dates against the program's lifetime.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Boundaries } from '../../../pipeline/geocode/boundaries';
import { CollectionSchema } from '../../../src/core/schema';
import { agencyStatus } from '../../../src/core/contract';

const fc = CollectionSchema.parse(JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')));
const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
const agencies = new Map(csv('agencies.csv').map((r) => [r.id, r]));
const byId = new Map(fc.features.map((f) => [f.properties.id, f]));
const boundaries = Boundaries.load();
const buildDate = fc.metadata!.data_as_of;
/** Ring's first police partnerships date from 2016; nothing in this dataset can predate 2012. */
const EARLIEST = '2012';

describe('places: every point lies in its stated state and county', () => {
  it('every agency names its county (or independent city)', () => {
    expect(fc.features.filter((f) => !f.properties.county).map((f) => f.properties.id)).toEqual([]);
  });

  it('every point is inside its state outline', () => {
    const outside = fc.features.filter((f) => !boundaries.inState(f.properties.state, ...f.geometry.coordinates));
    expect(outside.map((f) => f.properties.id)).toEqual([]);
  });

  it('every point is inside its stated county, or one of the other counties the agency spans', () => {
    const bad: string[] = [];
    for (const f of fc.features) {
      const p = f.properties;
      const others = (agencies.get(p.id)?.other_counties ?? '').split(';').map((s) => s.trim()).filter(Boolean);
      const areas = [p.county!, ...others].flatMap((c) => boundaries.findCounties(p.state, c));
      if (areas.length === 0 || !areas.some((a) => boundaries.inArea(a, ...f.geometry.coordinates))) {
        bad.push(`${p.id}: ${p.county}, ${p.state} at ${f.geometry.coordinates.join(',')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every place correction is applied and carries its reason', () => {
    const rows = csv('place_corrections.csv');
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) {
      expect(r.reason.length, r.agency_id).toBeGreaterThan(20);
      expect(agencies.get(r.agency_id)?.[r.field], `${r.agency_id}.${r.field}`).toBe(r.corrected_value);
    }
  });

  it('the Atlas errors found in review are corrected', () => {
    const at = (id: string) => byId.get(id)!.properties;
    expect(at('calverton-park-police-department-mo')).toMatchObject({ city: 'Calverton Park', county: 'St. Louis County' });
    expect(at('pierce-township-police-department-oh')).toMatchObject({ city: 'Pierce Township', county: 'Clermont County' });
    expect(at('lemont-police-department-il')).toMatchObject({ city: 'Lemont', county: 'Cook County' });
    expect(at('little-rock-police-department-ar')).toMatchObject({ city: 'Little Rock', county: 'Pulaski County' });
    expect(at('winchester-police-department-va')).toMatchObject({ county: 'Winchester city' });
    expect(at('james-city-county-police-department-va')).toMatchObject({ county: 'James City County' });
    expect(at('memorial-villages-police-department-tx').city).toBe('Hunters Creek Village');
    // Calverton Park is no longer on downtown St. Louis (about 18 km away).
    const [lon, lat] = byId.get('calverton-park-police-department-mo')!.geometry.coordinates;
    expect(boundaries.countyAt('MO', lon, lat)?.properties.name).toBe('St. Louis');
    expect(Number(boundaries.countyAt('MO', lon, lat)?.id.slice(2))).toBeLessThan(500); // the county, not the independent city
  });
});

describe('perks: only what was given is counted', () => {
  it('a program carries figures only when its perk was given', () => {
    const bad = fc.features.flatMap((f) =>
      f.properties.programs
        .filter((g) => (g.devices_given !== null || g.perk_value_usd !== null || g.subsidy_usd !== null) && g.perk_status !== 'given')
        .map((g) => `${f.properties.id} (${g.perk_status})`),
    );
    expect(bad).toEqual([]);
  });

  it("each agency's totals (what the map sizes and sums) are the sums of its given perks", () => {
    for (const f of fc.features) {
      const p = f.properties;
      const given = p.programs.filter((g) => g.perk_status === 'given');
      for (const k of ['devices_given', 'perk_value_usd', 'subsidy_usd'] as const) {
        const xs = given.map((g) => g[k]).filter((x): x is number => x !== null);
        expect(p[k], `${p.id}.${k}`).toBe(xs.length ? xs.reduce((a, b) => a + b, 0) : null);
      }
    }
  });

  it('a perk that was not given is said in words', () => {
    for (const f of fc.features) {
      for (const g of f.properties.programs) {
        if (g.perk_status && g.perk_status !== 'given' && g.perk_status !== 'not_documented') expect(g.perk_note, f.properties.id).toBeTruthy();
        if (g.figures_derived) expect(g.perk_note, f.properties.id).toMatch(/arithmetic|sum|minus/);
      }
    }
  });

  it('El Monte and Lakeland are not counted as given; Winnebago County’s doorbells were given (first giveaway 29 October 2022), count not documented', () => {
    const program = (id: string, kind: string) => byId.get(id)!.properties.programs.find((g) => g.kind === kind)!;
    expect(program('el-monte-police-department-ca', 'other')).toMatchObject({ perk_status: 'bought_by_agency', devices_given: null });
    expect(program('el-monte-police-department-ca', 'other').perk_note).toBe('20 cameras bought by the department; none handed out as of August 2019 (Motherboard, 15 August 2019).');
    expect(program('winnebago-county-board-il', 'city_subsidy')).toMatchObject({ perk_status: 'given', devices_given: null });
    expect(program('lakeland-police-department-fl', 'device_donation')).toMatchObject({ perk_status: 'returned', devices_given: null });
    for (const id of ['el-monte-police-department-ca', 'winnebago-county-board-il', 'lakeland-police-department-fl']) {
      expect(byId.get(id)!.properties.devices_given).toBeNull();
    }
    expect(program('city-of-peoria-il', 'city_subsidy')).toMatchObject({ subsidy_usd: 20600, figures_derived: true });
  });
});

describe('dates: every date within the program lifetime', () => {
  it(`every program and agency date is between ${EARLIEST} and the build date`, () => {
    const bad: string[] = [];
    const check = (id: string, d: string | null) => {
      if (d !== null && (d < EARLIEST || d.slice(0, buildDate.length) > buildDate)) bad.push(`${id}: ${d}`);
    };
    for (const f of fc.features) {
      const p = f.properties;
      check(p.id, p.start_date);
      check(p.id, p.end_date);
      for (const g of p.programs) {
        check(p.id, g.start_date);
        check(p.id, g.end_date);
      }
    }
    expect(bad).toEqual([]);
  });

  it('Bakersfield PD is dated from the report that announced it (Monday 16 August 2021)', () => {
    expect(byId.get('bakersfield-police-department-ca')!.properties).toMatchObject({ start_date: '2021-08-16', start_precision: 'day', county: 'Kern County' });
  });
});

describe('lifecycle: denied and ended partnerships', () => {
  it('every agency status follows from its programs, and every end or denial says who said so', () => {
    for (const f of fc.features) {
      const p = f.properties;
      expect(p.status, p.id).toBe(agencyStatus(p.programs));
      for (const g of p.programs) if (g.status === 'denied' || g.status === 'ended') expect(g.status_note, p.id).toBeTruthy();
    }
  });

  it('Chicopee PD (MA) denied the partnership in July 2020', () => {
    const c = byId.get('chicopee-police-department-ma')!.properties;
    expect(c.status).toBe('denied');
    expect(c.programs[0].status_note).toMatch(/denied the partnership in July 2020/);
  });
});
