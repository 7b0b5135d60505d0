import { MSG } from '../i18n/messages';
import { formatInt } from '../ui/format';

/** Classes for the density choropleth: five sequential colours (colour-blind safe, light to dark). */
export const DENSITY_COLORS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

/** "1–2", "3–5", …, "20 or more" for class lower bounds. */
export function classLabels(b: number[]): string[] {
  return b.map((v, k) => (k === b.length - 1 ? MSG.orMore(formatInt(v)) : b[k + 1] - 1 === v ? formatInt(v) : `${formatInt(v)}–${formatInt(b[k + 1] - 1)}`));
}

/**
 * Five class lower bounds for counts: [1, b1, b2, b3, b4], strictly
 * increasing, from quantiles of the non-zero counts, rounded to readable numbers.
 */
export function densityBreaks(counts: number[]): number[] {
  const v = counts.filter((c) => c > 0).sort((a, b) => a - b);
  const out = [1];
  if (!v.length) return [1, 2, 3, 4, 5];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    let b = v[Math.min(v.length - 1, Math.floor(q * v.length))];
    b = b > 20 ? Math.round(b / 5) * 5 : b;
    out.push(Math.max(b, out[out.length - 1] + 1));
  }
  return out;
}
