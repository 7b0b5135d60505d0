/**
 * Row-level checks of the source tables. Each bad row becomes a reject that
 * names its file, line and reason; text is normalised (NFC, invisible and
 * direction-control characters removed, whitespace collapsed) and never
 * allowed to carry markup.
 */
import { AGENCY_TYPES, DATE_KINDS, PARTNERSHIP_STATUSES, PERK_STATUSES, PROGRAM_KINDS, SOURCE_COPIES, type AgencyType, type DateKind, type PartnershipStatus, type PerkStatus, type ProgramKind, type SourceCopy } from '../../src/core/vocabulary';
import { dateProblem } from '../../src/core/dates';
import { isHttpUrl } from '../lib/sources';
import { isStateCode } from '../lib/states';
import { cleanText } from '../../src/core/text';
import { LIMITS, textProblems } from '../../src/core/submission';
import { isId, isProgramId } from '../../src/core/ids';
import {
  JURISDICTIONS, SOURCE_TYPES, TABLE_FILES, splitList,
  type Lined, type AgencyRow, type OverrideRow, type ProgramRow, type SourceRow, type Tables,
} from '../tables/model';

export interface Reject {
  file: string;
  line: number;
  reason: string;
  /** Where an importer's change to the row came from (`export.csv:12`), if any. */
  origin?: string[];
}

// The text rules live in src/core/submission.ts: the page's contribution form applies the same ones.
export { LIMITS };

export interface Agency {
  line: number;
  origin?: string[];
  id: string;
  name: string;
  agency_type: AgencyType;
  jurisdiction: string;
  city: string | null;
  county: string | null;
  /** Further counties the jurisdiction spans (a city across county lines, NYC's five boroughs). */
  other_counties: string[];
  state: string;
}

export interface Source {
  line: number;
  origin?: string[];
  id: string;
  type: (typeof SOURCE_TYPES)[number];
  url: string | null;
  publisher: string;
  title: string | null;
  date: string | null;
  copy: SourceCopy | null;
}

export interface Program {
  line: number;
  origin?: string[];
  id: string;
  agency_id: string;
  kind: ProgramKind;
  start_date: string | null;
  start_kind: DateKind | null;
  end_date: string | null;
  devices_given: number | null;
  perk_value_usd: number | null;
  subsidy_usd: number | null;
  at_least: boolean;
  perk_status: PerkStatus | null;
  figures_derived: boolean;
  perk_note: string | null;
  status: PartnershipStatus;
  status_note: string | null;
  summary: string;
  source_ids: string[];
}

export interface Override {
  line: number;
  origin?: string[];
  agency_id: string;
  lon: number;
  lat: number;
}

export interface Validated {
  agencies: Agency[];
  sources: Map<string, Source>;
  programs: Program[];
  overrides: Map<string, Override>;
  rejects: Reject[];
  /** Text fields that were normalised (invisible characters, spacing). */
  normalised: number;
}


class RowError extends Error {}
/** A value echoed in a reason, shortened (a hostile row can hold thousands of characters). */
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
const fail = (reason: string): never => {
  throw new RowError(reason);
};

export interface ValidateOptions {
  /** The latest publishable date (`YYYY-MM-DD`): the build date, by default today. */
  today?: string;
}

type TextCheck = (raw: string | undefined, field: string, max: number, required: boolean) => string | null;

/**
 * What a program's perk was and whether the partnership still holds. Only a
 * perk that was given may carry figures: an offer, a purchase by the agency
 * or a returned gift is said in `perk_note`, never counted.
 */
function perkAndStatus(
  r: ProgramRow,
  figures: { devices_given: number | null; perk_value_usd: number | null; subsidy_usd: number | null },
  text: TextCheck,
): Pick<Program, 'perk_status' | 'figures_derived' | 'perk_note' | 'status' | 'status_note'> {
  const ps = cleanText(r.perk_status ?? '');
  if (ps && !(PERK_STATUSES as readonly string[]).includes(ps)) fail(`unknown perk_status "${ps}"`);
  const perk_status = (ps || null) as PerkStatus | null;
  const hasFigure = figures.devices_given !== null || figures.perk_value_usd !== null || figures.subsidy_usd !== null;
  if (hasFigure && perk_status !== 'given') {
    fail(`figures are published only for a perk that was given (perk_status is "${ps}"): say the rest in perk_note`);
  }
  const fd = cleanText(r.figures_derived ?? '').toLowerCase();
  if (!['', 'true', 'false'].includes(fd)) fail(`figures_derived "${r.figures_derived}" is not true or false`);
  if (fd === 'true' && !hasFigure) fail('figures_derived is true but no figure is given');
  const perk_note = text(r.perk_note, 'perk_note', LIMITS.note, false);
  const st = cleanText(r.status ?? '') || 'unknown';
  if (!(PARTNERSHIP_STATUSES as readonly string[]).includes(st)) fail(`unknown status "${st}"`);
  const status_note = text(r.status_note, 'status_note', LIMITS.note, false);
  if ((st === 'denied' || st === 'ended') && !status_note) fail(`status "${st}" needs a status_note saying who said so`);
  return { perk_status, figures_derived: fd === 'true', perk_note, status: st as PartnershipStatus, status_note };
}

export function validateTables(t: Tables, opts: ValidateOptions = {}): Validated {
  const rejects: Reject[] = [];
  let normalised = 0;
  const text = (raw: string | undefined, field: string, max: number, required: boolean): string | null => {
    const v = cleanText(raw ?? '');
    if (v !== (raw ?? '')) normalised++;
    if (!v) return required ? fail(`missing ${field}`) : null;
    for (const p of textProblems(raw ?? '', field, max)) fail(p);
    return v;
  };
  function each<R, T>(file: string, rows: Lined<R>[], fn: (r: Lined<R>) => T | undefined): T[] {
    const out: T[] = [];
    for (const r of rows) {
      try {
        const v = fn(r);
        if (v !== undefined) out.push(v);
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        rejects.push({ file, line: r.line ?? 0, reason: e.message, ...(r.origin ? { origin: r.origin } : {}) });
      }
    }
    return out;
  }
  const date = (raw: string, field: string): string | null => {
    const v = cleanText(raw);
    if (!v) return null;
    const problem = dateProblem(v, opts.today);
    if (problem) fail(`${field} "${v}" ${problem}`);
    return v;
  };
  const amount = (raw: string, field: string): number | null => {
    const v = cleanText(raw);
    if (!v) return null;
    if (!/^\d+(?:\.\d+)?$/.test(v)) fail(`${field} "${v}" is not a non-negative number`);
    const n = Number(v);
    if (!Number.isFinite(n) || n > 1e10) fail(`${field} "${v}" is out of range`);
    return n;
  };

  // Agencies
  const agencyIds = new Set<string>();
  const agencyRowIds = new Set(t.agencies.map((r) => cleanText(r.id)));
  const agencies = each<AgencyRow, Agency>(TABLE_FILES.agencies, t.agencies, (r) => {
    const id = cleanText(r.id);
    if (!isId(id)) fail(`id "${clip(cleanText(r.id))}" is not a lower-case slug`);
    if (agencyIds.has(id)) fail(`duplicate id "${id}"`);
    agencyIds.add(id);
    const name = text(r.name, 'agency name', LIMITS.name, true)!;
    const agency_type = cleanText(r.agency_type) as AgencyType;
    if (!AGENCY_TYPES.includes(agency_type)) fail(`unknown agency_type "${r.agency_type}"`);
    const jurisdiction = cleanText(r.jurisdiction);
    if (jurisdiction && !(JURISDICTIONS as readonly string[]).includes(jurisdiction)) fail(`unknown jurisdiction "${jurisdiction}"`);
    const state = cleanText(r.state);
    if (!isStateCode(state)) fail(`unknown state "${state}"`);
    const city = text(r.city, 'city', LIMITS.place, false);
    const county = text(r.county, 'county', LIMITS.place, false);
    const other_counties = splitList(text(r.other_counties, 'other_counties', LIMITS.list, false) ?? '');
    text(r.atlas_ids, 'atlas_ids', LIMITS.list, false);
    text(r.note, 'note', LIMITS.note, false);
    return { line: r.line ?? 0, origin: r.origin, id, name, agency_type, jurisdiction, city, county, other_counties, state };
  });
  const acceptedAgencies = new Set(agencies.map((a) => a.id));

  // Sources
  const sourceIds = new Set<string>();
  const sourceList = each<SourceRow, Source>(TABLE_FILES.sources, t.sources, (r) => {
    const id = cleanText(r.id);
    if (!/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(id)) fail(`id "${clip(cleanText(r.id))}" is not a lower-case slug`);
    if (sourceIds.has(id)) fail(`duplicate id "${id}"`);
    sourceIds.add(id);
    const type = cleanText(r.type) as Source['type'];
    if (!SOURCE_TYPES.includes(type)) fail(`unknown source type "${r.type}"`);
    const rawUrl = (r.url ?? '').trim();
    let url: string | null = null;
    if (rawUrl) {
      if (rawUrl.length > LIMITS.url) fail(`url is longer than ${LIMITS.url} characters`);
      if (/\s/.test(rawUrl) || cleanText(rawUrl) !== rawUrl || !isHttpUrl(rawUrl)) fail('url is not an http(s) URL');
      url = rawUrl;
    }
    const publisher = text(r.publisher, 'publisher', LIMITS.name, true)!;
    const title = text(r.title, 'title', LIMITS.title, false);
    const copy = cleanText(r.copy ?? '');
    if (copy && !(SOURCE_COPIES as readonly string[]).includes(copy)) fail(`unknown copy "${copy}" (${SOURCE_COPIES.join(' or ')})`);
    if (copy && !url) fail('copy is set but the source has no url');
    return { line: r.line ?? 0, origin: r.origin, id, type, url, publisher, title, date: date(r.date, 'date'), copy: (copy || null) as SourceCopy | null };
  });
  const sources = new Map(sourceList.map((s) => [s.id, s]));

  // Programs
  const programIds = new Set<string>();
  const programs = each<ProgramRow, Program>(TABLE_FILES.programs, t.programs, (r) => {
    const id = cleanText(r.id);
    if (!isProgramId(id)) fail(`id "${clip(cleanText(r.id))}" is not a lower-case slug`);
    if (programIds.has(id)) fail(`duplicate id "${id}"`);
    programIds.add(id);
    const agency_id = cleanText(r.agency_id);
    if (!acceptedAgencies.has(agency_id)) {
      fail(agencyRowIds.has(agency_id) ? `agency_id "${agency_id}" was rejected` : `unknown agency_id "${agency_id}"`);
    }
    const kind = cleanText(r.kind) as ProgramKind;
    if (!PROGRAM_KINDS.includes(kind)) fail(`unknown program kind "${r.kind}"`);
    const start_date = date(r.start_date, 'start_date');
    const sk = cleanText(r.start_kind ?? '');
    if (sk && !(DATE_KINDS as readonly string[]).includes(sk)) fail(`unknown start_kind "${sk}" (${DATE_KINDS.join(', ')})`);
    if (sk && !start_date) fail('start_kind is set but there is no start_date');
    const start_kind = (sk || null) as DateKind | null;
    const end_date = date(r.end_date, 'end_date');
    if (start_date && end_date && end_date < start_date && !start_date.startsWith(end_date)) {
      fail(`end_date ${end_date} is before start_date ${start_date}`);
    }
    const devices_given = amount(r.devices_given, 'devices_given');
    const perk_value_usd = amount(r.perk_value_usd, 'perk_value_usd');
    const subsidy_usd = amount(r.subsidy_usd, 'subsidy_usd');
    const al = cleanText(r.at_least).toLowerCase();
    if (!['', 'true', 'false'].includes(al)) fail(`at_least "${r.at_least}" is not true or false`);
    const at_least = al === 'true';
    if (at_least && devices_given === null && perk_value_usd === null && subsidy_usd === null) {
      fail('at_least is true but no figure is given');
    }
    const lifecycle = perkAndStatus(r, { devices_given, perk_value_usd, subsidy_usd }, text);
    const summary = text(r.summary, 'summary', LIMITS.summary, true)!;
    const ids = splitList(r.source_ids ?? '');
    if (ids.length === 0) fail('no source_ids (every program needs a source)');
    for (const s of ids) if (!sources.has(s)) fail(`unknown source id "${s}"`);
    return {
      line: r.line ?? 0, origin: r.origin, id, agency_id, kind, start_date, start_kind, end_date,
      devices_given, perk_value_usd, subsidy_usd, at_least, ...lifecycle, summary, source_ids: [...new Set(ids)],
    };
  });

  // Geocode overrides
  const overrides = new Map<string, Override>();
  each<OverrideRow, void>(TABLE_FILES.overrides, t.overrides, (r) => {
    const agency_id = cleanText(r.agency_id);
    if (!acceptedAgencies.has(agency_id)) {
      fail(agencyRowIds.has(agency_id) ? `agency_id "${agency_id}" was rejected` : `unknown agency_id "${agency_id}"`);
    }
    if (overrides.has(agency_id)) fail(`duplicate override for "${agency_id}"`);
    const num = (v: string, f: string) => {
      const s = cleanText(v);
      if (!/^-?\d+(?:\.\d+)?$/.test(s)) fail(`${f} "${s}" is not a number`);
      return Number(s);
    };
    const lon = num(r.lon, 'lon');
    const lat = num(r.lat, 'lat');
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) fail(`coordinates ${lon},${lat} are out of range`);
    text(r.note, 'note', LIMITS.note, false);
    overrides.set(agency_id, { line: r.line ?? 0, origin: r.origin, agency_id, lon, lat });
  });

  return { agencies, sources, programs, overrides, rejects, normalised };
}
