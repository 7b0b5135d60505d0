/**
 * State outlines from the bundled us-atlas boundaries, projected to fit a
 * box, for the pages' small static maps and preview images. A plain
 * equirectangular projection scaled by the cosine of the state's middle
 * latitude: faithful enough for one state at this size.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { STATE_BY_FIPS } from '../../src/geo/us-states';

const require = createRequire(import.meta.url);

export type Ring = Position[];

let outlines: Map<string, Ring[][]> | null = null;

/** Every state's polygons (lon/lat), keyed by postal code. */
export function stateOutlines(): Map<string, Ring[][]> {
  if (outlines) return outlines;
  const topo = JSON.parse(readFileSync(require.resolve('us-atlas/states-10m.json'), 'utf8')) as Topology;
  const fc = feature(topo, topo.objects.states as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;
  outlines = new Map();
  for (const f of fc.features) {
    const st = STATE_BY_FIPS.get(String(f.id));
    if (!st || !f.geometry) continue;
    outlines.set(st.code, f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
  }
  return outlines;
}

/** Alaska's Aleutians cross the antimeridian: keep the state in one piece. */
const unwrap = (code: string, lon: number): number => (code === 'AK' && lon > 0 ? lon - 360 : lon);

export interface Projection {
  width: number;
  height: number;
  project: (lon: number, lat: number) => [number, number];
  /** The state's rings in box coordinates, simplified to the box's resolution. */
  rings: Ring[];
}

/**
 * Fits a state into a box `width` wide (and `height` high when given,
 * else as high as the state's shape needs, within limits).
 */
export function projectState(code: string, width: number, opts: { height?: number; pad?: number; tolerance?: number } = {}): Projection {
  return projectStates([code], width, opts);
}

/** The 48 contiguous states and DC, for the national preview. */
export const CONTIGUOUS = (): string[] => [...stateOutlines().keys()].filter((c) => !['AK', 'HI', 'PR', 'VI', 'GU', 'AS', 'MP'].includes(c));

/** Fits several states together (e.g. the contiguous US) into one box. */
export function projectStates(codes: string[], width: number, opts: { height?: number; pad?: number; tolerance?: number } = {}): Projection {
  const shapes = codes.map((code) => {
    const polys = stateOutlines().get(code);
    if (!polys) throw new Error(`no outline for state ${code}`);
    return { code, polys };
  });
  // One state may need its Aleutians unwrapped; a group never includes Alaska with others.
  const code = codes.length === 1 ? codes[0] : '';
  const pad = opts.pad ?? 12;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { polys } of shapes) for (const poly of polys) for (const [lon, lat] of poly[0]) {
    const x = unwrap(code, lon);
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, lat); y1 = Math.max(y1, lat);
  }
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const w = (x1 - x0) * k;
  const h = y1 - y0;
  const height = opts.height ?? Math.round(Math.min(Math.max(((width - 2 * pad) * h) / w + 2 * pad, width * 0.45), width * 1.1));
  const s = Math.min((width - 2 * pad) / w, (height - 2 * pad) / h);
  const ox = (width - w * s) / 2;
  const oy = (height - h * s) / 2;
  const project = (lon: number, lat: number): [number, number] => [ox + (unwrap(code, lon) - x0) * k * s, oy + (y1 - lat) * s];
  const rings: Ring[] = [];
  for (const { polys } of shapes) {
    for (const poly of polys) {
      for (const ring of poly) {
        const px = ring.map(([lon, lat]) => project(lon, lat));
        if (px.length < 4) continue;
        let simple: Ring;
        try {
          simple = turf.simplify(turf.polygon([px]), { tolerance: opts.tolerance ?? 0.5 }).geometry.coordinates[0];
        } catch {
          continue; // collapsed below a pixel: a speck of an island
        }
        // Islands smaller than a pixel or two add bytes, not information.
        if (simple.length < 4 || Math.abs(planarArea(simple)) < 1.5) continue;
        rings.push(simple);
      }
    }
  }
  return { width, height, project, rings };
}

function planarArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return a / 2;
}
