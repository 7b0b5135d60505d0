import { describe, expect, it } from 'vitest';
import { paddingFor } from '../../../src/map/overlay-padding';
import { placesAround } from '../../../src/search/places-around';

const map = { left: 0, top: 0, right: 800, bottom: 600 };

describe('framing clear of overlays', () => {
  it('pushes the frame in from the side that costs the least room', () => {
    // A legend at the bottom left, wider than tall: the bottom gives way.
    const legend = { left: 10, top: 450, right: 240, bottom: 590 };
    const p = paddingFor(map, [legend], 24, 10);
    expect(p.bottom).toBe(600 - 450 + 10);
    expect(p.left).toBe(24);
    // A tall legend: the left side gives way.
    const tall = { left: 10, top: 100, right: 200, bottom: 590 };
    expect(paddingFor(map, [tall]).left).toBe(210);
  });
  it('a bottom sheet over the map pads the bottom; overlays outside the map do nothing', () => {
    const sheet = { left: -50, top: 400, right: 900, bottom: 900 };
    expect(paddingFor(map, [sheet], 24, 10).bottom).toBe(210);
    expect(paddingFor(map, [{ left: 900, top: 0, right: 1000, bottom: 100 }])).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
  });
  it('for a wide frame, the zoom buttons push from the top rather than squeeze it sideways', () => {
    const controls = { left: 760, top: 10, right: 790, bottom: 70 };
    const wide = paddingFor(map, [controls], 24, 10, 2.2);
    expect(wide.top).toBe(80);
    expect(wide.right).toBe(24);
    const tall = paddingFor(map, [controls], 24, 10, 0.3);
    expect(tall.right).toBe(50);
  });
  it('never pads the whole map away', () => {
    const huge = { left: 0, top: 50, right: 800, bottom: 600 };
    const p = paddingFor(map, [huge]);
    expect(600 - p.top - p.bottom).toBeGreaterThanOrEqual(199);
  });
});

describe('towns around a search', () => {
  it('lists the places near a point, largest first', () => {
    const places = [
      { name: 'Far', key: 'far', state: 'KS', lon: -90, lat: 37.4, population: 1e6 },
      { name: 'Small', key: 'small', state: 'KS', lon: -94.7, lat: 37.4, population: 100 },
      { name: 'Big', key: 'big', state: 'KS', lon: -94.6, lat: 37.5, population: 5000 },
    ];
    const out = placesAround({ places, zips: new Map() }, -94.7, 37.41, 25);
    expect(out.map((p) => p.name)).toEqual(['Big', 'Small']);
  });
});
