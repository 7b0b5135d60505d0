/**
 * The program's history beside the map's own data: the eras of what a
 * partnership let an agency do (from data/eras.csv), and totals that Ring,
 * the press and EFF published (from data/reported-totals.csv). Pure: used by
 * the build (which validates and publishes them), the card, the timeline and
 * the downloads.
 */
import { isHttpUrl } from '../core/contract';
import { isPartialIsoDate } from '../core/dates';
import { lastActiveMonth, monthSpan, type Month } from '../core/periods';
import { formatPartialDate } from './months';
import { MSG } from '../i18n/messages';

export interface HistorySource {
  url: string;
  publisher: string;
}

export interface Era {
  id: string;
  name: string;
  start_date: string;
  /** null while the era has not ended. */
  end_date: string | null;
  /** What an agency could do in this era, in a sentence. */
  summary: string;
  /** False for a change announced and cancelled before launch: shown for context, never as something an agency did. */
  launched: boolean;
  sources: HistorySource[];
}

export const REPORTED_METRICS = ['partners_total', 'joined_in_year', 'atlas_rows_removed'] as const;

export interface ReportedTotal {
  id: string;
  as_of: string;
  /**
   * partners_total: agencies partnered at that date (the timeline draws these beside the map's own count);
   * joined_in_year: agencies that joined in that year; atlas_rows_removed: rows EFF removed from its Atlas.
   */
  metric: (typeof REPORTED_METRICS)[number];
  value: number;
  /** "more than", "at least": a floor. */
  at_least: boolean;
  scope: string;
  source: HistorySource & { title: string | null; date: string | null };
}

export interface History {
  eras: Era[];
  totals: ReportedTotal[];
}

export const EMPTY_HISTORY: History = Object.freeze({ eras: [], totals: [] }) as History;

/** The launched eras a partnership [start, end) may have spanned, in order. */
export function erasSpanned(start: string | null, end: string | null, eras: readonly Era[]): Era[] {
  const s = monthSpan(start);
  if (!s) return [];
  const last = lastActiveMonth(end);
  return eras.filter((e) => {
    if (!e.launched) return false;
    const eStart = monthSpan(e.start_date)?.[0];
    const eLast = lastActiveMonth(e.end_date);
    return eStart !== undefined && eStart <= last && eLast >= s[0];
  });
}

/**
 * The launched eras an agency's Neighbors-portal partnership spans, from its
 * start to its end; none for a denied or undated one. Used by the card and
 * the downloads alike.
 */
export function agencyEras(
  programs: readonly { kind: string; status: string; start_date: string | null; end_date: string | null }[],
  eras: readonly Era[],
): Era[] {
  const portal = programs.find((g) => g.kind === 'neighbors_portal' && g.status !== 'denied');
  return portal ? erasSpanned(portal.start_date, portal.end_date, eras) : [];
}

/**
 * An era's name and summary in the page's language, from the catalogues by
 * era id; an era the catalogues do not know yet (a new row of eras.csv)
 * falls back to the data's own English words, flagged so the page marks them.
 */
export function eraText(e: Pick<Era, 'id' | 'name' | 'summary'>): { name: string; summary: string; fromData: boolean } {
  const known = Object.hasOwn(MSG.eraTexts, e.id) ? MSG.eraTexts[e.id] : null;
  return known ? { ...known, fromData: false } : { name: e.name, summary: e.summary, fromData: true };
}

/** "Private video requests (May 2018 – 7 June 2021)" */
export function eraLabel(e: Era): string {
  const from = formatPartialDate(e.start_date) ?? e.start_date;
  const to = e.end_date ? formatPartialDate(e.end_date) ?? e.end_date : MSG.today;
  return `${eraText(e).name} (${from} – ${to})`;
}

/** Reported partner totals (cumulative counts) as month → value, for the timeline's reference marks. */
export function partnerTotalsByMonth(totals: readonly ReportedTotal[]): { month: Month; value: number; at_least: boolean; total: ReportedTotal }[] {
  return totals
    .filter((t) => t.metric === 'partners_total')
    .map((t) => ({ month: monthSpan(t.as_of)![1], value: t.value, at_least: t.at_least, total: t }))
    .sort((a, b) => a.month - b.month);
}

const str = (v: unknown): v is string => typeof v === 'string';
const source = (v: unknown): v is HistorySource => {
  const s = v as HistorySource;
  return !!s && str(s.url) && isHttpUrl(s.url) && str(s.publisher) && s.publisher.length > 0;
};

/** Checks the published history file (untrusted at load): bad entries are dropped, never shown. */
export function decodeHistory(json: unknown): History {
  const j = (json ?? {}) as Partial<History>;
  const eras = (Array.isArray(j.eras) ? j.eras : []).filter((e): e is Era =>
    !!e && str(e.id) && str(e.name) && str(e.summary) && str(e.start_date) && isPartialIsoDate(e.start_date) &&
    (e.end_date === null || (str(e.end_date) && isPartialIsoDate(e.end_date))) && typeof e.launched === 'boolean' &&
    Array.isArray(e.sources) && e.sources.length > 0 && e.sources.every(source));
  const totals = (Array.isArray(j.totals) ? j.totals : []).filter((t): t is ReportedTotal =>
    !!t && str(t.id) && str(t.as_of) && isPartialIsoDate(t.as_of) && (REPORTED_METRICS as readonly string[]).includes(t.metric) &&
    typeof t.value === 'number' && Number.isFinite(t.value) && t.value >= 0 && typeof t.at_least === 'boolean' && str(t.scope) && source(t.source));
  return { eras, totals };
}
