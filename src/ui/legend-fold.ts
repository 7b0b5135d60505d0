/**
 * Whether the legend starts folded: it floats over the map, so where it
 * would hide a large part of it (and the agencies there), it starts as its
 * button alone. Pure, so the framing sweeps use the same rule.
 */

/** Past this share of the map's area, an open legend starts folded. */
export const LEGEND_MAX_SHARE = 0.15;

export interface Area {
  width: number;
  height: number;
}

/** Phones, and small embed frames, fold it whatever its size. */
export function smallFrame(embed: boolean, window: Area): boolean {
  return embed ? window.width < 600 || window.height < 500 : window.width <= 700;
}

/** The open legend would cover more than its share of the map. */
export function coversTooMuch(legend: Area, map: Area, share = LEGEND_MAX_SHARE): boolean {
  const a = map.width * map.height;
  return a > 0 && (legend.width * legend.height) / a > share;
}

export function startsFolded(embed: boolean, window: Area, openLegend: Area, map: Area): boolean {
  return smallFrame(embed, window) || coversTooMuch(openLegend, map);
}
