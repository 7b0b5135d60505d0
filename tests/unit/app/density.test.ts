/** The density choropleth's classes: breaks from the counts and their labels. */
import { describe, expect, it } from 'vitest';
import { DENSITY_COLORS, classLabels, densityBreaks } from '../../../src/scales/density';

describe('densityBreaks', () => {
  it('gives five strictly increasing lower bounds starting at 1, one per colour', () => {
    const counts = [0, 0, 1, 1, 2, 3, 4, 5, 8, 13, 21, 34, 55, 89, 144];
    const b = densityBreaks(counts);
    expect(b).toHaveLength(DENSITY_COLORS.length);
    expect(b[0]).toBe(1);
    for (let k = 1; k < b.length; k++) expect(b[k]).toBeGreaterThan(b[k - 1]);
  });

  it('ignores places with no agency (zero is not a class)', () => {
    expect(densityBreaks([0, 0, 0, 5, 5, 5, 5, 5])).toEqual(densityBreaks([5, 5, 5, 5, 5]));
  });

  it('keeps the bounds distinct when most counts are equal', () => {
    expect(densityBreaks([1, 1, 1, 1, 1, 1])).toEqual([1, 2, 3, 4, 5]);
  });

  it('rounds large bounds to multiples of 5 for readable labels', () => {
    const b = densityBreaks(Array.from({ length: 100 }, (_, i) => 20 + i * 3));
    for (const v of b.slice(1)) if (v > 20) expect(v % 5).toBe(0);
  });

  it('falls back to 1–5 without any count', () => {
    expect(densityBreaks([])).toEqual([1, 2, 3, 4, 5]);
    expect(densityBreaks([0, 0])).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('classLabels', () => {
  it('names each class by its range, the last open-ended', () => {
    expect(classLabels([1, 3, 6, 10, 20])).toEqual(['1–2', '3–5', '6–9', '10–19', '20 or more']);
  });

  it('names a one-value class by its value', () => {
    expect(classLabels([1, 2, 3, 4, 5])).toEqual(['1', '2', '3', '4', '5 or more']);
  });
});
