/**
 * Releases and the per-record changelog, declared once for the pipeline
 * (which writes them) and the site (which shows an agency's history).
 *
 * A record is compared through its snapshot: a flat list of the published
 * facts a reader relies on (field → text, "" when not documented). Only the
 * fields listed here count, so a new published field added to the contract
 * never reads as 1,500 changes; derived copies (start_precision, county_wide)
 * are left out because they change only with the fields they derive from.
 */
import type { AgencyFeature, Program, Source } from './contract';

/**
 * `added`: a new agency. `documented`: a field that was not documented now is.
 * `corrected`: a documented value changed or was withdrawn. `ended`: a
 * partnership or arrangement ended (status → ended, or an end date appeared).
 * `removed`: the record left the data (always with why).
 */
export const CHANGE_KINDS = ['added', 'documented', 'corrected', 'ended', 'removed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGELOG_COLUMNS = ['release', 'date', 'agency_id', 'state', 'change', 'field', 'from', 'to', 'reason', 'source'] as const;
export const RELEASE_COLUMNS = ['version', 'date', 'data_as_of', 'agencies', ...CHANGE_KINDS, 'note'] as const;

export interface ChangeLine {
  release: string;
  date: string;
  agency_id: string;
  state: string;
  change: ChangeKind;
  /** Empty for `added` and `removed` (the whole record). */
  field: string;
  from: string;
  to: string;
  /** Why, where the data records it; empty when it does not. */
  reason: string;
  /** Space-separated http(s) links behind the change, where known. */
  source: string;
}

export interface Release {
  version: string;
  date: string;
  data_as_of: string | null;
  agencies: number;
  added: number;
  documented: number;
  corrected: number;
  ended: number;
  removed: number;
  /** One sentence, e.g. that the first release is the baseline. */
  note: string;
}

export interface Changelog {
  releases: Release[];
  changes: ChangeLine[];
}

export type RecordSnapshot = Record<string, string>;
export type Snapshot = Record<string, RecordSnapshot>;

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const list = (xs: readonly string[]): string => [...new Set(xs)].sort().join(' | ');
const sourceText = (s: Source): string => (s.url ? `${s.publisher} ${s.url}` : s.publisher);

const TOP_FIELDS = [
  'name', 'agency_type', 'state', 'city', 'county', 'jurisdiction', 'county_fips', 'start_date', 'start_kind', 'end_date', 'status',
  'devices_given', 'perk_value_usd', 'subsidy_usd', 'mou_url', 'mou_kind',
] as const;
const PROGRAM_FIELDS = [
  'start_date', 'start_kind', 'end_date', 'status', 'status_note', 'devices_given', 'perk_value_usd', 'subsidy_usd', 'at_least',
  'perk_status', 'perk_note', 'summary',
] as const satisfies readonly (keyof Program)[];

/** `programs.<kind>` for the first of a kind, `programs.<kind>#2` for the second, … (programs have no published id). */
function programKeys(programs: readonly Program[]): string[] {
  const seen = new Map<string, number>();
  return programs.map((g) => {
    const n = (seen.get(g.kind) ?? 0) + 1;
    seen.set(g.kind, n);
    return n === 1 ? `programs.${g.kind}` : `programs.${g.kind}#${n}`;
  });
}

/** The facts of one published record that the changelog follows, in a stable order. */
export function snapshotRecord(f: AgencyFeature): RecordSnapshot {
  const p = f.properties;
  const r: RecordSnapshot = {};
  for (const k of TOP_FIELDS) r[k] = text(p[k]);
  r.counties_fips = (p.counties_fips ?? []).join(' ');
  r.point = `${f.geometry.coordinates[1]}, ${f.geometry.coordinates[0]}`;
  r.geocode_precision = p.geocode_precision;
  r.records_urls = list(p.records_urls);
  r.sources = list(p.sources.map(sourceText));
  const keys = programKeys(p.programs);
  p.programs.forEach((g, i) => {
    for (const k of PROGRAM_FIELDS) r[`${keys[i]}.${k}`] = text(g[k]);
    r[`${keys[i]}.sources`] = list(g.sources.map(sourceText));
  });
  return r;
}

export function snapshotOf(features: readonly AgencyFeature[]): Snapshot {
  const s: Snapshot = {};
  for (const f of [...features].sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1))) s[f.properties.id] = snapshotRecord(f);
  return s;
}

/** What the data records about a change: why, and the links behind it. */
export interface Explanation {
  reason: string;
  source: string;
}
export type Explain = (line: Omit<ChangeLine, 'release' | 'date' | 'reason' | 'source'>) => Explanation;

/** A field's own kind of change: an end, a value newly documented, or a correction. */
export function fieldChangeKind(field: string, from: string, to: string): ChangeKind {
  const leaf = field.split('.').at(-1);
  if (leaf === 'status' && to === 'ended') return 'ended';
  if (leaf === 'end_date' && from === '' && to !== '') return 'ended';
  return from === '' ? 'documented' : 'corrected';
}

/**
 * Every difference between two snapshots, one line per change: agencies in id
 * order, an agency's fields in its snapshot's order (fields only in the old
 * record, such as a withdrawn arrangement, after the others).
 */
export function diffSnapshots(prev: Snapshot, next: Snapshot, explain: Explain): Omit<ChangeLine, 'release' | 'date'>[] {
  const out: Omit<ChangeLine, 'release' | 'date'>[] = [];
  const push = (l: Omit<ChangeLine, 'release' | 'date' | 'reason' | 'source'>) => out.push({ ...l, ...explain(l) });
  const ids = [...new Set([...Object.keys(prev), ...Object.keys(next)])].sort();
  for (const id of ids) {
    const a = prev[id];
    const b = next[id];
    if (!a) {
      push({ agency_id: id, state: b.state, change: 'added', field: '', from: '', to: b.name });
      continue;
    }
    if (!b) {
      push({ agency_id: id, state: a.state, change: 'removed', field: '', from: a.name, to: '' });
      continue;
    }
    const fields = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
    for (const field of fields) {
      const from = a[field] ?? '';
      const to = b[field] ?? '';
      if (from !== to) push({ agency_id: id, state: b.state, change: fieldChangeKind(field, from, to), field, from, to });
    }
  }
  return out;
}

/** Counts of each kind of change, for the release's row. */
export function countChanges(lines: readonly Pick<ChangeLine, 'change'>[]): Record<ChangeKind, number> {
  const c = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const l of lines) c[l.change] += 1;
  return c;
}

/** The next release's version: releases are numbered 1, 2, 3, … */
export function nextVersion(releases: readonly Release[]): string {
  const last = releases.at(-1);
  return last ? String(Number(last.version) + 1) : '1';
}

/** One agency's history: its change lines, newest release first, and the release it last changed in. */
export interface RecordHistory {
  /** The release that last changed the record; the first (baseline) release when nothing has since. */
  last: Release | null;
  /** True when the record is as it was in the first release (the baseline, which lists no lines). */
  sinceBaseline: boolean;
  lines: ChangeLine[];
}

export function recordHistory(log: Changelog, id: string): RecordHistory {
  const lines = log.changes.filter((l) => l.agency_id === id);
  const byVersion = new Map(log.releases.map((r) => [r.version, r]));
  const newest = [...lines].sort((x, y) => Number(y.release) - Number(x.release));
  const last = newest.length ? byVersion.get(newest[0].release) ?? null : log.releases[0] ?? null;
  return { last, sinceBaseline: newest.length === 0 && last !== null, lines: newest };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 20_000;
const KINDS: readonly string[] = CHANGE_KINDS;

/**
 * The published changelog.json as the site reads it: it is data from the
 * network, so anything malformed is dropped line by line, never trusted.
 */
export function decodeChangelog(json: unknown): Changelog {
  const o = (json ?? {}) as { releases?: unknown; changes?: unknown };
  const releases = (Array.isArray(o.releases) ? o.releases : []).filter(
    (r): r is Release => !!r && typeof r === 'object' && isText((r as Release).version) && /^\d+$/.test((r as Release).version) && isText((r as Release).date) && /^\d{4}-\d{2}-\d{2}$/.test((r as Release).date),
  );
  const versions = new Set(releases.map((r) => r.version));
  const changes = (Array.isArray(o.changes) ? o.changes : []).filter(
    (l): l is ChangeLine =>
      !!l && typeof l === 'object' && CHANGELOG_COLUMNS.every((c) => isText((l as Record<string, unknown>)[c])) &&
      KINDS.includes((l as ChangeLine).change) && versions.has((l as ChangeLine).release),
  );
  return { releases, changes };
}

/** The project team, as the author the citation names (an entity, not people). */
export const PROJECT_AUTHOR = 'Police partnerships with Amazon Ring map project';

/** The one-line citation of a release, as About, the README and CITATION.cff give it. */
export function citationLine(release: Pick<Release, 'version' | 'date'>, title: string): string {
  return `${PROJECT_AUTHOR}. ${title}, release ${release.version} (${release.date}). Data: CC BY 4.0.`;
}
