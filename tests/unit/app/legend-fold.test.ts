/** When the legend starts folded: small frames always, elsewhere when open it would cover more than 15% of the map. */
import { describe, expect, it } from 'vitest';
import { coversTooMuch, LEGEND_MAX_SHARE, smallFrame, startsFolded } from '../../../src/ui/legend-fold';

const OPEN = { width: 230, height: 218 };

describe('legend folding', () => {
  it('folds on phones and in small embed frames, whatever its size', () => {
    expect(smallFrame(false, { width: 390, height: 844 })).toBe(true);
    expect(smallFrame(false, { width: 1366, height: 850 })).toBe(false);
    expect(smallFrame(true, { width: 600, height: 450 })).toBe(true);
    expect(smallFrame(true, { width: 960, height: 640 })).toBe(false);
  });
  it('folds where it would cover more than its share of the map', () => {
    expect(LEGEND_MAX_SHARE).toBe(0.15);
    // The 1366×850 desktop: a 676×458 map, the open legend about 16% of it.
    expect(coversTooMuch(OPEN, { width: 676, height: 458 })).toBe(true);
    expect(startsFolded(false, { width: 1366, height: 850 }, OPEN, { width: 676, height: 458 })).toBe(true);
    // A large screen's map: about 6%, it stays open.
    expect(startsFolded(false, { width: 1920, height: 1080 }, OPEN, { width: 1230, height: 690 })).toBe(false);
    expect(coversTooMuch(OPEN, { width: 0, height: 0 })).toBe(false);
  });
});
