/**
 * Downloads of exactly the filtered set, as CSV (papaparse) and GeoJSON,
 * with the data dictionary's columns and a credit line.
 */
import Papa from 'papaparse';
import type { AgencyFeature } from '../core/contract';
import { agencyEras, type Era } from '../time/history';
import { isFloor } from '../core/figures';
import { partnershipStory } from '../story/partnership-story';
import { currentLocale, type Locale } from '../i18n/locale';
import { spreadsheetCell, UTF8_BOM } from '../core/spreadsheet';

export const CSV_COLUMNS = [
  'id', 'name', 'agency_type', 'city', 'county', 'state', 'longitude', 'latitude', 'geocode_precision',
  'start_date', 'start_precision', 'end_date', 'status', 'eras', 'devices_given', 'perk_value_usd', 'subsidy_usd',
  'figures_are_minimums', 'perks_not_counted', 'summary', 'mou_url', 'mou_kind', 'records_urls', 'program_kinds', 'sources', 'source_urls', 'source_publishers',
  'selection', 'credit_and_coverage',
] as const;

/** A source in words: publisher, title, date, URL (whatever is documented). */
function sourceText(s: AgencyFeature['properties']['sources'][number]): string {
  return [s.publisher, s.title ? `“${s.title}”` : null, s.date, s.url].filter(Boolean).join(', ');
}

/** What travels with every row: the selection in words, and the credit with the coverage note. */
export interface CsvContext {
  selection: string;
  credit: string;
  /** The program's eras, to name those each partnership spans. */
  eras?: readonly Era[];
  /** The language of the `summary` story (the page's by default), as of `selection` and `credit`. */
  locale?: Locale;
}

/** The eras an agency's portal partnership spans, by name. */
const eraNames = (f: AgencyFeature, eras: readonly Era[]): string[] => agencyEras(f.properties.programs, eras).map((e) => e.name);

export function csvRows(features: readonly AgencyFeature[], ctx: CsvContext = { selection: '', credit: '' }): string[][] {
  const locale = ctx.locale ?? currentLocale();
  return features.map((f) => {
    const p = f.properties;
    return [
      p.id, p.name, p.agency_type, p.city, p.county, p.state, f.geometry.coordinates[0], f.geometry.coordinates[1],
      p.geocode_precision, p.start_date, p.start_precision, p.end_date, p.status, eraNames(f, ctx.eras ?? []).join(' | '), p.devices_given, p.perk_value_usd, p.subsidy_usd,
      isFloor(p.programs),
      p.programs.filter((g) => g.perk_status && g.perk_status !== 'given' && g.perk_note).map((g) => g.perk_note).join(' | '),
      // The partnership's story, as the card tells it (the programs' own summaries stay in the GeoJSON).
      partnershipStory(p, locale).text, p.mou_url, p.mou_kind ?? null, p.records_urls.join(' | '),
      [...new Set(p.programs.map((g) => g.kind))].join(' | '), p.sources.map(sourceText).join(' | '),
      p.sources.map((s) => s.url ?? '').filter(Boolean).join(' | '), [...new Set(p.sources.map((s) => s.publisher))].join(' | '),
      ctx.selection, ctx.credit,
    ].map(spreadsheetCell);
  });
}

/**
 * The CSV (RFC 4180): a UTF-8 byte-order mark (for Excel), the header as the
 * first line, then one row per agency. The credit, coverage and selection
 * are columns, never a comment line, so spreadsheets, pandas and R read the
 * file with their default settings.
 */
export function toCsv(features: readonly AgencyFeature[], ctx: CsvContext): string {
  const clean = (t: string) => t.replace(/\s+/g, ' ').trim();
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data: csvRows(features, { ...ctx, selection: clean(ctx.selection), credit: clean(ctx.credit) }) }, { newline: '\r\n' });
  // No line break after the last record (allowed by RFC 4180): parsers then see no empty last row.
  return UTF8_BOM + body;
}

export function toGeoJson(features: readonly AgencyFeature[], meta: Record<string, unknown>, filters: string, eras: readonly Era[] = []): string {
  const withEras = features.map((f) => ({ ...f, properties: { ...f.properties, eras: eraNames(f, eras) } }));
  return JSON.stringify({ type: 'FeatureCollection', metadata: { ...meta, filters }, features: withEras }, null, 0);
}

export function download(name: string, type: string, content: Blob | string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
