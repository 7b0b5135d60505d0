/**
 * The answer to a Find my area search, as data: which place or county was
 * meant, the agencies covering it and those nearby, and what the map frames.
 * Pure (no map, no DOM): the page renders it, and the sweeps in the unit
 * tests run every large city and every partnered county through it.
 *
 * A place answers with the county-wide agencies of its county, the agencies
 * whose jurisdiction reaches into that county from their own (NYPD and the
 * five boroughs), and the partnered agencies within the radius. A county answers
 * with every partnered agency inside it, and frames the county, not a circle.
 * Both read the counties the build published for each agency, never names.
 */
import type { AgencyRow } from '../data/map-data';
import { POINT_CHECKED, POINT_COUNTY_WIDE } from '../data/map-data';
import { isDefaultFilters } from '../filters/filters';
import type { Filters } from '../filters/filters';
import type { AreaRow, AreaView } from '../ui/area-search';
import { parseAreaQuery, resolveArea } from './area-query';
import type { AreaMatch, Choice, ResolveContext } from './area-query';
import type { County } from './counties';
import { countyAt, inCounty } from './counties';
import { nearby } from './nearby';

export type AnswerRow = Pick<AgencyRow, 'id' | 'name' | 'agency_type' | 'state' | 'start_date' | 'flags' | 'county_fips' | 'counties_fips'> & Partial<Pick<AgencyRow, 'checked_on'>>;

export interface AnswerContext extends ResolveContext {
  rows: readonly AnswerRow[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
}

export type FoundView = Extract<AreaView, { status: 'found' }>;

export type Answer =
  | { ok: false; message: string; choices?: Choice[] }
  | {
      ok: true;
      match: AreaMatch;
      county: County | null;
      view: FoundView;
      /** What the map draws and frames: the radius around the point (null for a county), and the agencies to keep in view. */
      frame: { point: [number, number]; radius: number | null; include: [number, number][] };
    };

/** The answer's context from the place list, the counties and the agencies as the map holds them. */
export function answerContext(data: Pick<ResolveContext, 'gazetteer' | 'counties'>, idx: { rows: readonly AnswerRow[]; lon: ArrayLike<number>; lat: ArrayLike<number> }): AnswerContext {
  return {
    gazetteer: data.gazetteer,
    counties: data.counties,
    agencies: { names: idx.rows.map((r) => r.name), lon: idx.lon, lat: idx.lat, states: idx.rows.map((r) => r.state) },
    rows: idx.rows,
    lon: idx.lon,
    lat: idx.lat,
  };
}

const countyLabel = (c: County) => `${c.name}, ${c.state}`;

/** Agencies (indices, passing `mask`) whose published counties include `fips`. */
function spanningIndices(rows: readonly AnswerRow[], mask: Uint8Array, fips: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (mask[i] && rows[i].counties_fips.includes(fips)) out.push(i);
  return out;
}

/** The county's agencies on the map (all of them, whatever the filters) and how many were checked beyond the Atlas (published flag). */
export function countyResearchCount(rows: readonly AnswerRow[], fips: string): { agencies: number; checked: number; last: string | null } {
  let agencies = 0;
  let checked = 0;
  let last: string | null = null;
  for (const r of rows) {
    if (r.county_fips !== fips) continue;
    agencies++;
    if (r.flags & POINT_CHECKED) checked++;
    if (r.checked_on && (!last || r.checked_on > last)) last = r.checked_on;
  }
  return { agencies, checked, last };
}

/** County-wide agencies first, then by name: the county's own agencies lead the list. */
function byRole(rows: readonly AnswerRow[]) {
  return (a: number, b: number) => (rows[b].flags & POINT_COUNTY_WIDE) - (rows[a].flags & POINT_COUNTY_WIDE) || rows[a].name.localeCompare(rows[b].name);
}

/**
 * The records request a place offers (to its police and its county's sheriff) when no agency on the map covers
 * its county or lies within the radius: a partner nearby may be the place's own police, which its card asks already.
 */
function placeRequest(m: AreaMatch, county: County | null, coveringCount: number): FoundView['request'] {
  const state = county?.state ?? m.state;
  // A located point is named by its county (its coordinates name no place an agency serves).
  const place = m.kind === 'coords' ? (county ? countyLabel(county) : null) : m.label;
  if (coveringCount || !state || !place || m.kind === 'agency') return null;
  return { place, county: county?.name ?? null, state };
}

export function answerArea(text: string, ctx: AnswerContext, mask: Uint8Array, radius: number, filters: Filters): Answer {
  const parsed = parseAreaQuery(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const resolved = resolveArea(parsed.query, ctx);
  if (!resolved.ok) return { ok: false, message: resolved.message, choices: resolved.choices };
  const m = resolved.match;
  const { rows, lon, lat } = ctx;
  const county = m.countyFips ? (ctx.counties.find((c) => c.fips === m.countyFips) ?? null) : countyAt(ctx.counties, m.lon, m.lat);
  const row = (i: number, miles: number): AreaRow => {
    const p = rows[i];
    return {
      i, id: p.id, name: p.name, type: p.agency_type, state: p.state, start: p.start_date, miles,
      countyWide: (p.flags & POINT_COUNTY_WIDE) !== 0, spans: p.counties_fips.length,
    };
  };
  const base = {
    label: m.label, county: county ? countyLabel(county) : null, radius, filtered: !isDefaultFilters(filters), note: resolved.note,
    research: county ? countyResearchCount(rows, county.fips) : null,
  };
  const at = (i: number): [number, number] => [lon[i], lat[i]];

  if (m.kind === 'county' && county) {
    // Every partnered agency inside the county: by the counties the build published, and by its point
    // in the county's outline (so an agency is never missed for a county cell the build could not read).
    const inside = new Set(spanningIndices(rows, mask, county.fips));
    for (let i = 0; i < rows.length; i++) if (mask[i] && !inside.has(i) && inCounty(county, lon[i], lat[i])) inside.add(i);
    const list = [...inside].sort(byRole(rows));
    // Said only when none is inside: the nearest beyond the county, from its centre.
    const near = list.length ? null : nearby(lon, lat, mask, [m.lon, m.lat], 0).nearest;
    return {
      ok: true, match: m, county,
      view: { status: 'found', whole: true, ...base, request: list.length ? null : { place: countyLabel(county), county: county.name, state: county.state }, inside: list.map((i) => row(i, 0)), covering: [], spanning: [], within: [], withinCount: 0, nearest: near ? row(near.i, near.miles) : null },
      frame: { point: [m.lon, m.lat], radius: null, include: [...list.map(at), ...(near ? [at(near.i)] : [])] },
    };
  }

  const covering: number[] = [];
  const spanning: number[] = [];
  if (county) {
    // Covering: the county's own county-wide agencies. Also serving: agencies whose jurisdiction reaches into
    // the county from their own (NYPD in Brooklyn); in its own county such an agency is one of the nearby ones.
    for (const i of spanningIndices(rows, mask, county.fips).sort(byRole(rows))) {
      if (rows[i].county_fips !== county.fips) spanning.push(i);
      else if (rows[i].flags & POINT_COUNTY_WIDE) covering.push(i);
    }
  }
  const near = nearby(lon, lat, mask, [m.lon, m.lat], radius);
  // The answer's agencies outside the circle (county-wide ones, the nearest beyond it) are framed too.
  const include = [...covering, ...spanning].map(at);
  if (!near.withinCount && near.nearest) include.push(at(near.nearest.i));
  return {
    ok: true, match: m, county,
    view: {
      status: 'found', whole: false, ...base, inside: [],
      request: placeRequest(m, county, covering.length + spanning.length + near.withinCount),
      covering: covering.map((i) => row(i, 0)),
      spanning: spanning.map((i) => row(i, 0)),
      within: near.within.map((n) => row(n.i, n.miles)),
      withinCount: near.withinCount,
      nearest: near.nearest ? row(near.nearest.i, near.nearest.miles) : null,
    },
    frame: { point: [m.lon, m.lat], radius, include },
  };
}
