/**
 * Merging agencies named in news reports (`agencies_from_reporting.csv` of
 * the research folder: agency, agency_type, city, county, state,
 * start_date, source_url, source_date) into the source tables. An agency
 * already in the tables gains the report as a source of its
 * Neighbors-portal program (its date is kept; a report only fills a missing
 * one); an agency not yet there is added with a Neighbors-portal program
 * dated as the report allows. Idempotent; never overwrites other rows.
 */
import type { CsvRecord } from '../lib/csv';
import { dateProblem } from '../../src/core/dates';
import { classifyUrl, isHttpUrl, publisherFor, sourceIdFor } from '../lib/sources';
import { normalizeState } from '../lib/states';
import { cleanText, hasMarkup } from '../../src/core/text';
import { agencySlug } from '../lib/text';
import { cloneTables, joinList, splitList, type AgencyRow, type Lined, type ProgramRow, type Tables, PORTAL_PROGRAM_DEFAULTS, importedStartKind } from '../tables/model';
import { AgencyMatcher } from './names';
import { portalProgramId } from './atlas';

const TYPES = ['police', 'sheriff', 'fire', 'city', 'other'];

export interface ReportingResult {
  tables: Tables;
  rejects: { line: number; reason: string }[];
  matched: { line: number; name: string; id: string; how: string }[];
  added: string[];
  /** Reports whose date differs from the date already in the tables (kept). */
  dateConflicts: { id: string; kept: string; reported: string }[];
}

/** "Madison" → "Madison County" ("Parish" in Louisiana, "Borough" in Alaska). */
export function countyWithSuffix(county: string, state: string): string {
  const c = cleanText(county);
  if (!c || /\b(county|parish|borough|census area|city)$/i.test(c)) return c;
  return `${c} ${state === 'LA' ? 'Parish' : state === 'AK' ? 'Borough' : 'County'}`;
}

export function mergeReporting(
  tables: Tables,
  records: readonly CsvRecord[],
  opts: {
    publishers: ReadonlyMap<string, string>;
    aliases?: readonly [string, string, string][];
    /** The list's file name: rows created or changed are marked with its `file:line` (for the build's rejects). */
    file?: string;
  },
): ReportingResult {
  const out: Tables = cloneTables(tables);
  const matcher = new AgencyMatcher<Lined<AgencyRow>>(out.agencies);
  for (const [alias, state, id] of opts.aliases ?? []) matcher.addAlias(alias, state, id);
  const ids = new Set(out.agencies.map((a) => a.id));
  const sourceIds = new Set(out.sources.map((s) => s.id));
  // A URL already in the tables (under any id) is reused, not added twice.
  const sourceIdByUrl = new Map(out.sources.filter((s) => s.url).map((s) => [s.url, s.id]));
  const programsByAgency = new Map<string, Lined<ProgramRow>[]>();
  for (const p of out.programs) programsByAgency.set(p.agency_id, [...(programsByAgency.get(p.agency_id) ?? []), p]);
  const res: ReportingResult = { tables: out, rejects: [], matched: [], added: [], dateConflicts: [] };

  for (const rec of records) {
    const v = (k: string) => cleanText(rec.values[k] ?? '');
    const origin = opts.file ? { origin: [`${opts.file}:${rec.line}`] } : {};
    const name = v('agency');
    const reject = (reason: string) => res.rejects.push({ line: rec.line, reason });
    if (!name) { reject('missing agency name'); continue; }
    if (hasMarkup(name)) { reject('agency name contains markup'); continue; }
    const state = normalizeState(v('state'));
    if (!state) { reject(`unknown state "${v('state')}"`); continue; }
    const type = v('agency_type').toLowerCase();
    if (!TYPES.includes(type)) { reject(`unknown agency_type "${v('agency_type')}"`); continue; }
    const start = v('start_date');
    if (start && dateProblem(start)) { reject(`start_date "${start}" ${dateProblem(start)}`); continue; }
    const url = v('source_url');
    if (!isHttpUrl(url)) { reject('source_url is not an http(s) URL'); continue; }
    const sdate = v('source_date');
    if (sdate && dateProblem(sdate)) { reject(`source_date "${sdate}" ${dateProblem(sdate)}`); continue; }

    const publisher = publisherFor(url, opts.publishers);
    const sid = sourceIdByUrl.get(url) ?? sourceIdFor(publisher, url);
    if (!sourceIds.has(sid)) {
      out.sources.push({ ...origin, id: sid, type: classifyUrl(url), url, publisher, title: '', date: sdate });
      sourceIds.add(sid);
      sourceIdByUrl.set(url, sid);
    }

    const m = matcher.match(name, state, { agencyType: type, loose: true });
    let agency = m?.item;
    if (m) res.matched.push({ line: rec.line, name, id: m.item.id, how: m.how });
    if (!agency) {
      let id = agencySlug(name, state);
      for (let n = 2; ids.has(id); n++) id = `${agencySlug(name, state)}-${n}`;
      const county = countyWithSuffix(v('county'), state);
      agency = {
        ...origin,
        id,
        name,
        agency_type: type,
        jurisdiction: type === 'sheriff' || (/\b(county|parish)\b/i.test(name) && !v('city')) ? 'county' : 'municipal',
        city: v('city'),
        county,
        other_counties: '',
        state,
        atlas_ids: '',
        note: 'Added from news reporting (research list of agencies named in reports).',
      };
      out.agencies.push(agency);
      matcher.add(agency);
      ids.add(id);
      res.added.push(id);
    }
    const programs = programsByAgency.get(agency.id) ?? [];
    let portal = programs.find((p) => p.kind === 'neighbors_portal');
    if (!portal) {
      portal = {
        ...origin,
        id: portalProgramId(agency.id),
        agency_id: agency.id,
        kind: 'neighbors_portal',
        start_date: start,
        start_kind: importedStartKind(start),
        end_date: '',
        devices_given: '',
        perk_value_usd: '',
        subsidy_usd: '',
        at_least: 'false',
        ...PORTAL_PROGRAM_DEFAULTS,
        summary: start
          ? "Named in local news reporting as a partner on Ring's Neighbors public-safety portal; the date is when the report says it joined."
          : "Named in local news reporting as a partner on Ring's Neighbors public-safety portal; the report gives no start date.",
        source_ids: sid,
      };
      out.programs.push(portal);
      programsByAgency.set(agency.id, [...programs, portal]);
      continue;
    }
    const before = JSON.stringify(portal);
    const list = splitList(portal.source_ids);
    if (!list.includes(sid)) list.push(sid);
    portal.source_ids = joinList(list);
    if (!portal.start_date && start) {
      portal.start_date = start;
      portal.start_kind = importedStartKind(start);
    }
    if (opts.file && JSON.stringify(portal) !== before) portal.origin = [...(portal.origin ?? []), `${opts.file}:${rec.line}`];
    else if (start && portal.start_date && !portal.start_date.startsWith(start) && !start.startsWith(portal.start_date)) {
      res.dateConflicts.push({ id: agency.id, kept: portal.start_date, reported: start });
    }
  }
  return res;
}
