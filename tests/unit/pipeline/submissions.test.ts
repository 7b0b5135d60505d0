import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromDir, sharedGeocoder } from '../../../pipeline/dataset/run';
import { parseCsv, stringifyCsv } from '../../../pipeline/lib/csv';
import { mergeSubmissions, submissionDate, SUBMISSION_COLUMNS, type SubmissionFile } from '../../../pipeline/merge/submissions';
import { AGENCY_COLUMNS, OVERRIDE_COLUMNS, PROGRAM_COLUMNS, SOURCE_COLUMNS, type Tables } from '../../../pipeline/tables/model';
import { agency, emptyTables, program, source } from './helpers';

type Cells = Partial<Record<(typeof SUBMISSION_COLUMNS)[number], string>>;
const csvOf = (rows: Cells[]) => stringifyCsv(SUBMISSION_COLUMNS, rows.map((r) => Object.fromEntries(SUBMISSION_COLUMNS.map((c) => [c, r[c] ?? ''])) as Record<(typeof SUBMISSION_COLUMNS)[number], string>));
const fileOf = (name: string, rows: Cells[]): SubmissionFile => ({ file: `submissions/${name}`, csv: parseCsv(csvOf(rows)) });

/** A new agency, documented by a news report. */
const waukesha: Cells = {
  source_url: 'https://news.example.org/waukesha-joins-neighbors', source_title: 'Waukesha police join Neighbors app', source_date: '2021-04-20',
  agency_name: 'Waukesha Police Department', agency_type: 'police', city: 'Waukesha', county: 'Waukesha County', state: 'Wisconsin',
  start_date: '2021-04-01', start_precision: 'month', start_is: 'joined',
};

function curated(): Tables {
  const t = emptyTables();
  t.agencies.push(agency({ id: 'greenfield-pd-wi', name: 'Greenfield Police Department', city: 'Greenfield', county: 'Milwaukee County', note: 'curated' }, 2));
  t.agencies.push(agency({ id: 'abilene-police-department-tx', name: 'Abilene Police Department', city: 'Abilene', county: 'Taylor County', state: 'TX' }, 3));
  t.programs.push(program({ id: 'greenfield-pd-wi--neighbors-portal', agency_id: 'greenfield-pd-wi', start_date: '2018-03', summary: 'Curated words.', source_ids: 'news-1' }, 2));
  t.programs.push(program({ id: 'abilene-police-department-tx--neighbors-portal', agency_id: 'abilene-police-department-tx', start_date: '2020-05-29', summary: 'Reported.', source_ids: 'news-2' }, 3));
  t.sources.push(source({ id: 'news-1', publisher: 'Curated Outlet', url: 'https://example.org/greenfield' }, 2));
  t.sources.push(source({ id: 'news-2', publisher: 'Another Outlet', url: 'https://example.org/abilene' }, 3));
  return t;
}

const geocoder = sharedGeocoder();
const merge = (t: Tables, files: SubmissionFile[]) => mergeSubmissions(t, files, { geocoder, publishers: new Map([['news.example.org', 'Example News']]) });

describe('submission dates and their precision', () => {
  it('cuts a fuller date to its precision (spreadsheets turn a month into its first day)', () => {
    expect(submissionDate('2021-04-01', 'month', 'start_date')).toEqual({ ok: true, value: '2021-04' });
    expect(submissionDate('2021-04-01', 'year', 'start_date')).toEqual({ ok: true, value: '2021' });
    expect(submissionDate('4/20/2021', 'day', 'start_date')).toEqual({ ok: true, value: '2021-04-20' });
    expect(submissionDate('2021-04', '', 'end_date')).toEqual({ ok: true, value: '2021-04' });
  });

  it('rejects a date less precise than its precision, and what is not a date', () => {
    expect(submissionDate('2021', 'month', 'start_date')).toMatchObject({ ok: false, reason: 'start_date "2021" is less precise than start_precision "month"' });
    expect(submissionDate('April 2021', 'month', 'start_date')).toMatchObject({ ok: false, reason: expect.stringContaining('is not a date') });
    expect(submissionDate('2021-02-30', 'day', 'start_date')).toMatchObject({ ok: false });
  });
});

describe('merging submissions', () => {
  it('adds a new agency with its program and source, and a known agency gains the source without losing anything', () => {
    const before = curated();
    const r = merge(before, [fileOf('a.csv', [
      waukesha,
      { source_url: 'https://news.example.org/greenfield-day', source_title: 'Greenfield police on Neighbors since March 22', agency_name: 'Greenfield Police Dept.', agency_type: 'police', state: 'WI', start_date: '2018-03-22', start_precision: 'day', start_is: 'joined' },
      { source_url: 'https://news.example.org/abilene', source_title: 'Abilene joins', agency_name: 'Abilene Police Department', agency_type: 'police', state: 'TX', start_date: '2020-06', start_precision: 'month', start_is: 'on_or_before' },
    ])]);
    expect(r.rejects).toEqual([]);
    expect(r.accepted.map((a) => [a.line, a.agencyId])).toEqual([[2, 'waukesha-police-department-wi'], [3, 'greenfield-pd-wi'], [4, 'abilene-police-department-tx']]);
    const w = r.tables.agencies.find((a) => a.id === 'waukesha-police-department-wi')!;
    expect(w).toMatchObject({ name: 'Waukesha Police Department', agency_type: 'police', jurisdiction: 'municipal', city: 'Waukesha', state: 'WI' });
    const wp = r.tables.programs.find((p) => p.agency_id === 'waukesha-police-department-wi')!;
    expect(wp).toMatchObject({ id: 'waukesha-police-department-wi--neighbors-portal', kind: 'neighbors_portal', start_date: '2021-04' });
    expect(wp.summary).toBe("Joined Ring's Neighbors law-enforcement portal in this month, as the cited source reports.");
    const ws = r.tables.sources.find((s) => s.id === wp.source_ids)!;
    expect(ws).toMatchObject({ type: 'news', url: waukesha.source_url, publisher: 'Example News', title: 'Waukesha police join Neighbors app', date: '2021-04-20' });

    const g = r.tables.programs.find((p) => p.id === 'greenfield-pd-wi--neighbors-portal')!;
    expect(g.start_date).toBe('2018-03-22');
    expect(g.summary).toBe('Curated words.');
    expect(g.source_ids.startsWith('news-1; ')).toBe(true);
    expect(r.tables.agencies.find((a) => a.id === 'greenfield-pd-wi')).toMatchObject({ name: 'Greenfield Police Department', note: 'curated' });
    expect(r.tables.programs.find((p) => p.id === 'abilene-police-department-tx--neighbors-portal')!.start_date).toBe('2020-05-29');
    expect(r.notes).toEqual(['submissions/a.csv:4: "abilene-police-department-tx" keeps its start date 2020-05-29 (the submission says 2020-06; write start in change to change it)']);
    for (const s of before.sources) expect(r.tables.sources).toContainEqual(s);
    expect(before).toEqual(curated());
  });

  it('rejects each bad row with file, line and reason, and keeps nothing of it', () => {
    const r = merge(curated(), [fileOf('b.csv', [
      waukesha,
      waukesha,
      { ...waukesha, source_url: '' },
      { ...waukesha, source_url: 'javascript:alert(1)' },
      { ...waukesha, source_url: 'https://news.example.org/other', source_title: '<img src=x onerror=alert(1)>' },
      { ...waukesha, state: 'Atlantis' },
      { ...waukesha, agency_type: 'constabulary' },
      { ...waukesha, start_date: '2021', start_precision: 'month' },
      { ...waukesha, start_is: '' },
      { ...waukesha, agency_name: 'Nowhereville Police Department', city: 'Nowhereville', county: '', source_url: 'https://news.example.org/n' },
      { ...waukesha, kind: 'device_donation', source_url: 'https://news.example.org/d' },
      { ...waukesha, agency_name: 'Brookfield <script>alert(1)</script> Police', source_url: 'https://news.example.org/b' },
    ])]);
    expect(r.rejects).toEqual([
      { file: 'submissions/b.csv', line: 3, reason: 'repeats submissions/b.csv:2 (same agency, kind and source)' },
      { file: 'submissions/b.csv', line: 4, reason: 'missing source_url' },
      { file: 'submissions/b.csv', line: 5, reason: 'source_url is not an http(s) URL' },
      { file: 'submissions/b.csv', line: 6, reason: 'title contains markup' },
      { file: 'submissions/b.csv', line: 7, reason: 'unknown state "Atlantis"' },
      { file: 'submissions/b.csv', line: 8, reason: expect.stringContaining('unknown agency_type "constabulary"') },
      { file: 'submissions/b.csv', line: 9, reason: 'start_date "2021" is less precise than start_precision "month"' },
      { file: 'submissions/b.csv', line: 10, reason: 'start_is is required with a start_date (joined or on_or_before)' },
      { file: 'submissions/b.csv', line: 11, reason: expect.stringContaining('cannot geocode "Nowhereville, WI"') },
      { file: 'submissions/b.csv', line: 12, reason: expect.stringContaining('summary is required for kind "device_donation"') },
      { file: 'submissions/b.csv', line: 13, reason: 'agency name contains markup' },
    ]);
    expect(r.accepted.map((a) => a.line)).toEqual([2]);
    expect(r.tables.agencies.map((a) => a.id).sort()).toEqual(['abilene-police-department-tx', 'greenfield-pd-wi', 'waukesha-police-department-wi']);
    expect(JSON.stringify(r.tables)).not.toMatch(/javascript|onerror|<script|Nowhereville/);
  });

  it('refuses a file without the template columns, every row named', () => {
    const r = merge(curated(), [{ file: 'submissions/c.csv', csv: parseCsv('agency,state\nWaukesha Police Department,WI\n') }]);
    expect(r.rejects).toEqual([
      { file: 'submissions/c.csv', line: 1, reason: expect.stringContaining('missing column(s): "source_url"') },
      { file: 'submissions/c.csv', line: 2, reason: 'the file lacks required columns' },
    ]);
  });
});

function tablesDir(t: Tables, submissions: Record<string, Cells[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'subs-'));
  const strip = <T extends { line?: number }>(rows: T[]) => rows.map(({ line: _, ...r }) => r);
  writeFileSync(join(dir, 'agencies.csv'), stringifyCsv(AGENCY_COLUMNS, strip(t.agencies)));
  writeFileSync(join(dir, 'programs.csv'), stringifyCsv(PROGRAM_COLUMNS, strip(t.programs)));
  writeFileSync(join(dir, 'sources.csv'), stringifyCsv(SOURCE_COLUMNS, strip(t.sources)));
  writeFileSync(join(dir, 'geocode_overrides.csv'), stringifyCsv(OVERRIDE_COLUMNS, []));
  mkdirSync(join(dir, 'submissions'));
  for (const [name, rows] of Object.entries(submissions)) writeFileSync(join(dir, 'submissions', name), csvOf(rows));
  return dir;
}

describe('the build with submissions', () => {
  it('publishes every good row and counts rows read = written + rejected per file, tables counted apart', () => {
    const dir = tablesDir(curated(), {
      'template.csv': [],
      '2021-wisconsin.csv': [waukesha, { source_url: 'https://news.example.org/greenfield-day', source_title: 'Greenfield on Neighbors', agency_name: 'Greenfield Police Department', agency_type: 'police', state: 'WI' }],
    });
    const r = buildFromDir(dir);
    expect(r.rejects).toEqual([]);
    expect(r.counts).toMatchObject({
      'agencies.csv': { read: 2, written: 2, rejected: 0 },
      'programs.csv': { read: 2, written: 2, rejected: 0 },
      'sources.csv': { read: 2, written: 2, rejected: 0 },
      'submissions/2021-wisconsin.csv': { read: 2, written: 2, rejected: 0 },
      'submissions/template.csv': { read: 0, written: 0, rejected: 0 },
    });
    const byId = new Map(r.collection.features.map((f) => [f.properties.id, f.properties]));
    expect(byId.get('waukesha-police-department-wi')).toMatchObject({ start_date: '2021-04', start_precision: 'month', state: 'WI', geocode_precision: 'city' });
    expect(byId.get('greenfield-pd-wi')!.sources.map((s) => s.url)).toEqual(['https://example.org/greenfield', 'https://news.example.org/greenfield-day']);
  });

  it('fails on a bad row: the CLI prints file:line: reason, the counts still add up, and nothing is written', () => {
    const dir = tablesDir(curated(), { 'bad.csv': [waukesha, { ...waukesha, source_url: 'https://news.example.org/x', source_date: 'last spring' }] });
    const r = buildFromDir(dir);
    expect(r.rejects).toEqual([{ file: 'submissions/bad.csv', line: 3, reason: 'source_date "last spring" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)' }]);
    expect(r.counts['submissions/bad.csv']).toEqual({ read: 2, written: 1, rejected: 1 });
    const out = join(dir, 'out.geojson');
    const p = spawnSync('npx', ['tsx', 'pipeline/partnerships.geojson.ts', '--in', dir, '--out', out], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(p.stdout).toMatch(/submissions\/bad\.csv\s+rows read 2 = written 1 \+ rejected 1/);
    expect(p.stderr).toMatch(/REJECT \S*submissions\/bad\.csv:3: source_date "last spring" is not a date/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the committed template', () => {
  it('has exactly the columns the build reads, each documented, and no rows', () => {
    const t = parseCsv(readFileSync('data/submissions/template.csv', 'utf8'));
    expect(t.header).toEqual([...SUBMISSION_COLUMNS]);
    expect(t.records).toEqual([]);
    const readme = readFileSync('data/submissions/README.md', 'utf8');
    for (const c of SUBMISSION_COLUMNS) expect(readme).toContain(`| \`${c}\` |`);
  });
});
