/**
 * Downloads of exactly the filtered set, as CSV (papaparse) and GeoJSON,
 * with the data dictionary's columns and a credit line.
 */
import Papa from 'papaparse';
import type { AgencyFeature } from '../data/schema';

export const CSV_COLUMNS = [
  'id', 'name', 'agency_type', 'city', 'county', 'state', 'longitude', 'latitude', 'geocode_precision',
  'start_date', 'start_precision', 'end_date', 'status', 'devices_given', 'perk_value_usd', 'subsidy_usd',
  'figures_are_minimums', 'perks_not_counted', 'mou_url', 'records_urls', 'program_kinds', 'source_urls', 'source_publishers',
] as const;

/** Neutralises spreadsheet formulas: a cell starting with = + - @ is prefixed with an apostrophe. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function csvRows(features: readonly AgencyFeature[]): string[][] {
  return features.map((f) => {
    const p = f.properties;
    // Numbers stay numbers; only text is guarded against spreadsheet formulas.
    const cell = (v: string | number | boolean | null) => (v === null ? '' : typeof v === 'string' ? safeCell(v) : String(v));
    return [
      p.id, p.name, p.agency_type, p.city, p.county, p.state, f.geometry.coordinates[0], f.geometry.coordinates[1],
      p.geocode_precision, p.start_date, p.start_precision, p.end_date, p.status, p.devices_given, p.perk_value_usd, p.subsidy_usd,
      p.programs.some((g) => g.at_least),
      p.programs.filter((g) => g.perk_status && g.perk_status !== 'given' && g.perk_note).map((g) => g.perk_note).join(' | '), p.mou_url, p.records_urls.join(' | '), [...new Set(p.programs.map((g) => g.kind))].join(' | '),
      p.sources.map((s) => s.url ?? '').filter(Boolean).join(' | '), [...new Set(p.sources.map((s) => s.publisher))].join(' | '),
    ].map(cell);
  });
}

/** The CSV: one comment line with the credit and the filters, then a header and one row per agency. */
export function toCsv(features: readonly AgencyFeature[], credit: string, filters: string): string {
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data: csvRows(features) }, { newline: '\n' });
  return `# ${credit.replace(/\s+/g, ' ')} Filters: ${filters}. Empty cells are not documented (never zero).\n${body}\n`;
}

export function toGeoJson(features: readonly AgencyFeature[], meta: Record<string, unknown>, filters: string): string {
  return JSON.stringify({ type: 'FeatureCollection', metadata: { ...meta, filters }, features }, null, 0);
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
