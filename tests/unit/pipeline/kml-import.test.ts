import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { locator } from '../../../pipeline/import-kml';
import { parseKml, parseKmlDate } from '../../../pipeline/kml/parse';
import { parseXml, XML_LIMITS } from '../../../pipeline/kml/xml';
import { stringifyCsv } from '../../../pipeline/lib/csv';
import { kmlSnapshotId, mergeKml } from '../../../pipeline/merge/kml';
import { AGENCY_COLUMNS, OVERRIDE_COLUMNS, PROGRAM_COLUMNS, SOURCE_COLUMNS, type Tables } from '../../../pipeline/tables/model';
import { SUBMISSION_COLUMNS } from '../../../pipeline/merge/submissions';
import { agency, dateFieldProblems, emptyTables, program, source } from './helpers';

const FIX = 'tests/fixtures/kml';
const fixture = (f: string) => readFileSync(join(FIX, f), 'utf8');
const locate = locator(sharedGeocoder());
const parse = (f: string) => parseKml(fixture(f), locate);

describe('the XML reader', () => {
  it('reads elements, attributes, the five entities, character references and CDATA, with lines', () => {
    const root = parseXml('<?xml version="1.0"?>\n<kml a="x &amp; y">\n  <name>Sheriff&apos;s &#x41;&#66; <![CDATA[<b>raw</b>]]></name>\n  <gx:Track/>\n</kml>');
    expect(root).toMatchObject({ name: 'kml', attrs: { a: 'x & y' }, line: 2 });
    expect(root.children.map((c) => [c.name, c.line])).toEqual([['name', 3], ['Track', 4]]);
    expect(root.children[0].text).toBe("Sheriff's AB <b>raw</b>");
  });

  it('refuses any DTD, so no entity can be declared, expanded or fetched', () => {
    expect(() => parseXml(fixture('entity-expansion.kml'))).toThrow(/line 2: DOCTYPE declarations are not allowed/);
    expect(() => parseXml('<kml>&xxe;</kml>')).toThrow(/unknown entity/);
    expect(() => parseXml('<kml>AT&T</kml>')).toThrow(/bare "&"/);
    expect(() => parseXml('<kml>&#0;</kml>')).toThrow(/not an XML character/);
  });

  it('names the line of mismatched, unclosed and stray tags', () => {
    expect(() => parseXml(fixture('malformed.kml'))).toThrow('line 7: end tag does not match <name> opened on line 5');
    expect(() => parseXml('<kml>\n<Document>\n')).toThrow(/<Document> opened on line 2 is never closed/);
    expect(() => parseXml('<kml></kml>\n</kml>')).toThrow(/line 2: end tag <\/kml> without a start tag/);
    expect(() => parseXml('<kml/><kml/>')).toThrow(/more than one root element/);
    expect(() => parseXml('<kml a="1" a="2"/>')).toThrow(/repeated/);
  });

  it('stops at its depth limit instead of recursing without end', () => {
    const deep = '<a>'.repeat(XML_LIMITS.depth + 2) + '</a>'.repeat(XML_LIMITS.depth + 2);
    expect(() => parseXml(deep)).toThrow(/nested deeper than/);
  });
});

describe('activation dates', () => {
  it.each([
    ['3/22/2018', '2018-03-22'], ['3/22/18', '2018-03-22'], ['2019-05-09', '2019-05-09'], ['2019-05-09T00:00:00Z', '2019-05-09'],
    ['May 29, 2020', '2020-05-29'], ['Sept. 3, 2019', '2019-09-03'], ['29 May 2020', '2020-05-29'], ['May 2020', '2020-05'], ['2020', '2020'],
  ])('reads %s as %s', (raw, want) => expect(parseKmlDate(raw)).toEqual({ ok: true, value: want }));

  it.each([
    ['next Tuesday', /unknown date format/], ['23.05.2019', /unknown date format/], ['2019/05/23', /unknown date format/],
    ['2/30/2019', /impossible date/], ['Febtember 3, 2019', /unknown date format|impossible/], ['2019-13-01', /impossible date/],
  ])('rejects %s', (raw, reason) => expect(parseKmlDate(raw)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) }));
});

describe('reading a Ring Active Agency Map export', () => {
  it('reads every placemark of a good export: names, state and county from the point, dates from fields or the description', () => {
    const p = parse('ring-map-2021-03-01.kml');
    expect(p.title).toBe('Active Agency Map');
    expect(p.counts).toEqual({ placemarksRead: 5, kept: 5, rejected: 0, undated: 1, duplicatesCombined: 0, distinctAgencies: 5 });
    expect(p.agencies.map((a) => [a.name, a.state, a.county, a.agencyType, a.jurisdiction, a.date])).toEqual([
      ['Greenfield Police Department', 'WI', 'Milwaukee County', 'police', 'municipal', '2018-03-22'],
      ['Abilene Police Department', 'TX', 'Taylor County', 'police', 'municipal', '2020-05-29'],
      ["Polk County Sheriff's Office", 'FL', 'Polk County', 'sheriff', 'county', '2018-05-21'],
      ['Addison Police Department', 'IL', 'DuPage County', 'police', 'municipal', '2019-05-09'],
      ['Addison Police Department', 'TX', 'Dallas County', 'police', 'municipal', null],
    ]);
    expect(p.placemarks.map((x) => [x.number, x.line])).toEqual([[1, 9], [2, 24], [3, 31], [4, 40], [5, 47]]);
  });

  it('rejects each hostile or broken placemark with its number, line and reason, and combines a duplicate', () => {
    const p = parse('hostile.kml');
    expect(p.rejects.map((r) => [r.number, r.line, r.reason])).toEqual([
      [2, 13, 'agency name contains markup'],
      [3, 18, 'agency name contains markup'],
      [4, 22, 'contains a javascript: URL'],
      [5, 27, 'contains a javascript: URL'],
      [6, 32, 'no point coordinates'],
      [7, 36, 'coordinates "abc,def" are not "lon,lat[,alt]" numbers'],
      [8, 40, 'coordinates 0,0 lie in no US state'],
      [9, 44, 'coordinates -88.01259,42.9614 lie outside TX'],
      [10, 49, expect.stringContaining('unknown date format "next Tuesday"')],
      [11, 54, expect.stringContaining('unknown date format "23.05.2019"')],
      [12, 59, expect.stringContaining('impossible date "2/30/2019"')],
      [14, 69, 'missing agency name'],
      [15, 73, 'agency name longer than 200 characters'],
    ]);
    expect(p.counts).toEqual({ placemarksRead: 16, kept: 3, rejected: 13, undated: 1, duplicatesCombined: 1, distinctAgencies: 2 });
    expect(p.counts.placemarksRead).toBe(p.counts.kept + p.counts.rejected);
    const greenfield = p.agencies.find((a) => a.state === 'WI')!;
    expect(greenfield.placemarks.map((x) => x.number)).toEqual([1, 13]);
    // The direction-override character is removed, not published.
    expect(p.agencies.find((a) => a.state === 'FL')!.name).toBe("Polk County Sheriff's Office");
    expect(JSON.stringify(p.agencies)).not.toMatch(/javascript|<script|onerror/i);
  });

  it('flags script and data URLs in links, but not words that merely look like a scheme', () => {
    const pm = (extra: string) => `<kml><Document><Placemark><name>Greenfield Police Department</name>${extra}<Point><coordinates>-88.01259,42.9614</coordinates></Point></Placemark></Document></kml>`;
    const one = (extra: string) => parseKml(pm(extra), locate);
    expect(one('<description><![CDATA[<img src="data:text/html;base64,PHNjcmlwdD4=">]]></description>').rejects[0].reason).toBe('contains a data: URL');
    expect(one('<ExtendedData><Data name="Link"><value>vbscript:msgbox(1)</value></Data></ExtendedData>').rejects[0].reason).toBe('contains a vbscript: URL');
    expect(one('<ExtendedData><Data name="Notes"><value>Data: from the agency</value></Data></ExtendedData>').counts.kept).toBe(1);
    expect(one('<description>Activated: May 2019</description>').agencies[0].date).toBe('2019-05');
  });

  it('refuses files that are not readable KML, naming the line', () => {
    expect(() => parse('malformed.kml')).toThrow(/not readable XML: line 7/);
    expect(() => parse('entity-expansion.kml')).toThrow(/DOCTYPE/);
    expect(() => parse('not-kml.gpx')).toThrow(/not a KML file: the root element is <gpx>/);
  });
});

function curatedTables(): Tables {
  const t = emptyTables();
  t.agencies.push(agency({ id: 'greenfield-pd-wi', name: 'Greenfield Police Department', city: 'Greenfield', county: 'Milwaukee County', note: 'curated', atlas_ids: 'AOS3711' }, 2));
  t.agencies.push(agency({ id: 'abilene-police-department-tx', name: 'Abilene Police Department', city: 'Abilene', county: 'Taylor County', state: 'TX' }, 3));
  t.programs.push(program({ id: 'greenfield-pd-wi--neighbors-portal', agency_id: 'greenfield-pd-wi', start_date: '2018-03', summary: 'Curated words.', source_ids: 'news-1' }, 2));
  t.programs.push(program({ id: 'greenfield-pd-wi--perks', agency_id: 'greenfield-pd-wi', kind: 'device_donation', devices_given: '5', summary: 'Five doorbells given.', source_ids: 'news-1' }, 3));
  t.programs.push(program({ id: 'abilene-police-department-tx--neighbors-portal', agency_id: 'abilene-police-department-tx', start_date: '2020-06-01', summary: 'Reported.', source_ids: 'news-2' }, 4));
  t.sources.push(source({ id: 'news-1', publisher: 'Curated Outlet', url: 'https://example.org/greenfield' }, 2));
  t.sources.push(source({ id: 'news-2', publisher: 'Another Outlet', url: 'https://example.org/abilene' }, 3));
  return t;
}

describe('merging an export into the tables', () => {
  const agencies = parse('ring-map-2021-03-01.kml').agencies;
  const merge = (t: Tables) => mergeKml(t, agencies, { exportDate: '2021-03-01', geocoder: sharedGeocoder() });

  it('adds new agencies with a Neighbors-portal program citing the dated map snapshot', () => {
    const r = merge(emptyTables());
    expect(r.added.map((a) => a.id)).toEqual([
      'greenfield-police-department-wi', 'abilene-police-department-tx', 'polk-county-sheriffs-office-fl', 'addison-police-department-il', 'addison-police-department-tx',
    ]);
    expect(r.tables.sources).toEqual([expect.objectContaining({ id: kmlSnapshotId('2021-03-01'), type: 'map', publisher: 'Ring', date: '2021-03-01' })]);
    const undated = r.tables.programs.find((p) => p.agency_id === 'addison-police-department-tx')!;
    expect(undated).toMatchObject({ kind: 'neighbors_portal', start_date: '', start_kind: '', source_ids: 'ring-active-agency-map-2021-03-01' });
    expect(undated.summary).toContain('on or before 2021-03-01');
    expect(r.tables.programs.find((p) => p.agency_id === 'polk-county-sheriffs-office-fl')).toMatchObject({ start_date: '2018-05-21', start_kind: 'began' });
    expect(dateFieldProblems(r.tables.programs)).toEqual([]);
  });

  it('keeps what other sources gave: names, notes, programs, sources; refines a month to the day; keeps a conflicting date', () => {
    const before = curatedTables();
    const r = merge(before);
    const g = r.tables.agencies.find((a) => a.id === 'greenfield-pd-wi')!;
    expect(g).toMatchObject({ name: 'Greenfield Police Department', note: 'curated', atlas_ids: 'AOS3711' });
    expect(r.merged.map((m) => [m.id, m.how])).toEqual([['greenfield-pd-wi', 'exact'], ['abilene-police-department-tx', 'exact']]);
    expect(r.tables.programs.find((p) => p.id === 'greenfield-pd-wi--neighbors-portal')).toMatchObject({
      start_date: '2018-03-22', summary: 'Curated words.', source_ids: 'news-1; ring-active-agency-map-2021-03-01',
    });
    expect(r.tables.programs.find((p) => p.id === 'greenfield-pd-wi--perks')).toMatchObject({ devices_given: '5', source_ids: 'news-1' });
    expect(r.tables.programs.find((p) => p.id === 'abilene-police-department-tx--neighbors-portal')!.start_date).toBe('2020-06-01');
    expect(r.dateConflicts).toEqual([{ id: 'abilene-police-department-tx', kept: '2020-06-01', map: '2020-05-29' }]);
    for (const s of before.sources) expect(r.tables.sources).toContainEqual(s);
    expect(before).toEqual(curatedTables()); // the input tables are not touched
  });

  it('is idempotent: merging the same export again changes nothing', () => {
    const once = merge(curatedTables()).tables;
    const twice = merge(once);
    expect(twice.tables).toEqual(once);
    expect(twice.added).toEqual([]);
  });
});

function tablesDir(t: Tables): string {
  const dir = mkdtempSync(join(tmpdir(), 'kml-'));
  const strip = <T extends { line?: number }>(rows: T[]) => rows.map(({ line: _, ...r }) => r);
  writeFileSync(join(dir, 'agencies.csv'), stringifyCsv(AGENCY_COLUMNS, strip(t.agencies)));
  writeFileSync(join(dir, 'programs.csv'), stringifyCsv(PROGRAM_COLUMNS, strip(t.programs)));
  writeFileSync(join(dir, 'sources.csv'), stringifyCsv(SOURCE_COLUMNS, strip(t.sources)));
  writeFileSync(join(dir, 'geocode_overrides.csv'), stringifyCsv(OVERRIDE_COLUMNS, []));
  return dir;
}
const TABLES = ['agencies.csv', 'programs.csv', 'sources.csv', 'geocode_overrides.csv'];
const snapshot = (dir: string) => TABLES.map((f) => readFileSync(join(dir, f), 'utf8'));
const run = (script: string, args: string[]) => spawnSync('npx', ['tsx', script, ...args], { encoding: 'utf8' });

describe('npm run import:kml', () => {
  it('prints its counts, merges, leaves tables the build accepts, and changes nothing on a second run', () => {
    const dir = tablesDir(curatedTables());
    const kml = join(FIX, 'ring-map-2021-03-01.kml');
    const first = run('pipeline/import-kml.ts', [kml, '--data', dir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/placemarks read:\s+5/);
    expect(first.stdout).toMatch(/kept:\s+5 \(1 without an activation date\)/);
    expect(first.stdout).toMatch(/rejected:\s+0/);
    expect(first.stdout).toMatch(/merged into existing:\s+2/);
    expect(first.stdout).toMatch(/added as new agencies:\s+3/);
    expect(first.stdout).toContain('abilene-police-department-tx: kept 2020-06-01, the map says 2020-05-29');
    const after = snapshot(dir);
    expect(after[0]).toContain('greenfield-pd-wi,Greenfield Police Department,police,municipal,Greenfield,Milwaukee County,,WI,AOS3711,curated');
    expect(after[2]).toContain('news-1,news,https://example.org/greenfield,Curated Outlet');

    const out = join(dir, 'out.geojson');
    const build = run('pipeline/partnerships.geojson.ts', ['--in', dir, '--out', out]);
    expect(build.status).toBe(0);
    const ids = JSON.parse(readFileSync(out, 'utf8')).features.map((f: { id: string }) => f.id);
    expect(ids).toEqual(['abilene-police-department-tx', 'addison-police-department-il', 'addison-police-department-tx', 'greenfield-pd-wi', 'polk-county-sheriffs-office-fl']);

    expect(run('pipeline/import-kml.ts', [kml, '--data', dir]).status).toBe(0);
    expect(snapshot(dir)).toEqual(after);
  }, 180_000);

  it('stops on rejected placemarks, printing file:line, placemark number and reason, and writes nothing; --keep-going imports the rest', () => {
    const dir = tablesDir(curatedTables());
    const before = snapshot(dir);
    const kml = join(FIX, 'hostile.kml');
    const p = run('pipeline/import-kml.ts', [kml, '--data', dir, '--as-of', '2021-03-02']);
    expect(p.status).toBe(1);
    expect(p.stdout).toMatch(/placemarks read:\s+16/);
    expect(p.stdout).toMatch(/rejected:\s+13/);
    expect(p.stdout).toContain('hostile.kml:13: placemark 2 "<script>alert(1)</script> Police Department": agency name contains markup');
    expect(p.stdout).toContain('hostile.kml:22: placemark 4 "Abilene Police Department": contains a javascript: URL');
    expect(p.stdout).toContain('hostile.kml:32: placemark 6 "Addison Police Department": no point coordinates');
    expect(p.stderr).toContain('13 placemark(s) rejected: nothing written');
    expect(snapshot(dir)).toEqual(before);

    const k = run('pipeline/import-kml.ts', [kml, '--data', dir, '--as-of', '2021-03-02', '--keep-going']);
    expect(k.status).toBe(0);
    const after = snapshot(dir);
    expect(after[0]).toContain("polk-county-sheriffs-office-fl,Polk County Sheriff's Office,sheriff,county,,Polk County,,FL");
    expect(after.join('\n')).not.toMatch(/javascript|<script|onerror|Atlantis/i);
  });

  it('refuses an export without a date, and files that are not KML (entity bomb, KMZ), writing nothing', () => {
    const dir = tablesDir(curatedTables());
    const before = snapshot(dir);
    const undated = run('pipeline/import-kml.ts', [join(FIX, 'hostile.kml'), '--data', dir]);
    expect(undated.status).toBe(2);
    expect(undated.stderr).toContain('pass --as-of YYYY-MM-DD');
    const bomb = run('pipeline/import-kml.ts', [join(FIX, 'entity-expansion.kml'), '--data', dir, '--as-of', '2021-03-02']);
    expect(bomb.status).toBe(2);
    expect(bomb.stderr).toMatch(/not readable XML: line 2: DOCTYPE/);
    const kmz = join(dir, 'ring-map-2021-03-01.kmz');
    writeFileSync(kmz, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    const zipped = run('pipeline/import-kml.ts', [kmz, '--data', dir]);
    expect(zipped.status).toBe(2);
    expect(zipped.stderr).toContain('this is a KMZ (zip) file');
    expect(snapshot(dir)).toEqual(before);
  });

  it('succeeds only if the build will: a bad submission already in the folder stops the import', () => {
    const dir = tablesDir(curatedTables());
    mkdirSync(join(dir, 'submissions'));
    const bad = Object.fromEntries(SUBMISSION_COLUMNS.map((c) => [c, ''])) as Record<(typeof SUBMISSION_COLUMNS)[number], string>;
    Object.assign(bad, { source_url: 'https://example.org/x', source_title: '<b>Title</b>', agency_name: 'Waukesha Police Department', agency_type: 'police', city: 'Waukesha', state: 'WI' });
    writeFileSync(join(dir, 'submissions', 'new.csv'), stringifyCsv(SUBMISSION_COLUMNS, [bad]));
    const before = snapshot(dir);
    const p = run('pipeline/import-kml.ts', [join(FIX, 'ring-map-2021-03-01.kml'), '--data', dir]);
    expect(p.status).toBe(1);
    expect(p.stderr).toContain('BUILD REJECT submissions/new.csv:2: title contains markup');
    expect(p.stderr).toContain('nothing written');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'out.geojson'))).toBe(false);
  });
});
