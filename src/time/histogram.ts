/** Partnerships per start month, for the timeline. */
import type { AgencyIndex } from '../data/agency-index';

export interface Histogram {
  from: number;
  /** counts[k] = agencies whose start month is from + k. */
  counts: Uint32Array;
}

export function monthlyHistogram(index: AgencyIndex, mask: Uint8Array, from: number, to: number): Histogram {
  const counts = new Uint32Array(Math.max(0, to - from + 1));
  for (let i = 0; i < index.size; i++) {
    const s = index.start[i];
    if (mask[i] && s >= from && s <= to) counts[s - from]++;
  }
  return { from, counts };
}

/** Running totals: cumulative[k] = agencies started up to and including month from + k. */
export function cumulative(h: Histogram): Uint32Array {
  const out = new Uint32Array(h.counts.length);
  let sum = 0;
  h.counts.forEach((c, k) => {
    sum += c;
    out[k] = sum;
  });
  return out;
}
