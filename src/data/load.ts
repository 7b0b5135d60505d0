/**
 * Fetches and checks the map's data: the points file first, the full
 * records of agencies on demand. Everything fetched is untrusted: records
 * get a structural check (a full schema parse of 150k features would
 * dominate load time) and those that fail are left out and counted.
 */
import { yieldToMain } from '../ui/yield-to-main';
import type { AgencyFeature } from '../core/contract';
import type { AgencyRow, DecodedPoints } from './map-data';
import { decodePoints } from './map-data';
import { FeatureSpec } from '../core/contract';
import { conforms } from '../core/spec';
import { MSG } from '../i18n/messages';

export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly kind: 'missing' | 'invalid' | 'network',
  ) {
    super(message);
  }
}

/**
 * The published contract's own check (core/contract.ts, the declaration the
 * build validates with), without zod: impossible dates, bad ids, negative
 * figures or a missing `at_least` leave the record out.
 */
export function isValidFeature(f: unknown): f is AgencyFeature {
  return conforms(FeatureSpec, f);
}

/** `readAfter`: the response is parsed only once it resolves (the download starts at once). */
export async function fetchJson(url: string, file: keyof typeof MSG.loadWhat, signal?: AbortSignal, readAfter?: Promise<void>): Promise<unknown> {
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
  await readAfter;
  try {
    return await res.json();
  } catch {
    throw new DataLoadError(MSG.loadNotJson(what), 'invalid');
  }
}

/** The map's points file (see map-data.ts). */
export async function loadPoints(url: string, signal?: AbortSignal, readAfter?: Promise<void>): Promise<DecodedPoints> {
  const json = await fetchJson(url, 'data', signal, readAfter);
  // Parsed, then checked in a task of its own: two shorter tasks the page can answer between.
  await yieldToMain();
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
