/**
 * The committed releases (`data/releases/`): `releases.csv` (one row per
 * release), `changelog.csv` (one row per change) and `snapshot.json` (the
 * last release's records, what the next build is compared with; one agency
 * per line so a release's diff reads in review).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, stringifyCsv } from '../lib/csv';
import { CHANGE_KINDS, CHANGELOG_COLUMNS, RELEASE_COLUMNS, type ChangeKind, type ChangeLine, type Changelog, type Release, type Snapshot } from '../../src/core/releases';

export const RELEASES_DIR = 'releases';
export const RELEASE_FILES = { releases: 'releases.csv', changelog: 'changelog.csv', snapshot: 'snapshot.json' } as const;

export interface ReleaseState extends Changelog {
  snapshot: Snapshot | null;
}

function readRows(path: string, columns: readonly string[]): Record<string, string>[] {
  if (!existsSync(path)) return [];
  const t = parseCsv(readFileSync(path, 'utf8'));
  const bad = t.issues[0] ?? (columns.some((c) => !t.header.includes(c)) ? { line: 1, reason: `columns must be ${columns.join(', ')}` } : null);
  if (bad) throw new Error(`${path}:${bad.line}: ${bad.reason}`);
  return t.records.map((r) => r.values);
}

export function readReleaseState(dataDir: string): ReleaseState {
  const dir = join(dataDir, RELEASES_DIR);
  const releases: Release[] = readRows(join(dir, RELEASE_FILES.releases), RELEASE_COLUMNS).map((v) => ({
    version: v.version,
    date: v.date,
    data_as_of: v.data_as_of || null,
    agencies: Number(v.agencies),
    ...(Object.fromEntries(CHANGE_KINDS.map((k) => [k, Number(v[k])])) as Record<ChangeKind, number>),
    note: v.note,
  }));
  const changes = readRows(join(dir, RELEASE_FILES.changelog), CHANGELOG_COLUMNS).map((v) => ({ ...v }) as unknown as ChangeLine);
  const snapPath = join(dir, RELEASE_FILES.snapshot);
  const snapshot = existsSync(snapPath) ? ((JSON.parse(readFileSync(snapPath, 'utf8')) as { records: Snapshot }).records) : null;
  return { releases, changes, snapshot };
}

export function releasesCsv(releases: readonly Release[]): string {
  return stringifyCsv(RELEASE_COLUMNS, releases.map((r) => ({ ...Object.fromEntries(RELEASE_COLUMNS.map((c) => [c, String(r[c] ?? '')])) })));
}

export function changelogCsv(changes: readonly ChangeLine[]): string {
  return stringifyCsv(CHANGELOG_COLUMNS, changes.map((l) => ({ ...l })));
}

export function snapshotJson(version: string, snapshot: Snapshot): string {
  const ids = Object.keys(snapshot).sort();
  const lines = ids.map((id, i) => `${JSON.stringify(id)}:${JSON.stringify(snapshot[id])}${i < ids.length - 1 ? ',' : ''}`);
  return `{"release":${JSON.stringify(version)},"records":{\n${lines.join('\n')}\n}}\n`;
}

export function writeReleaseState(dataDir: string, state: Changelog & { snapshot: Snapshot }): void {
  const dir = join(dataDir, RELEASES_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, RELEASE_FILES.releases), releasesCsv(state.releases));
  writeFileSync(join(dir, RELEASE_FILES.changelog), changelogCsv(state.changes));
  writeFileSync(join(dir, RELEASE_FILES.snapshot), snapshotJson(state.releases.at(-1)?.version ?? '', state.snapshot));
}
