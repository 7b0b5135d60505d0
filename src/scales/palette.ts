/**
 * Colour scales shared by the map layers, their legends and the exported
 * image, so all three always agree.
 */
import { scaleSequential, scaleSqrt } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import type { Month } from '../time/months';

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
