/**
 * Which agency the keyboard reaches on the map: the one nearest the centre
 * of the view among those shown. Pure (Web-Mercator coordinates in [0, 1],
 * as the agency index holds them); without rotation or pitch, distances
 * there are proportional to distances on screen.
 */
export interface MercatorBox {
  /** West, north, east and south edges (y grows southwards). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The agency passing `mask` inside `box` nearest its centre (ties: the lower index); null when none is inside. */
export function nearestInBox(mask: Uint8Array, mx: Float64Array, my: Float64Array, box: MercatorBox): number | null {
  const cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
  let best: number | null = null;
  let bestD = Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = mx[i], y = my[i];
    if (x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1) continue;
    const d = (x - cx) ** 2 + (y - cy) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Web-Mercator [0, 1] coordinates of a longitude/latitude, as the agency index computes them. */
export function toMercator(lon: number, lat: number): [number, number] {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI];
}
