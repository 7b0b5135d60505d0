/**
 * CSV files open right in spreadsheets: a UTF-8 byte-order mark for Excel,
 * read the same by papaparse and the WHATWG decoder; formula-like cells
 * guarded by one rule in the site's downloads and the published tables.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { spreadsheetCell, UTF8_BOM } from '../../../src/core/spreadsheet';
import { CSV_COLUMNS, csvRows, toCsv } from '../../../src/share/download-data';
import { templateCsv, TEMPLATE_COLUMNS } from '../../../src/ui/corrections';
import { publishedCopy } from '../../../pipeline/publish';
import { TABLE_COLUMNS } from '../../../pipeline/tables/io';
import { stringifyCsv } from '../../../pipeline/lib/csv';
import { agency } from '../app/fixtures';

const TRIGGERS = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20'];
const LEADS = ['', ' ', '   ', '\u00a0', '\t', '\r', '\n', '\t ', '\r\n'];
/** Every guarded start: a trigger after any run of spaces, and a bare tab or line break. */
const DANGEROUS = [
  ...LEADS.flatMap((lead) => TRIGGERS.flatMap((t) => ['1+1', 'HYPERLINK("http://x")', 'SUM(A1)', ''].map((tail) => `${lead}${t}${tail}`))),
  '\tcmd', '\rcmd', '\ncmd',
];
/** Text that must stay as written: no formula start, and plain numbers (a spreadsheet reads them as numbers). */
const HARMLESS = [
  'Lakeland', 'a=b', 'x+1', 'e-mail', 'user@example.org', '', ' ', '“quoted”', '’s', '·',
  '-118.24', '34.05', '-1', '0', '12000',
  ...[...Array(95)].map((_, k) => String.fromCharCode(32 + k)).filter((c) => !'=+-@ '.includes(c)).map((c) => `${c}rest`),
];

/** Decodes as Excel would with the mark, and as browsers and Node's TextDecoder do (dropping it). */
const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('spreadsheet cells', () => {
  it(`prefixes every formula-like start (${DANGEROUS.length} cases) and nothing else (${HARMLESS.length} cases)`, () => {
    for (const v of DANGEROUS) expect(spreadsheetCell(v), JSON.stringify(v)).toBe(`'${v}`);
    for (const v of HARMLESS) expect(spreadsheetCell(v), JSON.stringify(v)).toBe(v);
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell(-118.24)).toBe('-118.24');
    expect(spreadsheetCell(false)).toBe('false');
  });
});

describe('the CSV download in spreadsheets and parsers', () => {
  const f = agency('lakeland-police-department-fl', { name: 'Lakeland “Police” Department · Ring’s partner', state: 'FL' });
  const csv = toCsv([f], { selection: 'all agencies', credit: 'Data: EFF · “Atlas”.' });

  it('starts with the UTF-8 byte-order mark, then the header line', () => {
    const bytes = bytesOf(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    // Curly quotes and the middle dot are UTF-8 bytes, which Excel reads as such once it sees the mark.
    expect(Buffer.from(bytes).includes(Buffer.from('“Police”', 'utf8'))).toBe(true);
  });

  it('papaparse with default options: the header is line 1 and its first name is "id", unpolluted', () => {
    const rows = Papa.parse<string[]>(csv).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0][0]).toBe('id');
    expect(rows[1][0]).toBe('lakeland-police-department-fl');
    const keyed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(keyed.errors).toEqual([]);
    expect(keyed.meta.fields?.[0]).toBe('id');
    expect(keyed.data[0].id).toBe('lakeland-police-department-fl');
    expect(keyed.data[0].name).toBe('Lakeland “Police” Department · Ring’s partner');
  });

  it("Node's own decoding (TextDecoder, as Blob.text and fetch) drops the mark: the header is line 1", () => {
    const text = new TextDecoder().decode(bytesOf(csv));
    expect(text.split('\r\n')[0].split(',')[0]).toBe('id');
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('the corrections template starts with the mark too, and reads the same', () => {
    const t = templateCsv();
    expect(t.startsWith(UTF8_BOM)).toBe(true);
    expect(Papa.parse<string[]>(t).data[0]).toEqual([...TEMPLATE_COLUMNS]);
  });
});

describe('the published tables', () => {
  // Every hostile and harmless value as a name, a city, a publisher and a title.
  const values = [...DANGEROUS, ...HARMLESS].filter((v) => v.trim() !== '' && !/^[\r\n]/.test(v));
  const dir = mkdtempSync(join(tmpdir(), 'published-'));
  const empty = (cols: readonly string[]) => Object.fromEntries(cols.map((c) => [c, '']));
  writeFileSync(join(dir, 'agencies.csv'), stringifyCsv<string>(TABLE_COLUMNS.agencies, values.map((v, k) => ({ ...empty(TABLE_COLUMNS.agencies), id: `a-${k}-ks`, name: v, city: v, state: 'KS', agency_type: 'police' }))));
  writeFileSync(join(dir, 'sources.csv'), stringifyCsv<string>(TABLE_COLUMNS.sources, values.map((v, k) => ({ ...empty(TABLE_COLUMNS.sources), id: `s-${k}`, type: 'news', url: 'https://example.org/', publisher: v, title: v }))));

  for (const [file, column, idOf] of [['agencies.csv', 'name', (k: number) => `a-${k}-ks`], ['sources.csv', 'publisher', (k: number) => `s-${k}`]] as const) {
    it(`${file}: starts with the mark and guards each cell exactly as the download does (${values.length} values)`, () => {
      const text = String(publishedCopy(dir, file));
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
      expect(parsed.meta.fields?.[0]).toBe('id');
      const byId = new Map(parsed.data.map((r) => [r.id, r]));
      values.forEach((v, k) => {
        // The same value through the site's download.
        const downloaded = csvRows([agency('x', { name: v })])[0][CSV_COLUMNS.indexOf('name')];
        expect(byId.get(idOf(k))?.[column], JSON.stringify(v)).toBe(downloaded);
      });
    });
  }
});
