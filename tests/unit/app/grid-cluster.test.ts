import { describe, expect, it } from 'vitest';
import { buildIndex, FLAG_RECORDS } from '../../../src/data/agency-index';
import { clusterView } from '../../../src/map/grid-cluster';
import { agency, rowsOf } from './fixtures';

const features = [
  agency('a', { lon: -118.24, lat: 34.05 }),
  agency('b', { lon: -118.25, lat: 34.06, mou_url: 'https://example.org/m', records_urls: ['https://example.org/m'] }),
  agency('c', { lon: -118.26, lat: 34.04 }),
  agency('d', { lon: -73.99, lat: 40.73 }),
  agency('e', { lon: -149.9, lat: 61.2 }),
];
const index = buildIndex(rowsOf(features));
const all = new Uint8Array(index.size).fill(1);

describe('grid clustering', () => {
  it('groups nearby agencies and keeps lone ones single; every agency is counted once', () => {
    const r = clusterView(index, all, 4, null, { flagMask: FLAG_RECORDS });
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0].count).toBe(3);
    expect(r.clusters[0].flagged).toBe(1);
    expect(r.clusters[0].bbox).toEqual([-118.26, 34.04, -118.24, 34.06]);
    expect(r.singles.sort()).toEqual([3, 4]);
    expect(r.clusters[0].lon).toBeCloseTo(-118.25, 2);
    expect(r.clusters[0].lat).toBeCloseTo(34.05, 2);
  });
  it('names the member with the median start date, ignoring undated members', () => {
    const feats = [
      agency('p', { lon: -118.24, lat: 34.05, start_date: '2018-01' }),
      agency('q', { lon: -118.25, lat: 34.06, start_date: '2020-06' }),
      agency('r', { lon: -118.26, lat: 34.04, start_date: '2019-03' }),
      agency('s', { lon: -118.27, lat: 34.05, start_date: null, start_precision: null }),
      agency('t', { lon: -73.99, lat: 40.73, start_date: null, start_precision: null }),
      agency('u', { lon: -73.98, lat: 40.74, start_date: null, start_precision: null }),
    ];
    const ix = buildIndex(rowsOf(feats));
    const r = clusterView(ix, new Uint8Array(ix.size).fill(1), 4, null);
    const la = r.clusters.find((c) => c.count === 4)!;
    expect(ix.ids[la.median]).toBe('r');
    expect(r.clusters.find((c) => c.count === 2)!.median).toBe(-1);
  });
  it('respects the filter mask', () => {
    const mask = Uint8Array.from([1, 0, 1, 0, 1]);
    const r = clusterView(index, mask, 4, null);
    expect(r.clusters.reduce((n, c) => n + c.count, 0) + r.singles.length).toBe(3);
  });
  it('draws everything individually from the maximum cluster zoom', () => {
    const r = clusterView(index, all, 12, null);
    expect(r.clusters).toEqual([]);
    expect(r.singles).toHaveLength(5);
  });
  it('when zoomed in, only works on the view and its margin', () => {
    const r = clusterView(index, all, 10, [-118.3, 34.0, -118.2, 34.1]);
    expect(r.singles.sort()).toEqual([0, 1, 2]);
  });
  it('when zoomed out, keeps agencies outside the view (the whole set is drawn)', () => {
    const r = clusterView(index, all, 3, [-125, 24, -66, 50]);
    expect(r.clusters.reduce((n, c) => n + c.count, 0) + r.singles.length).toBe(5);
  });
});
