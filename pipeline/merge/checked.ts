/**
 * Validate once, with the same rules: an Atlas merge whose result goes
 * through the data build itself (same validation, same geocoder), so an
 * import succeeds only if `npm run data` will. Rows the build would reject
 * are reported at the export line they came from; when asked to keep going,
 * the agencies behind them are left out and the rest is checked again.
 */
import type { AtlasAgency } from '../atlas/parse';
import { buildCollection, type BuildResult } from '../dataset/features';
import type { Reject } from '../dataset/validate';
import type { Geocoder } from '../geocode/geocoder';
import type { Tables } from '../tables/model';
import { mergeAtlas, type AtlasMergeOptions, type AtlasMergeResult } from './atlas';

export interface CheckedMerge {
  result: AtlasMergeResult;
  build: BuildResult;
  /** Every reject met, once, as `where: reason` (the export's `file:line`, or the table's for rows no export row touched). */
  messages: string[];
  /** Build rejects no export row caused: the tables already fail the build. */
  tablesFail: Reject[];
  /** First export line of each agency left out. */
  leftOut: Set<number>;
}

export function mergeChecked(
  tables: Tables,
  agencies: readonly AtlasAgency[],
  opts: Omit<AtlasMergeOptions, 'skipLines'> & {
    geocoder: Geocoder;
    keepGoing: boolean;
    /** How a table row is named in messages (e.g. its path), default the table's file name. */
    tableFile?: (file: string) => string;
  },
): CheckedMerge {
  const owner = new Map<number, number>();
  for (const a of agencies) for (const l of a.lines) owner.set(l, a.lines[0]);
  const leftOut = new Set<number>();
  const seen = new Set<string>();
  const messages: string[] = [];
  const say = (m: string) => {
    if (!seen.has(m)) messages.push(m);
    seen.add(m);
  };
  const leaveOut = (line: number | undefined): boolean => {
    if (line === undefined || leftOut.has(line)) return false;
    leftOut.add(line);
    return true;
  };
  for (;;) {
    const result = mergeAtlas(tables, agencies, { ...opts, skipLines: leftOut });
    const build = buildCollection(result.tables, { geocoder: opts.geocoder });
    let more = false;
    for (const r of result.rejects) {
      say(`${opts.exportFile ?? 'export'}:${r.lines.join(',')}: ${r.reason}`);
      more = leaveOut(r.lines[0]) || more;
    }
    for (const r of build.rejects) {
      if (r.origin) say(`${r.origin.join(', ')}: ${r.reason} (as a row of ${r.file})`);
      else say(`${opts.tableFile?.(r.file) ?? r.file}:${r.line}: ${r.reason}`);
      for (const o of r.origin ?? []) more = leaveOut(owner.get(Number(o.slice(o.lastIndexOf(':') + 1)))) || more;
    }
    if (!opts.keepGoing || !more) {
      return { result, build, messages, tablesFail: build.rejects.filter((r) => !r.origin), leftOut };
    }
  }
}
