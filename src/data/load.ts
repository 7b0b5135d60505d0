/**
 * Fetches and checks the dataset. Every feature gets a fast structural
 * check of what the map relies on (a full schema parse of 150k features
 * would dominate load time); invalid features are left out and counted, so
 * the page can say so instead of failing or drawing something false.
 */
import type { AgencyFeature } from './schema';
import { AGENCY_TYPES, GEOCODE_PRECISIONS, PROGRAM_KINDS, isPartialIsoDate } from './contract';

export interface Dataset {
  features: AgencyFeature[];
  invalid: number;
  metadata: { title?: string; data_as_of?: string; license?: string; credit?: string };
}

export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly kind: 'missing' | 'invalid' | 'network',
  ) {
    super(message);
  }
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNullStr = (v: unknown) => v === null || isStr(v);
const isAmount = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const isDate = (v: unknown) => v === null || (isStr(v) && isPartialIsoDate(v));
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function validSource(s: unknown): boolean {
  return isObj(s) && isNullStr(s.url) && isStr(s.publisher) && isNullStr(s.title) && isDate(s.date);
}

function validProgram(g: unknown): boolean {
  return (
    isObj(g) &&
    (PROGRAM_KINDS as readonly unknown[]).includes(g.kind) &&
    isDate(g.start_date) && isDate(g.end_date) &&
    isAmount(g.devices_given) && isAmount(g.perk_value_usd) && isAmount(g.subsidy_usd) &&
    isStr(g.summary) && Array.isArray(g.sources) && g.sources.every(validSource)
  );
}

export function isValidFeature(f: unknown): f is AgencyFeature {
  if (!isObj(f) || f.type !== 'Feature' || !isObj(f.geometry) || !isObj(f.properties)) return false;
  const g = f.geometry;
  const c = g.coordinates;
  if (g.type !== 'Point' || !Array.isArray(c) || c.length < 2) return false;
  const [x, y] = c as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !(x >= -180 && x <= 180 && y >= -90 && y <= 90)) return false;
  const p = f.properties;
  return (
    isStr(p.id) && /^[a-z0-9-]{1,200}$/.test(p.id) &&
    isStr(p.name) && p.name.trim().length > 0 &&
    (AGENCY_TYPES as readonly unknown[]).includes(p.agency_type) &&
    isNullStr(p.city) && isNullStr(p.county) &&
    isStr(p.state) && /^[A-Z]{2}$/.test(p.state) &&
    (GEOCODE_PRECISIONS as readonly unknown[]).includes(p.geocode_precision) &&
    isDate(p.start_date) && isDate(p.end_date) &&
    isAmount(p.devices_given) && isAmount(p.perk_value_usd) && isAmount(p.subsidy_usd) &&
    isNullStr(p.mou_url) &&
    Array.isArray(p.records_urls) && p.records_urls.every(isStr) &&
    Array.isArray(p.programs) && p.programs.every(validProgram) &&
    Array.isArray(p.sources) && p.sources.length > 0 && p.sources.every(validSource)
  );
}

export function parseDataset(json: unknown): Dataset {
  if (!isObj(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new DataLoadError('The data file is not a GeoJSON FeatureCollection.', 'invalid');
  }
  const features: AgencyFeature[] = [];
  const ids = new Set<string>();
  let invalid = 0;
  for (const f of json.features) {
    if (isValidFeature(f) && !ids.has(f.properties.id)) {
      ids.add(f.properties.id);
      features.push(f);
    } else invalid++;
  }
  const m = isObj(json.metadata) ? json.metadata : {};
  const str = (v: unknown) => (isStr(v) ? v : undefined);
  return {
    features,
    invalid,
    metadata: { title: str(m.title), data_as_of: str(m.data_as_of), license: str(m.license), credit: str(m.credit) },
  };
}

export async function loadDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new DataLoadError('The data could not be downloaded. Check your connection.', 'network');
  }
  if (!res.ok) {
    throw new DataLoadError(`The data file could not be found (HTTP ${res.status}).`, res.status === 404 ? 'missing' : 'network');
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new DataLoadError('The data file is damaged: it is not valid JSON.', 'invalid');
  }
  return parseDataset(json);
}
