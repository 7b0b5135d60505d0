/**
 * Source tables → the published FeatureCollection: one Point feature per
 * agency, its programs with their sources, derived dates, totals and links.
 * Rows that cannot be written (bad rows, rows whose agency was rejected,
 * points that cannot be placed) are rejects; nothing is dropped silently.
 */
import { FeatureSchema } from '../../src/core/schema';
import { agencyStatus, type AgencyCollection, type AgencyFeature, type Program as PublishedProgram, type Source as PublishedSource } from '../../src/core/contract';
import { datePrecision } from '../../src/core/dates';
import { earlierDate } from '../../src/core/dates';
import type { Geocoder } from '../geocode/geocoder';
import { TABLE_FILES, type Tables } from '../tables/model';
import type { TableIssue } from '../tables/io';
import { validateTables, type Program, type Reject, type Source } from './validate';
import { coversWholeCounty, jurisdictionOf } from '../../src/core/jurisdiction';

export interface BuildResult {
  collection: AgencyCollection;
  rejects: Reject[];
  /** Per table: rows read, written, rejected. */
  counts: Record<string, { read: number; written: number; rejected: number }>;
  normalised: number;
  snapped: number;
  /** The tables could not be read: `rejects` holds only the causes, nothing was validated. */
  fatal?: boolean;
}

const sumOrNull = (xs: (number | null)[]): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
};

const publish = (s: Source): PublishedSource => ({ url: s.url, publisher: s.publisher, title: s.title, date: s.date, copy: s.copy });

function programOrder(a: Program, b: Program): number {
  const x = a.start_date ?? '9999';
  const y = b.start_date ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildCollection(
  tables: Tables,
  opts: {
    geocoder: Geocoder;
    metadata?: AgencyCollection['metadata'];
    readIssues?: TableIssue[];
    rowsRead?: Record<string, number>;
    /** The latest publishable date, default today. */
    today?: string;
  },
): BuildResult {
  // A table that cannot be read at all (missing column, not UTF-8, …) is the
  // one cause to report: every row depending on it would fail after it.
  const fatal = (opts.readIssues ?? []).filter((i) => i.fatal);
  if (fatal.length > 0) {
    return {
      collection: { type: 'FeatureCollection', ...(opts.metadata ? { metadata: opts.metadata } : {}), features: [] },
      rejects: fatal.map(({ file, line, reason }) => ({ file, line, reason })),
      counts: {},
      normalised: 0,
      snapped: 0,
      fatal: true,
    };
  }
  const v = validateTables(tables, { today: opts.today });
  const rejects: Reject[] = [...(opts.readIssues ?? []), ...v.rejects];
  let snapped = 0;

  const programsByAgency = new Map<string, Program[]>();
  for (const p of v.programs) {
    const list = programsByAgency.get(p.agency_id) ?? [];
    list.push(p);
    programsByAgency.set(p.agency_id, list);
  }

  const features: AgencyFeature[] = [];
  const writtenPrograms = new Set<Program>();
  const citedSources = new Set<string>();
  const usedOverrides = new Set<string>();
  for (const a of [...v.agencies].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const programs = (programsByAgency.get(a.id) ?? []).sort(programOrder);
    if (programs.length === 0) {
      rejects.push({ file: TABLE_FILES.agencies, line: a.line, origin: a.origin, reason: `agency "${a.id}" has no program (every agency needs at least one)` });
      continue;
    }
    const ov = v.overrides.get(a.id);
    const geo = ov
      ? opts.geocoder.checkOverride(a.state, ov.lon, ov.lat)
      : opts.geocoder.geocode({ ...a, city: a.city ?? '', county: a.county ?? '' });
    if (!geo.ok) {
      if (ov) {
        rejects.push({ file: TABLE_FILES.overrides, line: ov.line, origin: ov.origin, reason: geo.reason });
        rejects.push({ file: TABLE_FILES.agencies, line: a.line, origin: a.origin, reason: `geocode override of "${a.id}" was rejected` });
      } else rejects.push({ file: TABLE_FILES.agencies, line: a.line, origin: a.origin, reason: geo.reason });
      continue;
    }
    if (ov) usedOverrides.add(a.id);
    if (geo.snapped) snapped++;

    const input = { ...a, city: a.city ?? '', county: a.county ?? '' };
    const countyFips = opts.geocoder.countyFips(input, geo.lon, geo.lat);
    const spans = opts.geocoder.countiesFips(input, countyFips, a.other_counties);
    if (!spans.ok) {
      rejects.push({ file: TABLE_FILES.agencies, line: a.line, origin: a.origin, reason: spans.reason });
      continue;
    }

    const sourceIds: string[] = [];
    const published: PublishedProgram[] = programs.map((p) => {
      for (const s of p.source_ids) if (!sourceIds.includes(s)) sourceIds.push(s);
      return {
        kind: p.kind,
        start_date: p.start_date,
        start_kind: p.start_kind,
        end_date: p.end_date,
        devices_given: p.devices_given,
        perk_value_usd: p.perk_value_usd,
        subsidy_usd: p.subsidy_usd,
        at_least: p.at_least,
        perk_status: p.perk_status,
        figures_derived: p.figures_derived,
        perk_note: p.perk_note,
        status: p.status,
        status_note: p.status_note,
        summary: p.summary,
        sources: p.source_ids.map((id) => publish(v.sources.get(id)!)),
      };
    });
    const sources = sourceIds.map((id) => v.sources.get(id)!);
    const given = programs.filter((p) => p.perk_status === 'given');
    const portal = programs.filter((p) => p.kind === 'neighbors_portal' && p.start_date);
    const dated = portal.length > 0 ? portal : programs.filter((p) => p.start_date);
    const start = dated.reduce<string | null>((acc, p) => earlierDate(acc, p.start_date), null);
    // The start is one program's date, so it is what that program's date is.
    const startKind = start ? dated.find((p) => p.start_date === start)?.start_kind ?? null : null;
    const end = programs.every((p) => p.end_date)
      ? programs.map((p) => p.end_date!).reduce((x, y) => (y > x ? y : x))
      : null;

    // The agreement itself first; else a report about it (its link is labelled as such).
    const mou = sources.find((s) => s.type === 'mou' && s.url) ?? sources.find((s) => s.type === 'mou_article' && s.url);
    const f: AgencyFeature = {
      type: 'Feature',
      id: a.id,
      geometry: { type: 'Point', coordinates: [geo.lon, geo.lat] },
      properties: {
        id: a.id,
        name: a.name,
        agency_type: a.agency_type,
        city: a.city,
        county: a.county,
        state: a.state,
        geocode_precision: geo.precision,
        jurisdiction: jurisdictionOf(a.agency_type, a.jurisdiction),
        county_wide: coversWholeCounty(a.agency_type, a.jurisdiction),
        county_fips: countyFips,
        counties_fips: spans.fips,
        start_date: start,
        start_precision: start ? datePrecision(start) : null,
        start_kind: startKind,
        end_date: end,
        status: agencyStatus(programs),
        programs: published,
        // Only perks that were given count (validation keeps figures off every other kind).
        devices_given: sumOrNull(given.map((p) => p.devices_given)),
        perk_value_usd: sumOrNull(given.map((p) => p.perk_value_usd)),
        subsidy_usd: sumOrNull(given.map((p) => p.subsidy_usd)),
        mou_url: mou?.url ?? null,
        mou_kind: mou ? (mou.type === 'mou' ? 'agreement' : 'article') : null,
        records_urls: [...new Set(sources.filter((s) => s.type === 'records' && s.url).map((s) => s.url!))],
        sources: sources.map(publish),
      },
    };
    const check = FeatureSchema.safeParse(f);
    if (!check.success) {
      const issue = check.error.issues[0];
      rejects.push({ file: TABLE_FILES.agencies, line: a.line, origin: a.origin, reason: `fails the published schema at ${issue.path.join('.')}: ${issue.message}` });
      continue;
    }
    features.push(f);
    for (const p of programs) {
      writtenPrograms.add(p);
      for (const s of p.source_ids) citedSources.add(s);
    }
  }

  // Valid rows that still could not be written: say why.
  const writtenAgencies = new Set(features.map((f) => f.properties.id));
  for (const p of v.programs) {
    if (!writtenPrograms.has(p)) rejects.push({ file: TABLE_FILES.programs, line: p.line, origin: p.origin, reason: `agency "${p.agency_id}" was rejected` });
  }
  for (const s of v.sources.values()) {
    if (!citedSources.has(s.id)) rejects.push({ file: TABLE_FILES.sources, line: s.line, origin: s.origin, reason: `source "${s.id}" is not cited by any written program` });
  }
  const rejectedOverrideLines = new Set(rejects.filter((r) => r.file === TABLE_FILES.overrides).map((r) => r.line));
  for (const o of v.overrides.values()) {
    if (!usedOverrides.has(o.agency_id) && !rejectedOverrideLines.has(o.line)) {
      rejects.push({ file: TABLE_FILES.overrides, line: o.line, origin: o.origin, reason: `agency "${o.agency_id}" was rejected` });
    }
  }
  rejects.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));

  const read = opts.rowsRead ?? {
    [TABLE_FILES.agencies]: tables.agencies.length,
    [TABLE_FILES.programs]: tables.programs.length,
    [TABLE_FILES.sources]: tables.sources.length,
    [TABLE_FILES.overrides]: tables.overrides.length,
  };
  const written: Record<string, number> = {
    [TABLE_FILES.agencies]: writtenAgencies.size,
    [TABLE_FILES.programs]: writtenPrograms.size,
    [TABLE_FILES.sources]: citedSources.size,
    [TABLE_FILES.overrides]: usedOverrides.size,
  };
  const counts: BuildResult['counts'] = {};
  for (const file of Object.values(TABLE_FILES)) {
    counts[file] = { read: read[file] ?? 0, written: written[file], rejected: rejects.filter((r) => r.file === file && r.line >= 2).length };
  }
  const collection: AgencyCollection = { type: 'FeatureCollection', ...(opts.metadata ? { metadata: opts.metadata } : {}), features };
  return { collection, rejects, counts, normalised: v.normalised, snapped };
}

/** Deterministic text: one feature per line, fixed key order, 5-decimal coordinates. */
export function serializeCollection(c: AgencyCollection): string {
  const head = c.metadata
    ? `{"type":"FeatureCollection","metadata":${JSON.stringify({
        title: c.metadata.title,
        data_as_of: c.metadata.data_as_of,
        license: c.metadata.license,
        credit: c.metadata.credit,
      })},"features":[`
    : '{"type":"FeatureCollection","features":[';
  const lines = c.features.map((f) => JSON.stringify(f));
  return `${head}\n${lines.join(',\n')}\n]}\n`;
}
