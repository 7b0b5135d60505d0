/** Partnerships that began, and that ended, per month, for the timeline and Play. */
import type { AgencyIndex } from '../data/agency-index';
import { NO_END } from '../core/periods';

export interface Histogram {
  from: number;
  /** counts[k] = agencies whose start month is from + k. */
  counts: Uint32Array;
  /** ends[k] = agencies whose last active month is from + k (documented ends only). */
  ends: Uint32Array;
}

export function monthlyHistogram(index: AgencyIndex, mask: Uint8Array, from: number, to: number): Histogram {
  const len = Math.max(0, to - from + 1);
  const counts = new Uint32Array(len);
  const ends = new Uint32Array(len);
  for (let i = 0; i < index.size; i++) {
    if (!mask[i]) continue;
    const s = index.start[i];
    if (s >= from && s <= to) counts[s - from]++;
    const e = index.lastActive[i];
    if (e !== NO_END && e >= from && e <= to) ends[e - from]++;
  }
  return { from, counts, ends };
}

/** Running totals: cumulative[k] = agencies started up to and including month from + k. */
export function cumulative(h: Pick<Histogram, 'counts'>): Uint32Array {
  const out = new Uint32Array(h.counts.length);
  let sum = 0;
  h.counts.forEach((c, k) => {
    sum += c;
    out[k] = sum;
  });
  return out;
}

/** Partnerships active in each month: begun by then, less those whose last active month came before. */
export function activeByMonth(h: Histogram): Int32Array {
  const out = new Int32Array(h.counts.length);
  let begun = 0;
  let ended = 0;
  for (let k = 0; k < h.counts.length; k++) {
    begun += h.counts[k];
    out[k] = begun - ended;
    ended += h.ends[k];
  }
  return out;
}
