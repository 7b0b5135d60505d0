/**
 * Two places side by side, over a sample of the space, in Node, through the
 * comparison the page renders (src/search/area-compare.ts) with the place
 * list, counties and points file the site ships:
 *  - 100 pairs drawn (seeded) from the 300 largest places as "City, ST",
 *    plus pairs of a place and a county (English and Spanish county names);
 *  - each side of the comparison equals the single Find my area answer;
 *  - its facts (counts, documented perks, earliest start) equal what the
 *    published GeoJSON says about the single answer's agencies;
 *  - the link `area=…&compare=…` round-trips for every pair.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { answerArea } from '../../../src/search/area-answer';
import type { Answer } from '../../../src/search/area-answer';
import { compareAreas } from '../../../src/search/area-compare';
import { nearby } from '../../../src/search/nearby';
import { formatUrlState, parseUrlState } from '../../../src/state/url-state';
import { defaultState } from '../../../src/state/app-state';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { setLocale } from '../../../src/i18n/messages';
import type { AgencyCollection, AgencyFeature } from '../../../src/core/contract';
import { largestPlaces, loadAreaFixtures } from './area-fixtures';
import type { AreaFixtures } from './area-fixtures';

const PAIRS = 100;
const RADIUS = 10;
let fx: AreaFixtures;
let byId: Map<string, AgencyFeature['properties']>;

beforeAll(() => {
  setLocale('en');
  fx = loadAreaFixtures();
  const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  byId = new Map(data.features.map((f) => [f.properties.id, f.properties]));
}, 60_000);

/** Documented perks as the published record says them: a device count, a dollar value, a subsidy, or a perk programme. */
const hasPerks = (p: AgencyFeature['properties']) =>
  p.devices_given !== null || p.perk_value_usd !== null || p.subsidy_usd !== null || p.programs.some((g) => ['device_donation', 'officer_incentives', 'city_subsidy'].includes(g.kind));

/** The single answer's agencies by id (every one within the radius, not only the nearest 50 it lists). */
function agencyIds(a: Extract<Answer, { ok: true }>): Set<string> {
  const v = a.view;
  const ids = new Set([...v.inside, ...v.covering, ...v.spanning, ...v.within].map((r) => r.id));
  if (!v.whole) for (const n of nearby(fx.ctx.lon, fx.ctx.lat, fx.all, a.frame.point, RADIUS, Infinity).within) ids.add(fx.ctx.rows[n.i].id);
  return ids;
}

function pairs(): [string, string][] {
  const places = largestPlaces(fx.gazetteer).map((p) => `${p.name}, ${p.state}`);
  let seed = 24;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: [string, string][] = [];
  while (out.length < PAIRS) {
    const a = places[Math.floor(rnd() * places.length)], b = places[Math.floor(rnd() * places.length)];
    if (a !== b) out.push([a, b]);
  }
  // A place beside a county, as residents compare them, in English and as the Spanish page writes counties.
  out.push(['Houston, TX', 'Miami-Dade County'], ['Houston, TX', 'Condado de Miami-Dade'], ['Los Angeles County, CA', 'Condado de Harris, TX'], ['Chicago, IL', 'Cook County, IL']);
  return out;
}

describe('compare sweep: pairs of the 300 largest places (and place/county pairs)', () => {
  it('each side equals the single answer, its facts equal the published data, and the link round-trips', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let sides = 0, agencies = 0;
    const list = pairs();
    for (const [q1, q2] of list) {
      const c = compareAreas(q1, q2, fx.ctx, fx.all, RADIUS, DEFAULT_FILTERS);
      const single = [answerArea(q1, fx.ctx, fx.all, RADIUS, DEFAULT_FILTERS), answerArea(q2, fx.ctx, fx.all, RADIUS, DEFAULT_FILTERS)];
      for (const k of [0, 1] as const) {
        const q = k ? q2 : q1;
        const got = k ? c.second : c.first, want = single[k];
        if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${q1} | ${q2}: side ${k} differs from the single answer`);
        if (!want.ok) { failures.push(`${q}: not found (${want.message})`); continue; }
        sides++;
        const f = c.facts[k];
        if (!f) { failures.push(`${q}: no facts`); continue; }
        const ids = agencyIds(want);
        agencies += ids.size;
        const recs = [...ids].map((id) => byId.get(id)!);
        const earliest = recs.map((p) => p.start_date).filter((d): d is string => !!d).sort()[0] ?? null;
        const expected = {
          label: want.view.label, county: want.view.county, whole: want.view.whole,
          inside: want.view.inside.length, covering: want.view.covering.length, spanning: want.view.spanning.length, within: want.view.withinCount,
          agencies: ids.size, withPerks: recs.filter(hasPerks).length, earliest,
        };
        for (const [key, value] of Object.entries(expected)) {
          if ((f as unknown as Record<string, unknown>)[key] !== value) failures.push(`${q}: ${key} is ${String((f as unknown as Record<string, unknown>)[key])}, the data says ${String(value)}`);
        }
      }
      // The link carries both, and reads back both.
      const s = { ...defaultState(), area: q1, compare: q2 };
      const back = parseUrlState(formatUrlState(s));
      if (back.notices.length || back.state.area !== q1 || back.state.compare !== q2) failures.push(`${q1} | ${q2}: the link does not round-trip (${formatUrlState(s)})`);
    }
    // The Spanish county name is the same county as the English one.
    const en = compareAreas('Houston, TX', 'Miami-Dade County', fx.ctx, fx.all, RADIUS, DEFAULT_FILTERS);
    const es = compareAreas('Houston, TX', 'Condado de Miami-Dade', fx.ctx, fx.all, RADIUS, DEFAULT_FILTERS);
    expect(es.facts[1]?.inside).toBe(en.facts[1]?.inside);
    expect(en.facts[1]?.whole).toBe(true);
    const summary = { pairs: list.length, sampledFromLargest: PAIRS, sides, agenciesCounted: agencies, failures: failures.length };
    console.log(`sweep-compare: ${JSON.stringify(summary)}`);
    mkdirSync('tests/artifacts', { recursive: true });
    writeFileSync('tests/artifacts/sweep-compare.json', JSON.stringify({ ...summary, failureList: failures }, null, 1));
    expect(list.length).toBe(PAIRS + 4);
    expect(sides).toBe(2 * list.length);
    expect(failures).toEqual([]);
  });
});
