/**
 * Where the map looks, as pure arithmetic (Web Mercator, 512 px tiles, no
 * rotation): the camera that fits a box or an agency into the part of the
 * map no overlay covers, and the box a camera shows. The live map moves to
 * these cameras, so tests can check every agency and every state in Node
 * with the same numbers the page uses.
 */
import type { Padding } from './overlay-padding';
import { CITY_ZOOM } from './grid-cluster';

export type Box = [number, number, number, number];

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

const TILE = 512;

/** Web-Mercator x, y in [0, 1] (y down), as the map and the clustering use them. */
export function mercator(lon: number, lat: number): [number, number] {
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI];
}

function unmercator(x: number, y: number): [number, number] {
  return [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];
}

/**
 * The camera that fits `box` into the map's free area (the map minus
 * `padding`), centred in it, no closer than `maxZoom`: MapLibre's
 * `fitBounds`, done here so it can be checked without a map.
 */
export function cameraForBox(box: Box, size: Size, padding: Padding, maxZoom: number, minZoom = 0): Camera {
  const [w, s, e, n] = box;
  const [x0, y0] = mercator(w, n);
  const [x1, y1] = mercator(e, s);
  const freeW = Math.max(1, size.width - padding.left - padding.right);
  const freeH = Math.max(1, size.height - padding.top - padding.bottom);
  const spanX = (x1 - x0) * TILE, spanY = (y1 - y0) * TILE;
  const fit = Math.min(spanX > 0 ? freeW / spanX : Infinity, spanY > 0 ? freeH / spanY : Infinity);
  const zoom = Math.max(minZoom, Math.min(maxZoom, Number.isFinite(fit) ? Math.log2(fit) : maxZoom));
  return centredAt((x0 + x1) / 2, (y0 + y1) / 2, zoom, padding);
}

/** The camera whose free area is centred on mercator point (x, y) at `zoom`. */
function centredAt(x: number, y: number, zoom: number, padding: Padding): Camera {
  const world = TILE * 2 ** zoom;
  // The free area's centre lies (left − right) / 2, (top − bottom) / 2 pixels off the map's centre.
  const cx = x - (padding.left - padding.right) / 2 / world;
  const cy = y - (padding.top - padding.bottom) / 2 / world;
  const [lon, lat] = unmercator(cx, cy);
  return { lon, lat, zoom };
}

/**
 * The zoom an agency is framed at: city scale, where the map's clustering
 * draws every agency alone and its name beside it (one step beyond, so the
 * names around it have room).
 */
export const AGENCY_ZOOM = CITY_ZOOM + 1;

/** Closest an agency is framed: street scale, where the bundled basemap has nothing more to show. */
export const AGENCY_MAX_ZOOM = 13;
/** On screen, the nearest other agency keeps at least this distance, so the two dots do not touch. */
const APART_PX = 28;

/**
 * The zoom that frames agency `i` standing alone: city scale, closer where
 * another agency shown (`mask`) is so near that their dots would touch; an
 * agency sharing its very point with another stays at city scale (its card
 * names the others there).
 */
export function agencyZoom(index: { size: number; mx: ArrayLike<number>; my: ArrayLike<number> }, mask: ArrayLike<number>, i: number): number {
  let d = Infinity;
  const x = index.mx[i], y = index.my[i];
  for (let k = 0; k < index.size; k++) {
    if (k === i || !mask[k]) continue;
    const dk = Math.hypot(index.mx[k] - x, index.my[k] - y);
    if (dk > 0 && dk < d) d = dk;
  }
  if (!Number.isFinite(d)) return AGENCY_ZOOM;
  return Math.min(AGENCY_MAX_ZOOM, Math.max(AGENCY_ZOOM, Math.log2(APART_PX / (d * TILE))));
}

/** The camera that shows an agency alone, with its name, in the middle of the map's free area. */
export function cameraForAgency(lon: number, lat: number, padding: Padding, zoom = AGENCY_ZOOM): Camera {
  const [x, y] = mercator(lon, lat);
  return centredAt(x, y, Math.max(zoom, CITY_ZOOM), padding);
}

/** [west, south, east, north] that a camera shows in a map of this size. */
export function boxOf(c: Camera, size: Size): Box {
  const world = TILE * 2 ** c.zoom;
  const [x, y] = mercator(c.lon, c.lat);
  const [w, n] = unmercator(x - size.width / 2 / world, y - size.height / 2 / world);
  const [e, s] = unmercator(x + size.width / 2 / world, y + size.height / 2 / world);
  return [w, s, e, n];
}

/** Where a point lands on the map (pixels from its top left) under a camera. */
export function project(c: Camera, size: Size, lon: number, lat: number): [number, number] {
  const world = TILE * 2 ** c.zoom;
  const [cx, cy] = mercator(c.lon, c.lat);
  const [x, y] = mercator(lon, lat);
  return [size.width / 2 + (x - cx) * world, size.height / 2 + (y - cy) * world];
}

/** Whether a point lies in the map's free area (inside the padding) under a camera. */
export function inFreeArea(c: Camera, size: Size, padding: Padding, lon: number, lat: number, slack = 0.5): boolean {
  const [px, py] = project(c, size, lon, lat);
  return px >= padding.left - slack && px <= size.width - padding.right + slack && py >= padding.top - slack && py <= size.height - padding.bottom + slack;
}
