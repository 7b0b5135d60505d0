import { describe, expect, it } from 'vitest';
import { VIRIDIS, readableInk, startDomain } from '../../../src/scales/palette';

describe('palette', () => {
  it('cluster labels are dark on light viridis colours and white on dark ones', () => {
    expect(readableInk(VIRIDIS[0])).toBe('#ffffff');
    expect(readableInk(VIRIDIS[VIRIDIS.length - 1])).toBe('#1f2328');
    expect(readableInk('rgb(253, 231, 37)')).toBe('#1f2328');
  });
  it('the colour range spans the dated agencies shown', () => {
    expect(startDomain([24000, -1, 24010, 24005], [1, 1, 0, 1])).toEqual([24000, 24005]);
    expect(startDomain([-1, 24010], [1, 0])).toBeNull();
  });
});
