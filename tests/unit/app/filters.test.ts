import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/data/agency-index';
import { applyFilters, DEFAULT_FILTERS, describeFilters } from '../../../src/filters/filters';
import type { Filters } from '../../../src/filters/filters';
import { computeTotals } from '../../../src/filters/totals';
import { monthLabel } from '../../../src/time/months';
import { monthOf } from '../../../src/core/periods';
import { agency, program, rowsOf } from './fixtures';

const features = [
  agency('a', { state: 'CA', start_date: '2018-03-22' }),
  agency('b', { state: 'CA', agency_type: 'sheriff', name: 'Kern County Sheriff’s Office', start_date: '2019-07' }),
  agency('c', { state: 'TX', start_date: null, start_precision: null }),
  agency('d', { state: 'GA', devices_given: 80, perk_value_usd: 15920, programs: [program({ kind: 'device_donation', devices_given: 80, perk_value_usd: 15920 })] }),
  agency('e', { state: 'FL', mou_url: 'https://example.org/mou', records_urls: ['https://example.org/mou'], name: 'Lakeland Police Department' }),
  agency('f', { state: 'IL', agency_type: 'city', name: 'City of Peoria', subsidy_usd: 50000, programs: [program({ kind: 'city_subsidy', subsidy_usd: 50000 })], start_date: '2019' }),
  agency('g', { state: 'WI', name: 'Cañon City Police', start_date: '2020-09' }),
];
const index = buildIndex(rowsOf(features));
const ids = (f: Partial<Filters>) => {
  const { mask } = applyFilters(index, { ...DEFAULT_FILTERS, ...f });
  return index.ids.filter((_, i) => mask[i]);
};

describe('filters', () => {
  it('shows everything by default', () => {
    expect(applyFilters(index, DEFAULT_FILTERS).count).toBe(features.length);
  });
  it('filters by agency type and state, combined', () => {
    expect(ids({ types: ['sheriff'] })).toEqual(['b']);
    expect(ids({ states: ['CA'] })).toEqual(['a', 'b']);
    expect(ids({ states: ['CA'], types: ['police'] })).toEqual(['a']);
    expect(ids({ types: ['police', 'city'] })).toEqual(['a', 'c', 'd', 'e', 'f', 'g']);
  });
  it('several states at once (state=NJ,NY,PA)', () => {
    expect(ids({ states: ['CA', 'TX'] })).toEqual(['a', 'b', 'c']);
    expect(ids({ states: ['CA', 'TX'], types: ['sheriff'] })).toEqual(['b']);
    expect(describeFilters({ ...DEFAULT_FILTERS, states: ['NJ', 'NY', 'PA'] }, monthLabel)).toBe('in NJ, NY, PA');
  });
  it('an unknown state matches nothing', () => {
    expect(ids({ states: ['ZZ'] })).toEqual([]);
  });
  it('date range selects partnerships active at some time in it (inclusive by month), and excludes undated agencies', () => {
    // Open-ended partnerships that began before the range were active in it.
    expect(ids({ from: monthOf('2019-01'), to: monthOf('2019-12') })).toEqual(['a', 'b', 'd', 'e', 'f']);
    expect(ids({ to: monthOf('2018-03') })).toEqual(['a']);
    expect(ids({ from: monthOf('2020-09') })).toEqual(['a', 'b', 'd', 'e', 'f', 'g']);
    expect(ids({ from: monthOf('2018-01'), to: monthOf('2018-12') })).toEqual(['a']);
  });
  it('a year-only start covers its whole year', () => {
    expect(ids({ from: monthOf('2019-01'), to: monthOf('2019-01') })).toEqual(['a', 'f']);
    expect(ids({ from: monthOf('2019-12'), to: monthOf('2019-12') })).toEqual(['a', 'b', 'd', 'e', 'f']);
  });
  it('a partnership that ended is not active after its end', () => {
    const ended = buildIndex(rowsOf([
      agency('x', { start_date: '2019-05', end_date: '2021-06-07', programs: [program({ start_date: '2019-05', end_date: '2021-06-07' })] }),
      agency('y', { start_date: '2019-05', end_date: '2020', programs: [program({ start_date: '2019-05', end_date: '2020' })] }),
      agency('z', { start_date: '2019-05', end_date: '2020-03-01', programs: [program({ start_date: '2019-05', end_date: '2020-03-01' })] }),
    ]));
    const active = (from: string, to: string) => {
      const { mask } = applyFilters(ended, { ...DEFAULT_FILTERS, from: monthOf(from), to: monthOf(to) });
      return ended.ids.filter((_, i) => mask[i]);
    };
    expect(active('2021-06', '2021-12')).toEqual(['x']);
    expect(active('2021-07', '2022-12')).toEqual([]);
    // A year-precision end may fall anywhere in that year.
    expect(active('2020-12', '2020-12')).toEqual(['x', 'y']);
    // An end on the 1st of a month is exclusive: not active that month.
    expect(active('2020-02', '2020-02')).toEqual(['x', 'y', 'z']);
    expect(active('2020-03', '2020-03')).toEqual(['x', 'y']);
  });
  it('perks and records flags', () => {
    expect(ids({ perks: true })).toEqual(['d', 'f']);
    expect(ids({ records: true })).toEqual(['e']);
  });
  it('name search ignores case and accents and matches places', () => {
    expect(ids({ q: 'canon' })).toEqual(['g']);
    expect(ids({ q: 'LAKELAND' })).toEqual(['e']);
    expect(ids({ q: '  kern ' })).toEqual(['b']);
    expect(ids({ q: 'tx' })).toEqual(['c']);
  });
  it('ignoreDates leaves out only the date range', () => {
    const f = { ...DEFAULT_FILTERS, states: ['CA'], from: monthOf('2018-01'), to: monthOf('2018-12') };
    expect(applyFilters(index, f).count).toBe(1);
    expect(applyFilters(index, f, { ignoreDates: true }).count).toBe(2);
  });
  it('describes filters in words', () => {
    expect(describeFilters(DEFAULT_FILTERS, monthLabel)).toBe('All agencies');
    expect(describeFilters({ ...DEFAULT_FILTERS, types: ['sheriff'], states: ['CA'], perks: true, from: monthOf('2019-01'), to: monthOf('2019-06') }, monthLabel))
      .toBe('sheriff agencies · in CA · active January 2019 – June 2019 · with documented perks');
  });
});

describe('totals', () => {
  it('sums documented values only and counts states and records', () => {
    const t = computeTotals(index, applyFilters(index, DEFAULT_FILTERS).mask);
    expect(t).toEqual({ agencies: 7, states: 6, documentedValue: 15920 + 50000, valued: 2, valueAtLeast: false, withRecords: 1, undated: 1 });
  });
  it('says "at least" when a summed figure is a floor', () => {
    const idx = buildIndex(rowsOf([agency('x', { perk_value_usd: 12000, programs: [program({ kind: 'officer_incentives', perk_value_usd: 12000, at_least: true })] }), agency('y', { subsidy_usd: 100 })]));
    const t = computeTotals(idx, new Uint8Array(2).fill(1));
    expect(t.documentedValue).toBe(12100);
    expect(t.valueAtLeast).toBe(true);
  });
  it('an empty selection has no documented value, not a zero one', () => {
    const t = computeTotals(index, applyFilters(index, { ...DEFAULT_FILTERS, states: ['TX'] }).mask);
    expect(t.valued).toBe(0);
    expect(t.agencies).toBe(1);
  });
});
