/**
 * Link state as pure parse/format helpers (no DOM): the URL hash carries a
 * readable query string, e.g.
 *   #map=5.2/34.05/-118.24&type=police,sheriff&state=CA&from=2019-01&to=2020-06
 * Every parameter is untrusted: anything malformed falls back to its
 * default and is reported in `notices` so the page can say so.
 */
import type { AppState, LayerId, View } from './app-state';
import { defaultState, LAYER_IDS, RADII_MILES } from './app-state';
import type { AgencyType } from '../core/vocabulary';
import { AGENCY_TYPES } from '../core/vocabulary';
import { STATE_BY_CODE } from '../geo/us-states';
import { formatMonth } from '../time/months';
import { monthOf } from '../core/periods';
import { cleanText } from '../core/text';
import { isId } from '../core/ids';
import { parseLang } from '../i18n/locale';
import { MSG } from '../i18n/messages';

export const MAX_TEXT = 200;
const KNOWN = new Set(['map', 'type', 'state', 'from', 'to', 'perks', 'records', 'q', 'layers', 'agency', 'area', 'compare', 'radius', 'embed', 'lang']);

export interface Parsed {
  state: AppState;
  /** Parameters that were ignored, in words. */
  notices: string[];
}

function parseView(v: string): View | null {
  const m = /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(v);
  if (!m) return null;
  const zoom = Number(m[1]), lat = Number(m[2]), lon = Number(m[3]);
  if (!(zoom >= 0 && zoom <= 22 && lat >= -85 && lat <= 85 && lon >= -180 && lon <= 180)) return null;
  return { zoom, lat, lon };
}

function parseMonth(v: string): number | null {
  if (!/^\d{4}-\d{2}$/.test(v)) return null;
  const m = monthOf(v);
  return m !== null && m >= 2000 * 12 && m <= 2100 * 12 ? m : null;
}

export function parseUrlState(hash: string, search = ''): Parsed {
  const state = defaultState();
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return { state, notices: [MSG.linkUnreadable] };
  }
  // The embed flag is also accepted in the query string (?embed=1) for iframe src attributes.
  try {
    const q = new URLSearchParams(search.replace(/^\?/, ''));
    if (q.get('embed') === '1' && !params.has('embed')) params.set('embed', '1');
    // So is the language (?lang=es), read by the page before anything is shown.
    if (q.has('lang') && !params.has('lang')) params.set('lang', q.get('lang') ?? '');
  } catch {
    /* ignore */
  }
  const bad = (name: string) => notices.push(MSG.linkIgnored(cleanText(name, 40)));
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if (seen.has(key)) continue;
    seen.add(key);
    const v = raw.slice(0, 2000);
    switch (key) {
      case 'map': {
        const view = parseView(v);
        if (view) state.view = view;
        else bad('map');
        break;
      }
      case 'type': {
        const types = v.split(',').filter(Boolean);
        if (types.length && types.every((t) => (AGENCY_TYPES as readonly string[]).includes(t)))
          state.filters.types = [...new Set(types as AgencyType[])].sort(
            (a, b) => AGENCY_TYPES.indexOf(a) - AGENCY_TYPES.indexOf(b),
          );
        else bad('type');
        break;
      }
      case 'state': {
        // One or several states: state=NJ or state=NJ,NY,PA.
        const codes = v.toUpperCase().split(',').map((c) => c.trim()).filter(Boolean);
        if (codes.length && codes.every((c) => STATE_BY_CODE.has(c))) state.filters.states = [...new Set(codes)].sort();
        else bad('state');
        break;
      }
      case 'from':
      case 'to': {
        const m = parseMonth(v);
        if (m !== null) state.filters[key] = m;
        else bad(key);
        break;
      }
      case 'perks':
      case 'records': {
        if (v === '1') state.filters[key] = true;
        else if (v !== '0') bad(key);
        break;
      }
      case 'q':
        state.filters.q = cleanText(v, MAX_TEXT);
        break;
      case 'layers': {
        const layers = v === '' ? [] : v.split(',');
        if (layers.every((l) => (LAYER_IDS as readonly string[]).includes(l)))
          state.layers = LAYER_IDS.filter((l) => layers.includes(l)) as LayerId[];
        else bad('layers');
        break;
      }
      case 'agency':
        if (isId(v)) state.agency = v;
        else bad('agency');
        break;
      case 'area': {
        const a = cleanText(v, MAX_TEXT);
        if (a) state.area = a;
        break;
      }
      case 'compare': {
        const c = cleanText(v, MAX_TEXT);
        if (c) state.compare = c;
        break;
      }
      case 'radius': {
        const r = Number(v);
        if ((RADII_MILES as readonly number[]).includes(r)) state.radius = r;
        else bad('radius');
        break;
      }
      case 'embed':
        if (v === '1') state.embed = true;
        else if (v !== '0') bad('embed');
        break;
      case 'lang': {
        const lang = parseLang(v);
        if (lang) state.lang = lang;
        else bad('lang');
        break;
      }
      default:
        if (!KNOWN.has(key)) bad(key);
    }
  }
  // A comparison is of two places: without the first, the second is ignored (and said so).
  if (state.compare !== null && state.area === null) {
    bad('compare');
    state.compare = null;
  }
  if (state.filters.from !== null && state.filters.to !== null && state.filters.from > state.filters.to) {
    notices.push(MSG.linkReversed);
    state.filters.from = state.filters.to = null;
  }
  return { state, notices };
}

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** The hash for a state; defaults are left out so links stay short. */
export function formatUrlState(s: AppState): string {
  const p = new URLSearchParams();
  if (s.view) p.set('map', `${round(s.view.zoom, 2)}/${round(s.view.lat, 4)}/${round(s.view.lon, 4)}`);
  const f = s.filters;
  if (f.types.length) p.set('type', f.types.join(','));
  if (f.states.length) p.set('state', f.states.join(','));
  if (f.from !== null) p.set('from', formatMonth(f.from));
  if (f.to !== null) p.set('to', formatMonth(f.to));
  if (f.perks) p.set('perks', '1');
  if (f.records) p.set('records', '1');
  if (f.q) p.set('q', f.q);
  const layers = LAYER_IDS.filter((l) => s.layers.includes(l));
  const def = defaultState().layers;
  if (layers.join(',') !== def.join(',')) p.set('layers', layers.join(','));
  if (s.agency) p.set('agency', s.agency);
  if (s.area) p.set('area', s.area);
  if (s.area && s.compare) p.set('compare', s.compare);
  if (s.area && s.radius !== defaultState().radius) p.set('radius', String(s.radius));
  if (s.embed) p.set('embed', '1');
  if (s.lang) p.set('lang', s.lang);
  // "/", "," and "@" are legal in a fragment: keep them readable.
  const out = p.toString().replace(/%2F/gi, '/').replace(/%2C/gi, ',').replace(/%40/g, '@');
  return out ? `#${out}` : '';
}
