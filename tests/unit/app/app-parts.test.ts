/** Small pure parts of the app: agencies at the same point, the agencies in view, chunks loaded once. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/data/agency-index';
import { colocated } from '../../../src/data/colocated';
import { inViewMask } from '../../../src/controllers/in-view';
import { lazy } from '../../../src/controllers/lazy';
import type { AgencyFeature } from '../../../src/core/contract';
import { agency, rowsOf } from './fixtures';

describe('colocated ("also at this point")', () => {
  const features = (JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as { features: AgencyFeature[] }).features;
  const index = buildIndex(rowsOf(features));
  const all = new Uint8Array(index.size).fill(1);
  // Points as the site places them (the points file rounds coordinates), grouped by hand.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < index.size; i++) {
    const key = `${index.lon[i]},${index.lat[i]}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const shared = [...groups.values()].filter((g) => g.length > 1);

  it('finds, for every agency of the data, exactly the others at its point', () => {
    // The committed data has dozens of points that hold several agencies (a city program and its police, say).
    expect(shared.length).toBeGreaterThanOrEqual(30);
    for (let i = 0; i < index.size; i++) {
      const group = groups.get(`${index.lon[i]},${index.lat[i]}`)!;
      expect(colocated(index, all, i)).toEqual(group.filter((k) => k !== i));
    }
  });

  it('leaves out the agencies the filters hide', () => {
    const [a, b] = shared[0];
    const mask = new Uint8Array(index.size).fill(1);
    mask[b] = 0;
    expect(colocated(index, mask, a)).not.toContain(b);
  });
});

describe('inViewMask', () => {
  const index = buildIndex(rowsOf([agency('a', { lon: -118, lat: 34 }), agency('b', { lon: -74, lat: 40.7 }), agency('c', { lon: 179.5, lat: -17 })]));
  const all = new Uint8Array(index.size).fill(1);
  const box = (w: number, s: number, e: number, n: number) => ({ getWest: () => w, getSouth: () => s, getEast: () => e, getNorth: () => n });
  const ids = (m: Uint8Array) => index.ids.filter((_, i) => m[i]);

  it('keeps the filtered agencies inside the view', () => {
    expect(ids(inViewMask(index, all, box(-125, 30, -110, 40)))).toEqual(['a']);
    const filtered = Uint8Array.from([0, 1, 1]);
    expect(ids(inViewMask(index, filtered, box(-125, 30, -60, 45)))).toEqual(['b']);
  });

  it('across the antimeridian', () => {
    expect(ids(inViewMask(index, all, box(-200, -20, -170, -10)))).toEqual(['c']);
  });

  it('is the filtered set without a map', () => {
    expect(inViewMask(index, all, null)).toBe(all);
  });
});

describe('lazy', () => {
  it('loads once, and tries again after a failed load', async () => {
    let calls = 0;
    const load = lazy(async () => {
      calls++;
      if (calls === 1) throw new Error('chunk failed');
      return 'module';
    });
    await expect(load()).rejects.toThrow('chunk failed');
    await expect(load()).resolves.toBe('module');
    await expect(load()).resolves.toBe('module');
    expect(calls).toBe(2);
  });
});
