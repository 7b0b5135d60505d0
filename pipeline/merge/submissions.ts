/**
 * Volunteer submissions (`data/submissions/*.csv`, one row per sourced
 * partnership, columns in SUBMISSION_COLUMNS) merged into the source tables
 * at build time. Each row is checked by its own rules (a source URL and
 * title are required, dates and their precision must agree) and then by the
 * build's own rules for the rows it would create or change
 * (`checkAgency`); a row failing either is rejected with file, line and
 * reason and changes nothing.
 *
 * A row naming an agency already in the tables (same name or an alias, in
 * the same county) adds its source to that agency's program of the same
 * kind. It fills that agency's empty city or county, and changes its
 * dates, status or place only when its `change` cell says so (`start`,
 * `end`, `place`); every change is listed with the row it came from. Which
 * agency a row names, and what it may do to its place, are the intake's
 * checks (./intake.ts), the same for every importer; `new_agency` keeps a
 * like name apart as a keep-apart.csv line does.
 * Work per row does not grow with the rows before it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGES, PRECISIONS, readSubmissionRow, START_IS, SUBMISSION_COLUMNS, submissionDate, type RowValues, type SubmissionColumn } from '../../src/core/submission';
import type { Reject } from '../dataset/validate';
import type { Geocoder } from '../geocode/geocoder';
import { headerProblems, parseCsv, type CsvIssue, type CsvTable } from '../lib/csv';
import { earlierDate } from '../../src/core/dates';
import { EncodingError, readUtf8File } from '../lib/read-text';
import { classifyUrl, publisherFor, sourceIdFor } from '../lib/sources';
import { cleanText } from '../../src/core/text';
import {
  splitList,
  type AgencyRow, type Lined, type ProgramRow, type SourceRow, type Tables, PORTAL_PROGRAM_DEFAULTS,
} from '../tables/model';
import { portalProgramId } from './atlas';
import { checkAgency, rootCauses } from './check';
import { cityCountyProblem, Intake, newAgencyId, placeUpdate, type KeepApart } from './intake';
import type { Change } from './changes';

export const SUBMISSIONS_DIR = 'submissions';

export { SUBMISSION_COLUMNS, PRECISIONS, START_IS, CHANGES, submissionDate };
/** Columns added after the first submissions: a file without them reads them as empty. */
const OPTIONAL_COLUMNS = ['change'] as const;

export interface SubmissionFile {
  /** Path relative to the tables folder, e.g. `submissions/2025-ohio.csv`. */
  file: string;
  csv: CsvTable;
  /** The file cannot be read as a submission at all (not a CSV, not UTF-8, its header): its rows are not read. */
  problems?: CsvIssue[];
}

/** Files of the folder that are not submissions. */
const NOT_SUBMISSIONS = /^(?:README\.md|\..*)$/;

/**
 * Every file in `<tables dir>/submissions`, in name order (the template is
 * one of them, with no rows). A file that is not a `.csv` (a spreadsheet
 * saved as .xlsx, a .csv.txt) or not UTF-8 is reported, never skipped.
 */
export function readSubmissionFiles(tablesDir: string): SubmissionFile[] {
  const dir = join(tablesDir, SUBMISSIONS_DIR);
  if (!existsSync(dir)) return [];
  const empty: CsvTable = { header: [], records: [], issues: [], hadBom: false };
  return readdirSync(dir)
    .filter((f) => !NOT_SUBMISSIONS.test(f))
    .sort()
    .map((f) => {
      const file = `${SUBMISSIONS_DIR}/${f}`;
      if (!/\.csv$/i.test(f)) {
        return { file, csv: empty, problems: [{ line: 0, reason: 'not a .csv file: save it as "CSV UTF-8 (.csv)" and name it <something>.csv' }] };
      }
      try {
        return { file, csv: parseCsv(readUtf8File(join(dir, f))) };
      } catch (e) {
        if (!(e instanceof EncodingError)) throw e;
        return { file, csv: empty, problems: [{ line: e.line, reason: e.message }] };
      }
    });
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
  /** Rows that name an agency already in the tables but give another date or place, not asked to change it (kept as it was). */
  notes: string[];
  /** Every change made to an agency that was already in the tables. */
  changes: Change[];
  /** The submission row behind a created row's (negative) line. */
  origin: (line: number) => { file: string; line: number } | undefined;
}

/** Lines of rows created by submissions: far below the small negative lines importers use. */
const LINE_BASE = -1_000_000_000;

/** The per-row rules (src/core/submission.ts, shared with the page's form): the row's values, or why it is refused. */
const readRow = (v: (k: SubmissionColumn) => string, rawUrl: string): RowValues | string => {
  const r = readSubmissionRow(v, rawUrl);
  return 'reason' in r ? r.reason : r;
};

/** The status note an end date implies, naming who documents it. */
const endNote = (end: string, publisher: string) => `Ended ${end}, according to ${publisher}.`;

/** Text shortened for a reason (a hostile cell can hold thousands of characters). */
const short = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A submission's `start_is` as the tables' date kind: `joined` is when it began, `on_or_before` an upper bound. */
function startKindOf(start: string, startIs: string): string {
  return !start ? '' : startIs === 'on_or_before' ? 'active_by' : 'began';
}

export function mergeSubmissions(
  tables: Tables,
  files: readonly SubmissionFile[],
  opts: {
    geocoder: Geocoder; publishers: ReadonlyMap<string, string>; aliases?: readonly [string, string, string][]; onProgress?: (rows: number) => void;
    /** keep-apart.csv: names that are not the agency they look like. */
    keepApart?: readonly KeepApart[];
    /** place_corrections.csv: a place a maintainer already corrected is not a disagreement. */
    corrected?: (agencyId: string, field: string, previous: string) => boolean;
  },
): SubmissionsResult {
  // Rows are copied once; a row's changes are tried on copies of the few rows it touches.
  const out: Tables = {
    agencies: tables.agencies.map((r) => ({ ...r })),
    programs: tables.programs.map((r) => ({ ...r })),
    sources: tables.sources.map((r) => ({ ...r })),
    overrides: tables.overrides.map((r) => ({ ...r })),
    ...(tables.extraColumns ? { extraColumns: structuredClone(tables.extraColumns) } : {}),
  };
  const agencyById = new Map(out.agencies.map((a) => [a.id, a]));
  const existingIds = new Set(agencyById.keys());
  const intake = new Intake<Lined<AgencyRow>>(out.agencies, { aliases: opts.aliases, keepApart: opts.keepApart });
  const programIds = new Set(out.programs.map((p) => p.id));
  const programByKind = new Map<string, Lined<ProgramRow>>();
  for (const p of out.programs) if (!programByKind.has(`${p.agency_id}|${p.kind}`)) programByKind.set(`${p.agency_id}|${p.kind}`, p);
  const cited = new Map<Lined<ProgramRow>, Set<string>>();
  const citedBy = (p: Lined<ProgramRow>) => {
    let s = cited.get(p);
    if (!s) cited.set(p, (s = new Set(splitList(p.source_ids))));
    return s;
  };
  const sourceIds = new Set(out.sources.map((s) => s.id));
  const sourceById = new Map(out.sources.map((s) => [s.id, s]));
  const sourceIdByUrl = new Map(out.sources.filter((s) => s.url).map((s) => [s.url, s.id]));
  const overridesOf = new Map<string, Lined<(typeof out.overrides)[number]>[]>();
  for (const o of out.overrides) overridesOf.set(o.agency_id, [...(overridesOf.get(o.agency_id) ?? []), o]);
  const origins: { file: string; line: number }[] = [];
  const seen = new Map<string, string>();
  const res: SubmissionsResult = {
    tables: out, accepted: [], rejects: [], rowsRead: {}, notes: [], changes: [],
    origin: (line) => (line <= LINE_BASE ? origins[LINE_BASE - line] : undefined),
  };
  let rowsDone = 0;

  for (const { file, csv, problems } of files) {
    res.rowsRead[file] = csv.records.length + csv.issues.filter((i) => i.line > 1).length;
    if (problems && problems.length > 0) {
      for (const p of problems) res.rejects.push({ file, line: p.line, reason: p.reason });
      continue;
    }
    for (const i of csv.issues) res.rejects.push({ file, line: i.line, reason: i.reason });
    const header = headerProblems(csv.header, SUBMISSION_COLUMNS.filter((c) => !(OPTIONAL_COLUMNS as readonly string[]).includes(c) || csv.header.includes(c)));
    if (header.length > 0) {
      res.rejects.push({ file, line: 1, reason: `${header.join('; ')} (start from data/submissions/template.csv)` });
      for (const r of csv.records) res.rejects.push({ file, line: r.line, reason: 'the file lacks required columns' });
      continue;
    }
    for (const rec of csv.records) {
      if (++rowsDone % 10_000 === 0) opts.onProgress?.(rowsDone);
      const reject = (reason: string) => res.rejects.push({ file, line: rec.line, reason });
      const row = readRow((k) => cleanText(rec.values[k] ?? ''), rec.values.source_url ?? '');
      if (typeof row === 'string') { reject(row); continue; }
      const { url, state, kind, name, change } = row;
      const where = `${file}:${rec.line}`;

      // Which agency (the intake's checks, as for every importer): the same name (or an alias) in the same county; a like name stops the row.
      const who = intake.identify(name, state, row.county, { newAgency: change.has('new_agency') });
      if (who.kind === 'reject') { reject(who.reason); continue; }
      const existing = who.kind === 'existing' ? who.agency : undefined;
      if (existing && change.has('new_agency')) {
        reject(`"${existing.id}" already has this name${row.county ? ' in this county' : ''}: new_agency would add it twice`);
        continue;
      }
      if (!existing && [...change].some((c) => c !== 'new_agency')) {
        reject(`change "${[...change].join('; ')}" but no agency on the map is named "${short(name)}" in ${state}`);
        continue;
      }
      const agencyId = existing?.id ?? newAgencyId(name, state, row.county, (id) => agencyById.has(id));
      const dupKey = `${agencyId}|${kind}|${url}`;
      const dup = seen.get(dupKey);
      if (dup) { reject(`repeats ${dup} (same agency, kind and source)`); continue; }

      // The rows this submission would create or change, as copies, checked by the build before anything is kept.
      const line = LINE_BASE - origins.length;
      const changes: Change[] = [];
      const notes: string[] = [];
      const record = (field: string, from: string, to: string) => changes.push({ agency: agencyId!, field, from, to, source: where });
      let agency: Lined<AgencyRow>;
      if (existing) {
        const placed = placeUpdate(existing, row, { mayChange: change.has('place'), source: where, corrected: opts.corrected, geocoder: opts.geocoder });
        if ('reason' in placed) { reject(placed.reason); continue; }
        agency = placed.agency;
        changes.push(...placed.changes);
      } else {
        const problem = cityCountyProblem(opts.geocoder, state, row.city, row.county);
        if (problem) { reject(problem); continue; }
        agency = {
          id: agencyId, name, agency_type: row.agencyType, jurisdiction: row.jurisdiction || (row.agencyType === 'sheriff' ? 'county' : 'municipal'),
          city: row.city, county: row.county, other_counties: '', state, atlas_ids: '', note: '', line,
        };
      }
      let sid = sourceIdByUrl.get(url);
      let newSource: Lined<SourceRow> | undefined;
      if (!sid) {
        const given = rec.values.source_publisher ?? '';
        const publisher = cleanText(given) ? given : publisherFor(url, opts.publishers);
        sid = sourceIdFor(cleanText(publisher), url);
        for (let n = 2; sourceIds.has(sid); n++) sid = `${sourceIdFor(cleanText(publisher), url)}-${n}`;
        // The raw cell goes to the build, which refuses a publisher a spreadsheet would run as a formula.
        newSource = { id: sid, type: classifyUrl(url), url, publisher, title: rec.values.source_title ?? '', date: row.sourceDate, line };
      }
      const source = newSource ?? sourceById.get(sid)!;
      const publisherName = cleanText(source.publisher);
      const had = existing ? programByKind.get(`${agencyId}|${kind}`) : undefined;
      let program: Lined<ProgramRow>;
      if (!had) {
        const base = kind === 'neighbors_portal' ? portalProgramId(agencyId) : `${agencyId}--${kind.replace(/_/g, '-')}`;
        let pid = base;
        for (let n = 2; programIds.has(pid); n++) pid = `${base}-${n}`;
        program = {
          id: pid, agency_id: agencyId, kind, start_date: row.start, start_kind: startKindOf(row.start, row.startIs), end_date: row.end, devices_given: '', perk_value_usd: '', subsidy_usd: '',
          at_least: 'false', ...PORTAL_PROGRAM_DEFAULTS, summary: row.summary, source_ids: sid, line,
          // An end date sets the status it implies.
          ...(row.end ? { status: 'ended', status_note: endNote(row.end, publisherName) } : {}),
        };
        if (existing) record(`program ${kind}`, '', `added, citing ${sid}`);
      } else {
        program = { ...had };
        const before = had.start_date;
        if (row.start && (change.has('start') ? row.start !== before : !before || (row.start.startsWith(before) && row.start !== before))) {
          const to = change.has('start') ? row.start : earlierDate(before, row.start) ?? before;
          record(`${kind} start_date`, before, to);
          program.start_date = to;
          // A start set or replaced takes the row's date kind; an earlier day of the same month keeps it.
          if (!before || change.has('start')) program.start_kind = startKindOf(to, row.startIs);
        } else if (row.start && !before.startsWith(row.start)) {
          notes.push(`${where}: "${agencyId}" keeps its start date ${before} (the submission says ${row.start}; write start in change to change it)`);
        }
        if (row.end && row.end !== had.end_date) {
          if (!change.has('end')) {
            reject(had.end_date
              ? `"${agencyId}" ended ${had.end_date}, the row says ${row.end}: write end in change to correct it`
              : `would end "${agencyId}"'s partnership on ${row.end}: write end in change to record the end (its status becomes ended)`);
            continue;
          }
          record(`${kind} end_date`, had.end_date, row.end);
          program.end_date = row.end;
          if (program.status !== 'ended') {
            record(`${kind} status`, program.status, 'ended');
            program.status = 'ended';
            program.status_note = endNote(row.end, publisherName);
          }
        } else if (change.has('end') && !row.end) { reject('change end needs an end_date'); continue; }
      }
      // The build's verdict on the touched rows: the agency, this program citing this row's source, its overrides.
      const trial: Tables = {
        agencies: [agency], programs: [{ ...program, source_ids: sid }], sources: [source],
        overrides: overridesOf.get(agencyId) ?? [],
      };
      const placeChanged = !existing || changes.some((c) => c.field === 'city' || c.field === 'county');
      const problems = checkAgency(trial, agencyId, opts.geocoder, { geocode: placeChanged });
      if (problems.length > 0) {
        const reasons = rootCauses(problems).map((p) => (p.line === line ? p.reason : `${p.reason} (in ${p.file}:${p.line}, which this row would change)`));
        reject([...new Set(reasons)].join('; '));
        continue;
      }
      // Accepted: keep the rows.
      if (existing) {
        Object.assign(existing, agency);
      } else {
        out.agencies.push(agency);
        agencyById.set(agencyId, agency);
        intake.add(agency);
      }
      if (had) {
        Object.assign(had, program);
        const list = citedBy(had);
        if (!list.has(sid)) {
          list.add(sid);
          had.source_ids += `; ${sid}`;
        }
      } else {
        out.programs.push(program);
        programIds.add(program.id);
        programByKind.set(`${agencyId}|${kind}`, program);
      }
      if (newSource) {
        out.sources.push(newSource);
        sourceIds.add(sid);
        sourceById.set(sid, newSource);
        sourceIdByUrl.set(url, sid);
      }
      if (existingIds.has(agencyId)) res.changes.push(...changes);
      res.notes.push(...notes);
      origins.push({ file, line: rec.line });
      seen.set(dupKey, where);
      res.accepted.push({ file, line: rec.line, agencyId, url });
    }
  }
  return res;
}
