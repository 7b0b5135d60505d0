/**
 * Fuzzing the link-state parser with thousands of random and malformed
 * parameter sets (fixed seed, so failures reproduce): nothing throws, and
 * every parsed state is valid and stable when written back.
 */
import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from '../../../src/state/url-state';
import type { AppState } from '../../../src/state/app-state';
import { LAYER_IDS, RADII_MILES } from '../../../src/state/app-state';
import { AGENCY_TYPES } from '../../../src/core/vocabulary';
import { STATE_BY_CODE } from '../../../src/geo/us-states';
import { mulberry32 } from '../../seeded-random';

const KEYS = ['map', 'type', 'state', 'from', 'to', 'perks', 'records', 'q', 'layers', 'agency', 'area', 'radius', 'embed', 'basemap', 'constructor', '__proto__', 'x', ''];
const PIECES = [
  '', '0', '1', '-1', '1e309', 'NaN', 'Infinity', '9'.repeat(40), '2019-05', '2019-13', '1999-01', '2101-01', '2019-5',
  'police', 'sheriff,fire', 'police,,city', 'POLICE', 'CA', 'ca', 'ZZ', 'points,perks', 'density', 'bogus',
  '5/34.05/-118.24', '23/0/0', '5/91/0', '5/0/181', '-1/0/0', 'a/b/c', '5/34.05', '4.5/-85/-180',
  '<script>alert(1)</script>', 'javascript:alert(1)', '"><img src=x onerror=alert(1)>', '\u202e\u2066evil', '\u0000\u0007',
  '%', '%E0%A4%A', '%%41', '&', '=', '#', '?', '+', ' ', '@34.05,-118.24', 'los-angeles-police-department-ca', 'A'.repeat(5000),
];

function randomHash(rnd: () => number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const parts: string[] = [];
  const n = Math.floor(rnd() * 8);
  for (let i = 0; i < n; i++) {
    const mode = rnd();
    if (mode < 0.1) {
      // Raw garbage.
      parts.push(Array.from({ length: Math.floor(rnd() * 30) }, () => String.fromCharCode(Math.floor(rnd() * 0x3000))).join(''));
    } else {
      const value = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(PIECES)).join(rnd() < 0.5 ? ',' : '');
      parts.push(`${pick(KEYS)}=${rnd() < 0.5 ? encodeURIComponent(value) : value}`);
    }
  }
  return (rnd() < 0.5 ? '#' : '') + parts.join(rnd() < 0.9 ? '&' : ';');
}

function assertValid(s: AppState): void {
  const f = s.filters;
  expect(f.types.every((t) => (AGENCY_TYPES as readonly string[]).includes(t))).toBe(true);
  expect(f.states.every((c) => STATE_BY_CODE.has(c))).toBe(true);
  for (const m of [f.from, f.to]) expect(m === null || (Number.isInteger(m) && m >= 2000 * 12 && m <= 2100 * 12)).toBe(true);
  if (f.from !== null && f.to !== null) expect(f.from <= f.to).toBe(true);
  expect(typeof f.perks === 'boolean' && typeof f.records === 'boolean').toBe(true);
  expect(f.q.length).toBeLessThanOrEqual(200);
  expect(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/.test(f.q)).toBe(false);
  expect(s.layers.every((l) => (LAYER_IDS as readonly string[]).includes(l))).toBe(true);
  expect(s.agency === null || /^[a-z0-9-]{1,120}$/.test(s.agency)).toBe(true);
  expect((RADII_MILES as readonly number[]).includes(s.radius)).toBe(true);
  expect(s.area === null || (s.area.length > 0 && s.area.length <= 200)).toBe(true);
  if (s.view) {
    expect(Number.isFinite(s.view.zoom) && s.view.zoom >= 0 && s.view.zoom <= 22).toBe(true);
    expect(Math.abs(s.view.lat) <= 85 && Math.abs(s.view.lon) <= 180).toBe(true);
  }
  expect(['bundled', 'online']).toContain(s.basemap);
  expect(typeof s.embed).toBe('boolean');
}

describe('link-state fuzzing', () => {
  it('survives 5,000 random and malformed links, always yielding a valid, stable state', () => {
    const rnd = mulberry32(20261125);
    for (let k = 0; k < 5000; k++) {
      const hash = randomHash(rnd);
      let parsed: ReturnType<typeof parseUrlState>;
      try {
        parsed = parseUrlState(hash, rnd() < 0.2 ? '?embed=1&x=%' : '');
      } catch (e) {
        throw new Error(`parseUrlState threw on ${JSON.stringify(hash)}: ${(e as Error).message}`);
      }
      assertValid(parsed.state);
      // Writing the state back and reading it again changes nothing.
      const again = parseUrlState(formatUrlState(parsed.state));
      expect(again.notices).toEqual([]);
      expect(again.state).toEqual(parsed.state);
    }
  });
});
