/**
 * What "Zoom to …" and a filtered link frame, for every state and agency
 * type of the published data: the selection, except that the few agencies
 * in Alaska and Hawaii do not pull a nationwide selection out to the
 * Pacific (the national view shows the contiguous states too).
 */
import { describe, expect, it } from 'vitest';
import { applyFilters, DEFAULT_FILTERS } from '../../../src/filters/filters';
import { maskBounds, selectionBounds } from '../../../src/map/initial-view';
import { AGENCY_TYPES } from '../../../src/core/vocabulary';
import { INDEX } from './framing-sweep';

const contiguous = (i: number) => INDEX.lat[i] > 24 && INDEX.lat[i] < 50 && INDEX.lon[i] > -125 && INDEX.lon[i] < -66;
const inside = (b: number[], i: number) => INDEX.lon[i] >= b[0] && INDEX.lon[i] <= b[2] && INDEX.lat[i] >= b[1] && INDEX.lat[i] <= b[3];

describe('the bounds a selection is framed to', () => {
  it('a nationwide type holds every contiguous agency of it, and no more than the contiguous states', () => {
    let reached = 0;
    for (const type of AGENCY_TYPES) {
      const { mask, count } = applyFilters(INDEX, { ...DEFAULT_FILTERS, types: [type] });
      if (!count) continue;
      const b = selectionBounds(INDEX, mask)!;
      const all = maskBounds(INDEX, mask)!;
      for (let i = 0; i < INDEX.size; i++) if (mask[i] && contiguous(i)) expect(inside(b, i), `${type}: ${INDEX.ids[i]}`).toBe(true);
      if (all[0] < -125 && [...mask].some((on, i) => on && contiguous(i))) {
        reached++;
        expect(b[0], type).toBeGreaterThan(-125);
        expect(b[1], type).toBeGreaterThan(24);
      } else expect(b, type).toEqual(all);
    }
    // The published data has agencies in Alaska or Hawaii beside contiguous ones of the same type.
    expect(reached).toBeGreaterThan(0);
  });

  it('a state is framed whole, Alaska and Hawaii included', () => {
    for (const st of INDEX.states) {
      const { mask, count } = applyFilters(INDEX, { ...DEFAULT_FILTERS, states: [st] });
      if (!count) continue;
      expect(selectionBounds(INDEX, mask), st).toEqual(maskBounds(INDEX, mask));
    }
    expect(INDEX.states).toEqual(expect.arrayContaining(['AK', 'HI']));
  });

  it('a state beside Alaska frames the contiguous one; nothing selected, nothing framed', () => {
    const { mask } = applyFilters(INDEX, { ...DEFAULT_FILTERS, states: ['WA', 'AK'] });
    const wa = applyFilters(INDEX, { ...DEFAULT_FILTERS, states: ['WA'] }).mask;
    expect(selectionBounds(INDEX, mask)).toEqual(maskBounds(INDEX, wa));
    expect(selectionBounds(INDEX, new Uint8Array(INDEX.size))).toBeNull();
  });
});
