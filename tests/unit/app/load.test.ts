import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { isValidFeature } from '../../../src/data/load';
import { decodePoints, encodeMapData, MapDataError, CHUNK_SIZE } from '../../../src/data/map-data';
import type { AgencyFeature } from '../../../src/core/contract';
import { agency } from './fixtures';

const encode = (features: AgencyFeature[]) => JSON.parse(JSON.stringify(encodeMapData({ type: 'FeatureCollection', features }).points));

describe('the points file', () => {
  it('round-trips what the map needs, keeping unknown as null', () => {
    const f = agency('a', { lon: -118.24, lat: 34.05, state: 'CA', agency_type: 'sheriff', start_date: '2019-05', county: 'Los Angeles County', city: null, perk_value_usd: 12000, mou_url: 'https://example.org/m', records_urls: ['https://example.org/m'] });
    const { rows, invalid } = decodePoints(encode([f]));
    expect(invalid).toBe(0);
    expect(rows[0]).toMatchObject({ id: 'a', agency_type: 'sheriff', state: 'CA', city: null, county: 'Los Angeles County', lon: -118.24, lat: 34.05, start_date: '2019-05', perk_value_usd: 12000, devices_given: null, subsidy_usd: null, flags: 7, order: 0 });
  });

  it('drops and counts rows that fail a check', () => {
    const j = encode([agency('a'), agency('b'), agency('c'), agency('d'), agency('e'), agency('f'), agency('g')]);
    j.lon[1] = 500;
    j.name[2] = '   ';
    j.start[3] = '2019-02-30';
    j.perk[4] = -5;
    j.id[5] = '<script>';
    j.id[6] = 'a';
    const d = decodePoints(j);
    expect(d.rows.map((r) => r.id)).toEqual(['a']);
    expect(d.invalid).toBe(6);
  });

  it('rejects a file whose columns do not line up, or that is not a points file', () => {
    const j = encode([agency('a'), agency('b')]);
    j.lat.pop();
    expect(() => decodePoints(j)).toThrow(MapDataError);
    expect(() => decodePoints({ type: 'FeatureCollection', features: [] })).toThrow(MapDataError);
    expect(() => decodePoints(null)).toThrow(MapDataError);
  });

  it('splits the full records into chunks in published order', () => {
    const features = Array.from({ length: 5 }, (_, k) => agency(`a${k}`));
    const { chunks, points } = encodeMapData({ type: 'FeatureCollection', features }, 2);
    expect(chunks.map((c) => c.map((f) => f.properties.id))).toEqual([['a0', 'a1'], ['a2', 'a3'], ['a4']]);
    expect(points.chunkSize).toBe(2);
    expect(encodeMapData({ type: 'FeatureCollection', features }).points.chunkSize).toBe(CHUNK_SIZE);
  });
});

describe('checking a full record', () => {
  it('accepts a record with null figures (not documented) and refuses broken ones', () => {
    expect(isValidFeature(agency('a'))).toBe(true);
    const bad = [
      { ...agency('x'), geometry: { type: 'Point', coordinates: [500, 0] } },
      { ...agency('y'), properties: { ...agency('y').properties, name: '   ' } },
      { ...agency('z'), properties: { ...agency('z').properties, start_date: '2019-02-30' } },
      { ...agency('w'), properties: { ...agency('w').properties, perk_value_usd: -5 } },
      { ...agency('v'), properties: { ...agency('v').properties, sources: [] } },
      null,
    ];
    for (const b of bad) expect(isValidFeature(b)).toBe(false);
  });
});

describe('the CSV download', () => {
  it('keeps numbers numeric, guards text against formulas and keeps unknown empty', async () => {
    const { csvRows, toCsv, CSV_COLUMNS } = await import('../../../src/share/download-data');
    const f = agency('a', { lon: -118.24, lat: 34.05, name: '=HYPERLINK("http://x")', perk_value_usd: 12000 });
    const row = csvRows([f])[0];
    const col = (c: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(c)];
    expect(col('longitude')).toBe('-118.24');
    expect(Number(col('longitude'))).toBe(-118.24);
    expect(col('name')).toBe(`'=HYPERLINK("http://x")`);
    expect(col('perk_value_usd')).toBe('12000');
    expect(col('devices_given')).toBe('');
    expect(col('figures_are_minimums')).toBe('false');
    // The partnership's story, in words (partnership-story.test.ts sweeps it over every agency).
    expect(col('summary')).toBe('Listed or reported as a partner; no end documented. Neighbors law-enforcement portal: start date not documented; no end documented.');
    expect(col('sources')).toBe('Example News, 2019-05, https://example.org/a');
    const csv = toCsv([f], { selection: 'matching “,=1+1,=WEBSERVICE(x)”', credit: 'Data: X.' });
    // The header is the first line (RFC 4180, CRLF), after the byte-order mark Excel needs; no comment line.
    expect(csv.split('\r\n')[0]).toBe(`\ufeff${CSV_COLUMNS.join(',')}`);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0].credit_and_coverage).toBe('Data: X.');
    expect(parsed.data[0].selection).toBe('matching “,=1+1,=WEBSERVICE(x)”');
  });
  it('prefixes every text cell a spreadsheet would run', async () => {
    const { spreadsheetCell: safeCell } = await import('../../../src/core/spreadsheet');
    for (const v of ['=1+1', '+1', '-1+2', '@SUM(A1)', ' =1', '\t=1', '＝1']) expect(safeCell(v).startsWith("'")).toBe(true);
    for (const v of ['Lakeland', 'a=b', '']) expect(safeCell(v)).toBe(v);
  });
});
