/**
 * Reads and checks the program's history tables (data/eras.csv,
 * data/reported-totals.csv) into the published form of src/time/history.ts.
 * Every row is either in the output or rejected with file, line and reason;
 * a reject stops the asset build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './lib/csv';
import { isId } from '../src/core/ids';
import { EncodingError, readUtf8File } from './lib/read-text';
import { isHttpUrl } from '../src/core/contract';
import { isPartialIsoDate } from '../src/core/dates';
import { REPORTED_METRICS, type Era, type History, type HistorySource, type ReportedTotal } from '../src/time/history';

export const ERA_COLUMNS = ['id', 'name', 'start_date', 'end_date', 'launched', 'summary', 'source_urls', 'source_publishers', 'note'] as const;
export const TOTAL_COLUMNS = ['id', 'as_of', 'metric', 'value', 'at_least', 'scope', 'source_url', 'publisher', 'title', 'pub_date', 'quote'] as const;
const METRICS: readonly string[] = REPORTED_METRICS;

export interface HistoryReject {
  file: string;
  line: number;
  reason: string;
}

const list = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);

function readTable(dir: string, file: string, columns: readonly string[], rejects: HistoryReject[]) {
  const path = join(dir, file);
  if (!existsSync(path)) {
    rejects.push({ file, line: 0, reason: 'file is missing' });
    return [];
  }
  // Strict UTF-8, as every table the pipeline reads: a mis-saved file stops with its line, never turns into U+FFFD.
  let text: string;
  try {
    text = readUtf8File(path);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    rejects.push({ file, line: e.line, reason: e.message });
    return [];
  }
  const t = parseCsv(text);
  for (const i of t.issues) rejects.push({ file, ...i });
  const missing = columns.filter((c) => !t.header.includes(c));
  if (missing.length) {
    rejects.push({ file, line: 1, reason: `missing column(s): ${missing.join(', ')}` });
    return [];
  }
  return t.records;
}

/** Dates in the history must be real and not in the future of the build. */
function checkDate(v: string, what: string, today: string): string | null {
  if (!isPartialIsoDate(v)) return `${what} "${v}" is not a YYYY, YYYY-MM or YYYY-MM-DD date`;
  if (v.slice(0, v.length) > today.slice(0, v.length)) return `${what} ${v} is after the build date`;
  if (Number(v.slice(0, 4)) < 2012) return `${what} ${v} is before 2012`;
  return null;
}

export function readHistory(dir: string, today = new Date().toISOString().slice(0, 10)): { history: History; rejects: HistoryReject[] } {
  const rejects: HistoryReject[] = [];
  const eras: Era[] = [];
  const ids = new Set<string>();
  for (const r of readTable(dir, 'eras.csv', ERA_COLUMNS, rejects)) {
    const v = (k: string) => (r.values[k] ?? '').trim();
    const bad = (reason: string) => rejects.push({ file: 'eras.csv', line: r.line, reason });
    const urls = list(v('source_urls'));
    const pubs = list(v('source_publishers'));
    const err =
      (!isId(v('id')) && `id "${v('id')}" is not a lower-case slug`) ||
      (ids.has(v('id')) && `duplicate id ${v('id')}`) ||
      (!v('name') && 'missing name') || (!v('summary') && 'missing summary') ||
      checkDate(v('start_date'), 'start_date', today) ||
      (v('end_date') && checkDate(v('end_date'), 'end_date', today)) ||
      (v('end_date') && v('end_date') < v('start_date') && `end_date ${v('end_date')} is before start_date ${v('start_date')}`) ||
      (!['true', 'false'].includes(v('launched')) && `launched must be true or false, not "${v('launched')}"`) ||
      (urls.length === 0 && 'no source URL') ||
      (urls.length !== pubs.length && `${urls.length} source URL(s) but ${pubs.length} publisher(s)`) ||
      (urls.find((u) => !isHttpUrl(u)) !== undefined && `source URL "${urls.find((u) => !isHttpUrl(u))}" is not http(s)`);
    if (err) { bad(err); continue; }
    ids.add(v('id'));
    const sources: HistorySource[] = urls.map((url, k) => ({ url, publisher: pubs[k] }));
    eras.push({ id: v('id'), name: v('name'), start_date: v('start_date'), end_date: v('end_date') || null, summary: v('summary'), launched: v('launched') === 'true', sources });
  }
  const totals: ReportedTotal[] = [];
  ids.clear();
  for (const r of readTable(dir, 'reported-totals.csv', TOTAL_COLUMNS, rejects)) {
    const v = (k: string) => (r.values[k] ?? '').trim();
    const value = Number(v('value'));
    const err =
      (!isId(v('id')) && `id "${v('id')}" is not a lower-case slug`) ||
      (ids.has(v('id')) && `duplicate id ${v('id')}`) ||
      checkDate(v('as_of'), 'as_of', today) ||
      (!METRICS.includes(v('metric')) && `metric "${v('metric')}" is not one of ${METRICS.join(', ')}`) ||
      ((!/^\d+$/.test(v('value')) || !Number.isFinite(value)) && `value "${v('value')}" is not a whole number`) ||
      (!['true', 'false'].includes(v('at_least')) && `at_least must be true or false, not "${v('at_least')}"`) ||
      (!v('scope') && 'missing scope') ||
      (!isHttpUrl(v('source_url')) && `source_url "${v('source_url')}" is not http(s)`) ||
      (!v('publisher') && 'missing publisher') ||
      (v('pub_date') && checkDate(v('pub_date'), 'pub_date', today)) ||
      (!v('quote') && 'missing quote: a reported total is kept only with the words that state it');
    if (err) { rejects.push({ file: 'reported-totals.csv', line: r.line, reason: err }); continue; }
    ids.add(v('id'));
    totals.push({
      id: v('id'), as_of: v('as_of'), metric: v('metric') as ReportedTotal['metric'], value, at_least: v('at_least') === 'true', scope: v('scope'),
      source: { url: v('source_url'), publisher: v('publisher'), title: v('title') || null, date: v('pub_date') || null },
    });
  }
  return { history: { eras, totals }, rejects };
}
