/**
 * The committed dataset: not stale against its tables (no research inputs
 * needed), and the known facts the project is built around.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFromDir } from '../../../pipeline/dataset/run';
import { ATLAS_PUBLISHER } from '../../../pipeline/lib/sources';
import { CollectionSchema } from '../../../src/core/schema';
import { type AgencyProperties } from '../../../src/core/contract';

const committed = readFileSync('data/partnerships.geojson', 'utf8');
const fc = CollectionSchema.parse(JSON.parse(committed));
const byId = new Map<string, AgencyProperties>(fc.features.map((f) => [f.properties.id, f.properties]));
const get = (id: string) => {
  const p = byId.get(id);
  if (!p) throw new Error(`no feature ${id}`);
  return p;
};

describe('staleness', () => {
  it('rebuilding from the committed tables reproduces data/partnerships.geojson byte for byte, with no rejects', () => {
    const r = buildFromDir('data');
    expect(r.rejects).toEqual([]);
    for (const c of Object.values(r.counts)) expect(c.read).toBe(c.written + c.rejected);
    expect(r.text === committed).toBe(true);
  });

  it('carries the dataset metadata from data/dataset.json', () => {
    // The contribution form's settings (contribute_email, contribute_repository) are read by the page from the published dataset.json, not carried in the GeoJSON.
    const { title, data_as_of, license, credit } = JSON.parse(readFileSync('data/dataset.json', 'utf8'));
    expect(fc.metadata).toEqual({ title, data_as_of, license, credit });
  });

  it('is deterministic in form: features sorted by id, coordinates to 5 decimals', () => {
    const ids = fc.features.map((f) => f.properties.id);
    expect(ids).toEqual([...ids].sort());
    for (const f of fc.features) for (const c of f.geometry.coordinates) expect(Math.round(c * 1e5) / 1e5).toBe(c);
  });
});

describe('known facts', () => {
  it('Greenfield PD (WI) is the earliest Neighbors-portal partner, active 2018-03-22', () => {
    const portal = fc.features.flatMap((f) =>
      f.properties.programs.filter((p) => p.kind === 'neighbors_portal' && p.start_date).map((p) => [p.start_date!, f.properties.id] as const),
    );
    const earliest = portal.reduce((a, b) => (b[0] < a[0] ? b : a));
    expect(earliest).toEqual(['2018-03-22', 'greenfield-police-department-wi']);
    expect(portal.filter(([d]) => d <= '2018-03-22')).toHaveLength(1);
    expect(get('greenfield-police-department-wi')).toMatchObject({ start_date: '2018-03-22', start_precision: 'day', state: 'WI' });
  });

  it('LAPD joined the portal 2019-05-23 and carries the Neighborhood Pillar program with its perks and records link', () => {
    const lapd = get('los-angeles-police-department-ca');
    expect(lapd).toMatchObject({ start_date: '2019-05-23', start_precision: 'day', perk_value_usd: 12000 });
    const pillar = lapd.programs.find((p) => p.kind === 'officer_incentives')!;
    expect(pillar).toMatchObject({ start_date: '2016-03', end_date: '2019', perk_value_usd: 12000, at_least: true });
    expect(pillar.summary).toContain('Neighborhood Pillar');
    expect(lapd.records_urls).toContain('https://www.documentcloud.org/documents/20485679-19-4563-emails-binder-b-final/');
    expect(pillar.sources.map((s) => s.url)).toContain('https://www.latimes.com/business/technology/story/2021-06-17/ring-influencer-marketing-los-angeles-police-department');
  });

  it('Lakeland (FL) carries its MOU source', () => {
    const lakeland = get('lakeland-police-department-fl');
    const mou = 'https://www.vice.com/en/article/mb88za/amazon-requires-police-to-shill-surveillance-cameras-in-secret-agreement';
    expect(lakeland.mou_url).toBe(mou);
    // A Motherboard article about the agreement, not the agreement: typed so in sources.csv, labelled so.
    expect(lakeland.mou_kind).toBe('article');
    // The 15 cameras were sent back: said in words, never counted as given.
    expect(lakeland.programs.find((p) => p.kind === 'device_donation')).toMatchObject({ start_date: '2018-12-13', devices_given: null, perk_status: 'returned' });
    expect(lakeland.programs.find((p) => p.kind === 'device_donation')!.perk_note).toMatch(/15 free cameras .* returned/);
    expect(lakeland.devices_given).toBeNull();
  });

  it('Gwinnett County PD: Ring donated 80 doorbells worth $15,920 (Motherboard, from county documents), so they are counted as given', () => {
    const g = get('gwinnett-county-police-department-ga');
    expect(g).toMatchObject({ devices_given: 80, perk_value_usd: 15920 });
    const p = g.programs.find((x) => x.kind === 'device_donation')!;
    expect(p).toMatchObject({ devices_given: 80, perk_value_usd: 15920, perk_status: 'given' });
    expect(p.sources.map((s) => s.url)).toContain('https://www.vice.com/en/article/bjwmem/ring-has-given-active-camera-maps-of-its-customers-to-police');
  });

  it('Pittsburg is the Kansas department, sourced to The Guardian (URL not confirmed, so null)', () => {
    const pb = get('pittsburg-police-department-ks');
    expect(pb.sources).toContainEqual({ url: null, publisher: 'The Guardian', title: "Amazon's doorbell camera Ring is working with police – and controlling what they say", date: '2019-08-30', copy: null });
    expect(pb.programs.map((p) => p.kind)).toEqual(expect.arrayContaining(['device_donation', 'other', 'neighbors_portal']));
  });

  it('Houston carries its doorbell giveaway but not the unconfirmed recording-plan condition', () => {
    const h = get('houston-police-department-tx');
    expect(h.programs.map((p) => p.kind)).toContain('device_donation');
    expect(h.programs.map((p) => p.summary).join(' ')).not.toMatch(/\$30|recording plan/i);
  });

  it('the subsidy cities are their own city-type agencies with their subsidies', () => {
    const want: [string, number | null][] = [
      // Only money documented as spent: La Cañada's two used-up rounds (a floor); Santa Clarita's and Caddo's were approved, spending not found.
      ['city-of-arcadia-ca', 50000], ['city-of-rancho-palos-verdes-ca', 100000], ['city-of-la-canada-flintridge-ca', 12500],
      ['city-of-santa-clarita-ca', null], ['city-of-peoria-il', 20600], ['caddo-parish-commission-la', null],
      ['city-of-hammond-in', null], ['city-of-muskegon-heights-mi', null], ['winnebago-county-board-il', null],
    ];
    for (const [id, usd] of want) {
      expect(get(id)).toMatchObject({ agency_type: 'city', subsidy_usd: usd });
      expect(get(id).programs.some((p) => p.kind === 'city_subsidy')).toBe(true);
    }
    expect(get('arcadia-police-department-ca').agency_type).toBe('police');
  });

  it('fire departments stay fire departments', () => {
    const fire = fc.features.filter((f) => f.properties.agency_type === 'fire').map((f) => f.properties.id);
    expect(fire).toEqual(expect.arrayContaining(['pinellas-park-fire-department-fl', 'louisville-metro-fire-arson-bureau-ky', 'worcester-county-fire-marshals-office-md', 'rockford-fire-department-il']));
  });

  it('holds the 1,498 distinct Atlas partners plus the documented and reported agencies, each with a source', () => {
    const atlas = fc.features.filter((f) => f.properties.sources.some((s) => s.publisher === ATLAS_PUBLISHER));
    expect(atlas.length).toBeGreaterThanOrEqual(1498);
    const others = fc.features.filter((f) => !atlas.includes(f)).map((f) => f.properties.id);
    expect(others).toEqual(expect.arrayContaining(['new-york-city-police-department-ny', 'city-of-arcadia-ca', 'weld-county-sheriffs-office-co', 'national-city-police-department-ca']));
    for (const f of fc.features) {
      expect(f.properties.sources.length).toBeGreaterThan(0);
      for (const p of f.properties.programs) expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it('never reports 0 for an unknown total', () => {
    for (const f of fc.features) {
      for (const k of ['devices_given', 'perk_value_usd', 'subsidy_usd'] as const) {
        const known = f.properties.programs.map((p) => p[k]).filter((x) => x !== null);
        expect(f.properties[k]).toBe(known.length === 0 ? null : known.reduce((a, b) => a! + b!, 0));
      }
    }
  });
});
