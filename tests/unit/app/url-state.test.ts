import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from '../../../src/state/url-state';
import { defaultState } from '../../../src/state/app-state';
import type { AppState } from '../../../src/state/app-state';
import { monthOf } from '../../../src/core/periods';

describe('link state', () => {
  it('the default state has an empty hash', () => {
    expect(formatUrlState(defaultState())).toBe('');
    expect(parseUrlState('').state).toEqual(defaultState());
  });

  it('round-trips every parameter', () => {
    const s: AppState = {
      ...defaultState(),
      view: { lon: -118.2437, lat: 34.0522, zoom: 8.5 },
      filters: { types: ['police', 'sheriff'], states: ['CA', 'NV'], from: monthOf('2019-01'), to: monthOf('2020-06'), perks: true, records: true, q: 'Los Angeles' },
      layers: ['points', 'perks', 'density'],
      agency: 'los-angeles-police-department-ca',
      area: '90012',
      radius: 25,
      embed: true,
    };
    const hash = formatUrlState(s);
    expect(hash).toContain('map=8.5/34.0522/-118.2437');
    expect(hash).toContain('type=police,sheriff');
    expect(hash).toContain('from=2019-01');
    const back = parseUrlState(hash);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('reads several states, in any case and order, without duplicates', () => {
    const { state, notices } = parseUrlState('#state=pa,NJ,NY,nj');
    expect(notices).toEqual([]);
    expect(state.filters.states).toEqual(['NJ', 'NY', 'PA']);
    expect(formatUrlState(state)).toBe('#state=NJ,NY,PA');
    expect(parseUrlState('#state=NJ,ZZ').notices.length).toBe(1);
    expect(parseUrlState('#state=NJ,ZZ').state.filters.states).toEqual([]);
  });

  it('never carries the online basemap (a link must not make the browser contact a third party)', () => {
    expect(formatUrlState({ ...defaultState(), basemap: 'online' })).toBe('');
    const { state, notices } = parseUrlState('#basemap=online');
    expect(state.basemap).toBe('bundled');
    expect(notices).toHaveLength(1);
  });

  it('accepts the embed flag in the query string', () => {
    expect(parseUrlState('', '?embed=1').state.embed).toBe(true);
  });

  it('falls back to defaults for malformed values, with a notice each', () => {
    const { state, notices } = parseUrlState('#map=99/1000/x&type=police,spy&state=XX&from=2019-13&radius=7&layers=points,bogus&agency=<script>&embed=yes&zzz=1');
    expect(state).toEqual(defaultState());
    expect(notices).toHaveLength(9);
  });

  it('a reversed date range is dropped', () => {
    const { state, notices } = parseUrlState('#from=2020-01&to=2019-01');
    expect(state.filters.from).toBeNull();
    expect(state.filters.to).toBeNull();
    expect(notices).toHaveLength(1);
  });

  it('cleans search text of control and direction-override characters and caps its length', () => {
    const { state } = parseUrlState(`#q=${encodeURIComponent('\u202eabc\u0000' + 'x'.repeat(500))}`);
    expect(state.filters.q.startsWith('abc')).toBe(true);
    expect(state.filters.q.length).toBe(200);
  });

  it('the layer list may be empty', () => {
    const s = { ...defaultState(), layers: [] };
    expect(parseUrlState(formatUrlState(s)).state.layers).toEqual([]);
  });
});
