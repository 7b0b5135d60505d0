/**
 * `basemap/tiles/{z}/{x}/{y}.pbf`: the bundled basemap (neighbouring
 * countries, states, label points) as vector tiles, cut at build time.
 * The map's worker then only decodes small tiles instead of parsing and
 * tiling half a megabyte of GeoJSON on every visit, the largest part of
 * the live map's start-up on slow machines. Every tile inside the bounds is
 * written, empty ones as empty files, so the map never asks for a missing one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { BASEMAP_BOUNDS, BASEMAP_MAX_ZOOM } from '../src/map/basemap-extent';

const EXTENT = 4096;

const tileX = (lon: number, z: number) => Math.min(2 ** z - 1, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)));
};

/** Writes the tiles of `layers` (source-layer name → features) under `dir`; returns how many and their bytes. */
export function writeBasemapTiles(dir: string, layers: Record<string, FeatureCollection>): { tiles: number; bytes: number } {
  // Simplified to one screen pixel of a 512-pixel tile (8 of 4096 units) below the last zoom, which keeps every
  // vertex: the lines look the same, and the map's worker has about half the vertices to decode and triangulate
  // before the first frame.
  const indexes = Object.entries(layers).map(
    ([name, fc]) => [name, new GeoJSONVT(fc as never, { maxZoom: BASEMAP_MAX_ZOOM, indexMaxZoom: BASEMAP_MAX_ZOOM, indexMaxPoints: 0, tolerance: 8, extent: EXTENT, buffer: 64 })] as const,
  );
  const [w, s, e, n] = BASEMAP_BOUNDS;
  let tiles = 0;
  let bytes = 0;
  for (let z = 0; z <= BASEMAP_MAX_ZOOM; z++) {
    for (let x = tileX(w, z); x <= tileX(e, z); x++) {
      mkdirSync(join(dir, String(z), String(x)), { recursive: true });
      for (let y = tileY(n, z); y <= tileY(s, z); y++) {
        const present: Record<string, GeoJSONVTTile> = {};
        for (const [name, index] of indexes) {
          const t = index.getTile(z, x, y);
          if (t && t.features.length) present[name] = t;
        }
        const buf = Object.keys(present).length ? fromGeojsonVt(present, { version: 2, extent: EXTENT }) : new Uint8Array(0);
        writeFileSync(join(dir, String(z), String(x), `${y}.pbf`), buf);
        tiles++;
        bytes += buf.length;
      }
    }
  }
  return { tiles, bytes };
}
