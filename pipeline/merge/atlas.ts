/**
 * Merging parsed Atlas agencies into the source tables. Idempotent (merging
 * the same export twice changes nothing) and conservative: rows that came
 * from elsewhere are never overwritten; an existing agency only gains Atlas
 * ids, empty fields filled, sources added, and a Neighbors-portal date that
 * is earlier or more precise.
 */
import type { AtlasAgency } from '../atlas/parse';
import { earlierDate } from '../../src/core/dates';
import { ATLAS_PUBLISHER, ATLAS_URL, RING_MAP_ID, publisherFor, sourceIdFor, titleFromUrl } from '../lib/sources';
import type { Geocoder } from '../geocode/geocoder';
import {
  cloneTables, joinList, splitList,
  type AgencyRow, type Lined, type ProgramRow, type SourceRow, type Tables, PORTAL_PROGRAM_DEFAULTS,
  importedStartKind,
} from '../tables/model';
import type { Change } from './changes';
import { cityCountyProblem, Intake, newAgencyId, placeUpdate, type KeepApart } from './intake';
import { AgencyMatcher, looseKey, matchKey } from './names';

export interface AtlasMergeOptions {
  /** Export date `YYYY-MM-DD`: the Atlas dataset source is `atlas-<date>`. */
  exportDate: string;
  /** hostname → outlet, for links whose Atlas "Source" cell is empty. */
  publishers: ReadonlyMap<string, string>;
  /** Extra names for existing agencies: [alias, state, agency id]. */
  aliases?: readonly [string, string, string][];
  /**
   * Chooses the agency's own county when the export lists several (e.g. the
   * one that contains the city); default: the first.
   */
  primaryCounty?: (a: AtlasAgency) => string;
  /** The export's file name: rows created or changed are marked with `file:line` of the rows they came from. */
  exportFile?: string;
  /** Atlas agencies to leave out (by their first line), e.g. those whose rows the build would reject. */
  skipLines?: ReadonlySet<number>;
  /** keep-apart.csv: names that are not the agency they look like. */
  keepApart?: readonly KeepApart[];
  /** place_corrections.csv: an Atlas place a maintainer already corrected is not a disagreement. */
  corrected?: (agencyId: string, field: string, previous: string) => boolean;
  /** Tells whether a row's city lies in its county. */
  geocoder: Geocoder;
}

export interface AtlasMergeReject {
  /** Export lines of the agency's rows. */
  lines: number[];
  reason: string;
}

export interface AtlasMergeResult {
  tables: Tables;
  added: string[];
  merged: { id: string; how: 'atlas-id' | 'exact' | 'alias'; name: string }[];
  /** Agencies left out: their Atlas id belongs to another agency, their name is probably another's, their place disagrees. */
  rejects: AtlasMergeReject[];
  /** Every change to an agency that was already in the tables. */
  changes: Change[];
}

export const portalProgramId = (agencyId: string) => `${agencyId}--neighbors-portal`;

export function atlasDatasetSource(exportDate: string): SourceRow {
  return {
    id: `atlas-${exportDate}`,
    type: 'dataset',
    url: ATLAS_URL,
    publisher: ATLAS_PUBLISHER,
    title: `Atlas of Surveillance data export of ${exportDate} (Ring/Neighbors partnerships)`,
    date: exportDate,
  };
}

export const RING_MAP_SOURCE: SourceRow = {
  id: RING_MAP_ID,
  type: 'map',
  url: 'https://www.google.com/maps/d/viewer?mid=1eYVDPh5itXq5acDT9b0BVeQwmESBa4cB',
  publisher: 'Ring',
  title: 'Active Agency Map (law-enforcement partners on Neighbors)',
  date: '',
};

function portalSummary(a: AtlasAgency): string {
  const precision = a.date === null ? 'none' : a.date.length === 10 ? 'day' : a.date.length === 7 ? 'month' : 'year';
  const base =
    precision === 'day'
      ? "Listed on Ring's Active Agency Map as a partner on the Neighbors law-enforcement portal, active from this date (as recorded by EFF's Atlas of Surveillance)."
      : precision === 'none'
        ? "Listed by EFF's Atlas of Surveillance as a partner on Ring's Neighbors law-enforcement portal; the export gives no date."
        : `EFF's Atlas of Surveillance records the agency joining Ring's Neighbors law-enforcement portal in this ${precision}; the export gives no exact day.`;
  const distinct = [...new Set(a.dates.filter((d): d is string => d !== null))];
  if (distinct.length > 1) {
    return `${base} The Atlas lists the agency ${a.dates.length} times, with dates ${distinct.join(' and ')}; the earliest is used.`;
  }
  return base;
}

export function mergeAtlas(tables: Tables, agencies: readonly AtlasAgency[], opts: AtlasMergeOptions): AtlasMergeResult {
  const out: Tables = cloneTables(tables);
  const intake = new Intake<Lined<AgencyRow>>(out.agencies, { aliases: opts.aliases, keepApart: opts.keepApart });
  const existingIds = new Set(out.agencies.map((a) => a.id));
  const byAtlasId = new Map<string, Lined<AgencyRow>>();
  for (const a of out.agencies) for (const aos of splitList(a.atlas_ids)) byAtlasId.set(aos, a);
  const ids = new Set(out.agencies.map((a) => a.id));
  const sourcesById = new Map(out.sources.map((s) => [s.id, s]));
  // A URL already in the tables (under any id) is reused, not added twice.
  const sourceIdByUrl = new Map(out.sources.filter((s) => s.url).map((s) => [s.url, s.id]));
  const programsById = new Map(out.programs.map((p) => [p.id, p]));
  const addSource = (s: SourceRow) => {
    if (sourcesById.has(s.id)) return;
    sourcesById.set(s.id, s);
    out.sources.push(s);
  };
  const dataset = atlasDatasetSource(opts.exportDate);
  addSource(dataset);

  const added: string[] = [];
  const merged: AtlasMergeResult['merged'] = [];
  const rejects: AtlasMergeReject[] = [];
  const changes: Change[] = [];
  for (const a of agencies) {
    if (opts.skipLines?.has(a.lines[0])) continue;
    const origin = opts.exportFile ? a.lines.map((l) => `${opts.exportFile}:${l}`) : undefined;
    /** Marks a row created or changed by this agency's rows with where it came from. */
    const touched = <T extends Lined<object>>(row: T, before: string | null) => {
      if (!origin || (before !== null && JSON.stringify(row) === before)) return;
      row.origin = [...new Set([...(row.origin ?? []), ...origin])];
    };
    const county = a.counties.length > 0 ? (opts.primaryCounty?.(a) ?? a.counties[0]) : '';
    const others = a.counties.filter((c) => c !== county);
    const holderAos = a.aosIds.find((x) => byAtlasId.has(x));
    let agency = holderAos === undefined ? undefined : byAtlasId.get(holderAos);
    if (agency && !sameAgency(agency, a, intake.matcher)) {
      // An Atlas id names one agency: another name or state under it is a
      // mistake in the export (or a shifted column), never a reason to move
      // the holder's dates and sources.
      const where = agency.line ? ` (agencies.csv line ${agency.line})` : '';
      rejects.push({
        lines: a.lines,
        reason: `Atlas id ${holderAos} belongs to "${agency.name}" (${agency.state})${where}, but this row names "${a.agency}" (${a.state}); if they are the same agency, add the name to aliases.csv`,
      });
      continue;
    }
    const agencyBefore = agency ? JSON.stringify(agency) : null;
    const where = `${opts.exportFile ?? 'export'}:${a.lines[0]}`;
    const rowChanges: Change[] = [];
    let how: 'atlas-id' | 'exact' | 'alias' | undefined = agency ? 'atlas-id' : undefined;
    if (!agency) {
      const who = intake.identify(a.agency, a.state, county);
      if (who.kind === 'reject') {
        rejects.push({ lines: a.lines, reason: who.reason });
        continue;
      }
      if (who.kind === 'existing') [agency, how] = [who.agency, who.how];
    }
    if (!agency) {
      const problem = cityCountyProblem(opts.geocoder, a.state, a.city, county);
      if (problem) {
        rejects.push({ lines: a.lines, reason: problem });
        continue;
      }
      const id = newAgencyId(a.agency, a.state, county, (x) => ids.has(x));
      agency = {
        id,
        name: a.agency,
        agency_type: a.agencyType,
        jurisdiction: a.jurisdiction,
        city: a.city,
        county,
        other_counties: joinList(others),
        state: a.state,
        atlas_ids: '',
        note: '',
      };
      out.agencies.push(agency);
      intake.add(agency);
      ids.add(id);
      added.push(id);
    } else {
      const placed = placeUpdate(agency, { city: a.city, county }, { mayChange: false, source: where, corrected: opts.corrected, geocoder: opts.geocoder });
      if ('reason' in placed) {
        rejects.push({ lines: a.lines, reason: placed.reason });
        continue;
      }
      merged.push({ id: agency.id, how: how!, name: a.agency });
      rowChanges.push(...placed.changes);
      Object.assign(agency, placed.agency);
      if (!agency.other_counties && others.length > 0 && agency.county === county) {
        rowChanges.push({ agency: agency.id, field: 'other_counties', from: '', to: joinList(others), source: where });
        agency.other_counties = joinList(others);
      }
      if (!agency.jurisdiction && a.jurisdiction) {
        rowChanges.push({ agency: agency.id, field: 'jurisdiction', from: '', to: a.jurisdiction, source: where });
        agency.jurisdiction = a.jurisdiction;
      }
    }
    const record = (field: string, from: string, to: string) => rowChanges.push({ agency: agency.id, field, from, to, source: where });
    const aos = splitList(agency.atlas_ids);
    const newAos = a.aosIds.filter((x) => !aos.includes(x));
    if (newAos.length > 0) record('atlas_ids', agency.atlas_ids, joinList([...aos, ...newAos]));
    aos.push(...newAos);
    agency.atlas_ids = joinList(aos);
    for (const x of aos) byAtlasId.set(x, agency);
    touched(agency, agencyBefore);

    const sourceIds = [dataset.id];
    for (const l of a.links) {
      if (l.type === 'map') {
        addSource(RING_MAP_SOURCE);
        sourceIds.push(RING_MAP_SOURCE.id);
        continue;
      }
      const known = sourceIdByUrl.get(l.url);
      if (known) {
        sourceIds.push(known);
        continue;
      }
      const publisher = l.source || publisherFor(l.url, opts.publishers);
      const s: Lined<SourceRow> = {
        ...(origin ? { origin } : {}),
        id: sourceIdFor(publisher, l.url),
        type: l.type,
        url: l.url,
        publisher,
        title: titleFromUrl(l.url),
        date: l.date ?? '',
      };
      addSource(s);
      sourceIdByUrl.set(s.url, s.id);
      sourceIds.push(s.id);
    }

    const pid = portalProgramId(agency.id);
    const existing = programsById.get(pid);
    if (!existing) {
      const p: Lined<ProgramRow> = {
        ...(origin ? { origin } : {}),
        id: pid,
        agency_id: agency.id,
        kind: 'neighbors_portal',
        start_date: a.date ?? '',
        start_kind: importedStartKind(a.date),
        end_date: '',
        devices_given: '',
        perk_value_usd: '',
        subsidy_usd: '',
        at_least: 'false',
        ...PORTAL_PROGRAM_DEFAULTS,
        summary: portalSummary(a),
        source_ids: joinList(sourceIds),
      };
      out.programs.push(p);
      programsById.set(pid, p);
      record('program neighbors_portal', '', `added, citing ${p.source_ids}`);
    } else {
      const before = JSON.stringify(existing);
      const start = earlierDate(existing.start_date || null, a.date) ?? '';
      if (start !== existing.start_date) {
        record('neighbors_portal start_date', existing.start_date, start);
        existing.start_date = start;
        // The Atlas's date is when the listing began, whatever the earlier date said.
        const kind = importedStartKind(start);
        if ((existing.start_kind ?? '') !== kind) record('neighbors_portal start_kind', existing.start_kind ?? '', kind);
        existing.start_kind = kind;
      }
      const list = splitList(existing.source_ids);
      const gained = sourceIds.filter((x) => !list.includes(x));
      if (gained.length > 0) record('neighbors_portal source_ids', '', `+ ${gained.join('; ')}`);
      existing.source_ids = joinList([...list, ...gained]);
      touched(existing, before);
    }
    if (existingIds.has(agency.id)) changes.push(...rowChanges);
  }
  return { tables: out, added, merged, rejects, changes };
}

/** The Atlas row names the agency that holds its Atlas id: same state, and the same name (by the matching rules) or a listed alias. */
function sameAgency(holder: Lined<AgencyRow>, a: AtlasAgency, matcher: AgencyMatcher<Lined<AgencyRow>>): boolean {
  const m = matcher.match(a.agency, a.state);
  if (m?.how === 'alias' && m.item.id === holder.id) return true;
  if (holder.state !== a.state) return false;
  return matchKey(holder.name, holder.state) === matchKey(a.agency, a.state) || looseKey(holder.name, holder.state) === looseKey(a.agency, a.state);
}
