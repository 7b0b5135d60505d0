/**
 * The agency the keyboard reaches on the map: the shown agency nearest the
 * centre of the view. Swept over the published data with random views and
 * filters, against an independent reckoning in screen pixels.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AgencyFeature } from '../../../src/core/contract';
import { buildIndex } from '../../../src/data/agency-index';
import { nearestInBox, toMercator } from '../../../src/map/keyboard-pick';
import { mulberry32 } from '../../seeded-random';
import { rowsOf } from './fixtures';

const features = (JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as { features: AgencyFeature[] }).features;
const index = buildIndex(rowsOf(features));

/** Screen pixels of a point in a view of `zoom` centred on (lon, lat): the textbook Web-Mercator formula. */
function pixel(lon: number, lat: number, zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const y = (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
  return [((lon + 180) / 360) * world, y * world];
}

describe('keyboard pick on the map', () => {
  it("uses the index's own projection", () => {
    for (let i = 0; i < index.size; i++) {
      const [x, y] = toMercator(index.lon[i], index.lat[i]);
      expect(x).toBeCloseTo(index.mx[i], 12);
      expect(y).toBeCloseTo(index.my[i], 12);
    }
  });

  it('an empty view, or one whose agencies are all filtered out, reaches none', () => {
    const all = new Uint8Array(index.size).fill(1);
    // The middle of the Pacific.
    const [x0, y0] = toMercator(-160, 10), [x1, y1] = toMercator(-150, 0);
    expect(nearestInBox(all, index.mx, index.my, { x0, y0, x1, y1 })).toBeNull();
    expect(nearestInBox(new Uint8Array(index.size), index.mx, index.my, { x0: 0, y0: 0, x1: 1, y1: 1 })).toBeNull();
  });

  it('sweep: 3,000 random views and filters over the published data, each answer the nearest shown agency in view', () => {
    const rnd = mulberry32(20261207);
    let reached = 0;
    for (let k = 0; k < 3000; k++) {
      const zoom = 3 + rnd() * 9;
      // Views near an agency (or anywhere in the lower 48), so most hold some and some none.
      const near = Math.floor(rnd() * index.size);
      const lon = rnd() < 0.8 ? index.lon[near] + (rnd() - 0.5) * 4 : -125 + rnd() * 58;
      const lat = rnd() < 0.8 ? index.lat[near] + (rnd() - 0.5) * 3 : 24 + rnd() * 25;
      const w = 300 + Math.floor(rnd() * 1100), h = 250 + Math.floor(rnd() * 700);
      const keep = rnd();
      const mask = new Uint8Array(index.size);
      for (let i = 0; i < index.size; i++) mask[i] = rnd() < keep ? 1 : 0;
      const [cx, cy] = pixel(lon, lat, zoom);
      const world = 512 * 2 ** zoom;
      const box = { x0: (cx - w / 2) / world, y0: (cy - h / 2) / world, x1: (cx + w / 2) / world, y1: (cy + h / 2) / world };
      // Independently: every shown agency's pixel, in the window, sorted by distance to the centre.
      const inView: { i: number; d: number }[] = [];
      for (let i = 0; i < index.size; i++) {
        if (!mask[i]) continue;
        const [px, py] = pixel(index.lon[i], index.lat[i], zoom);
        if (Math.abs(px - cx) <= w / 2 - 0.01 && Math.abs(py - cy) <= h / 2 - 0.01) inView.push({ i, d: Math.hypot(px - cx, py - cy) });
      }
      inView.sort((a, b) => a.d - b.d || a.i - b.i);
      const got = nearestInBox(mask, index.mx, index.my, box);
      if (!inView.length) {
        // Only an agency on the very edge may be counted in by one reckoning and not the other.
        if (got !== null) {
          const [px, py] = pixel(index.lon[got], index.lat[got], zoom);
          expect(Math.max(Math.abs(px - cx) - w / 2, Math.abs(py - cy) - h / 2)).toBeLessThan(0.02);
        }
        continue;
      }
      reached++;
      expect(got).not.toBeNull();
      expect(mask[got!]).toBe(1);
      const [px, py] = pixel(index.lon[got!], index.lat[got!], zoom);
      // As near as the nearest (agencies at the same point tie).
      expect(Math.hypot(px - cx, py - cy)).toBeLessThanOrEqual(inView[0].d + 1e-6);
    }
    // The sweep reached agencies in most views, not only empty ones.
    expect(reached).toBeGreaterThan(1500);
    console.log(`keyboard pick sweep: ${reached} of 3000 views held a shown agency`);
  });
});
