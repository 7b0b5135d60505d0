/**
 * Nothing wrong is imported or published: the importer and the build stop
 * on inputs that used to corrupt the tables or publish impossible values
 * (tests/fixtures/hostile/integrity), each with file, line and reason, and
 * an import succeeds only if the build will.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasExport } from '../../../pipeline/atlas/parse';
import { buildFromDir } from '../../../pipeline/dataset/run';
import { runImport } from '../../../pipeline/import-atlas';
import { parseCsv } from '../../../pipeline/lib/csv';
import { parseAtlasDate } from '../../../pipeline/lib/dates';
import { decodeUtf8 } from '../../../pipeline/lib/read-text';
import { classifyUrl, titleFromUrl } from '../../../pipeline/lib/sources';
import { PUBLISHED_TABLES, publishedCopy } from '../../../pipeline/publish';
import { TABLE_COLUMNS, readTables } from '../../../pipeline/tables/io';
import { dateProblem, fullYear, isProgramDate } from '../../../src/core/dates';
import { isValidFeature } from '../../../src/data/load';
import { decodePoints, encodeMapData } from '../../../src/data/map-data';
import { CollectionSchema } from '../../../src/core/schema';

const FIX = 'tests/fixtures/hostile/integrity';
const IMPOSSIBLE = ['9999-12-31', '0000', '1850-01-01', '2099-01-01'];

/** A scratch copy of a tables folder. */
function tables(from = `${FIX}/tables`): string {
  const dir = mkdtempSync(join(tmpdir(), 'tables-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}
/** Every file of a tables folder (its submissions/ included), by relative path. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[]).sort().filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

/** Runs the importer in-process, as `npm run import:atlas -- <file> --as-of 2020-10-07 --data <dir> ...flags`. */
function importAtlas(file: string, dir: string, ...flags: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = runImport([`${FIX}/${file}`, '--as-of', '2020-10-07', '--data', dir, ...flags], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, out: lines.join('\n') };
}

describe('5. dates are real and inside the program’s lifetime (2012 to the build date)', () => {
  it('one rule, in the shared contract: impossible dates have a reason, real ones none', () => {
    const today = '2026-11-28';
    for (const d of IMPOSSIBLE) expect(dateProblem(d, today)).not.toBeNull();
    expect(dateProblem('2019-02-30', today)).toContain('not a real');
    expect(dateProblem('1850-01-01', today)).toContain('before 2012');
    expect(dateProblem('2026-12', today)).toContain('after 2026-11-28');
    for (const d of ['2012', '2018-03-22', '2026-11', '2026-11-28']) expect(dateProblem(d, today)).toBeNull();
    expect(isProgramDate('9999-12-31')).toBe(false);
  });

  it('two-digit years resolve to the past', () => {
    expect(fullYear(18, '2026-11-28')).toBe(2018);
    expect(fullYear(26, '2026-11-28')).toBe(2026);
    expect(fullYear(99, '2026-11-28')).toBe(1999);
    expect(parseAtlasDate('3/22/18')).toEqual({ ok: true, value: '2018-03-22' });
    expect(parseAtlasDate('1/1/99')).toEqual({ ok: false, reason: expect.stringContaining('1999-01-01 is before 2012') });
  });

  it('the importer rejects each impossible date with its line, and writes nothing', () => {
    const dir = tables();
    const before = snapshot(dir);
    const { code, out } = importAtlas('atlas-impossible-dates.csv', dir);
    expect(code).toBe(1);
    const name = `${FIX}/atlas-impossible-dates.csv`;
    expect(out).toContain(`${name}:3: Link 1 Date: impossible date "12/31/9999": 9999-12-31 is after`);
    expect(out).toContain(`${name}:4: Link 1 Date: impossible date "0000": 0000 is before 2012`);
    expect(out).toContain(`${name}:5: Link 1 Date: impossible date "1/1/1850": 1850-01-01 is before 2012`);
    expect(out).toContain(`${name}:6: Link 1 Date: impossible date "1/1/2099": 2099-01-01 is after`);
    expect(out).toContain(`${name}:7: Link 1 Date: impossible date "1/1/99": 1999-01-01 is before 2012`);
    expect(out).toContain(`${name}:8: the date in the Summary, 2099, is after`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the build rejects them in the tables, with file, line and reason', () => {
    const r = buildFromDir(`${FIX}/tables-impossible-dates`);
    const got = r.rejects.map((x) => `${x.file}:${x.line}: ${x.reason}`);
    expect(got).toEqual(expect.arrayContaining([
      expect.stringMatching(/^programs\.csv:2: start_date "9999-12-31" is after /),
      expect.stringMatching(/^programs\.csv:3: start_date "0000" is before 2012/),
      expect.stringMatching(/^programs\.csv:4: start_date "1850-01-01" is before 2012/),
      expect.stringMatching(/^programs\.csv:5: end_date "2099-01-01" is after /),
    ]));
    expect(r.collection.features).toEqual([]);
  });

  it('the published schema and the site’s load checks refuse them too', () => {
    const fc = CollectionSchema.parse(JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')));
    const sample = { ...fc, features: fc.features.filter((f) => f.properties.start_date).slice(0, 6) };
    const bad = structuredClone(sample);
    IMPOSSIBLE.forEach((d, k) => (bad.features[k].properties.start_date = d));
    bad.features[4].properties.programs[0].end_date = '2099-01-01';
    expect(CollectionSchema.safeParse(bad).success).toBe(false);
    const decoded = decodePoints(JSON.parse(JSON.stringify(encodeMapData(bad).points)));
    expect(decoded.invalid).toBe(IMPOSSIBLE.length);
    expect(decoded.rows.map((r) => r.id)).toEqual(sample.features.slice(4).map((f) => f.properties.id));
    expect(isValidFeature(bad.features[4])).toBe(false);
    expect(isValidFeature(sample.features[4])).toBe(true);
  });

  it('every date in the committed data lies within the program’s lifetime', () => {
    const fc = CollectionSchema.parse(JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')));
    const dates = fc.features.flatMap((f) => [
      f.properties.start_date, f.properties.end_date,
      ...f.properties.programs.flatMap((p) => [p.start_date, p.end_date, ...p.sources.map((s) => s.date)]),
    ]).filter((d): d is string => d !== null);
    expect(dates.length).toBeGreaterThan(1500);
    expect(dates.filter((d) => !isProgramDate(d))).toEqual([]);
  });
});

describe('6. a duplicate, missing or renamed header stops the import', () => {
  it.each([
    ['atlas-duplicate-header.csv', 'column(s) named more than once: "Agency"'],
    ['atlas-renamed-header.csv', 'missing column(s): "Agency" (unknown column(s) "Agency Name": renamed?)'],
    ['atlas-missing-column.csv', 'missing column(s): "Link 1 Date"'],
  ])('%s', (file, reason) => {
    const dir = tables();
    const before = snapshot(dir);
    const { code, out } = importAtlas(file, dir);
    expect(code).toBe(2);
    expect(out).toContain(`${FIX}/${file}:1: not a usable Atlas of Surveillance export: ${reason}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a table with a column named twice stops the build and the import, once, at line 1', () => {
    const dir = tables();
    const file = join(dir, 'agencies.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(',atlas_ids,note\n', ',atlas_ids,name\n'));
    const before = snapshot(dir);
    expect(buildFromDir(dir).rejects).toEqual([
      { file: 'agencies.csv', line: 1, reason: 'column(s) named more than once: "name"' },
      { file: 'agencies.csv', line: 1, reason: 'missing column(s): "note"' },
    ]);
    const { code, out } = importAtlas('atlas-base.csv', dir);
    expect(code).toBe(1);
    expect(out).toContain('agencies.csv:1: column(s) named more than once: "name"');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('7. columns a volunteer added are kept', () => {
  it('an import keeps the added column and its values, new rows get it empty; it is never published', () => {
    const dir = tables(`${FIX}/tables-added-column`);
    const { code, out } = importAtlas('atlas-build-rejects.csv', dir, '--keep-going');
    expect(code).toBe(0);
    expect(out).toContain('agencies: added column(s) reviewer kept as they are (not published)');
    const a = parseCsv(readFileSync(join(dir, 'agencies.csv'), 'utf8'));
    expect(a.header).toEqual([...TABLE_COLUMNS.agencies, 'reviewer']);
    const reviewer = Object.fromEntries(a.records.map((r) => [r.values.id, r.values.reviewer]));
    expect(reviewer).toEqual({
      'greenfield-police-department-wi': 'A. Volunteer',
      'los-angeles-police-department-ca': 'B. Volunteer',
      'madison-police-department-wi': '',
    });
    const built = buildFromDir(dir);
    expect(built.rejects).toEqual([]);
    expect(built.extraColumns).toEqual({ agencies: ['reviewer'] });
    expect(built.text).not.toContain('Volunteer');
    expect(String(publishedCopy(dir, 'agencies.csv'))).not.toContain('Volunteer');
  });
});

describe('8. an Atlas id that belongs to another agency is rejected', () => {
  it('another name and state under LAPD’s Atlas id: rejected with its line; LAPD keeps its date', () => {
    const dir = tables();
    const before = snapshot(dir);
    const stop = importAtlas('atlas-id-collision.csv', dir);
    expect(stop.code).toBe(1);
    expect(stop.out).toContain(`${FIX}/atlas-id-collision.csv:3: Atlas id AOS3754 belongs to "Los Angeles Police Department" (CA) (agencies.csv line 3), but this row names "Evil Police Department" (WI)`);
    expect(snapshot(dir)).toEqual(before);
    const go = importAtlas('atlas-id-collision.csv', dir, '--keep-going');
    expect(go.code).toBe(0);
    // Nothing from the rejected row reached the tables: the import changed nothing at all.
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'programs.csv'), 'utf8')).toContain('los-angeles-police-department-ca,neighbors_portal,2019-05-23,');
  });

  it('the real export still imports without a change (a corrected state is a listed alias)', { skip: !existsSync('../shared/sources/aos-2020-10-07-as130/ring_neighbors_rows_only.csv') }, () => {
    const dir = tables('data');
    const before = snapshot(dir);
    const lines: string[] = [];
    const code = runImport(['../shared/sources/aos-2020-10-07-as130/ring_neighbors_rows_only.csv', '--data', dir], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/rejected by the build's rules: 0/);
    expect(code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('9. a link with a bare % is read, not a crash', () => {
  it('classifies and imports https://example.com/100%', () => {
    expect(classifyUrl('https://example.com/100%')).toBe('news');
    expect(titleFromUrl('https://www.documentcloud.org/documents/1-100%')).toBe('');
    const dir = tables();
    const { code } = importAtlas('atlas-bad-escape.csv', dir);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'sources.csv'), 'utf8')).toContain('https://example.com/100%');
    expect(buildFromDir(dir).rejects).toEqual([]);
  });

  it('a row that cannot be read at all becomes a reject with its line, never a crash', () => {
    const text = readFileSync(`${FIX}/atlas-bad-escape.csv`, 'utf8').replace('https://example.com/100%', 'https://[::1');
    expect(() => parseAtlasExport(text)).not.toThrow();
  });
});

describe('10. the importer checks with the build’s own rules: import succeeds only if the build will', () => {
  const name = `${FIX}/atlas-build-rejects.csv`;

  it('names each row the build would reject, with its line and reason, and writes nothing', () => {
    const dir = tables();
    const before = snapshot(dir);
    const { code, out } = importAtlas('atlas-build-rejects.csv', dir);
    expect(code).toBe(1);
    expect(out).toContain(`${name}:2: id "-ca" is not a lower-case slug (as a row of agencies.csv)`);
    expect(out).toContain(`${name}:3: id "-wi" is not a lower-case slug (as a row of agencies.csv)`);
    expect(out).toContain(`${name}:4: atlas_ids contains markup (as a row of agencies.csv)`);
    expect(out).toContain(`${name}:5: url is longer than 2048 characters (as a row of sources.csv)`);
    expect(out).toContain(`${name}:6: cannot geocode "Xyzzyville, WI"`);
    expect(out).not.toContain(`${name}:7:`);
    expect(out).not.toContain('now run');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--keep-going leaves those agencies out, and the build then accepts the tables', () => {
    const dir = tables();
    const { code, out } = importAtlas('atlas-build-rejects.csv', dir, '--keep-going');
    expect(code).toBe(0);
    expect(out).toMatch(/agencies left out:\s+5/);
    const r = buildFromDir(dir);
    expect(r.rejects).toEqual([]);
    expect(r.collection.features.map((f) => f.properties.id)).toEqual([
      'greenfield-police-department-wi', 'los-angeles-police-department-ca', 'madison-police-department-wi',
    ]);
  });
});

describe('11. files that are not UTF-8 stop with the file, the line and the fix', () => {
  it('a Windows-1252 export', () => {
    const dir = tables();
    const before = snapshot(dir);
    const { code, out } = importAtlas('atlas-cp1252.csv', dir);
    expect(code).toBe(2);
    expect(out).toContain(`${FIX}/atlas-cp1252.csv:3: not UTF-8 text (byte 0x92)`);
    expect(out).toContain('save it again as UTF-8');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a Latin-1 agencies.csv: the build and the importer name it, once, and read nothing into U+FFFD', () => {
    const r = buildFromDir(`${FIX}/tables-latin1`);
    expect(r.rejects).toEqual([{ file: 'agencies.csv', line: 2, reason: expect.stringContaining('not UTF-8 text (byte 0xF1)') }]);
    const dir = tables(`${FIX}/tables-latin1`);
    const { code, out } = importAtlas('atlas-base.csv', dir);
    expect(code).toBe(1);
    expect(out).toContain('agencies.csv:2: not UTF-8 text (byte 0xF1)');
    expect(out).not.toContain('\uFFFD');
  });

  it('UTF-16 is named as such', () => {
    expect(() => decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toThrow(/UTF-16/);
  });
});

describe('12. a missing table column is reported once, as the cause', () => {
  it('programs.csv without agency_id: one reject, not thousands', () => {
    const r = buildFromDir(`${FIX}/tables-missing-column`);
    expect(r.rejects).toEqual([{ file: 'programs.csv', line: 1, reason: 'missing column(s): "agency_id"' }]);
    expect(readTables(`${FIX}/tables-missing-column`).issues).toHaveLength(1);
  });

  it('npm run data prints the cause alone and writes nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'out-')), 'x.geojson');
    const p = spawnSync('npx', ['tsx', 'pipeline/partnerships.geojson.ts', '--in', `${FIX}/tables-missing-column`, '--out', out], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    const errors = p.stderr.trim().split('\n');
    expect(errors[0]).toMatch(/tables-missing-column\/programs\.csv:1: missing column\(s\): "agency_id"$/);
    expect(errors).toHaveLength(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('13. only what the data dictionary lists is published', () => {
  /** The README's source-tables dictionary: file → [column, not published?][]. */
  function dictionary(): Map<string, [string, boolean][]> {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Source tables'), readme.indexOf('### Sources and licence'));
    const out = new Map<string, [string, boolean][]>();
    for (const line of section.split('\n')) {
      const m = /^\| `([\w.-]+\.csv)` \|[^|]*\| (.*) \|$/.exec(line);
      // A table the dictionary says is not published at all (the research log) stays out of the site.
      if (!m || /Not published;/.test(m[2])) continue;
      const cols: [string, boolean][] = [];
      for (const c of m[2].matchAll(/`([a-z_]+)`(?:\s*\(([^)]*)\))?/g)) cols.push([c[1], /not published/.test(c[2] ?? '')]);
      out.set(m[1], cols);
    }
    return out;
  }

  it('the dictionary lists every column of every table, and the site publishes exactly the published ones', () => {
    const dict = dictionary();
    expect([...dict.keys()].sort()).toEqual(Object.keys(PUBLISHED_TABLES).sort());
    const all: Record<string, readonly string[]> = {
      'agencies.csv': TABLE_COLUMNS.agencies, 'programs.csv': TABLE_COLUMNS.programs, 'sources.csv': TABLE_COLUMNS.sources,
      'geocode_overrides.csv': TABLE_COLUMNS.overrides, 'aliases.csv': PUBLISHED_TABLES['aliases.csv'], 'publishers.csv': PUBLISHED_TABLES['publishers.csv'],
      'place_corrections.csv': PUBLISHED_TABLES['place_corrections.csv'], 'eras.csv': PUBLISHED_TABLES['eras.csv'], 'reported-totals.csv': PUBLISHED_TABLES['reported-totals.csv'],
      'atlas_corrections.csv': PUBLISHED_TABLES['atlas_corrections.csv'], 'records-laws.csv': PUBLISHED_TABLES['records-laws.csv'],
      'oversight.csv': PUBLISHED_TABLES['oversight.csv'],
    };
    for (const [file, cols] of dict) {
      expect(cols.map(([c]) => c), file).toEqual([...all[file]]);
      expect(cols.filter(([, hidden]) => !hidden).map(([c]) => c), file).toEqual([...PUBLISHED_TABLES[file]]);
    }
  });

  it('the published agencies.csv carries no curation note, and every row', () => {
    const t = parseCsv(String(publishedCopy('data', 'agencies.csv')));
    expect(t.header).not.toContain('note');
    expect(t.header).toEqual([...PUBLISHED_TABLES['agencies.csv']]);
    expect(t.records.length).toBe(parseCsv(readFileSync('data/agencies.csv', 'utf8')).records.length);
  });
});
