/**
 * Who decides: surveillance-oversight ordinances (the community-control laws
 * the ACLU lists) and council votes on a Ring agreement, from
 * `data/oversight.csv`. One rule says which agencies a row covers; the build
 * publishes the result per agency (`oversight`), so the site never matches
 * places by name itself.
 */
import { isProgramDate } from './dates';

export const OVERSIGHT_KINDS = ['ordinance', 'council_vote'] as const;
export type OversightKind = (typeof OVERSIGHT_KINDS)[number];
/** A city's (or town's) own law or vote, or a county's (parish's). */
export const OVERSIGHT_LEVELS = ['city', 'county'] as const;
export type OversightLevel = (typeof OVERSIGHT_LEVELS)[number];

export const OVERSIGHT_COLUMNS = ['place', 'state', 'level', 'county_fips', 'agency_ids', 'kind', 'name', 'adopted_on', 'source_url', 'checked_on', 'notes'] as const;

export interface OversightRow {
  place: string;
  state: string;
  level: OversightLevel;
  county_fips: string | null;
  /** When set, the row covers exactly these agencies (e.g. the city's police, not a same-named town's). */
  agency_ids: readonly string[];
  kind: OversightKind;
  name: string;
  adopted_on: string | null;
  source_url: string;
  checked_on: string;
}

/** Published per agency. */
export interface AgencyOversight {
  kind: OversightKind;
  level: OversightLevel;
  place: string;
  name: string;
  /** Null when no source gives the date (reads "date not documented"). */
  adopted_on: string | null;
  source_url: string;
  checked_on: string;
}

const isHttp = (s: string): boolean => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
};

/** Problems with one raw row (empty when it is usable). `isState` says whether a postal code is known. */
export function oversightRowProblems(raw: Record<string, string>, isState: (s: string) => boolean, knownIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (!(raw.place ?? '').trim()) out.push('place is empty');
  if (!isState(raw.state ?? '')) out.push(`state "${raw.state}" is not a known two-letter code`);
  if (!(OVERSIGHT_LEVELS as readonly string[]).includes(raw.level ?? '')) out.push(`level "${raw.level}" is not city or county`);
  if (raw.level === 'county' && !/^\d{5}$/.test(raw.county_fips ?? '')) out.push('a county row needs a five-digit county_fips');
  if (!(OVERSIGHT_KINDS as readonly string[]).includes(raw.kind ?? '')) out.push(`kind "${raw.kind}" is not ordinance or council_vote`);
  if (!(raw.name ?? '').trim()) out.push('name is empty');
  if (raw.adopted_on && !isProgramDate(raw.adopted_on)) out.push(`adopted_on "${raw.adopted_on}" is not a real date`);
  if (!isHttp(raw.source_url ?? '')) out.push('source_url is not an http(s) link: every row needs its source');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw.checked_on ?? '') || !isProgramDate(raw.checked_on)) out.push(`checked_on "${raw.checked_on}" is not a real day`);
  for (const id of (raw.agency_ids ?? '').split(/\s+/).filter(Boolean)) if (!knownIds.has(id)) out.push(`agency_ids names "${id}", which is not in agencies.csv`);
  return out;
}

export function parseOversightRow(raw: Record<string, string>): OversightRow {
  return {
    place: raw.place.trim(),
    state: raw.state.trim(),
    level: raw.level as OversightLevel,
    county_fips: raw.county_fips?.trim() || null,
    agency_ids: (raw.agency_ids ?? '').split(/\s+/).filter(Boolean),
    kind: raw.kind as OversightKind,
    name: raw.name.trim(),
    adopted_on: raw.adopted_on?.trim() || null,
    source_url: raw.source_url.trim(),
    checked_on: raw.checked_on.trim(),
  };
}

const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The one rule: a row names its agencies, or else covers the city's own
 * agencies (not county-wide ones whose seat is there) or the county's
 * county-wide agencies.
 */
export function oversightCovers(
  row: OversightRow,
  a: { id: string; state: string; city: string | null; county_wide?: boolean; county_fips?: string | null },
): boolean {
  if (row.agency_ids.length) return row.agency_ids.includes(a.id);
  if (a.state !== row.state) return false;
  if (row.level === 'county') return !!a.county_wide && a.county_fips === row.county_fips;
  return !a.county_wide && norm(a.city) === norm(row.place) && norm(a.city) !== '';
}

export function oversightFor(rows: readonly OversightRow[], a: Parameters<typeof oversightCovers>[1]): AgencyOversight[] {
  return rows
    .filter((r) => oversightCovers(r, a))
    .map(({ kind, level, place, name, adopted_on, source_url, checked_on }) => ({ kind, level, place, name, adopted_on, source_url, checked_on }));
}
