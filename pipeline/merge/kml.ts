/**
 * Merging the agencies of a Ring Active Agency Map KML export into the
 * source tables. Conservative and idempotent, like the Atlas merge: rows from
 * other sources are never overwritten; an existing agency (same name, or an
 * alias) only gains the dated map snapshot as a source of its
 * Neighbors-portal program, empty fields filled, and an activation date where
 * it had none or a less precise one that the map refines. A date that
 * disagrees is kept as it was and reported.
 */
import type { KmlAgency } from '../kml/parse';
import { earlierDate } from '../../src/core/dates';
import { cloneTables, joinList, splitList, type AgencyRow, type Lined, type ProgramRow, type SourceRow, type Tables, PORTAL_PROGRAM_DEFAULTS, importedStartKind } from '../tables/model';
import { portalProgramId, RING_MAP_SOURCE } from './atlas';
import type { Geocoder } from '../geocode/geocoder';
import type { Change } from './changes';
import { cityCountyProblem, Intake, newAgencyId, placeUpdate, type KeepApart } from './intake';

export interface KmlMergeOptions {
  /** The date the map was exported `YYYY-MM-DD`: the snapshot source is dated by it. */
  exportDate: string;
  aliases?: readonly [string, string, string][];
  /** keep-apart.csv: names that are not the agency they look like. */
  keepApart?: readonly KeepApart[];
  /** place_corrections.csv: a placemark's place a maintainer already corrected is not a disagreement. */
  corrected?: (agencyId: string, field: string, previous: string) => boolean;
  /** Tells whether a placemark's city lies in its county. */
  geocoder: Geocoder;
}

export interface KmlMergeResult {
  tables: Tables;
  /** Agencies not merged: the same name in another county, or a name probably of an agency already there. */
  rejects: { agency: KmlAgency; reason: string }[];
  /** Every change to an agency that was already in the tables. */
  changes: Change[];
  added: { id: string; agency: KmlAgency }[];
  merged: { id: string; how: 'exact' | 'alias'; agency: KmlAgency }[];
  /** Existing dates that the map contradicts (the existing one is kept). */
  dateConflicts: { id: string; kept: string; map: string }[];
  /** Rows this merge created carry a negative line: -n for the agency of placemark n (the snapshot source has none). */
  createdLine: (placemarkNumber: number) => number;
}

export const kmlSnapshotId = (exportDate: string) => `ring-active-agency-map-${exportDate}`;

export function kmlSnapshotSource(exportDate: string): SourceRow {
  return {
    id: kmlSnapshotId(exportDate),
    type: 'map',
    url: RING_MAP_SOURCE.url,
    publisher: 'Ring',
    title: `Active Agency Map (law-enforcement partners on Neighbors), KML export of ${exportDate}`,
    date: exportDate,
  };
}

function portalSummary(a: KmlAgency, exportDate: string): string {
  const precision = a.date === null ? 'none' : a.date.length === 10 ? 'day' : a.date.length === 7 ? 'month' : 'year';
  const base =
    precision === 'none'
      ? `Listed on Ring's Active Agency Map (export of ${exportDate}) as a partner on the Neighbors law-enforcement portal; the map gives no activation date, so the partnership began on or before ${exportDate}.`
      : `Listed on Ring's Active Agency Map (export of ${exportDate}) as a partner on the Neighbors law-enforcement portal, activated ${precision === 'day' ? 'on this date' : `in this ${precision}`} according to the map.`;
  const distinct = [...new Set(a.dates.filter((d): d is string => d !== null))];
  return distinct.length > 1 ? `${base} The map lists the agency ${a.dates.length} times, with dates ${distinct.join(' and ')}; the earliest is used.` : base;
}

export function mergeKml(tables: Tables, agencies: readonly KmlAgency[], opts: KmlMergeOptions): KmlMergeResult {
  const out = cloneTables(tables);
  const intake = new Intake<Lined<AgencyRow>>(out.agencies, { aliases: opts.aliases, keepApart: opts.keepApart });
  const ids = new Set(out.agencies.map((a) => a.id));
  const programIds = new Set(out.programs.map((p) => p.id));
  const portalByAgency = new Map<string, Lined<ProgramRow>>();
  for (const p of out.programs) if (p.kind === 'neighbors_portal' && !portalByAgency.has(p.agency_id)) portalByAgency.set(p.agency_id, p);
  const createdLine = (n: number) => -n;
  const existing = new Set(out.agencies.map((a) => a.id));
  const res: KmlMergeResult = { tables: out, rejects: [], changes: [], added: [], merged: [], dateConflicts: [], createdLine };

  const snapshot = kmlSnapshotSource(opts.exportDate);
  if (agencies.length > 0 && !out.sources.some((s) => s.id === snapshot.id)) out.sources.push({ ...snapshot });

  for (const a of agencies) {
    const line = createdLine(a.placemarks[0].number);
    const where = `placemark ${a.placemarks[0].number}`;
    const record = (id: string, field: string, from: string, to: string) => {
      if (existing.has(id)) res.changes.push({ agency: id, field, from, to, source: where });
    };
    const who = intake.identify(a.name, a.state, a.county);
    if (who.kind === 'reject') {
      res.rejects.push({ agency: a, reason: who.reason });
      continue;
    }
    let agency: Lined<AgencyRow>;
    if (who.kind === 'new') {
      const problem = cityCountyProblem(opts.geocoder, a.state, a.city, a.county);
      if (problem) {
        res.rejects.push({ agency: a, reason: problem });
        continue;
      }
      const id = newAgencyId(a.name, a.state, a.county, (x) => ids.has(x));
      agency = {
        id, name: a.name, agency_type: a.agencyType, jurisdiction: a.jurisdiction, city: a.city, county: a.county,
        other_counties: '', state: a.state, atlas_ids: '', note: '', line,
      };
      out.agencies.push(agency);
      intake.add(agency);
      ids.add(id);
      res.added.push({ id, agency: a });
    } else {
      agency = who.agency;
      const placed = placeUpdate(agency, a, { mayChange: false, source: where, corrected: opts.corrected, geocoder: opts.geocoder });
      if ('reason' in placed) {
        res.rejects.push({ agency: a, reason: placed.reason });
        continue;
      }
      res.merged.push({ id: agency.id, how: who.how, agency: a });
      Object.assign(agency, placed.agency);
      for (const c of placed.changes) record(agency.id, c.field, c.from, c.to);
    }
    const portal = portalByAgency.get(agency.id);
    if (!portal) {
      let pid = portalProgramId(agency.id);
      for (let n = 2; programIds.has(pid); n++) pid = `${portalProgramId(agency.id)}-${n}`;
      const p: Lined<ProgramRow> = {
        id: pid, agency_id: agency.id, kind: 'neighbors_portal', start_date: a.date ?? '', start_kind: importedStartKind(a.date), end_date: '',
        devices_given: '', perk_value_usd: '', subsidy_usd: '', at_least: 'false',
        ...PORTAL_PROGRAM_DEFAULTS, summary: portalSummary(a, opts.exportDate), source_ids: snapshot.id, line,
      };
      out.programs.push(p);
      programIds.add(pid);
      portalByAgency.set(agency.id, p);
      record(agency.id, 'program neighbors_portal', '', `added, citing ${snapshot.id}`);
      continue;
    }
    const list = splitList(portal.source_ids);
    if (!list.includes(snapshot.id)) {
      list.push(snapshot.id);
      record(agency.id, 'neighbors_portal source_ids', '', `+ ${snapshot.id}`);
    }
    portal.source_ids = joinList(list);
    const had = portal.start_date;
    const to = !had ? a.date : a.date && a.date.startsWith(had) ? earlierDate(had, a.date) ?? had : had;
    if (a.date && to && to !== had) {
      record(agency.id, 'neighbors_portal start_date', had, to);
      portal.start_date = to;
      // A date where there was none is the map's activation date; a refined one keeps what the coarser one was.
      if (!portal.start_kind) {
        portal.start_kind = importedStartKind(to);
        record(agency.id, 'neighbors_portal start_kind', '', portal.start_kind);
      }
    } else if (a.date && had && !had.startsWith(a.date)) res.dateConflicts.push({ id: agency.id, kept: had, map: a.date });
  }
  return res;
}
