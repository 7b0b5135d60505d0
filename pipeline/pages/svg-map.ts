/**
 * A small static map as inline SVG: the state's outline and agency points,
 * drawn from the bundled boundaries (no tiles, no request). The highlighted
 * agency differs by shape and size as well as colour.
 */
import { esc } from './html';
import { projectState } from './state-shapes';
import type { Ring } from './state-shapes';

export interface MapPoint {
  lon: number;
  lat: number;
}

const n = (v: number) => Math.round(v * 10) / 10;

function pathData(rings: Ring[]): string {
  return rings.map((r) => `M${r.slice(0, -1).map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}Z`).join('');
}

const cache = new Map<string, { width: number; height: number; d: string; project: (lon: number, lat: number) => [number, number] }>();

function outline(code: string) {
  let o = cache.get(code);
  if (!o) {
    const p = projectState(code, 400);
    o = { width: p.width, height: p.height, d: pathData(p.rings), project: p.project };
    cache.set(code, o);
  }
  return o;
}

/**
 * The state with its agencies as dots, and `highlight` (if any) as a large
 * ringed diamond. `label` is the map's text alternative.
 */
export function stateMapSvg(code: string, points: MapPoint[], label: string, highlight?: MapPoint): string {
  const o = outline(code);
  const dots = points
    .map((p) => o.project(p.lon, p.lat))
    .map(([x, y]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${highlight ? 2.6 : 3.4}"/>`)
    .join('');
  let mark = '';
  if (highlight) {
    const [x, y] = o.project(highlight.lon, highlight.lat);
    const r = 9;
    mark = `<path class="map-here" d="M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z"/>`;
  }
  return (
    `<svg class="state-map" viewBox="0 0 ${o.width} ${o.height}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<path class="map-state" d="${o.d}"/><g class="map-points${highlight ? ' map-points-context' : ''}">${dots}</g>${mark}</svg>`
  );
}
