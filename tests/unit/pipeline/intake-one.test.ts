/**
 * Issue 25, one intake for every source: the Atlas, a KML export and a
 * submission giving the same thing meet the same check, in the same order,
 * with the same reason (pipeline/merge/intake.ts). Each case failed before:
 * the Atlas had no county or likely-duplicate check and no change list; no
 * input could keep a look-alike name apart but a submission; the Atlas and
 * KML filled an empty place silently or let a wrong one through; a city was
 * never checked against its county.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasExport } from '../../../pipeline/atlas/parse';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { buildWithSubmissions } from '../../../pipeline/dataset/with-submissions';
import { locator } from '../../../pipeline/import-kml';
import { parseKml } from '../../../pipeline/kml/parse';
import { mergeAtlas } from '../../../pipeline/merge/atlas';
import type { KeepApart } from '../../../pipeline/merge/intake';
import { mergeKml } from '../../../pipeline/merge/kml';
import { mergeSubmissions, SUBMISSION_COLUMNS } from '../../../pipeline/merge/submissions';
import { parseCsv, stringifyCsv } from '../../../pipeline/lib/csv';
import { readTables } from '../../../pipeline/tables/io';
import { readAliases, readPlaceCorrections } from '../../../pipeline/tables/lookups';
import type { AgencyCollection } from '../../../src/core/contract';
import { atlasCsv, ringRow } from './helpers';

const geocoder = sharedGeocoder();
const locate = locator(geocoder);
const committed = readTables('data');
const aliases = readAliases('data');
const corrected = readPlaceCorrections('data');
const collection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
const pointOf = (id: string) => collection.features.find((f) => f.properties.id === id)!.geometry.coordinates;

/** What one input says about one agency, whichever importer reads it. */
interface Given { name: string; type: 'police' | 'sheriff'; city: string; county: string; state: string; aos?: string; at: string }

function viaAtlas(g: Given, keepApart: KeepApart[] = []) {
  const csv = atlasCsv([ringRow({
    AOSNUMBER: g.aos ?? 'AOS99901', Agency: g.name, City: g.city, County: g.county, State: g.state,
    'Type of LEA': g.type === 'sheriff' ? 'Sheriff' : 'Police', 'Type of Juris': g.type === 'sheriff' ? 'County' : 'Municipal',
  })]);
  const m = mergeAtlas(committed.tables, parseAtlasExport(csv).agencies, {
    exportDate: '2020-10-07', publishers: new Map(), aliases, keepApart, corrected, geocoder, exportFile: 'atlas.csv',
  });
  return { reasons: m.rejects.map((r) => r.reason), changes: m.changes, added: m.added, tables: m.tables };
}

function viaKml(g: Given, keepApart: KeepApart[] = []) {
  const [lon, lat] = pointOf(g.at);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Ring Active Agency Map</name><Folder><name>Active Agencies</name>
<Placemark><name>${g.name.replace(/&/g, '&amp;')}</name><ExtendedData><Data name="Active Date"><value>5/1/2019</value></Data>
<Data name="City"><value>${g.city}</value></Data><Data name="State"><value>${g.state}</value></Data></ExtendedData>
<Point><coordinates>${lon},${lat},0</coordinates></Point></Placemark></Folder></Document></kml>`;
  const p = parseKml(xml, locate);
  expect(p.rejects).toEqual([]);
  const m = mergeKml(committed.tables, p.agencies, { exportDate: '2021-03-01', aliases, keepApart, corrected, geocoder });
  return { reasons: m.rejects.map((r) => r.reason), changes: m.changes, added: m.added.map((a) => a.id), tables: m.tables };
}

function viaSubmission(g: Given, keepApart: KeepApart[] = [], change = '') {
  const cells: Record<string, string> = {
    source_url: `https://news.example.org/${encodeURIComponent(g.name)}`, source_title: 'Police and Ring',
    agency_name: g.name, agency_type: g.type, city: g.city, county: g.county, state: g.state, change,
  };
  const csv = parseCsv(stringifyCsv(SUBMISSION_COLUMNS, [Object.fromEntries(SUBMISSION_COLUMNS.map((c) => [c, cells[c] ?? ''])) as Record<string, string>]));
  const m = mergeSubmissions(committed.tables, [{ file: 'submissions/t.csv', csv }], { geocoder, publishers: new Map(), aliases, keepApart, corrected });
  return { reasons: m.rejects.map((r) => r.reason), changes: m.changes, added: m.tables.agencies.filter((a) => !committed.tables.agencies.some((b) => b.id === a.id)).map((a) => a.id), tables: m.tables };
}

const importers = [['the Atlas', viaAtlas], ['a KML export', viaKml], ['a submission', viaSubmission]] as const;

const morris: Given = { name: 'Washington Township Police Department', type: 'police', city: 'Long Valley', county: 'Morris County', state: 'NJ', at: 'washington-township-police-department-nj' };
// Long Valley (Washington Township, Morris County): the KML point must lie there, not at the Gloucester County agency.
const morrisPoint = { ...morris, at: '' };
const laPd: Given = { name: 'L.A. Police Department', type: 'police', city: 'Los Angeles', county: 'Los Angeles County', state: 'CA', at: 'los-angeles-police-department-ca' };

describe('(a) the Atlas, like the others, stops on a name of another county or a likely duplicate', () => {
  it.each(importers)('%s: the same name in another county stops with "did you mean" and names the keep-apart line', (_, via) => {
    const r = via === viaKml ? viaKmlAt(morrisPoint, [-74.7786, 40.7865]) : via(morris);
    expect(r.reasons).toEqual([
      '"washington-township-police-department-nj" has this name but is in Gloucester County, not Morris County: did you mean it? (if so, add "Washington Township Police Department" to aliases.csv; if not, add the line Washington Township Police Department,NJ,washington-township-police-department-nj to keep-apart.csv to keep it apart)',
    ]);
    expect(r.added).toEqual([]);
  });

  it.each(importers)('%s: an abbreviation of LAPD stops with "did you mean"', (_, via) => {
    const r = via(laPd);
    expect(r.reasons).toEqual([
      'did you mean "los-alamitos-police-department-ca" or "los-angeles-police-department-ca" (abbreviation)? (if so, add "L.A. Police Department" to aliases.csv; if not, add the lines L.A. Police Department,CA,los-alamitos-police-department-ca and L.A. Police Department,CA,los-angeles-police-department-ca to keep-apart.csv to keep it apart)',
    ]);
    expect(r.added).toEqual([]);
  });

  it('the Atlas lists every change it makes to an agency already in the tables, with its export line', () => {
    const r = viaAtlas({ name: "Weld County Sheriff's Office", type: 'sheriff', city: 'Greeley', county: 'Weld County', state: 'CO', at: '' });
    expect(r.reasons).toEqual([]);
    expect(r.changes).toContainEqual({ agency: 'weld-county-sheriffs-office-co', field: 'city', from: '', to: 'Greeley', source: 'atlas.csv:2' });
    expect(r.changes).toContainEqual({ agency: 'weld-county-sheriffs-office-co', field: 'atlas_ids', from: '', to: 'AOS99901', source: 'atlas.csv:2' });
    expect(r.changes).toContainEqual({ agency: 'weld-county-sheriffs-office-co', field: 'neighbors_portal source_ids', from: '', to: expect.stringMatching(/^\+ atlas-2020-10-07/), source: 'atlas.csv:2' });
    expect(r.changes.every((c) => c.agency === 'weld-county-sheriffs-office-co' && c.source === 'atlas.csv:2')).toBe(true);
  });
});

/** A KML placemark at a given point (the Morris County Washington Township lies nowhere in the tables). */
function viaKmlAt(g: Given, [lon, lat]: [number, number], keepApart: KeepApart[] = []) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
<Placemark><name>${g.name}</name><ExtendedData><Data name="City"><value>${g.city}</value></Data></ExtendedData>
<Point><coordinates>${lon},${lat},0</coordinates></Point></Placemark></Folder></Document></kml>`;
  const p = parseKml(xml, locate);
  expect(p.rejects).toEqual([]);
  expect(p.agencies[0].county).toBe(g.county);
  const m = mergeKml(committed.tables, p.agencies, { exportDate: '2021-03-01', aliases, keepApart, corrected, geocoder });
  return { reasons: m.rejects.map((r) => r.reason), changes: m.changes, added: m.added.map((a) => a.id), tables: m.tables };
}

describe('(b) the keep-apart line the message names works, for every importer', () => {
  /** Every keep-apart line a stop message names, as keep-apart.csv would hold it. */
  const line = (reason: string): KeepApart[] =>
    [...reason.matchAll(/([^,;(]+),([A-Z]{2}),([a-z0-9-]+)(?= and | to keep-apart\.csv)/g)].map((m) => ({ name: m[1].replace(/^.*?(?:add the lines? |and )/, ''), state: m[2], agencyId: m[3] }));
  it.each(importers)('%s: the Morris County agency is added, apart from the Gloucester County one', (_, via) => {
    const first = via === viaKml ? viaKmlAt(morrisPoint, [-74.7786, 40.7865]) : via(morris);
    const keep = line(first.reasons[0]);
    expect(keep).toHaveLength(1);
    const again = via === viaKml ? viaKmlAt(morrisPoint, [-74.7786, 40.7865], keep) : via(morris, keep);
    expect(again.reasons).toEqual([]);
    expect(again.added).toEqual(['washington-township-police-department-morris-nj']);
    expect(again.changes.filter((c) => c.agency === 'washington-township-police-department-nj')).toEqual([]);
  });

  it.each(importers)('%s: a likely duplicate kept apart becomes its own agency', (_, via) => {
    const first = via(laPd);
    const keep = line(first.reasons[0]);
    expect(keep.map((k) => k.agencyId)).toEqual(['los-alamitos-police-department-ca', 'los-angeles-police-department-ca']);
    // One line is not enough: the name still looks like the other agency.
    expect(via(laPd, keep.slice(0, 1)).reasons).toEqual([expect.stringContaining('did you mean "los-angeles-police-department-ca" (abbreviation)?')]);
    const again = via(laPd, keep);
    expect(again.reasons).toEqual([]);
    expect(again.added).toEqual(['l-a-police-department-ca']);
  });

  it('through the files: npm run data refuses the submission, then accepts it once keep-apart.csv has the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keep-apart-'));
    cpSync('data', dir, { recursive: true });
    const cells: Record<string, string> = {
      source_url: 'https://news.example.org/long-valley', source_title: 'Police and Ring', agency_name: morris.name,
      agency_type: 'police', city: morris.city, county: morris.county, state: 'NJ',
    };
    writeFileSync(join(dir, 'submissions', 'z-test.csv'), stringifyCsv(SUBMISSION_COLUMNS, [Object.fromEntries(SUBMISSION_COLUMNS.map((c) => [c, cells[c] ?? ''])) as Record<string, string>]));
    const build = () => buildWithSubmissions(dir, readTables(dir), { geocoder });
    const refused = build();
    expect(refused.rejects.map((r) => `${r.file}:${r.line}`)).toEqual(['submissions/z-test.csv:2']);
    const [k] = line(refused.rejects[0].reason);
    writeFileSync(join(dir, 'keep-apart.csv'), stringifyCsv(['name', 'state', 'agency_id', 'reason'], [{ name: k.name, state: k.state, agency_id: k.agencyId, reason: 'Washington Township of Morris County has its own police, not the Gloucester County one.' }]));
    const accepted = build();
    expect(accepted.rejects).toEqual([]);
    expect(accepted.collection.features.find((f) => f.properties.id === 'washington-township-police-department-morris-nj')?.properties.county).toBe('Morris County');
  });
});

describe('(c) a place changes only when asked; filling an empty one is a listed change', () => {
  const greenfield: Given = { name: 'Greenfield Police Department', type: 'police', city: 'Milwaukee', county: 'Milwaukee County', state: 'WI', aos: 'AOS3711', at: 'greenfield-police-department-wi' };
  it.each(importers)('%s: another city for Greenfield, WI is refused with the city it has', (_, via) => {
    const r = via(greenfield);
    expect(r.reasons).toEqual(['"greenfield-police-department-wi" has city "Greenfield", not "Milwaukee" (a different place is changed only when the row says so: change = place in a submission)']);
    expect(r.tables.agencies.find((a) => a.id === 'greenfield-police-department-wi')!.city).toBe('Greenfield');
  });

  it('a submission that says change = place changes it, and the change is listed', () => {
    const r = viaSubmission(greenfield, [], 'place');
    expect(r.reasons).toEqual([]);
    expect(r.changes).toContainEqual({ agency: 'greenfield-police-department-wi', field: 'city', from: 'Greenfield', to: 'Milwaukee', source: 'submissions/t.csv:2' });
  });

  it.each(importers)('%s: Greeley fills the Weld County Sheriff’s empty city, listed with its source', (_, via) => {
    const r = via({ name: "Weld County Sheriff's Office", type: 'sheriff', city: 'Greeley', county: 'Weld County', state: 'CO', at: 'weld-county-sheriffs-office-co' });
    expect(r.reasons).toEqual([]);
    expect(r.changes.filter((c) => c.field === 'city')).toEqual([{ agency: 'weld-county-sheriffs-office-co', field: 'city', from: '', to: 'Greeley', source: expect.stringMatching(/^(?:atlas\.csv:2|placemark 1|submissions\/t\.csv:2)$/) }]);
  });

  it('a place the tables already corrected (place_corrections.csv) is not a disagreement: the Atlas gives Bayville, Nassau County', () => {
    const r = viaAtlas({ name: 'Berkeley Township Police Department', type: 'police', city: 'Bayville', county: 'Nassau County', state: 'NJ', aos: 'AOS3882', at: '' });
    expect(r.reasons).toEqual([]);
    expect(r.changes.filter((c) => c.field === 'city' || c.field === 'county')).toEqual([]);
  });
});

describe('(d) a city must lie in its county', () => {
  const weldDenver: Given = { name: "Weld County Sheriff's Office", type: 'sheriff', city: 'Denver', county: 'Weld County', state: 'CO', at: 'weld-county-sheriffs-office-co' };
  it.each(importers)('%s: "Denver" for the Weld County Sheriff is refused, naming both', (_, via) => {
    const r = via(weldDenver);
    expect(r.reasons).toEqual(['city "Denver" is not in Weld County (CO)']);
    expect(r.changes).toEqual([]);
  });

  it.each(importers)('%s: a new agency in Denver said to be in Weld County is refused too', (_, via) => {
    const r = via({ name: 'Example Ridge Police Department', type: 'police', city: 'Denver', county: 'Weld County', state: 'CO', at: 'weld-county-sheriffs-office-co' });
    expect(r.reasons).toEqual(['city "Denver" is not in Weld County (CO)']);
    expect(r.added).toEqual([]);
  });

  it('sweep: every city and county pair of the tables is in its county by the gazetteers, or not known to them (one exception, listed)', () => {
    const no = committed.tables.agencies.filter((a) => a.city && a.county && geocoder.placeInCounty(a.state, a.city, a.county) === 'no').map((a) => a.id);
    // The gazetteers know only another Kent in New York; the Town of Kent is in Putnam County.
    expect(no).toEqual(['kent-town-police-department-ny']);
    expect(committed.tables.agencies.filter((a) => a.city && a.county).length).toBeGreaterThan(1500);
  });
});
