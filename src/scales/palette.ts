/**
 * Colour scales shared by the map layers, their legends and the exported
 * image, so all three always agree.
 */
import { scaleSequential, scaleSqrt } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import type { Month } from '../core/periods';

/** Viridis stops: perceptually uniform and readable with the common colour-vision deficiencies. */
export const VIRIDIS = ['#440154', '#472c7a', '#3b518b', '#2c718e', '#21908d', '#27ad81', '#5cc863', '#aadc32', '#fde725'];

/** Neutral colour for agencies whose start date is not documented. */
export const UNDATED_COLOR = '#9aa0a6';

export function startColorScale(domain: [Month, Month]): (m: Month | null) => string {
  const s = scaleSequential(interpolateRgbBasis(VIRIDIS)).domain(domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain);
  s.clamp(true);
  return (m) => (m === null ? UNDATED_COLOR : s(m));
}

/** Radius in pixels for a documented dollar value: area proportional to value. */
export function valueRadiusScale(maxValue: number): (usd: number) => number {
  const s = scaleSqrt().domain([0, Math.max(1, maxValue)]).range([4, 28]).clamp(true);
  return (usd) => s(usd);
}

/** Black or white text, whichever reads better on a colour ("#rrggbb" or "rgb(r, g, b)"). */
export function readableInk(color: string): string {
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) rgb = [0, 2, 4].map((k) => parseInt(hex[1].slice(k, k + 2), 16));
  const fn = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (fn) rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  if (!rgb) return '#ffffff';
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white vs against near-black ink.
  return (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) ? '#ffffff' : '#1f2328';
}

/** The range of start months among the agencies a mask selects; null when none is dated. */
export function startDomain(start: ArrayLike<number>, mask: ArrayLike<number>): [Month, Month] | null {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || start[i] < 0) continue;
    if (start[i] < lo) lo = start[i];
    if (start[i] > hi) hi = start[i];
  }
  return Number.isFinite(lo) ? [lo, hi] : null;
}
