import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasExport, splitCounties } from '../../../pipeline/atlas/parse';
import { exportDateFromPath } from '../../../pipeline/import-atlas';
import { dateFromSummary, parseAtlasDate } from '../../../pipeline/lib/dates';
import { earlierDate } from '../../../src/core/dates';
import { mergeAtlas } from '../../../pipeline/merge/atlas';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { stringifyCsv } from '../../../pipeline/lib/csv';
import { AGENCY_COLUMNS, OVERRIDE_COLUMNS, PROGRAM_COLUMNS, SOURCE_COLUMNS } from '../../../pipeline/tables/model';
import { agency, atlasCsv, dateFieldProblems, emptyTables, program, ringRow, source } from './helpers';

const merge = (tables: ReturnType<typeof emptyTables>, csv: string) =>
  mergeAtlas(tables, parseAtlasExport(csv).agencies, { exportDate: '2020-10-07', publishers: new Map(), geocoder: sharedGeocoder() });

describe('Atlas dates', () => {
  it('reads m/d/yy and m/d/yyyy as day-precision dates (two-digit years are 20yy)', () => {
    expect(parseAtlasDate('3/22/18')).toEqual({ ok: true, value: '2018-03-22' });
    expect(parseAtlasDate('4/13/2020')).toEqual({ ok: true, value: '2020-04-13' });
    expect(parseAtlasDate('12/6/2019')).toEqual({ ok: true, value: '2019-12-06' });
    expect(parseAtlasDate('2020')).toEqual({ ok: true, value: '2020' });
  });

  it('rejects impossible and unparseable dates', () => {
    expect(parseAtlasDate('2/30/19')).toMatchObject({ ok: false, reason: expect.stringContaining('impossible') });
    expect(parseAtlasDate('13/1/19')).toMatchObject({ ok: false });
    expect(parseAtlasDate('2019-02-30')).toMatchObject({ ok: false, reason: expect.stringContaining('impossible') });
    expect(parseAtlasDate('soon')).toMatchObject({ ok: false, reason: expect.stringContaining('unparseable') });
  });

  it('takes a month, else a year, from the Summary sentence', () => {
    expect(dateFromSummary('… Ring, in July 2020 to gain special access …')).toBe('2020-07');
    expect(dateFromSummary('… Ring, in September 2020 to gain …')).toBe('2020-09');
    expect(dateFromSummary('… Ring, in 2019 to gain special access …')).toBe('2019');
    expect(dateFromSummary('no date here')).toBeUndefined();
  });

  it('merges dates to the earlier one, or the more precise when one refines the other', () => {
    expect(earlierDate('2019-09-23', '2019-04-29')).toBe('2019-04-29');
    expect(earlierDate('2019-05', '2019-05-23')).toBe('2019-05-23');
    expect(earlierDate('2019-05-23', '2019-05')).toBe('2019-05-23');
    expect(earlierDate(null, '2020')).toBe('2020');
  });
});

describe('Atlas export reader', () => {
  it('gives each row its date precision: Link 1 Date (day), Summary month, Summary year', () => {
    const p = parseAtlasExport(
      atlasCsv([
        ringRow({ Agency: 'A Police Department', 'Link 1 Date': '3/22/18' }),
        ringRow({ Agency: 'B Police Department', 'Link 1 Date': '4/13/2020' }),
        ringRow({ Agency: 'C Police Department', 'Link 1 Date': '', Summary: 'The C Police Department signed an agreement with Ring, in July 2020 to gain access.' }),
        ringRow({ Agency: 'D Police Department', 'Link 1 Date': '', Summary: 'The D Police Department signed an agreement with Ring, in 2019 to gain access.' }),
      ]),
    );
    expect(p.rejects).toEqual([]);
    expect(p.rows.map((r) => r.date)).toEqual(['2018-03-22', '2020-04-13', '2020-07', '2019']);
  });

  it('cleans what real exports contain: BOM, direction marks, lower-case cities, county lists, #N/A, a repeated state', () => {
    const p = parseAtlasExport(
      '\uFEFF' +
        atlasCsv([
          ringRow({ Agency: 'Houston Police Department', City: 'Houston', State: 'TX', County: '\u200eMontgomery County, \u200eFort Bend County\u200e, \u200eHarris County\u200e' }),
          ringRow({ Agency: 'Pittsburgh Bureau of Police', City: 'pittsburgh', State: 'PA', County: 'Allegheny County' }),
          ringRow({ Agency: 'Kent Town Police Department', City: 'Kent Lakes', State: 'NY', County: '#N/A' }),
          ringRow({ Agency: 'Cincinnati Police Department, OH', City: 'Cincinnati', State: 'OH', County: 'Hamilton County' }),
          ringRow({ Agency: 'Lowercase Police Department', City: 'lowercase', State: 'wi' }),
        ]),
    );
    expect(p.hadBom).toBe(true);
    expect(p.rejects).toEqual([]);
    const [houston, pgh, kent, cin, lower] = p.agencies;
    expect(houston.counties).toEqual(['Montgomery County', 'Fort Bend County', 'Harris County']);
    expect(pgh.city).toBe('Pittsburgh');
    expect(kent.counties).toEqual([]);
    expect(cin.agency).toBe('Cincinnati Police Department');
    expect(lower.state).toBe('WI');
    expect(lower.city).toBe('Lowercase');
    expect(splitCounties('Kane County; Cook County/DuPage County')).toEqual(['Kane County', 'Cook County', 'DuPage County']);
  });

  it('keeps only Ring/Neighbors rows and combines duplicate agencies, earliest date first', () => {
    const p = parseAtlasExport(
      atlasCsv([
        ringRow({ AOSNUMBER: 'AOS1', Agency: 'Kalamazoo Township Police Department', State: 'MI', 'Link 1 Date': '9/23/19' }),
        ringRow({ AOSNUMBER: 'AOS2', Agency: 'Kalamazoo Twp. Police Dept.', State: 'MI', 'Link 1 Date': '4/29/19' }),
        ringRow({ AOSNUMBER: 'AOS3', Agency: 'Some Police Department', Technology: 'Drones' }),
        ringRow({ AOSNUMBER: 'AOS4', Agency: 'Other Police Department', Technology: 'Automated License Plate Readers' }),
        ringRow({ AOSNUMBER: 'AOS5', Agency: 'Kalamazoo Township Police Department', State: 'WI' }),
      ]),
    );
    expect(p.counts).toEqual({ rowsRead: 5, nonRingSkipped: 2, ringKept: 3, rejected: 0, distinctAgencies: 2, duplicateRowsCombined: 1 });
    const mi = p.agencies.find((a) => a.state === 'MI')!;
    expect(mi.date).toBe('2019-04-29');
    expect(mi.aosIds).toEqual(['AOS1', 'AOS2']);
    expect(mi.dates).toEqual(['2019-09-23', '2019-04-29']);
  });

  it('rejects bad rows with their line and reason, and counts them', () => {
    const p = parseAtlasExport(
      atlasCsv([
        ringRow({ Agency: 'Good Police Department' }),
        ringRow({ Agency: '' }),
        ringRow({ Agency: 'Nowhere Police Department', State: 'ZZ' }),
        ringRow({ Agency: 'Leap Police Department', 'Link 1 Date': '2/30/19' }),
        ringRow({ Agency: 'Link Police Department', 'Link 2': 'javascript:alert(1)' }),
        ringRow({ Agency: 'Later Police Department', 'Link 1 Date': 'next week' }),
      ]),
    );
    expect(p.rejects).toEqual([
      { line: 3, reason: 'missing agency name' },
      { line: 4, reason: 'unknown state "ZZ"' },
      { line: 5, reason: expect.stringContaining('impossible date "2/30/19"') },
      { line: 6, reason: 'Link 2 is not an http(s) URL' },
      { line: 7, reason: expect.stringContaining('unparseable date "next week"') },
    ]);
    expect(p.counts.rowsRead).toBe(p.counts.nonRingSkipped + p.counts.ringKept + p.counts.rejected);
  });

  it('maps Type of LEA and classifies the links', () => {
    const p = parseAtlasExport(
      atlasCsv([
        ringRow({ Agency: 'Polk County Sheriff\u2019s Office', State: 'FL', 'Type of LEA': 'Sheriff', 'Link 2': 'https://www.documentcloud.org/public/search/projectid:46039-Polk-County-FL-Ring', 'Link 2 Source': 'Shreyas Gandlur', 'Link 2 Date': '4/17/18' }),
        ringRow({ Agency: 'Fort Bend County Constable\u2019s Office Precinct 4', State: 'TX', 'Type of LEA': 'Constables', 'Link 2': 'https://www.documentcloud.org/documents/6359498-Clackamas-County-OR-Ring-MOU.html' }),
      ]),
    );
    const [polk, constable] = p.agencies;
    expect([polk.agencyType, polk.jurisdiction]).toEqual(['sheriff', 'county']);
    expect(constable.agencyType).toBe('other');
    expect(polk.links.map((l) => [l.type, l.date])).toEqual([['map', '2018-03-22'], ['records', '2018-04-17']]);
    expect(constable.links[1].type).toBe('mou');
  });

  it('refuses a file that is not an Atlas export', () => {
    expect(() => parseAtlasExport('name,state\nx,WI\n')).toThrow(/missing column/);
  });

  it('tells the export date from the Atlas file name or its folder', () => {
    expect(exportDateFromPath('exports/Atlas_of_Surveillance-20201007.csv')).toBe('2020-10-07');
    expect(exportDateFromPath('sources/aos-2020-10-07-as130/ring_neighbors_rows_only.csv')).toBe('2020-10-07');
    expect(exportDateFromPath('exports/atlas.csv')).toBeUndefined();
  });
});

describe('merging an export into the tables', () => {
  const csv = atlasCsv([
    ringRow({ AOSNUMBER: 'AOS1' }),
    ringRow({ AOSNUMBER: 'AOS2', Agency: 'Ocean City Police Department', City: 'Ocean City', County: 'Cape May County', State: 'NJ', 'Link 2': 'https://www.documentcloud.org/public/search/projectid:1-Ocean-City-NJ-Ring', 'Link 2 Source': 'Shreyas Gandlur' }),
    ringRow({ AOSNUMBER: 'AOS3', Agency: 'Ocean Township Police Department', City: 'Oakhurst', County: 'Monmouth County', State: 'NJ' }),
  ]);

  it('adds agencies, a Neighbors-portal program each, and credits the Atlas and the cited links', () => {
    const r = merge(emptyTables(), csv);
    expect(r.added).toEqual(['greenfield-police-department-wi', 'ocean-city-police-department-nj', 'ocean-township-police-department-nj']);
    const p = r.tables.programs.find((x) => x.agency_id === 'greenfield-police-department-wi')!;
    expect(p).toMatchObject({ kind: 'neighbors_portal', start_date: '2018-03-22', start_kind: 'began', source_ids: 'atlas-2020-10-07; ring-active-agency-map' });
    // Each new program says what its date is, in its fields and in words that agree (as the build's data requires).
    expect(dateFieldProblems(r.tables.programs)).toEqual([]);
    const atlas = r.tables.sources.find((s) => s.id === 'atlas-2020-10-07')!;
    expect(atlas).toMatchObject({ type: 'dataset', url: 'https://atlasofsurveillance.org/', publisher: 'Electronic Frontier Foundation, Atlas of Surveillance', date: '2020-10-07' });
    const dc = r.tables.sources.find((s) => s.type === 'records')!;
    expect(dc).toMatchObject({ publisher: 'Shreyas Gandlur', title: 'DocumentCloud project: Ocean City NJ Ring' });
  });

  it('is idempotent: merging the same export again changes nothing', () => {
    const once = merge(emptyTables(), csv).tables;
    const twice = merge(once, csv);
    expect(twice.tables).toEqual(once);
    expect(twice.added).toEqual([]);
    expect(twice.merged.map((m) => m.how)).toEqual(['atlas-id', 'atlas-id', 'atlas-id']);
  });

  it('never overwrites what came from elsewhere', () => {
    const tables = emptyTables();
    tables.agencies.push(agency({ id: 'greenfield-pd-wi', name: 'Greenfield Police Dept.', city: 'Greenfield', county: 'Milwaukee County', note: 'curated' }));
    tables.programs.push(program({ id: 'greenfield-pd-wi--neighbors-portal', agency_id: 'greenfield-pd-wi', start_date: '2018-03', summary: 'Curated words.', source_ids: 'news-1' }));
    tables.programs.push(program({ id: 'greenfield-pd-wi--perks', agency_id: 'greenfield-pd-wi', kind: 'device_donation', devices_given: '5', source_ids: 'news-1' }));
    tables.sources.push(source({ id: 'news-1', publisher: 'Curated Outlet' }));
    tables.sources.push(source({ id: 'atlas-2020-10-07', publisher: 'Kept as edited', type: 'dataset' }));
    const r = merge(tables, csv);
    const a = r.tables.agencies.find((x) => x.id === 'greenfield-pd-wi')!;
    expect(a).toMatchObject({ name: 'Greenfield Police Dept.', note: 'curated', atlas_ids: 'AOS1' });
    expect(r.merged[0]).toMatchObject({ id: 'greenfield-pd-wi', how: 'exact' });
    const portal = r.tables.programs.find((x) => x.id === 'greenfield-pd-wi--neighbors-portal')!;
    expect(portal).toMatchObject({ start_date: '2018-03-22', summary: 'Curated words.', source_ids: 'news-1; atlas-2020-10-07; ring-active-agency-map' });
    expect(r.tables.programs.find((x) => x.id === 'greenfield-pd-wi--perks')!.devices_given).toBe('5');
    expect(r.tables.sources.find((s) => s.id === 'atlas-2020-10-07')!.publisher).toBe('Kept as edited');
    expect(r.tables.sources.find((s) => s.id === 'news-1')!.publisher).toBe('Curated Outlet');
  });

  it('keeps same-name agencies of different states, and Ocean City apart from Ocean Township', () => {
    const r = merge(emptyTables(), atlasCsv([
      ringRow({ AOSNUMBER: 'A1', Agency: 'Addison Police Department', State: 'IL', City: 'Addison', County: 'DuPage County' }),
      ringRow({ AOSNUMBER: 'A2', Agency: 'Addison Police Department', State: 'TX', City: 'Addison', County: 'Dallas County' }),
    ]));
    expect(r.added).toEqual(['addison-police-department-il', 'addison-police-department-tx']);
    expect(merge(emptyTables(), csv).tables.agencies).toHaveLength(3);
  });

  it('matches a renamed agency by its Atlas id on the next import', () => {
    const first = merge(emptyTables(), csv).tables;
    const wall = first.agencies.find((a) => a.id === 'greenfield-police-department-wi')!;
    wall.name = 'City of Greenfield Police';
    const again = merge(first, csv);
    expect(again.added).toEqual([]);
    expect(again.tables.agencies.filter((a) => a.atlas_ids.includes('AOS1'))).toHaveLength(1);
  });
});

describe('npm run import:atlas', () => {
  it('prints its counts and rewrites the tables identically on a second run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
    writeFileSync(join(dir, 'agencies.csv'), stringifyCsv(AGENCY_COLUMNS, []));
    writeFileSync(join(dir, 'programs.csv'), stringifyCsv(PROGRAM_COLUMNS, []));
    writeFileSync(join(dir, 'sources.csv'), stringifyCsv(SOURCE_COLUMNS, []));
    writeFileSync(join(dir, 'geocode_overrides.csv'), stringifyCsv(OVERRIDE_COLUMNS, []));
    const exp = join(dir, 'Atlas_of_Surveillance-20201007.csv');
    writeFileSync(exp, atlasCsv([ringRow({ AOSNUMBER: 'AOS1' }), ringRow({ AOSNUMBER: 'AOS2', Technology: 'Drones' }), ringRow({ AOSNUMBER: 'AOS3', Agency: 'Greenfield Police Department', 'Link 1 Date': '5/1/2019' })]));
    const run = () => execFileSync('npx', ['tsx', 'pipeline/import-atlas.ts', exp, '--data', dir], { encoding: 'utf8' });
    const out = run();
    expect(out).toMatch(/rows read:\s+3/);
    expect(out).toMatch(/non-Ring rows skipped:\s+1/);
    expect(out).toMatch(/Ring rows kept:\s+2/);
    expect(out).toMatch(/distinct agencies:\s+1/);
    expect(out).toMatch(/rejected:\s+0/);
    const snapshot = ['agencies.csv', 'programs.csv', 'sources.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(snapshot[0]).toContain('greenfield-police-department-wi,Greenfield Police Department,police,municipal,Greenfield,Milwaukee County,,WI,AOS1; AOS3,');
    expect(run()).toMatch(/merged into existing:\s+1/);
    expect(['agencies.csv', 'programs.csv', 'sources.csv'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(snapshot);
  });
});

describe('Atlas corrections (atlas_corrections.csv)', () => {
  const rows = () =>
    atlasCsv([
      ringRow({ AOSNUMBER: 'AOS1', Agency: 'Madison Police Department', City: 'Madison', 'Link 1 Date': '12/5/19' }),
      ringRow({ AOSNUMBER: 'AOS2', Agency: 'Madison Police Department', City: 'Madison', 'Link 1 Date': '5/7/20' }),
    ]);
  const fix = { line: 2, aos: 'AOS2', column: 'Agency' as const, atlasValue: 'Madison Police Department', correctedValue: 'Town of Madison Police Department' };

  it('without a correction, two rows of one name are one agency', () => {
    expect(parseAtlasExport(rows()).agencies.map((a) => a.aosIds)).toEqual([['AOS1', 'AOS2']]);
  });

  it('a corrected row becomes its own agency, never combined by name with the other ("Town of Madison" is not "Madison")', () => {
    const p = parseAtlasExport(rows(), { corrections: [fix] });
    expect(p.rejects).toEqual([]);
    expect(p.agencies.map((a) => [a.agency, a.aosIds, a.date])).toEqual([
      ['Madison Police Department', ['AOS1'], '2019-12-05'],
      ['Town of Madison Police Department', ['AOS2'], '2020-05-07'],
    ]);
    expect(p.unusedCorrections).toEqual([]);
  });

  it('a correction the export no longer matches rejects the row with both lines, instead of renaming the wrong agency', () => {
    const p = parseAtlasExport(rows(), { corrections: [{ ...fix, atlasValue: 'Madison Police Dept.' }] });
    expect(p.rejects).toEqual([{ line: 3, reason: expect.stringMatching(/atlas_corrections\.csv line 2 .*AOS2.*"Madison Police Department"/) }]);
  });

  it('a correction whose row is not in the export is listed, not applied', () => {
    const p = parseAtlasExport(rows(), { corrections: [{ ...fix, aos: 'AOS9' }] });
    expect(p.unusedCorrections.map((c) => c.aos)).toEqual(['AOS9']);
    expect(p.agencies).toHaveLength(1);
  });
});
