import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCollection, serializeCollection } from '../../../pipeline/dataset/features';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { CollectionSchema } from '../../../src/core/schema';
import { agency, emptyTables, override, program, source } from './helpers';

const geocoder = sharedGeocoder();

function sample() {
  const t = emptyTables();
  t.agencies.push(
    agency({ id: 'gwinnett-county-police-department-ga', name: 'Gwinnett County Police Department', jurisdiction: 'county', county: 'Gwinnett County', state: 'GA' }, 2),
    agency({ id: 'greenfield-police-department-wi', name: 'Greenfield Police Department', city: 'Greenfield', county: 'Milwaukee County' }, 3),
    agency({ id: 'city-of-peoria-il', name: 'City of Peoria', agency_type: 'city', city: 'Peoria', county: 'Peoria County', state: 'IL' }, 4),
  );
  t.sources.push(
    source({ id: 's1' }, 2),
    source({ id: 'mou-doc', type: 'mou', url: 'https://example.org/mou.pdf' }, 3),
    source({ id: 'rec-1', type: 'records', url: 'https://example.org/records' }, 4),
    source({ id: 'no-link', url: '', publisher: 'The Guardian', title: 'A story', date: '2019-08-30' }, 5),
  );
  t.programs.push(
    program({ id: 'g--portal', agency_id: 'gwinnett-county-police-department-ga', start_date: '2019-08-29', source_ids: 's1' }, 2),
    program({ id: 'g--donation', agency_id: 'gwinnett-county-police-department-ga', kind: 'device_donation', start_date: '2019-05', devices_given: '80', perk_value_usd: '15920', source_ids: 's1; mou-doc; rec-1' }, 3),
    program({ id: 'gf--portal', agency_id: 'greenfield-police-department-wi', start_date: '2018-03-22', source_ids: 's1; no-link' }, 4),
    program({ id: 'p--subsidy', agency_id: 'city-of-peoria-il', kind: 'city_subsidy', start_date: '2019', end_date: '2020-02', subsidy_usd: '20600', source_ids: 'rec-1' }, 5),
  );
  t.overrides.push(override({ agency_id: 'greenfield-police-department-wi', lon: '-88.0123456', lat: '42.9612345', note: 'test' }));
  return t;
}

describe('build: tables → features', () => {
  const r = buildCollection(sample(), { geocoder });
  const byId = Object.fromEntries(r.collection.features.map((f) => [f.properties.id, f.properties]));

  it('writes a schema-valid collection, features sorted by id, with no rejects', () => {
    expect(r.rejects).toEqual([]);
    expect(() => CollectionSchema.parse(r.collection)).not.toThrow();
    expect(r.collection.features.map((f) => f.properties.id)).toEqual(['city-of-peoria-il', 'greenfield-police-department-wi', 'gwinnett-county-police-department-ga']);
  });

  it('sums totals over programs, and leaves them null (never 0) when nothing is documented', () => {
    expect(byId['gwinnett-county-police-department-ga']).toMatchObject({ devices_given: 80, perk_value_usd: 15920, subsidy_usd: null });
    expect(byId['greenfield-police-department-wi']).toMatchObject({ devices_given: null, perk_value_usd: null, subsidy_usd: null });
    expect(byId['city-of-peoria-il']).toMatchObject({ subsidy_usd: 20600, devices_given: null });
  });

  it('dates the agency by its Neighbors-portal program when it has one, else its earliest arrangement', () => {
    expect(byId['gwinnett-county-police-department-ga']).toMatchObject({ start_date: '2019-08-29', start_precision: 'day', end_date: null });
    expect(byId['city-of-peoria-il']).toMatchObject({ start_date: '2019', start_precision: 'year', end_date: '2020-02' });
    expect(byId['gwinnett-county-police-department-ga'].programs.map((p) => p.kind)).toEqual(['device_donation', 'neighbors_portal']);
  });

  it('derives mou_url and records_urls from source types, keeps null URLs, and lists each source once', () => {
    const g = byId['gwinnett-county-police-department-ga'];
    expect(g.mou_url).toBe('https://example.org/mou.pdf');
    expect(g.mou_kind).toBe('agreement');
    expect(byId['city-of-peoria-il']).toMatchObject({ mou_url: null, mou_kind: null });
    expect(g.records_urls).toEqual(['https://example.org/records']);
    expect(g.sources.map((s) => s.url)).toEqual(['https://example.org/s1', 'https://example.org/mou.pdf', 'https://example.org/records']);
    expect(byId['greenfield-police-department-wi'].sources[1]).toEqual({ url: null, publisher: 'The Guardian', title: 'A story', date: '2019-08-30', copy: null });
  });

  it('types the MOU link from its source: the agreement itself first, else an article about it', () => {
    const t = sample();
    t.sources.push(source({ id: 'mou-story', type: 'mou_article', url: 'https://example.org/news/mou-story', publisher: 'Motherboard (Vice)' }, 6));
    // Peoria: only a report about its agreement; Gwinnett: the report and the agreement itself.
    t.programs.find((p) => p.id === 'p--subsidy')!.source_ids = 'rec-1; mou-story';
    t.programs.find((p) => p.id === 'g--donation')!.source_ids = 'mou-story; s1; mou-doc; rec-1';
    const out = Object.fromEntries(buildCollection(t, { geocoder }).collection.features.map((f) => [f.properties.id, f.properties]));
    expect(out['city-of-peoria-il']).toMatchObject({ mou_url: 'https://example.org/news/mou-story', mou_kind: 'article' });
    expect(out['gwinnett-county-police-department-ga']).toMatchObject({ mou_url: 'https://example.org/mou.pdf', mou_kind: 'agreement' });
  });

  it('uses a manual override rounded to 5 decimals, and geocodes the rest with their precision', () => {
    const gf = r.collection.features.find((f) => f.properties.id === 'greenfield-police-department-wi')!;
    expect(gf.geometry.coordinates).toEqual([-88.01235, 42.96123]);
    expect(gf.properties.geocode_precision).toBe('manual');
    expect(byId['gwinnett-county-police-department-ga'].geocode_precision).toBe('county');
  });

  it('publishes every county a jurisdiction spans (its own first), and rejects a county the state does not have', () => {
    const t = sample();
    t.agencies[1] = agency({ id: 'greenfield-police-department-wi', name: 'Greenfield Police Department', city: 'Greenfield', county: 'Milwaukee County', other_counties: 'Waukesha County; Milwaukee County' }, 3);
    const spans = buildCollection(t, { geocoder });
    expect(spans.rejects).toEqual([]);
    const gf = spans.collection.features.find((f) => f.properties.id === 'greenfield-police-department-wi')!.properties;
    expect(gf.county_fips).toBe('55079');
    expect(gf.counties_fips).toEqual(['55079', '55133']);
    expect(byId['city-of-peoria-il'].counties_fips).toEqual([byId['city-of-peoria-il'].county_fips]);
    t.agencies[1] = agency({ id: 'greenfield-police-department-wi', name: 'Greenfield Police Department', city: 'Greenfield', county: 'Milwaukee County', other_counties: 'Nowhere County' }, 3);
    const bad = buildCollection(t, { geocoder });
    expect(bad.rejects).toContainEqual(expect.objectContaining({ file: 'agencies.csv', line: 3, reason: 'other_counties: "Nowhere County" is no county of WI' }));
    expect(bad.collection.features.map((f) => f.properties.id)).not.toContain('greenfield-police-department-wi');
  });

  it('serialises deterministically with a fixed key order', () => {
    const again = buildCollection(sample(), { geocoder });
    expect(serializeCollection(again.collection)).toBe(serializeCollection(r.collection));
    const line = serializeCollection(r.collection).split('\n')[1];
    expect(Object.keys(JSON.parse(line.replace(/,$/, '')).properties)).toEqual([
      'id', 'name', 'agency_type', 'city', 'county', 'state', 'geocode_precision', 'jurisdiction', 'county_wide', 'county_fips', 'counties_fips', 'start_date', 'start_precision', 'start_kind', 'end_date',
      'status', 'programs', 'devices_given', 'perk_value_usd', 'subsidy_usd', 'mou_url', 'mou_kind', 'records_urls', 'sources',
    ]);
  });

  it('counts rows read = written + rejected for every table', () => {
    for (const c of Object.values(r.counts)) expect(c.read).toBe(c.written + c.rejected);
    expect(r.counts['agencies.csv']).toEqual({ read: 3, written: 3, rejected: 0 });
  });
});

describe('build: bad input', () => {
  const bad = (mutate: (t: ReturnType<typeof sample>) => void) => {
    const t = sample();
    mutate(t);
    return buildCollection(t, { geocoder }).rejects;
  };

  it.each([
    ['unparseable date', (t: ReturnType<typeof sample>) => (t.programs[0].start_date = '29/08/2019'), 'programs.csv', 2, /start_date/],
    ['impossible date', (t: ReturnType<typeof sample>) => (t.programs[1].start_date = '2019-02-30'), 'programs.csv', 3, /not a real/],
    ['unknown state', (t: ReturnType<typeof sample>) => (t.agencies[2].state = 'XX'), 'agencies.csv', 4, /unknown state/],
    ['non-http(s) URL', (t: ReturnType<typeof sample>) => (t.sources[0].url = 'javascript:alert(1)'), 'sources.csv', 2, /http\(s\)/],
    ['missing agency name', (t: ReturnType<typeof sample>) => (t.agencies[1].name = '   '), 'agencies.csv', 3, /missing agency name/],
    ['coordinates outside the state', (t: ReturnType<typeof sample>) => (t.overrides[0].lat = '41.6'), 'geocode_overrides.csv', 2, /outside WI/],
    ['duplicate id', (t: ReturnType<typeof sample>) => t.agencies.push({ ...t.agencies[0], line: 5 }), 'agencies.csv', 5, /duplicate id/],
    ['figure that is not a number', (t: ReturnType<typeof sample>) => (t.programs[1].devices_given = '80+'), 'programs.csv', 3, /not a non-negative number/],
    ['a figure on a perk that was not given', (t: ReturnType<typeof sample>) => Object.assign(t.programs[0], { devices_given: '20', perk_status: 'bought_by_agency' }), 'programs.csv', 2, /only for a perk that was given/],
    ['a figure with no perk kind', (t: ReturnType<typeof sample>) => Object.assign(t.programs[0], { devices_given: '600', perk_status: '' }), 'programs.csv', 2, /only for a perk that was given/],
    ['an unknown perk kind', (t: ReturnType<typeof sample>) => (t.programs[0].perk_status = 'promised'), 'programs.csv', 2, /unknown perk_status/],
    ['a denial without saying who said so', (t: ReturnType<typeof sample>) => (t.programs[0].status = 'denied'), 'programs.csv', 2, /status_note/],
    ['an unknown status', (t: ReturnType<typeof sample>) => (t.programs[0].status = 'paused'), 'programs.csv', 2, /unknown status/],
    ['derived figures with no figure', (t: ReturnType<typeof sample>) => (t.programs[0].figures_derived = 'true'), 'programs.csv', 2, /figures_derived/],
  ])('%s: stops the build naming file and line', (_, mutate, file, line, reason) => {
    const rejects = bad(mutate);
    expect(rejects).toContainEqual({ file, line, reason: expect.stringMatching(reason) });
  });

  it('the CLI exits non-zero, prints file:line: reason and rows read = written + rejected, and writes nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'build-')), 'out.geojson');
    const p = spawnSync('npx', ['tsx', 'pipeline/partnerships.geojson.ts', '--in', 'tests/fixtures/hostile/tables', '--out', out], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(p.stdout).toContain('agencies.csv           rows read 15 = written 4 + rejected 11');
    expect(p.stderr).toMatch(/REJECT tests\/fixtures\/hostile\/tables\/agencies\.csv:3: agency name contains markup/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('date kinds, copies and contract stations in the tables', () => {
  function tables() {
    const t = emptyTables();
    t.agencies.push(
      agency({ id: 'greenfield-police-department-wi', name: 'Greenfield Police Department', city: 'Greenfield', county: 'Milwaukee County' }, 2),
      agency({ id: 'orange-county-sheriffs-department-aliso-viejo-police-services-ca', name: "Orange County Sheriff's Department Aliso Viejo Police Services", agency_type: 'sheriff', jurisdiction: 'contract', city: 'Aliso Viejo', county: 'Orange County', state: 'CA' }, 3),
    );
    t.sources.push(source({ id: 's1' }, 2), source({ id: 'arch', url: 'https://web.archive.org/web/2020/https://example.org/', copy: 'archived' }, 3));
    t.programs.push(
      program({ id: 'gf--portal', agency_id: 'greenfield-police-department-wi', start_date: '2020', start_kind: 'announced', source_ids: 's1; arch' }, 2),
      program({ id: 'av--portal', agency_id: 'orange-county-sheriffs-department-aliso-viejo-police-services-ca', start_date: '2019-07', start_kind: 'began', source_ids: 's1' }, 3),
    );
    return t;
  }

  it('publishes the date kind on the program and the agency, the copy flag on the source, and a contract station as its city only', () => {
    const r = buildCollection(tables(), { geocoder });
    expect(r.rejects).toEqual([]);
    const gf = r.collection.features.find((f) => f.id === 'greenfield-police-department-wi')!.properties;
    expect(gf).toMatchObject({ start_date: '2020', start_kind: 'announced' });
    expect(gf.programs[0].start_kind).toBe('announced');
    expect(gf.sources.map((s) => s.copy)).toEqual([null, 'archived']);
    const av = r.collection.features.find((f) => f.id === 'orange-county-sheriffs-department-aliso-viejo-police-services-ca')!.properties;
    expect(av).toMatchObject({ agency_type: 'sheriff', jurisdiction: 'contract', county_wide: false, geocode_precision: 'city' });
  });

  it('rejects an unknown date kind, a kind without a date, an unknown copy and a copy without a link, each with its line', () => {
    const t = tables();
    t.programs[0].start_kind = 'guessed';
    t.programs[1].start_date = '';
    t.sources.push(source({ id: 'bad-copy', copy: 'photocopy' }, 4), source({ id: 'no-url-copy', url: '', copy: 'syndicated' }, 5));
    const got = buildCollection(t, { geocoder }).rejects.map((x) => `${x.file}:${x.line}: ${x.reason}`);
    expect(got).toEqual(expect.arrayContaining([
      'programs.csv:2: unknown start_kind "guessed" (began, announced, active_by)',
      'programs.csv:3: start_kind is set but there is no start_date',
      'sources.csv:4: unknown copy "photocopy" (syndicated or archived)',
      'sources.csv:5: copy is set but the source has no url',
    ]));
  });
});
