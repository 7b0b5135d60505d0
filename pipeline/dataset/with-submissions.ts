/**
 * The build over the source tables plus the volunteer submissions
 * (`<tables dir>/submissions/*.csv`). Every submission row ends in the output
 * (its agency is published with its source) or in the rejects with its file,
 * line and reason; the counts add up per file, and the tables' counts exclude
 * rows that only submissions (or an import in progress) created.
 */
import type { AgencyCollection } from '../../src/core/contract';
import type { Geocoder } from '../geocode/geocoder';
import type { Change } from '../merge/changes';
import { mergeSubmissions, readSubmissionFiles } from '../merge/submissions';
import { TABLE_FILES, type Tables } from '../tables/model';
import type { TableIssue } from '../tables/io';
import { readAliases, readKeepApart, readPlaceCorrections, readPublishers } from '../tables/lookups';
import { buildCollection, type BuildResult } from './features';
import type { Reject } from './validate';

export interface SubmissionsBuild extends BuildResult {
  /** Submissions naming an agency already in the tables with another date (kept as it was). */
  notes: string[];
  /** Changes submissions made to agencies already in the tables (field, from → to, row). */
  changes: Change[];
}

export function buildWithSubmissions(
  dir: string,
  read: { tables: Tables; issues: TableIssue[]; rowsRead: Record<string, number> },
  opts: { geocoder: Geocoder; metadata?: AgencyCollection['metadata']; onProgress?: (rows: number) => void },
): SubmissionsBuild {
  const subs = mergeSubmissions(read.tables, readSubmissionFiles(dir), {
    geocoder: opts.geocoder,
    publishers: readPublishers(dir),
    aliases: readAliases(dir),
    keepApart: readKeepApart(dir),
    corrected: readPlaceCorrections(dir),
    onProgress: opts.onProgress,
  });
  const r = buildCollection(subs.tables, { geocoder: opts.geocoder, metadata: opts.metadata, readIssues: read.issues, rowsRead: read.rowsRead });
  // A table that cannot be read is the one cause to report (see buildCollection).
  if (r.fatal) return { ...r, notes: [], changes: [] };
  const features = r.collection.features;
  const byId = new Map(features.map((f) => [f.properties.id, f.properties]));
  const publishedUrls = new Set(features.flatMap((f) => f.properties.sources.map((s) => s.url)));

  // Rejects of rows a submission created name the submission row.
  const rejects: Reject[] = r.rejects.map((x) => {
    const o = x.line < 0 ? subs.origin(x.line) : undefined;
    return o ? { file: o.file, line: o.line, reason: `${x.reason} (${x.file})` } : x;
  });
  rejects.push(...subs.rejects);

  // Table counts cover the rows read from the table files only.
  const isCreated = (row: { line?: number }) => !(row.line !== undefined && row.line > 0);
  const rejectedLines = new Set(r.rejects.map((x) => `${x.file}|${x.line}`));
  const counts = { ...r.counts };
  const less = (file: string, n: number) => (counts[file] = { ...counts[file], written: counts[file].written - n });
  less(TABLE_FILES.agencies, subs.tables.agencies.filter((a) => isCreated(a) && byId.has(a.id)).length);
  less(TABLE_FILES.programs, subs.tables.programs.filter((p) => isCreated(p) && byId.has(p.agency_id) && !rejectedLines.has(`${TABLE_FILES.programs}|${p.line ?? 0}`)).length);
  less(TABLE_FILES.sources, subs.tables.sources.filter((s) => isCreated(s) && s.url && publishedUrls.has(s.url)).length);

  // Each accepted submission row must have reached the output.
  const written: Record<string, number> = {};
  for (const a of subs.accepted) {
    const f = byId.get(a.agencyId);
    if (f && f.sources.some((s) => s.url === a.url)) written[a.file] = (written[a.file] ?? 0) + 1;
    else if (!rejects.some((x) => x.file === a.file && x.line === a.line)) {
      rejects.push({ file: a.file, line: a.line, reason: `not in the output: agency "${a.agencyId}" was rejected` });
    }
  }
  for (const [file, read] of Object.entries(subs.rowsRead)) {
    const rejected = new Set(rejects.filter((x) => x.file === file && x.line >= 2).map((x) => x.line)).size;
    counts[file] = { read, written: written[file] ?? 0, rejected };
  }
  rejects.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));
  return { ...r, rejects, counts, notes: subs.notes, changes: subs.changes };
}
