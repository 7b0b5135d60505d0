/**
 * Reading what a resident types into "Find my area": a ZIP code, "City, ST",
 * a city, a county or an agency name. Pure: the gazetteer, counties and
 * agencies are passed in.
 */
import { foldText } from '../core/text';
import { STATE_BY_CODE, US_STATES } from '../geo/us-states';
import type { Gazetteer } from './gazetteer';
import type { County } from './counties';
import { normalizeCountyName } from './counties';
import { cleanText } from '../core/text';
import { MSG } from '../i18n/messages';

export const MAX_QUERY = 100;

export type AreaQuery =
  | { kind: 'zip'; zip: string }
  | { kind: 'coords'; lon: number; lat: number }
  | { kind: 'text'; text: string; state: string | null; whole?: string };

export interface AreaMatch {
  kind: 'zip' | 'place' | 'county' | 'agency' | 'coords';
  /** How the match is named back to the user, e.g. "90012 (Los Angeles, CA)". */
  label: string;
  lon: number;
  lat: number;
  state: string | null;
  /** Set when the match is a county. */
  countyFips?: string;
  /** Set when the match is an agency. */
  agency?: number;
}

export interface AgencyNames {
  names: readonly string[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  states: readonly string[];
}

export type Parsed = { ok: true; query: AreaQuery } | { ok: false; message: string };

const STATE_NAMES = new Map(US_STATES.map((s) => [foldText(s.name), s.code]));

/** Strips control and direction-override characters (as for link parameters); collapses spaces. */
export function cleanQuery(raw: string): string {
  return cleanText(raw, 1000);
}

export function parseAreaQuery(raw: string): Parsed {
  const text = cleanQuery(raw);
  if (!text) return { ok: false, message: MSG.areaTypeSomething };
  if (text.length > MAX_QUERY) return { ok: false, message: MSG.areaTooLong(MAX_QUERY) };
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(text);
  if (zip) return { ok: true, query: { kind: 'zip', zip: zip[1] } };
  if (/^\d+$/.test(text)) return { ok: false, message: MSG.areaNotZip(text) };
  const at = /^@(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(text);
  if (at) {
    const lat = Number(at[1]), lon = Number(at[2]);
    if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) return { ok: true, query: { kind: 'coords', lon, lat } };
    return { ok: false, message: MSG.areaNotOnEarth };
  }
  const comma = /^(.+?),\s*([A-Za-z .]+)$/.exec(text);
  if (comma) {
    const code = stateCode(comma[2]);
    if (code) return { ok: true, query: { kind: 'text', text: comma[1].trim(), state: code } };
  }
  // "Houston TX", "pittsburg ks", "Lakeland Florida", "Kansas City, MO." without the comma:
  // the last one to three words as a state. `whole` keeps the full text in case the
  // words were part of the name ("West Virginia", "Lake In").
  const words = text.replace(/[.,]+$/, '').split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const code = stateCode(words.slice(-n).join(' '));
    if (code) return { ok: true, query: { kind: 'text', text: words.slice(0, -n).join(' ').replace(/,$/, ''), state: code, whole: text } };
  }
  return { ok: true, query: { kind: 'text', text, state: null } };
}

function stateCode(raw: string): string | null {
  const st = raw.replace(/\./g, '').trim();
  if (STATE_BY_CODE.has(st.toUpperCase()) && st.length === 2) return st.toUpperCase();
  return STATE_NAMES.get(foldText(st)) ?? null;
}

/** Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

export interface ResolveContext {
  gazetteer: Gazetteer;
  counties: readonly County[];
  agencies: AgencyNames;
}

/** A place the user can pick when a name is ambiguous or misspelt. */
export interface Choice {
  label: string;
  /** What to search for when picked ("Pittsburg, KS"). */
  value: string;
}

export type Resolved =
  | { ok: true; match: AreaMatch; note?: string }
  | { ok: false; message: string; choices?: Choice[] };

/** The words that make a search a county: English, and Spanish as the Spanish labels write them ("Condado de Miami-Dade"). */
const COUNTY_WORD = /\b(county|parish|borough|census area|condado|parroquia)\b/i;

/**
 * Names people use for a place the list spells otherwise (folded text →
 * the list's folded name, in that state). The boroughs are in the list
 * already; these are the city's and a borough's other names.
 */
const PLACE_ALIASES: ReadonlyMap<string, { key: string; state: string }> = new Map([
  ['nyc', { key: 'new york city', state: 'NY' }],
  ['bronx', { key: 'the bronx', state: 'NY' }],
]);

/** A same-name place this many times bigger than the next is what people mean ("Houston" is Houston, TX). */
const DOMINANT = 5;
const MAX_CHOICES = 8;

type Place = Gazetteer['places'][number];

/** The one place meant among same-name places, or the places to choose from. */
function pickPlace(hits: Place[]): { best: Place } | { choices: Place[] } | null {
  const byState = new Map<string, Place>();
  for (const p of hits) {
    const k = `${p.key}|${p.state}`;
    const cur = byState.get(k);
    if (!cur || p.population > cur.population) byState.set(k, p);
  }
  const list = [...byState.values()].sort((a, b) => b.population - a.population);
  if (!list.length) return null;
  if (list.length === 1 || list[0].population >= DOMINANT * Math.max(1, list[1].population)) return { best: list[0] };
  return { choices: list.slice(0, MAX_CHOICES) };
}

const placeMatch = (p: Place): AreaMatch => ({ kind: 'place', label: `${p.name}, ${p.state}`, lon: p.lon, lat: p.lat, state: p.state });
const choicesOf = (ps: Place[]): Choice[] => ps.map((p) => ({ label: `${p.name}, ${p.state}`, value: `${p.name}, ${p.state}` }));

export function resolveArea(q: AreaQuery, ctx: ResolveContext): Resolved {
  const { gazetteer } = ctx;
  if (q.kind === 'zip') {
    const z = gazetteer.zips.get(q.zip);
    if (!z) return { ok: false, message: MSG.areaZipUnknown(q.zip) };
    const place = z[2] >= 0 ? gazetteer.places[z[2]] : null;
    return { ok: true, match: { kind: 'zip', label: place ? `${q.zip} (${place.name}, ${place.state})` : q.zip, lon: z[0], lat: z[1], state: place?.state ?? null } };
  }
  if (q.kind === 'coords') {
    return { ok: true, match: { kind: 'coords', label: MSG.areaPoint(q.lat.toFixed(2), q.lon.toFixed(2)), lon: q.lon, lat: q.lat, state: null } };
  }
  const first = resolveText(q, ctx, false);
  // "West Virginia", "Lake In": the trailing words were part of the name after all.
  if (!first.ok && !first.choices && q.whole) {
    const again = resolveText({ kind: 'text', text: q.whole, state: null }, ctx, false);
    if (again.ok || again.choices) return again;
  }
  if (first.ok || first.choices) return first;
  // Nothing by its exact name: a small typo ("Huston TX", "Lakelnd, FL") of a place.
  return resolveText(q, ctx, true);
}

function resolveText(q: Extract<AreaQuery, { kind: 'text' }>, ctx: ResolveContext, fuzzy: boolean): Resolved {
  const { gazetteer } = ctx;
  const want = foldText(q.text);
  const inState = <T extends { state: string }>(x: T) => q.state === null || x.state === q.state;
  const where = q.state ? MSG.areaInState(STATE_BY_CODE.get(q.state)?.name ?? q.state) : '';

  if (fuzzy) {
    // The closest place names within one or two edits; ask when several are as close.
    const maxD = want.length >= 6 ? 2 : want.length >= 4 ? 1 : 0;
    let bestD = maxD + 1;
    let hits: Place[] = [];
    if (maxD > 0) {
      for (const p of gazetteer.places) {
        if (!inState(p)) continue;
        const d = editDistance(p.key, want, maxD);
        if (d < bestD) { bestD = d; hits = [p]; }
        else if (d === bestD) hits.push(p);
      }
    }
    const pick = bestD <= maxD ? pickPlace(hits) : null;
    if (pick && 'best' in pick) return { ok: true, match: placeMatch(pick.best), note: MSG.areaCorrected(q.text, `${pick.best.name}, ${pick.best.state}`) };
    if (pick) return { ok: false, message: `${MSG.areaNotFound(q.text, where)} ${MSG.areaDidYouMean}`, choices: choicesOf(pick.choices) };
    return { ok: false, message: `${MSG.areaNotFound(q.text, where)} ${MSG.areaTryZip}` };
  }

  // "X County" first when the words say county; else places first.
  const county = (): Resolved | null => {
    const name = normalizeCountyName(q.text);
    const hits = ctx.counties.filter((c) => inState(c) && c.key === name);
    if (!hits.length) return null;
    // "Harris County" without a state is Texas's or Georgia's: ask, as for places.
    if (hits.length > 1) return { ok: false, message: MSG.areaChoose(q.text), choices: hits.slice(0, MAX_CHOICES).map((c) => ({ label: `${c.name}, ${c.state}`, value: `${c.name}, ${c.state}` })) };
    const c = hits[0];
    return { ok: true, match: { kind: 'county', label: `${c.name}, ${c.state}`, lon: c.lon, lat: c.lat, state: c.state, countyFips: c.fips } };
  };
  const place = (): Resolved | null => {
    const alias = PLACE_ALIASES.get(want);
    // A state's own name as a place ("New York, NY", "Oklahoma") means its city of that name ("New York City",
    // "Oklahoma City") when there is one, not a same-named hamlet: the candidates include it and population decides.
    const stateCity = STATE_NAMES.has(want) ? `${want} city` : null;
    const keys = (p: Place) => p.key === want || p.key === stateCity || (alias !== undefined && p.key === alias.key && p.state === alias.state);
    const pick = pickPlace(gazetteer.places.filter((p) => keys(p) && inState(p)));
    if (!pick) return null;
    if ('best' in pick) return { ok: true, match: placeMatch(pick.best) };
    return { ok: false, message: MSG.areaChoose(q.text), choices: choicesOf(pick.choices) };
  };
  const agency = (): Resolved | null => {
    const { names, lon, lat, states } = ctx.agencies;
    let hit = -1;
    for (let i = 0; i < names.length; i++) {
      if (q.state !== null && states[i] !== q.state) continue;
      const n = foldText(names[i]);
      if (n === want) { hit = i; break; }
      if (hit < 0 && want.length >= 4 && n.includes(want)) hit = i;
    }
    return hit >= 0 ? { ok: true, match: { kind: 'agency', label: `${names[hit]}, ${states[hit]}`, lon: lon[hit], lat: lat[hit], state: states[hit], agency: hit } } : null;
  };
  // An agency's exact name (e.g. "Los Angeles Police Department", as suggested) is that agency,
  // not the county its words reduce to.
  const exactAgency = (): Resolved | null => {
    const { names } = ctx.agencies;
    for (let i = 0; i < names.length; i++) if (foldText(names[i]) === want && inState({ state: ctx.agencies.states[i] })) return agency();
    return null;
  };
  const order = COUNTY_WORD.test(q.text) ? [exactAgency, county, place, agency] : [exactAgency, place, county, agency];
  for (const f of order) {
    const m = f();
    if (m) return m;
  }
  return { ok: false, message: MSG.areaNotFound(q.text, where) };
}

export interface Suggestion {
  label: string;
  value: string;
  kind: 'place' | 'county' | 'agency';
}

/**
 * Suggestions as the user types: exact names first (typing "Harris County, TX" offers Harris County, TX
 * before Harrison County), in the state typed if any; then places by population, counties and agencies.
 */
export function suggest(prefix: string, ctx: ResolveContext, limit = 8): Suggestion[] {
  const p = foldText(cleanQuery(prefix));
  if (p.length < 2 || /^\d+$/.test(p)) return [];
  // "Harris County, TX", "Houston tx": the name and the state apart (a state only when it leaves a name).
  const parsed = parseAreaQuery(prefix);
  const q = parsed.ok && parsed.query.kind === 'text' && parsed.query.text ? parsed.query : null;
  const name = q ? foldText(q.text) : p;
  const state = q?.state ?? null;
  const inState = (x: { state: string }) => state === null || x.state === state;
  const countyWord = COUNTY_WORD.test(prefix);
  const countyKey = normalizeCountyName(q ? q.text : prefix);
  const places = ctx.gazetteer.places
    .filter((x) => x.key.startsWith(name) && inState(x))
    .sort((a, b) => Number(b.key === name) - Number(a.key === name) || b.population - a.population)
    .slice(0, limit)
    .map((x) => ({ label: `${x.name}, ${x.state}`, value: `${x.name}, ${x.state}`, kind: 'place' as const }));
  // Counties when the words say county (then by name, the exact one first), else only one named exactly.
  const counties = !countyKey ? [] : ctx.counties
    .filter((c) => inState(c) && (countyWord ? c.key.startsWith(countyKey) : c.key === countyKey))
    .sort((a, b) => Number(b.key === countyKey) - Number(a.key === countyKey) || a.key.localeCompare(b.key) || a.state.localeCompare(b.state))
    .slice(0, 3)
    .map((c) => ({ label: `${c.name}, ${c.state}`, value: `${c.name}, ${c.state}`, kind: 'county' as const }));
  const agencies: Suggestion[] = [];
  if (p.length >= 3) {
    const { names, states } = ctx.agencies;
    for (let i = 0; i < names.length && agencies.length < 3; i++) {
      if (foldText(names[i]).includes(p)) agencies.push({ label: `${names[i]}, ${states[i]}`, value: `${names[i]}, ${states[i]}`, kind: 'agency' });
    }
  }
  // A county named exactly is never crowded out by the places.
  const room = places.slice(0, limit - counties.length);
  return (countyWord ? [...counties, ...room, ...agencies] : [...room, ...counties, ...agencies]).slice(0, limit);
}
