/**
 * Volunteer submissions (`data/submissions/*.csv`, one row per sourced
 * partnership, columns in SUBMISSION_COLUMNS) merged into the source tables
 * at build time. Each row is checked by its own rules (a source URL and
 * title are required, dates and their precision must agree) and then by the
 * build's own rules for the rows it would create or change
 * (`checkAgency`); a row failing either is rejected with file, line and
 * reason and changes nothing. A row naming an agency already in the tables
 * (same name or an alias) adds its source to that agency's program of the
 * same kind and fills what is empty; nothing there is overwritten.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_TYPES, PROGRAM_KINDS, type ProgramKind } from '../../src/core/vocabulary';
import type { Reject } from '../build/validate';
import type { Geocoder } from '../geocode/geocoder';
import { parseCsv, type CsvTable } from '../lib/csv';
import { earlierDate, isPartialIsoDate } from '../../src/core/dates';
import { parseAtlasDate } from '../lib/dates';
import { classifyUrl, isHttpUrl, publisherFor, sourceIdFor } from '../lib/sources';
import { normalizeState } from '../lib/states';
import { cleanText } from '../../src/core/text';
import { agencySlug } from '../lib/text';
import {
  JURISDICTIONS, cloneTables, joinList, splitList,
  type AgencyRow, type Lined, type SourceRow, type Tables, PORTAL_PROGRAM_DEFAULTS,
} from '../tables/model';
import { portalProgramId } from './atlas';
import { checkAgency, rootCauses } from './check';
import { AgencyMatcher } from './names';

export const SUBMISSIONS_DIR = 'submissions';

export const SUBMISSION_COLUMNS = [
  'source_url', 'source_title', 'source_publisher', 'source_date',
  'agency_name', 'agency_type', 'jurisdiction', 'city', 'county', 'state',
  'kind', 'start_date', 'start_precision', 'start_is', 'end_date', 'summary',
] as const;
const REQUIRED = ['source_url', 'source_title', 'agency_name', 'agency_type', 'state'] as const;

export const PRECISIONS = ['day', 'month', 'year'] as const;
/** `joined`: the source says when the agency joined; `on_or_before`: it only shows the partnership existed by then. */
export const START_IS = ['joined', 'on_or_before'] as const;

export interface SubmissionFile {
  /** Path relative to the tables folder, e.g. `submissions/2025-ohio.csv`. */
  file: string;
  csv: CsvTable;
}

/** Every `*.csv` in `<tables dir>/submissions`, in name order (the template is one of them, with no rows). */
export function readSubmissionFiles(tablesDir: string): SubmissionFile[] {
  const dir = join(tablesDir, SUBMISSIONS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
    .map((f) => ({ file: `${SUBMISSIONS_DIR}/${f}`, csv: parseCsv(readFileSync(join(dir, f), 'utf8')) }));
}

export interface SubmissionRow {
  file: string;
  line: number;
  agencyId: string;
  url: string;
}

export interface SubmissionsResult {
  tables: Tables;
  /** Rows merged: their agency and source URL (the build checks each reaches the output). */
  accepted: SubmissionRow[];
  rejects: Reject[];
  /** Per file: data rows read. */
  rowsRead: Record<string, number>;
  /** Rows that name an agency already in the tables but give another date (the existing one is kept). */
  notes: string[];
  /** The submission row behind a created row's (negative) line. */
  origin: (line: number) => { file: string; line: number } | undefined;
}

/** Lines of rows created by submissions: far below the small negative lines importers use. */
const LINE_BASE = -1_000_000_000;

type DateResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * A date cell with its precision: `2019-05-23`, `2019-05`, `2019`, or
 * `5/23/2019` (as spreadsheets save dates). With a precision, a fuller date
 * is cut to it (`2019-05-01` at `month` → `2019-05`, as spreadsheets turn a
 * month into its first day); a precision finer than the date is an error.
 */
export function submissionDate(raw: string, precision: string, field: string): DateResult {
  const s = cleanText(raw);
  const p = parseAtlasDate(s);
  if (!p.ok) return { ok: false, reason: `${field} "${s}" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)` };
  if (!precision) return p;
  const want = precision === 'day' ? 10 : precision === 'month' ? 7 : 4;
  if (p.value.length < want) return { ok: false, reason: `${field} "${s}" is less precise than ${field.replace(/_date$/, '')}_precision "${precision}"` };
  const value = p.value.slice(0, want);
  return isPartialIsoDate(value) ? { ok: true, value } : { ok: false, reason: `${field} "${s}" is not a real date` };
}

/** A submission's `start_is` as the tables' date kind: `joined` is when it began, `on_or_before` an upper bound. */
function startKindOf(start: string, startIs: string): string {
  return !start ? '' : startIs === 'on_or_before' ? 'active_by' : 'began';
}

function defaultSummary(kind: ProgramKind, start: string, startIs: string): string {
  const precision = start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year';
  if (kind !== 'neighbors_portal') return '';
  if (!start) return "A partner on Ring's Neighbors law-enforcement portal according to the cited source, which gives no start date.";
  return startIs === 'on_or_before'
    ? "A partner on Ring's Neighbors law-enforcement portal by this date: the cited source shows the partnership existed then, not when it began."
    : `Joined Ring's Neighbors law-enforcement portal ${precision === 'day' ? 'on this date' : `in this ${precision}`}, as the cited source reports.`;
}

export function mergeSubmissions(
  tables: Tables,
  files: readonly SubmissionFile[],
  opts: { geocoder: Geocoder; publishers: ReadonlyMap<string, string>; aliases?: readonly [string, string, string][] },
): SubmissionsResult {
  const out = cloneTables(tables);
  const matcher = new AgencyMatcher<Lined<AgencyRow>>(out.agencies);
  for (const [alias, state, id] of opts.aliases ?? []) matcher.addAlias(alias, state, id);
  const agencyIds = new Set(out.agencies.map((a) => a.id));
  const programIds = new Set(out.programs.map((p) => p.id));
  const sourceIds = new Set(out.sources.map((s) => s.id));
  const sourceIdByUrl = new Map(out.sources.filter((s) => s.url).map((s) => [s.url, s.id]));
  const origins: { file: string; line: number }[] = [];
  const seen = new Map<string, string>();
  const res: SubmissionsResult = {
    tables: out, accepted: [], rejects: [], rowsRead: {}, notes: [],
    origin: (line) => (line <= LINE_BASE ? origins[LINE_BASE - line] : undefined),
  };

  for (const { file, csv } of files) {
    res.rowsRead[file] = csv.records.length + csv.issues.filter((i) => i.line > 1).length;
    for (const i of csv.issues) res.rejects.push({ file, line: i.line, reason: i.reason });
    const missing = SUBMISSION_COLUMNS.filter((c) => !csv.header.includes(c));
    if (missing.length > 0) {
      res.rejects.push({ file, line: 1, reason: `missing column(s): ${missing.join(', ')} (start from data/submissions/template.csv)` });
      for (const r of csv.records) res.rejects.push({ file, line: r.line, reason: 'the file lacks required columns' });
      continue;
    }
    for (const rec of csv.records) {
      const reject = (reason: string) => res.rejects.push({ file, line: rec.line, reason });
      const v = (k: (typeof SUBMISSION_COLUMNS)[number]) => cleanText(rec.values[k] ?? '');
      const empty = REQUIRED.filter((k) => !v(k));
      if (empty.length > 0) { reject(`missing ${empty.join(', ')}`); continue; }
      const url = (rec.values.source_url ?? '').trim();
      if (!isHttpUrl(url) || /\s/.test(url)) { reject('source_url is not an http(s) URL'); continue; }
      const state = normalizeState(v('state'));
      if (!state) { reject(`unknown state "${v('state')}"`); continue; }
      const agencyType = v('agency_type').toLowerCase();
      if (!(AGENCY_TYPES as readonly string[]).includes(agencyType)) { reject(`unknown agency_type "${v('agency_type')}" (one of ${AGENCY_TYPES.join(', ')})`); continue; }
      const jurisdiction = v('jurisdiction').toLowerCase();
      if (jurisdiction && !(JURISDICTIONS as readonly string[]).includes(jurisdiction)) { reject(`unknown jurisdiction "${v('jurisdiction')}" (one of ${JURISDICTIONS.join(', ')})`); continue; }
      const kind = (v('kind').toLowerCase() || 'neighbors_portal') as ProgramKind;
      if (!PROGRAM_KINDS.includes(kind)) { reject(`unknown kind "${v('kind')}" (one of ${PROGRAM_KINDS.join(', ')})`); continue; }
      const precision = v('start_precision').toLowerCase();
      if (precision && !(PRECISIONS as readonly string[]).includes(precision)) { reject(`unknown start_precision "${v('start_precision')}" (day, month or year)`); continue; }
      const startIs = v('start_is').toLowerCase();
      if (startIs && !(START_IS as readonly string[]).includes(startIs)) { reject(`unknown start_is "${v('start_is')}" (joined or on_or_before)`); continue; }
      let start = '';
      if (v('start_date')) {
        const d = submissionDate(v('start_date'), precision, 'start_date');
        if (!d.ok) { reject(d.reason); continue; }
        if (!precision) { reject('start_precision is required with a start_date (day, month or year)'); continue; }
        if (!startIs) { reject('start_is is required with a start_date (joined or on_or_before)'); continue; }
        start = d.value;
      } else if (precision || startIs) { reject('start_precision or start_is given without a start_date'); continue; }
      let end = '';
      if (v('end_date')) {
        const d = submissionDate(v('end_date'), '', 'end_date');
        if (!d.ok) { reject(d.reason); continue; }
        end = d.value;
      }
      let sourceDate = '';
      if (v('source_date')) {
        const d = submissionDate(v('source_date'), '', 'source_date');
        if (!d.ok) { reject(d.reason); continue; }
        sourceDate = d.value;
      }
      let summary = v('summary') || defaultSummary(kind, start, startIs);
      if (!summary) { reject(`summary is required for kind "${kind}" (say in your own words what the source documents)`); continue; }
      if (v('summary') && startIs === 'on_or_before') summary += ' The start date is an upper bound: the source shows the partnership existed by then.';

      const name = v('agency_name');
      const m = matcher.match(name, state);
      const existing = m && m.how !== 'loose' ? m.item : undefined;
      let agencyId = existing?.id;
      if (!agencyId) {
        agencyId = agencySlug(name, state);
        for (let n = 2; agencyIds.has(agencyId); n++) agencyId = `${agencySlug(name, state)}-${n}`;
      }
      const dupKey = `${agencyId}|${kind}|${url}`;
      const dup = seen.get(dupKey);
      if (dup) { reject(`repeats ${dup} (same agency, kind and source)`); continue; }

      // The rows this submission would create or change, checked by the build before anything is kept.
      const line = LINE_BASE - origins.length;
      const trial = cloneTables(out);
      let agency = trial.agencies.find((a) => a.id === agencyId);
      if (!agency) {
        agency = {
          id: agencyId, name, agency_type: agencyType, jurisdiction: jurisdiction || (agencyType === 'sheriff' ? 'county' : 'municipal'),
          city: v('city'), county: v('county'), other_counties: '', state, atlas_ids: '', note: '', line,
        };
        trial.agencies.push(agency);
      } else {
        if (!agency.city) agency.city = v('city');
        if (!agency.county) agency.county = v('county');
      }
      let sid = sourceIdByUrl.get(url);
      if (!sid) {
        const publisher = v('source_publisher') || publisherFor(url, opts.publishers);
        sid = sourceIdFor(publisher, url);
        for (let n = 2; sourceIds.has(sid); n++) sid = `${sourceIdFor(publisher, url)}-${n}`;
        const s: Lined<SourceRow> = { id: sid, type: classifyUrl(url), url, publisher, title: v('source_title'), date: sourceDate, line };
        trial.sources.push(s);
      }
      let program = trial.programs.find((p) => p.agency_id === agencyId && p.kind === kind);
      if (!program) {
        const base = kind === 'neighbors_portal' ? portalProgramId(agencyId) : `${agencyId}--${kind.replace(/_/g, '-')}`;
        let pid = base;
        for (let n = 2; programIds.has(pid); n++) pid = `${base}-${n}`;
        program = {
          id: pid, agency_id: agencyId, kind, start_date: start, start_kind: startKindOf(start, startIs), end_date: end, devices_given: '', perk_value_usd: '', subsidy_usd: '',
          at_least: 'false', ...PORTAL_PROGRAM_DEFAULTS, summary, source_ids: sid, line,
        };
        trial.programs.push(program);
      } else {
        const list = splitList(program.source_ids);
        if (!list.includes(sid)) list.push(sid);
        program.source_ids = joinList(list);
        const had = program.start_date;
        if (start && !had) {
          program.start_date = start;
          program.start_kind = startKindOf(start, startIs);
        } else if (start && start.startsWith(had)) program.start_date = earlierDate(had, start) ?? had;
        else if (start && !had.startsWith(start)) res.notes.push(`${file}:${rec.line}: "${agencyId}" keeps its start date ${had} (the submission says ${start})`);
        if (end && !program.end_date) program.end_date = end;
        else if (end && end !== program.end_date) res.notes.push(`${file}:${rec.line}: "${agencyId}" keeps its end date ${program.end_date} (the submission says ${end})`);
      }
      const problems = checkAgency(trial, agencyId, opts.geocoder);
      if (problems.length > 0) {
        const reasons = rootCauses(problems).map((p) => (p.line === line ? p.reason : `${p.reason} (in ${p.file}:${p.line}, which this row would change)`));
        reject([...new Set(reasons)].join('; '));
        continue;
      }
      // Accepted: keep the trial tables.
      out.agencies = trial.agencies;
      out.programs = trial.programs;
      out.sources = trial.sources;
      if (!existing && !agencyIds.has(agencyId)) {
        matcher.add(agency);
        agencyIds.add(agencyId);
      }
      programIds.add(program.id);
      sourceIds.add(sid);
      sourceIdByUrl.set(url, sid);
      origins.push({ file, line: rec.line });
      seen.set(dupKey, `${file}:${rec.line}`);
      res.accepted.push({ file, line: rec.line, agencyId, url });
    }
  }
  res.tables = out;
  return res;
}
