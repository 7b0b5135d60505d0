/**
 * The hostile corpus (tests/fixtures/hostile): every row is either rejected
 * with file, line and reason, or safely normalised; nothing hostile reaches
 * the published features.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasExport } from '../../../pipeline/atlas/parse';
import { buildCollection, serializeCollection } from '../../../pipeline/dataset/features';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { mergeAtlas } from '../../../pipeline/merge/atlas';
import { readTables } from '../../../pipeline/tables/io';
import { CollectionSchema } from '../../../src/core/schema';
import { emptyTables } from './helpers';

const DIR = 'tests/fixtures/hostile';
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\ufeff]/;

describe('hostile Atlas export', () => {
  const p = parseAtlasExport(readFileSync(join(DIR, 'atlas-export.csv'), 'utf8'));

  it('rejects each hostile row with its line and reason', () => {
    expect(p.rejects).toEqual([
      { line: 3, reason: 'agency name contains markup' },
      { line: 4, reason: 'agency name contains markup' },
      { line: 6, reason: 'Link 2 is not an http(s) URL' },
      { line: 7, reason: 'Link 1 is not an http(s) URL' },
      { line: 8, reason: 'agency name longer than 200 characters' },
      { line: 9, reason: 'missing agency name' },
      { line: 10, reason: 'missing agency name' },
      { line: 11, reason: 'Link 1 Date: impossible date "2/30/19"' },
      { line: 12, reason: 'unknown state "ZZ"' },
      { line: 16, reason: 'missing agency name' },
      { line: 17, reason: expect.stringContaining('unterminated quoted field') },
    ]);
    expect(p.counts).toEqual({ rowsRead: 16, nonRingSkipped: 1, ringKept: 4, rejected: 11, distinctAgencies: 3, duplicateRowsCombined: 1 });
    expect(p.hadBom).toBe(true);
  });

  it('normalises the rest: direction marks and overrides removed, lower-case city fixed, duplicate combined', () => {
    const names = p.agencies.map((a) => a.agency);
    expect(names).toEqual(['Testville Police Department', 'Rtl Police Department', 'Summary Police Department']);
    const testville = p.agencies[0];
    expect(testville).toMatchObject({ city: 'Testville', counties: ['Dane County'], date: '2018-03-22', aosIds: ['AOS1', 'AOS14'] });
    expect(p.agencies[2].date).toBe('2020-07');
  });

  it('never carries the Atlas summary (where markup sat) into the tables', () => {
    const merged = mergeAtlas(emptyTables(), p.agencies, { exportDate: '2020-10-07', publishers: new Map(), geocoder: sharedGeocoder() });
    const text = JSON.stringify(merged.tables);
    expect(text).not.toMatch(/<script|steal\(\)|javascript:|data:text/);
    expect(text).not.toMatch(BIDI);
  });
});

describe('hostile source tables', () => {
  const read = readTables(join(DIR, 'tables'));
  const r = buildCollection(read.tables, { geocoder: sharedGeocoder(), readIssues: read.issues, rowsRead: read.rowsRead });

  it('rejects each bad row with file, line and reason', () => {
    const got = r.rejects.map((x) => `${x.file}:${x.line}: ${x.reason}`);
    const want = [
      ['agencies.csv', 3, 'agency name contains markup'],
      ['agencies.csv', 4, 'agency name contains markup'],
      ['agencies.csv', 6, 'agency name is longer than 200 characters'],
      ['agencies.csv', 7, 'missing agency name'],
      ['agencies.csv', 8, 'missing agency name'],
      ['agencies.csv', 9, 'unknown state "XX"'],
      ['agencies.csv', 10, 'duplicate id "ok-police-department-wi"'],
      ['agencies.csv', 11, 'is not a lower-case slug'],
      ['agencies.csv', 12, 'geocode override of "outside-police-department-wi" was rejected'],
      ['agencies.csv', 15, 'cannot geocode "Xyzzyville, WI"'],
      ['agencies.csv', 16, 'has no program'],
      ['geocode_overrides.csv', 2, 'lie outside WI'],
      ['geocode_overrides.csv', 3, 'out of range'],
      ['geocode_overrides.csv', 4, 'lat "NaN" is not a number'],
      ['geocode_overrides.csv', 5, 'unknown agency_id'],
      ['programs.csv', 3, 'start_date "2019-02-30" is not a real'],
      ['programs.csv', 4, 'devices_given "NaN" is not a non-negative number'],
      ['programs.csv', 5, 'perk_value_usd "-5" is not a non-negative number'],
      ['programs.csv', 6, 'summary contains markup'],
      ['programs.csv', 7, 'unknown source id "no-such-source"'],
      ['programs.csv', 8, 'unknown agency_id'],
      ['programs.csv', 9, 'agency_id "markup-police-department-wi" was rejected'],
      ['programs.csv', 10, 'end_date 2018 is before start_date 2019-05'],
      ['programs.csv', 11, 'at_least "yes" is not true or false'],
      ['programs.csv', 13, 'agency "outside-police-department-wi" was rejected'],
      ['programs.csv', 16, 'agency "nowhere-police-department-wi" was rejected'],
      ['programs.csv', 17, 'devices_given "Infinity" is not a non-negative number'],
      ['programs.csv', 18, 'duplicate id'],
      ['programs.csv', 19, 'unknown program kind "teleport"'],
      ['programs.csv', 20, 'summary is longer than 1000 characters'],
      ['programs.csv', 21, 'unterminated quoted field'],
      ['sources.csv', 3, 'url is not an http(s) URL'],
      ['sources.csv', 4, 'url is not an http(s) URL'],
      ['sources.csv', 5, 'title contains markup'],
      ['sources.csv', 7, 'date "2019-13-01" is not a real'],
      ['sources.csv', 8, 'unknown source type "blog"'],
      ['sources.csv', 9, 'duplicate id "good-source"'],
      ['sources.csv', 10, 'not cited by any written program'],
      ['sources.csv', 11, 'url is not an http(s) URL'],
      ['sources.csv', 12, 'url is not an http(s) URL'],
    ] as const;
    expect(got).toHaveLength(want.length);
    want.forEach(([file, line, reason], i) => {
      expect(got[i]).toContain(`${file}:${line}: `);
      expect(got[i]).toContain(reason);
    });
  });

  it('accounts for every row: read = written + rejected', () => {
    expect(r.counts).toEqual({
      'agencies.csv': { read: 15, written: 4, rejected: 11 },
      'programs.csv': { read: 20, written: 4, rejected: 16 },
      'sources.csv': { read: 11, written: 2, rejected: 9 },
      'geocode_overrides.csv': { read: 4, written: 0, rejected: 4 },
    });
  });

  it('publishes only normalised, markup-free text and http(s) links', () => {
    const text = serializeCollection(r.collection);
    expect(text).not.toMatch(/<|javascript:|vbscript:|data:text/);
    expect(text).not.toMatch(BIDI);
    const rtl = r.collection.features.find((f) => f.properties.id === 'rtl-police-department-wi')!;
    expect(rtl.properties.name).toBe('Rtl Police Department');
    expect(rtl.properties.programs[0].summary).toBe('Rtl summary isolated.');
    expect(() => CollectionSchema.parse(r.collection)).not.toThrow();
    expect(r.normalised).toBeGreaterThanOrEqual(3);
  });
});

describe('hostile.geojson (for the browser test)', () => {
  const raw = readFileSync(join(DIR, 'hostile.geojson'), 'utf8');

  it('passes the published schema', () => {
    expect(() => CollectionSchema.parse(JSON.parse(raw))).not.toThrow();
  });

  it('really is hostile: markup, event handlers, RTL overrides, 2,000-character strings, null source URLs', () => {
    const fc = CollectionSchema.parse(JSON.parse(raw));
    const props = fc.features.map((f) => f.properties);
    expect(raw).toContain('<script>');
    expect(raw).toContain('onerror=');
    expect(raw).toMatch(/\u202e/);
    expect(props.some((p) => p.name.length === 2000)).toBe(true);
    expect(props.some((p) => p.programs.some((g) => g.summary.length === 2000))).toBe(true);
    expect(props.some((p) => p.sources.every((s) => s.url === null))).toBe(true);
  });
});
