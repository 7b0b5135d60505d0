/**
 * Releases: two builds of small synthetic tables, each released with
 * `npm run data -- --release`'s own step, and the changelog checked line by
 * line (added; corrected from → to with reason and source; ended; removed
 * with why), then the refusals: no removal without a reason, no release
 * without a change, and `--check` failing on unreleased changes.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, beforeAll, vi } from 'vitest';
import { buildFromDir } from '../../../pipeline/dataset/run';
import { writeTables } from '../../../pipeline/tables/io';
import { parseCsv } from '../../../pipeline/lib/csv';
import { releaseStep } from '../../../pipeline/releases/step';
import { readReleaseState } from '../../../pipeline/releases/store';
import { CHANGELOG_COLUMNS, diffSnapshots, fieldChangeKind, recordHistory, snapshotOf } from '../../../src/core/releases';
import type { Tables } from '../../../pipeline/tables/model';
import { agency, program, source } from './helpers';

const ANNOUNCEMENT = 'https://example.org/greenfield-announcement';
const DUPLICATE_NOTE = 'https://example.org/racine-duplicate';

function v1(): Tables {
  return {
    agencies: [
      agency({ id: 'greenfield-police-department-wi', name: 'Greenfield Police Department', city: 'Greenfield', county: 'Milwaukee County' }),
      agency({ id: 'kenosha-police-department-wi', name: 'Kenosha Police Department', city: 'Kenosha', county: 'Kenosha County' }),
      agency({ id: 'racine-police-department-wi', name: 'Racine Police Department', city: 'Racine', county: 'Racine County' }),
    ],
    programs: [
      program({ id: 'p1', agency_id: 'greenfield-police-department-wi', start_date: '2019-05', source_ids: 's1' }),
      program({ id: 'p2', agency_id: 'kenosha-police-department-wi', start_date: '2019-06', source_ids: 's2' }),
      program({ id: 'p3', agency_id: 'racine-police-department-wi', start_date: '2020-01', source_ids: 's3' }),
    ],
    sources: [source({ id: 's1' }), source({ id: 's2' }), source({ id: 's3' })],
    overrides: [],
  };
}

/** The second build: a date corrected, a partnership ended, a record removed, an agency added. */
function v2(): Tables {
  const t = v1();
  t.agencies = t.agencies.filter((a) => a.id !== 'racine-police-department-wi');
  t.agencies.push(agency({ id: 'waukesha-police-department-wi', name: 'Waukesha Police Department', city: 'Waukesha', county: 'Waukesha County' }));
  t.programs = t.programs.filter((p) => p.agency_id !== 'racine-police-department-wi');
  t.programs[0] = { ...t.programs[0], start_date: '2019-04-12' };
  t.programs[1] = { ...t.programs[1], end_date: '2021-03', status: 'ended', status_note: 'The department said it left the portal in March 2021.' };
  t.programs.push(program({ id: 'p4', agency_id: 'waukesha-police-department-wi', start_date: '2021-07', source_ids: 's4' }));
  t.sources = t.sources.filter((s) => s.id !== 's3');
  t.sources.push(source({ id: 's4' }));
  return t;
}

const REASONS =
  'agency_id,field,to,reason,source_url\n' +
  `greenfield-police-department-wi,programs.neighbors_portal.start_date,2019-04-12,The city's own announcement gives the day; the earlier month was the map's later active date.,${ANNOUNCEMENT}\n` +
  `racine-police-department-wi,,,Listed twice: the record duplicated another agency's partnership.,${DUPLICATE_NOTE}\n`;

function tablesDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'ring-releases-'));
  const dir = join(root, 'data');
  mkdirSync(dir);
  return dir;
}

function build(dir: string, t: Tables) {
  writeTables(dir, t);
  const r = buildFromDir(dir);
  expect(r.rejects).toEqual([]);
  return r.collection;
}

const quiet = () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
};

describe('two releases of synthetic tables', () => {
  let dir: string;
  let changelog: Record<string, string>[];
  beforeAll(() => {
    quiet();
    dir = tablesDir();
    expect(releaseStep(dir, build(dir, v1()), { check: false, release: true, date: '2026-01-10' })).toBe(0);
    mkdirSync(join(dir, 'releases'), { recursive: true });
    writeFileSync(join(dir, 'releases', 'reasons.csv'), REASONS);
    expect(releaseStep(dir, build(dir, v2()), { check: false, release: true, date: '2026-02-01' })).toBe(0);
    const t = parseCsv(readFileSync(join(dir, 'releases', 'changelog.csv'), 'utf8'));
    expect(t.header).toEqual([...CHANGELOG_COLUMNS]);
    changelog = t.records.map((r) => r.values);
  }, 120_000);

  it('the first release is the baseline: a release row, no change lines', () => {
    const rows = parseCsv(readFileSync(join(dir, 'releases', 'releases.csv'), 'utf8')).records.map((r) => r.values);
    expect(rows).toEqual([
      { version: '1', date: '2026-01-10', data_as_of: '', agencies: '3', added: '0', documented: '0', corrected: '0', ended: '0', removed: '0', note: 'First release: the baseline of 3 agencies, each as published that day; later releases list every change.' },
      { version: '2', date: '2026-02-01', data_as_of: '', agencies: '3', added: '1', documented: '1', corrected: '2', ended: '4', removed: '1', note: '' },
    ]);
    expect(changelog.every((l) => l.release === '2' && l.date === '2026-02-01')).toBe(true);
  });

  it('lists every change of release 2, one line each, in agency then field order', () => {
    const lines = changelog.map((l) => [l.agency_id, l.state, l.change, l.field, l.from, l.to, l.reason, l.source]);
    const s2 = 'https://example.org/s2';
    const left = 'The department said it left the portal in March 2021.';
    expect(lines).toEqual([
      ['greenfield-police-department-wi', 'WI', 'corrected', 'start_date', '2019-05', '2019-04-12', '', ''],
      ['greenfield-police-department-wi', 'WI', 'corrected', 'programs.neighbors_portal.start_date', '2019-05', '2019-04-12',
        "The city's own announcement gives the day; the earlier month was the map's later active date.", ANNOUNCEMENT],
      ['kenosha-police-department-wi', 'WI', 'ended', 'end_date', '', '2021-03', '', ''],
      ['kenosha-police-department-wi', 'WI', 'ended', 'status', 'active', 'ended', '', ''],
      ['kenosha-police-department-wi', 'WI', 'ended', 'programs.neighbors_portal.end_date', '', '2021-03', '', s2],
      ['kenosha-police-department-wi', 'WI', 'ended', 'programs.neighbors_portal.status', 'active', 'ended', '', s2],
      ['kenosha-police-department-wi', 'WI', 'documented', 'programs.neighbors_portal.status_note', '', left, '', s2],
      ['racine-police-department-wi', 'WI', 'removed', '', 'Racine Police Department', '', "Listed twice: the record duplicated another agency's partnership.", DUPLICATE_NOTE],
      ['waukesha-police-department-wi', 'WI', 'added', '', '', 'Waukesha Police Department', '', 'https://example.org/s4'],
    ]);
  });

  it("gives each agency's history: its last release and its lines", () => {
    const state = readReleaseState(dir);
    const h = recordHistory(state, 'kenosha-police-department-wi');
    expect(h.last?.version).toBe('2');
    expect(h.sinceBaseline).toBe(false);
    expect(h.lines.map((l) => l.field)).toEqual(['end_date', 'status', 'programs.neighbors_portal.end_date', 'programs.neighbors_portal.status', 'programs.neighbors_portal.status_note']);
    const g = recordHistory({ ...state, changes: [] }, 'kenosha-police-department-wi');
    expect(g.sinceBaseline).toBe(true);
    expect(g.last?.version).toBe('1');
  });

  it('writes CITATION.cff for the latest release next to the data folder', () => {
    const cff = readFileSync(join(dir, '..', 'CITATION.cff'), 'utf8');
    expect(cff).toContain('version: "2"');
    expect(cff).toContain('date-released: "2026-02-01"');
  });

  it('writes no release when nothing changed, and --check passes', () => {
    quiet();
    const before = readFileSync(join(dir, 'releases', 'releases.csv'), 'utf8');
    const coll = buildFromDir(dir).collection;
    expect(releaseStep(dir, coll, { check: false, release: true, date: '2026-03-01' })).toBe(0);
    expect(readFileSync(join(dir, 'releases', 'releases.csv'), 'utf8')).toBe(before);
    expect(releaseStep(dir, coll, { check: true, release: false })).toBe(0);
  }, 60_000);
});

describe('refusals', () => {
  it('a record cannot be removed without a reason, and --check fails on unreleased changes', () => {
    quiet();
    const dir = tablesDir();
    releaseStep(dir, build(dir, v1()), { check: false, release: true, date: '2026-01-10' });
    const next = build(dir, v2());
    expect(releaseStep(dir, next, { check: true, release: false })).toBe(1);
    expect(releaseStep(dir, next, { check: false, release: true, date: '2026-02-01' })).toBe(1);
    expect(readReleaseState(dir).releases.map((r) => r.version)).toEqual(['1']);
    expect(existsSync(join(dir, 'releases', 'changelog.csv'))).toBe(true);
    expect(readReleaseState(dir).changes).toEqual([]);
  }, 120_000);
});

describe('change kinds', () => {
  it('an end date or an ended status is an end; a new value is documented; any other change is a correction', () => {
    expect(fieldChangeKind('end_date', '', '2021')).toBe('ended');
    expect(fieldChangeKind('programs.x.status', 'active', 'ended')).toBe('ended');
    expect(fieldChangeKind('programs.x.status', 'ended', 'active')).toBe('corrected');
    expect(fieldChangeKind('end_date', '2021', '2022')).toBe('corrected');
    expect(fieldChangeKind('devices_given', '', '10')).toBe('documented');
    expect(fieldChangeKind('devices_given', '10', '')).toBe('corrected');
  });

  it('the committed data is released: the last snapshot is the published data', () => {
    const fc = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
    const state = readReleaseState('data');
    expect(state.snapshot).not.toBeNull();
    expect(diffSnapshots(state.snapshot!, snapshotOf(fc.features), () => ({ reason: '', source: '' }))).toEqual([]);
  });
});
