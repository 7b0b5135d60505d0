import { describe, expect, it } from 'vitest';
import { formatMonth, formatPartialDate, monthOf } from '../../../src/time/months';
import { monthlyHistogram, cumulative } from '../../../src/time/histogram';
import { buildIndex } from '../../../src/data/agency-index';
import { agency, rowsOf } from './fixtures';

describe('months', () => {
  it('maps partial dates to months and back', () => {
    expect(formatMonth(monthOf('2019-05-23')!)).toBe('2019-05');
    expect(formatMonth(monthOf('2019')!)).toBe('2019-01');
    expect(monthOf(null)).toBeNull();
    expect(monthOf('junk')).toBeNull();
  });
  it('writes partial dates in words at their precision', () => {
    expect(formatPartialDate('2018-03-22')).toBe('22 March 2018');
    expect(formatPartialDate('2018-03')).toBe('March 2018');
    expect(formatPartialDate('2018')).toBe('2018');
    expect(formatPartialDate(null)).toBeNull();
  });
  it('counts agencies per month, with running totals', () => {
    const index = buildIndex(rowsOf([agency('a', { start_date: '2019-01-02' }), agency('b', { start_date: '2019-01' }), agency('c', { start_date: '2019-03' }), agency('d', { start_date: null })]));
    const h = monthlyHistogram(index, new Uint8Array(4).fill(1), monthOf('2019-01')!, monthOf('2019-04')!);
    expect([...h.counts]).toEqual([2, 0, 1, 0]);
    expect([...cumulative(h)]).toEqual([2, 2, 3, 3]);
  });
});
