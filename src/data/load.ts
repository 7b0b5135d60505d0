/**
 * Fetches and checks the map's data: the points file first, the full
 * records of agencies on demand. Everything fetched is untrusted: records
 * get a structural check (a full schema parse of 150k features would
 * dominate load time) and those that fail are left out and counted.
 */
import type { AgencyFeature } from './schema';
import type { AgencyRow, DecodedPoints } from './map-data';
import { decodePoints } from './map-data';
import { AGENCY_TYPES, GEOCODE_PRECISIONS, PROGRAM_KINDS, isProgramDate } from './contract';
import { MSG } from '../ui/messages';

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
/** Impossible dates (not real, before 2012, after the build) would stretch the timeline and colours: such records are left out. */
const isDate = (v: unknown) => v === null || (isStr(v) && isProgramDate(v));
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

export async function fetchJson(url: string, file: keyof typeof MSG.loadWhat, signal?: AbortSignal): Promise<unknown> {
  const what = MSG.loadWhat[file];
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new DataLoadError(MSG.loadNetwork(what), 'network');
  }
  if (!res.ok) {
    throw new DataLoadError(MSG.loadMissing(what, res.status), res.status === 404 ? 'missing' : 'network');
  }
  try {
    return await res.json();
  } catch {
    throw new DataLoadError(MSG.loadNotJson(what), 'invalid');
  }
}

/** The map's points file (see map-data.ts). */
export async function loadPoints(url: string, signal?: AbortSignal): Promise<DecodedPoints> {
  const json = await fetchJson(url, 'data', signal);
  try {
    return decodePoints(json);
  } catch (e) {
    throw new DataLoadError((e as Error).message, 'invalid');
  }
}

/**
 * The full records, fetched a chunk at a time when a card opens or data is
 * downloaded, and checked again: a record that fails is treated as missing.
 */
export class DetailsStore {
  private chunks = new Map<number, Promise<Map<string, AgencyFeature>>>();

  constructor(
    private urlOf: (chunk: number) => string,
    private chunkSize: number,
  ) {}

  private chunk(k: number): Promise<Map<string, AgencyFeature>> {
    let p = this.chunks.get(k);
    if (!p) {
      p = fetchJson(this.urlOf(k), 'details').then((json) => {
        const byId = new Map<string, AgencyFeature>();
        if (Array.isArray(json)) for (const f of json) if (isValidFeature(f)) byId.set(f.properties.id, f);
        return byId;
      });
      p.catch(() => this.chunks.delete(k));
      this.chunks.set(k, p);
    }
    return p;
  }

  async get(row: Pick<AgencyRow, 'id' | 'order'>): Promise<AgencyFeature | null> {
    return (await this.chunk(Math.floor(row.order / this.chunkSize))).get(row.id) ?? null;
  }

  /** Full records of many agencies, in the given order; those that fail their checks are left out. */
  async getMany(rows: readonly Pick<AgencyRow, 'id' | 'order'>[]): Promise<AgencyFeature[]> {
    const ks = [...new Set(rows.map((r) => Math.floor(r.order / this.chunkSize)))];
    const maps = new Map(await Promise.all(ks.map(async (k) => [k, await this.chunk(k)] as const)));
    const out: AgencyFeature[] = [];
    for (const r of rows) {
      const f = maps.get(Math.floor(r.order / this.chunkSize))?.get(r.id);
      if (f) out.push(f);
    }
    return out;
  }
}
