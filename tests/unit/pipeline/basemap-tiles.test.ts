import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection } from 'geojson';
import { writeBasemapTiles } from '../../../pipeline/basemap-tiles';
import { BASEMAP_MAX_ZOOM } from '../../../src/map/basemap-extent';

/** Kansas as a box, a neighbour to the north, and a label point. */
const layers: Record<string, FeatureCollection> = {
  states: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { fips: '20', code: 'KS', name: 'Kansas' }, geometry: { type: 'Polygon', coordinates: [[[-102, 37], [-94.6, 37], [-94.6, 40], [-102, 40], [-102, 37]]] } }] },
  neighbours: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Canada' }, geometry: { type: 'Polygon', coordinates: [[[-120, 50], [-90, 50], [-90, 60], [-120, 60], [-120, 50]]] } }] },
  places: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'state', name: 'Kansas', code: 'KS' }, geometry: { type: 'Point', coordinates: [-98.4, 38.5] } }] },
};

function tile(dir: string, z: number, x: number, y: number): VectorTile {
  return new VectorTile(new PbfReader(readFileSync(join(dir, String(z), String(x), `${y}.pbf`))));
}

describe('basemap vector tiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiles-'));
  const { tiles } = writeBasemapTiles(dir, layers);

  it('cuts every layer into the tile that covers it, with its properties (the state keeps its FIPS)', () => {
    // Zoom 3: Kansas lies in tile x 1, y 3.
    const t = tile(dir, 3, 1, 3);
    expect(Object.keys(t.layers).sort()).toEqual(['places', 'states']);
    const ks = t.layers.states.feature(0);
    expect(ks.properties).toMatchObject({ fips: '20', code: 'KS' });
    expect(t.layers.places.feature(0).properties).toMatchObject({ kind: 'state', code: 'KS' });
    expect(Object.keys(tile(dir, 3, 1, 2).layers)).toEqual(['neighbours']);
  });

  it('drops detail finer than a pixel below the last zoom, and keeps every vertex at the last zoom', () => {
    // A small county-sized box in Kansas whose north edge wiggles by 0.04° (half a pixel at zoom 3) at 200 vertices.
    const edge = Array.from({ length: 200 }, (_, k) => [-98.4 + (k * 0.4) / 200, 38.7 + (k % 2) * 0.04]);
    const wiggly: Record<string, FeatureCollection> = {
      states: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { fips: '20' }, geometry: { type: 'Polygon', coordinates: [[[-98.4, 38.5], [-98, 38.5], [-98, 38.7], ...edge.reverse(), [-98.4, 38.5]]] } }] },
      neighbours: { type: 'FeatureCollection', features: [] },
      places: { type: 'FeatureCollection', features: [] },
    };
    const d = mkdtempSync(join(tmpdir(), 'tiles-'));
    writeBasemapTiles(d, wiggly);
    const vertices = (z: number) => {
      const n = 2 ** z;
      const x = Math.floor(((-98.2 + 180) / 360) * n);
      const r = (38.6 * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
      return tile(d, z, x, y).layers.states.feature(0).loadGeometry().flat().length;
    };
    expect(vertices(3)).toBeLessThan(12);
    expect(vertices(BASEMAP_MAX_ZOOM)).toBeGreaterThanOrEqual(200);
    rmSync(d, { recursive: true, force: true });
  });

  it('writes every tile inside the bounds up to the highest zoom, empty ones empty (the map never meets a missing tile)', () => {
    expect(readdirSync(join(dir, String(BASEMAP_MAX_ZOOM))).length).toBeGreaterThan(0);
    expect(tiles).toBeGreaterThan(500);
    // Open sea near the equator, west of the Americas, at the highest zoom: present, and empty.
    expect(readFileSync(join(dir, String(BASEMAP_MAX_ZOOM), '2', '32.pbf')).length).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
