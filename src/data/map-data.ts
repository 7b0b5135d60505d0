/**
 * The map's own compact form of the dataset. The published GeoJSON carries
 * every program and source of every agency (1.6 KB each); the map needs a
 * few columns to draw, filter, list and search. So the build splits it:
 *
 *   points.json      one column per attribute, loaded first (about 1/15 of the GeoJSON)
 *   details-N.json   the full features, in chunks, loaded when a card opens or data is downloaded
 *
 * This keeps first load fast and flat as the data grows. Pure: used by the
 * build (encode) and the site (decode, with validation of untrusted input).
 */
import type { AgencyCollection, AgencyFeature } from '../core/contract';
import { FeatureSpec, PropertiesSpec } from '../core/contract';
import { AGENCY_TYPES, GEOCODE_PRECISIONS } from '../core/vocabulary';
import type { AgencyType, GeocodePrecision } from '../core/vocabulary';
import { DOLLAR_KEYS, isFloor } from '../core/figures';
import { JURISDICTIONS, type Jurisdiction } from '../core/jurisdiction';
import { conforms } from '../core/spec';
import { MSG } from '../i18n/messages';

export const MAP_DATA_VERSION = 3;
/** Agencies per details chunk. */
export const CHUNK_SIZE = 2000;

const TYPE_CODES = 'psfco'; // police, sheriff, fire, city, other
const GEO_CODES = 'czkm'; // city, zip, county, manual
const JURISDICTION_CODES = 'mcrk'; // municipal, county, regional, contract; '-' not documented

export interface MapMetadata {
  title?: string;
  data_as_of?: string;
  license?: string;
  credit?: string;
}

export interface EncodedPoints {
  version: number;
  metadata: MapMetadata;
  /** [publisher, agencies citing it, an example origin]. */
  publishers: [string, number, string | null][];
  chunkSize: number;
  id: string[];
  name: string[];
  /** One character per agency (see TYPE_CODES). */
  type: string;
  /** Two characters per agency. */
  state: string;
  city: (string | null)[];
  county: (string | null)[];
  lon: number[];
  lat: number[];
  start: (string | null)[];
  /** End dates: null while the partnership has no documented end. */
  end: (string | null)[];
  /** One character per agency (see GEO_CODES). */
  geo: string;
  /** One character per agency (see JURISDICTION_CODES): as the build decided it. */
  jurisdiction: string;
  /** The county each agency covers (county-wide) or lies in, as a FIPS code; null when unknown. */
  fips: (string | null)[];
  /** Agencies whose jurisdiction spans several counties (by position): every county FIPS, own first. Sparse: most span one. */
  spans: Record<string, string[]>;
  /** When each agency researched beyond the Atlas was last checked (by position, YYYY-MM-DD). Sparse: most were not. */
  checked?: Record<string, string>;
  /** Documented devices, perk value and subsidy: null when not documented. */
  devices: (number | null)[];
  perk: (number | null)[];
  subsidy: (number | null)[];
  /** Bits: 1 perk programs, 2 records, 4 MOU, 16 the documented dollar value is a floor ("at least"), 32 county-wide, 64 checked beyond the Atlas. */
  flags: number[];
}

export const POINT_PERKS = 1;
export const POINT_RECORDS = 2;
export const POINT_MOU = 4;
export const POINT_AT_LEAST = 16;
/** The agency covers its whole county (published by the build, never guessed from the name). */
export const POINT_COUNTY_WIDE = 32;
/** The agency was checked beyond the Atlas (it has published `research`): About counts these. */
export const POINT_CHECKED = 64;
const PERK_KINDS = new Set(['device_donation', 'officer_incentives', 'city_subsidy']);

/** Splits a collection into the points file and the details chunks. */
export function encodeMapData(c: AgencyCollection, chunkSize = CHUNK_SIZE): { points: EncodedPoints; chunks: AgencyFeature[][] } {
  const f = c.features;
  const pubs = new Map<string, { n: number; url: string | null }>();
  for (const x of f) {
    const seen = new Set<string>();
    for (const s of x.properties.sources) {
      if (seen.has(s.publisher)) continue;
      seen.add(s.publisher);
      const e = pubs.get(s.publisher) ?? { n: 0, url: null };
      e.n++;
      if (!e.url && s.url) e.url = new URL(s.url).origin;
      pubs.set(s.publisher, e);
    }
  }
  const p = (x: AgencyFeature) => x.properties;
  const points: EncodedPoints = {
    version: MAP_DATA_VERSION,
    metadata: { ...(c.metadata ?? {}) },
    publishers: [...pubs].map(([name, e]) => [name, e.n, e.url] as [string, number, string | null]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    chunkSize,
    id: f.map((x) => p(x).id),
    name: f.map((x) => p(x).name),
    type: f.map((x) => TYPE_CODES[AGENCY_TYPES.indexOf(p(x).agency_type)]).join(''),
    state: f.map((x) => p(x).state).join(''),
    city: f.map((x) => p(x).city),
    county: f.map((x) => p(x).county),
    lon: f.map((x) => x.geometry.coordinates[0]),
    lat: f.map((x) => x.geometry.coordinates[1]),
    start: f.map((x) => p(x).start_date),
    end: f.map((x) => p(x).end_date),
    geo: f.map((x) => GEO_CODES[GEOCODE_PRECISIONS.indexOf(p(x).geocode_precision)]).join(''),
    jurisdiction: f.map((x) => JURISDICTION_CODES[JURISDICTIONS.indexOf(p(x).jurisdiction as Jurisdiction)] ?? '-').join(''),
    fips: f.map((x) => p(x).county_fips ?? null),
    spans: Object.fromEntries(f.flatMap((x, i) => ((p(x).counties_fips?.length ?? 0) > 1 ? [[String(i), p(x).counties_fips!]] : []))),
    checked: Object.fromEntries(f.flatMap((x, i) => (p(x).research?.checks.length ? [[String(i), p(x).research!.last_checked]] : []))),
    devices: f.map((x) => p(x).devices_given),
    perk: f.map((x) => p(x).perk_value_usd),
    subsidy: f.map((x) => p(x).subsidy_usd),
    flags: f.map((x) => {
      const q = p(x);
      const perks = q.devices_given !== null || q.perk_value_usd !== null || q.subsidy_usd !== null || q.programs.some((g) => PERK_KINDS.has(g.kind));
      return (perks ? POINT_PERKS : 0) | (q.mou_url !== null || q.records_urls.length ? POINT_RECORDS : 0) | (q.mou_url !== null ? POINT_MOU : 0) |
        (isFloor(q.programs, DOLLAR_KEYS) ? POINT_AT_LEAST : 0) | (q.county_wide ? POINT_COUNTY_WIDE : 0) |
        (q.research?.checks.length ? POINT_CHECKED : 0);
    }),
  };
  const chunks: AgencyFeature[][] = [];
  for (let k = 0; k < f.length; k += chunkSize) chunks.push(f.slice(k, k + chunkSize));
  return { points, chunks };
}

/** One agency as the map knows it before its details are loaded. */
export interface AgencyRow {
  id: string;
  name: string;
  agency_type: AgencyType;
  state: string;
  city: string | null;
  county: string | null;
  lon: number;
  lat: number;
  start_date: string | null;
  end_date: string | null;
  geocode_precision: GeocodePrecision;
  /** Published by the build (null when not documented); Find my area reads these, never the name. */
  jurisdiction: Jurisdiction | null;
  county_fips: string | null;
  /** Every county the jurisdiction spans (own first), as published; [county_fips] or [] for most. */
  counties_fips: string[];
  /** The day it was last checked beyond the Atlas; null when not researched yet. */
  checked_on: string | null;
  devices_given: number | null;
  perk_value_usd: number | null;
  subsidy_usd: number | null;
  flags: number;
  /** Position in the published order: locates the details chunk. */
  order: number;
}

export interface DecodedPoints {
  rows: AgencyRow[];
  invalid: number;
  metadata: MapMetadata;
  publishers: { name: string; count: number; url: string | null }[];
  chunkSize: number;
}

const str = (v: unknown): v is string => typeof v === 'string';
/** Each column is checked against its field of the published contract. */
const P = PropertiesSpec.shape;
const POINT = FeatureSpec.shape.geometry.shape.coordinates;

export class MapDataError extends Error {}

/** Decodes and checks the points file; rows that fail a check are dropped and counted. */
export function decodePoints(json: unknown): DecodedPoints {
  const j = json as Partial<EncodedPoints> | null;
  if (!j || typeof j !== 'object' || j.version !== MAP_DATA_VERSION || !Array.isArray(j.id)) {
    throw new MapDataError(MSG.loadFormat);
  }
  const n = j.id.length;
  const arr = (a: unknown) => (Array.isArray(a) && a.length === n ? a : null);
  const text = (a: unknown) => (typeof a === 'string' && a.length >= n ? a : null);
  const cols = {
    name: arr(j.name), city: arr(j.city), county: arr(j.county), lon: arr(j.lon), lat: arr(j.lat), start: arr(j.start), end: arr(j.end),
    devices: arr(j.devices), perk: arr(j.perk), subsidy: arr(j.subsidy), flags: arr(j.flags), fips: arr(j.fips),
    type: text(j.type), jurisdiction: text(j.jurisdiction), state: typeof j.state === 'string' && j.state.length === 2 * n ? j.state : null, geo: text(j.geo),
  };
  if (Object.values(cols).some((c) => c === null)) throw new MapDataError(MSG.loadColumns);
  const c = cols as { [K in keyof typeof cols]: NonNullable<(typeof cols)[K]> };
  const spans = j.spans && typeof j.spans === 'object' && !Array.isArray(j.spans) ? (j.spans as Record<string, unknown>) : {};
  const checkedOn = j.checked && typeof j.checked === 'object' && !Array.isArray(j.checked) ? (j.checked as Record<string, unknown>) : {};
  const rows: AgencyRow[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  for (let i = 0; i < n; i++) {
    const id = j.id[i], name = c.name[i], city = c.city[i], county = c.county[i], lon = c.lon[i], lat = c.lat[i], start = c.start[i], end = c.end[i];
    const type = AGENCY_TYPES[TYPE_CODES.indexOf(c.type[i])];
    const geo = GEOCODE_PRECISIONS[GEO_CODES.indexOf(c.geo[i])];
    const state = c.state.slice(2 * i, 2 * i + 2);
    const jc = c.jurisdiction[i];
    const jurisdiction = jc === '-' ? null : JURISDICTIONS[JURISDICTION_CODES.indexOf(jc)];
    const fips = c.fips[i];
    const span = Object.hasOwn(spans, String(i)) ? spans[String(i)] : fips === null ? [] : [fips];
    // A date that is not a real day reads as not researched: never shown as a check.
    const day = Object.hasOwn(checkedOn, String(i)) ? checkedOn[String(i)] : null;
    const checked = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && conforms(P.start_date, day) ? day : null;
    const ok =
      conforms(P.id, id) && !seen.has(id) && conforms(P.name, name) && conforms(P.city, city) && conforms(P.county, county) &&
      conforms(POINT, [lon, lat]) && conforms(P.start_date, start) && conforms(P.end_date, end) &&
      type !== undefined && geo !== undefined && jurisdiction !== undefined && conforms(P.state, state) && conforms(P.county_fips, fips) &&
      conforms(P.devices_given, c.devices[i]) && conforms(P.perk_value_usd, c.perk[i]) && conforms(P.subsidy_usd, c.subsidy[i]) &&
      Number.isInteger(c.flags[i]) && conforms(P.counties_fips, span);
    if (!ok) {
      invalid++;
      continue;
    }
    seen.add(id);
    rows.push({
      id, name, agency_type: type, state, city, county, lon, lat, start_date: start, end_date: end, geocode_precision: geo, jurisdiction, county_fips: fips, counties_fips: span as string[], checked_on: checked,
      devices_given: c.devices[i], perk_value_usd: c.perk[i], subsidy_usd: c.subsidy[i], flags: c.flags[i], order: i,
    });
  }
  const meta = (j.metadata ?? {}) as Record<string, unknown>;
  const m = (k: string) => (str(meta[k]) ? (meta[k] as string) : undefined);
  const publishers = (Array.isArray(j.publishers) ? j.publishers : [])
    .filter((p): p is [string, number, string | null] => Array.isArray(p) && str(p[0]) && typeof p[1] === 'number' && (p[2] === null || str(p[2])))
    .map(([name, count, url]) => ({ name, count, url }));
  return {
    rows, invalid, publishers,
    metadata: { title: m('title'), data_as_of: m('data_as_of'), license: m('license'), credit: m('credit') },
    chunkSize: typeof j.chunkSize === 'number' && j.chunkSize > 0 ? j.chunkSize : CHUNK_SIZE,
  };
}
