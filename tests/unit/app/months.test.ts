import { describe, expect, it } from 'vitest';
import { formatMonth, formatPartialDate } from '../../../src/time/months';
import { monthOf, monthSpan, lastActiveMonth, NO_END } from '../../../src/core/periods';
import { monthlyHistogram, cumulative, activeByMonth } from '../../../src/time/histogram';
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
    expect([...h.ends]).toEqual([0, 0, 0, 0]);
  });
  it('partial dates cover their whole span; ends are exclusive', () => {
    expect(monthSpan('2019')).toEqual([monthOf('2019-01'), monthOf('2019-12')]);
    expect(monthSpan('2019-05-23')).toEqual([monthOf('2019-05'), monthOf('2019-05')]);
    expect(monthSpan(null)).toBeNull();
    expect(lastActiveMonth(null)).toBe(NO_END);
    expect(lastActiveMonth('2021-06-07')).toBe(monthOf('2021-06'));
    expect(lastActiveMonth('2021-06-01')).toBe(monthOf('2021-05'));
    expect(lastActiveMonth('2021')).toBe(monthOf('2021-12'));
  });
  it('Play counts joins and ends month by month', () => {
    const index = buildIndex(rowsOf([
      agency('a', { start_date: '2019-01-02', end_date: '2019-02-10' }),
      agency('b', { start_date: '2019-02' }),
      agency('c', { start_date: '2019-03', end_date: '2019-03-20' }),
    ]));
    const h = monthlyHistogram(index, new Uint8Array(3).fill(1), monthOf('2019-01')!, monthOf('2019-04')!);
    expect([...h.counts]).toEqual([1, 1, 1, 0]);
    expect([...h.ends]).toEqual([0, 1, 1, 0]);
    // Active in a month: begun by then and not ended before it.
    expect([...activeByMonth(h)]).toEqual([1, 2, 2, 1]);
  });
});
