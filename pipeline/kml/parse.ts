/**
 * Reading a KML export of Ring's "Active Agency Map" (Google My Maps): one
 * placemark per agency with its name, a description, the activation date
 * (an ExtendedData field or a "Activated: …" line of the description) and a
 * point. Every placemark is kept or rejected with its number, line and
 * reason; duplicate placemarks of one agency are combined (earliest date).
 * The point only tells the state and county (via `locate`); it is not
 * published as the agency's position (the build geocodes agencies itself).
 * Nothing from the file is trusted: markup in a name, a script URL anywhere
 * in the placemark, an unreadable date or point rejects the placemark.
 */
import { LIMITS } from '../dataset/validate';
import { earlierDate, fullYear } from '../../src/core/dates';
import { dateValueProblem } from '../lib/dates';
import { normalizeState } from '../lib/states';
import { cleanText, hasMarkup, REPLACEMENT_CHARACTER, startsLikeFormula } from '../../src/core/text';
import { slugify } from '../lib/text';
import { mixesScripts } from '../merge/likely';
import { countyFromName } from '../../src/core/jurisdiction';
import { countyKey, matchKey } from '../merge/names';
import { childrenNamed, descendants, firstChild, parseXml, XmlError, type XmlElement } from './xml';

export interface KmlPlacemark {
  /** 1-based position of the placemark in the file. */
  number: number;
  line: number;
  name: string;
  agencyType: 'police' | 'sheriff' | 'fire' | 'other';
  jurisdiction: 'municipal' | 'county';
  city: string;
  county: string;
  state: string;
  /** Partial ISO activation date; null when the placemark gives none. */
  date: string | null;
  lon: number;
  lat: number;
}

/** One agency after duplicate placemarks are combined. */
export interface KmlAgency extends Omit<KmlPlacemark, 'number' | 'line'> {
  key: string;
  placemarks: { number: number; line: number }[];
  /** Every date its placemarks give, in file order. */
  dates: (string | null)[];
}

export interface KmlReject {
  number: number;
  line: number;
  /** The placemark's name as read (cleaned, shortened) when it has one. */
  name: string;
  reason: string;
}

export interface KmlParse {
  /** The map's own name (`<Document><name>`), cleaned; empty when absent. */
  title: string;
  agencies: KmlAgency[];
  placemarks: KmlPlacemark[];
  rejects: KmlReject[];
  counts: {
    placemarksRead: number;
    kept: number;
    rejected: number;
    undated: number;
    duplicatesCombined: number;
    distinctAgencies: number;
  };
}

/** Where a point lies: its state (postal code) and county, if in the US. */
export type Locate = (lon: number, lat: number, state?: string) => { state: string; county: string } | undefined;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (s: string) => MONTHS.findIndex((m) => m === s.toLowerCase() || (s.length >= 3 && m.startsWith(s.toLowerCase().replace(/\.$/, ''))));

/**
 * An activation date as the map writes it: `5/23/2019`, `5/23/19`,
 * `2019-05-23` (a time after it is ignored), `May 23, 2019`, `23 May 2019`,
 * `May 2019`, `2019`. Anything else is an unknown format.
 */
export function parseKmlDate(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const s = cleanText(raw).replace(/\s*,\s*/g, ', ');
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) return lifetime(s, iso[1]);
  if (/^\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4})$/.test(s) || /^\d{4}(?:-\d{2})?$/.test(s)) {
    const m2 = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
    return lifetime(s, m2 ? `${m2[3].length === 2 ? fullYear(Number(m2[3])) : m2[3]}-${pad(Number(m2[1]))}-${pad(Number(m2[2]))}` : s);
  }
  let m = /^([A-Za-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)?, (\d{4})$/.exec(s) ?? /^([A-Za-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(s);
  let month = m ? monthOf(m[1]) : -1;
  let value = m && month >= 0 ? `${m[3]}-${pad(month + 1)}-${pad(Number(m[2]))}` : undefined;
  if (!value) {
    m = /^(\d{1,2}) ([A-Za-z]{3,9}\.?),? (\d{4})$/.exec(s);
    month = m ? monthOf(m[2]) : -1;
    if (m && month >= 0) value = `${m[3]}-${pad(month + 1)}-${pad(Number(m[1]))}`;
  }
  if (!value) {
    m = /^([A-Za-z]{3,9}\.?),? (\d{4})$/.exec(s);
    month = m ? monthOf(m[1]) : -1;
    if (m && month >= 0) value = `${m[2]}-${pad(month + 1)}`;
  }
  if (value) return lifetime(s, value);
  return { ok: false, reason: `unknown date format "${short(s)}" (expected m/d/yyyy, yyyy-mm-dd or "Month d, yyyy")` };
}

/** A date read from the map, with what is wrong with it: a day that does not exist, before 2012, in the future. */
function lifetime(s: string, iso: string): { ok: true; value: string } | { ok: false; reason: string } {
  const problem = dateValueProblem(iso);
  if (!problem) return { ok: true, value: iso };
  return { ok: false, reason: problem.startsWith('does not exist') ? `impossible date "${short(s)}": it ${problem}` : `date "${short(s)}" ${problem}` };
}

/** Text shortened for a report line (hostile files can carry megabytes in one field). */
export function short(s: string, max = 60): string {
  const t = cleanText(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The description's HTML as plain lines: breaks become newlines, tags are dropped. */
export function descriptionText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*\/\s*(p|div|li|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const DATE_FIELD = /^(?:activation date|date activated|activated(?: on)?|active since|active date|date joined|joined(?: on)?|launch date|start date|date)$/i;
/** "Active Date: 5/23/2019" on one line of the description; an empty value is empty (never the next line). */
const DATE_LINE = /^[ \t]*(activation date|date activated|activated(?: on)?|active since|active date|date joined|joined(?: on)?|launch date|start date|date)[ \t]*[:\-–][ \t]*([^\n]*?)[ \t]*$/i;
/** Longest description line read for a date: a date line is short, and a megabyte line is not searched. */
const MAX_DATE_LINE = 200;
/** A URL with a scheme that runs code or embeds content. */
const SCRIPT_URL = /^(?:javascript|vbscript):|^(?:data|file):\S/i;

/** The fields of `<ExtendedData>`: `<Data name><value>` and `<SchemaData><SimpleData name>`. */
function extendedData(pm: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  const ed = firstChild(pm, 'ExtendedData');
  if (!ed) return out;
  for (const d of childrenNamed(ed, 'Data')) {
    const k = cleanText(d.attrs.name ?? '');
    const v = firstChild(d, 'value');
    if (k && !out.has(k.toLowerCase())) out.set(k.toLowerCase(), v ? v.text : '');
  }
  for (const sd of childrenNamed(ed, 'SchemaData')) {
    for (const d of childrenNamed(sd, 'SimpleData')) {
      const k = cleanText(d.attrs.name ?? '');
      if (k && !out.has(k.toLowerCase())) out.set(k.toLowerCase(), d.text);
    }
  }
  return out;
}

function agencyTypeOf(name: string): KmlPlacemark['agencyType'] {
  if (/\bsheriff/i.test(name)) return 'sheriff';
  if (/\bfire\b/i.test(name)) return 'fire';
  if (/\b(police|public safety)\b/i.test(name)) return 'police';
  return 'other';
}

type Result = { ok: true; placemark: KmlPlacemark } | { ok: false; reason: string; name: string };

function readPlacemark(pm: XmlElement, number: number, locate: Locate): Result {
  const rawName = firstChild(pm, 'name')?.text ?? '';
  let name = cleanText(rawName);
  const shown = short(name);
  const fail = (reason: string): Result => ({ ok: false, reason, name: shown });
  const fields = extendedData(pm);
  const description = firstChild(pm, 'description')?.text ?? '';

  // A script URL anywhere (a link in the description, a field value) marks a tampered file.
  const hrefs = [...description.matchAll(/\b(?:href|src)\s*=\s*["']?\s*([^"'\s>]+)/gi)].map((m) => m[1]);
  for (const u of [...hrefs, ...fields.values()]) {
    if (SCRIPT_URL.test(cleanText(u))) return fail(`contains a ${cleanText(u).split(':')[0].toLowerCase()}: URL`);
  }

  if (!name) return fail('missing agency name');
  if (hasMarkup(name)) return fail('agency name contains markup');
  if (startsLikeFormula(rawName)) return fail(`agency name starts with "${name[0]}", which a spreadsheet would run as a formula`);
  if (name.includes(REPLACEMENT_CHARACTER)) return fail('agency name contains "\ufffd", left by a wrong text conversion');
  if (mixesScripts(name)) return fail('agency name mixes Latin letters with look-alike letters of another script');
  if (!slugify(name)) return fail('agency name has no Latin letters or digits to make an id from');
  const givenState = cleanText(fields.get('state') ?? '');
  let state = givenState ? normalizeState(givenState) : undefined;
  if (givenState && !state) return fail(`unknown state "${short(givenState)}"`);
  // "Cincinnati Police Department, OH": a state repeated in the name.
  const suffix = /,\s*([A-Za-z]{2})$/.exec(name);
  if (suffix && normalizeState(suffix[1]) && (!state || normalizeState(suffix[1]) === state)) {
    state ??= normalizeState(suffix[1]);
    name = name.slice(0, suffix.index).trim();
  }
  if (name.length > LIMITS.name) return fail(`agency name longer than ${LIMITS.name} characters`);

  const point = descendants(pm, 'Point')[0];
  const coordText = point ? cleanText(firstChild(point, 'coordinates')?.text ?? '') : '';
  if (!coordText) return fail('no point coordinates');
  const tuples = coordText.split(' ');
  if (tuples.length !== 1) return fail('more than one coordinate in the point');
  const parts = tuples[0].split(',');
  if (parts.length < 2 || parts.length > 3 || !parts.every((x) => /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(x))) {
    return fail(`coordinates "${short(coordText)}" are not "lon,lat[,alt]" numbers`);
  }
  const [lon, lat] = parts.map(Number);
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return fail(`coordinates ${lon},${lat} are out of range`);
  const where = locate(lon, lat, state);
  if (!where) {
    return fail(state ? `coordinates ${lon},${lat} lie outside ${state}` : `coordinates ${lon},${lat} lie in no US state`);
  }
  state ??= where.state;
  if (where.state !== state) return fail(`coordinates ${lon},${lat} lie outside ${state}`);

  const city = cleanText(fields.get('city') ?? '');
  const county = cleanText(fields.get('county') ?? '') || where.county;
  for (const t of [city, county]) {
    if (hasMarkup(t)) return fail('city or county contains markup');
    if (startsLikeFormula(t)) return fail(`city or county starts with "${t[0]}", which a spreadsheet would run as a formula`);
    if (t.length > LIMITS.place) return fail(`city or county longer than ${LIMITS.place} characters`);
  }

  // The date: an ExtendedData field (Google My Maps writes each column as <Data name><value>; an empty one
  // means undated), else a date line of the description, else a description that is only a date.
  let rawDate = '';
  let from = '';
  const dateFields = [...fields].filter(([k]) => DATE_FIELD.test(k));
  const filled = dateFields.find(([, v]) => cleanText(v));
  if (filled) {
    rawDate = filled[1];
    from = `ExtendedData "${filled[0]}"`;
  } else if (dateFields.length === 0) {
    const lines = descriptionText(description).split('\n').filter((l) => l.length <= MAX_DATE_LINE);
    for (const l of lines) {
      const m = DATE_LINE.exec(l);
      if (m) {
        rawDate = m[2];
        from = 'description';
        break;
      }
    }
    const only = lines.map((l) => cleanText(l)).filter(Boolean);
    if (!from && only.length === 1 && parseKmlDate(only[0]).ok) {
      rawDate = only[0];
      from = 'description';
    }
  }
  let date: string | null = null;
  if (cleanText(rawDate)) {
    const p = parseKmlDate(rawDate);
    if (!p.ok) return fail(`activation date (${from}): ${p.reason}`);
    date = p.value;
  }

  const agencyType = agencyTypeOf(name);
  const countyLevel = agencyType === 'sheriff' || (!!countyFromName(name) && !/\b(city|town|village|township|borough) of\b/i.test(name));
  return {
    ok: true,
    placemark: { number, line: pm.line, name, agencyType, jurisdiction: countyLevel ? 'county' : 'municipal', city, county, state, date, lon, lat },
  };
}

/** Throws (with a line) when the file is not readable KML; placemark problems are rejects. */
export function parseKml(text: string, locate: Locate): KmlParse {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (e) {
    if (e instanceof XmlError) throw new Error(`not readable XML: ${e.message}`);
    throw e;
  }
  if (root.name !== 'kml') throw new Error(`not a KML file: the root element is <${short(root.name, 40)}>, not <kml>`);
  const doc = firstChild(root, 'Document');
  const title = short(cleanText(doc ? (firstChild(doc, 'name')?.text ?? '') : ''), 120);
  const all = descendants(root, 'Placemark');
  const placemarks: KmlPlacemark[] = [];
  const rejects: KmlReject[] = [];
  all.forEach((pm, k) => {
    const r = readPlacemark(pm, k + 1, locate);
    if (r.ok) placemarks.push(r.placemark);
    else rejects.push({ number: k + 1, line: pm.line, name: r.name, reason: r.reason });
  });
  const byKey = new Map<string, KmlAgency>();
  for (const p of placemarks) {
    // Same-named placemarks in two counties are two agencies (Washington Township, NJ).
    const key = `${matchKey(p.name, p.state)}|${countyKey(p.county)}`;
    const prev = byKey.get(key);
    const { number, line, ...rest } = p;
    if (!prev) {
      byKey.set(key, { ...rest, key, placemarks: [{ number, line }], dates: [p.date] });
      continue;
    }
    prev.placemarks.push({ number, line });
    prev.dates.push(p.date);
    prev.date = earlierDate(prev.date, p.date);
    if (!prev.city) prev.city = p.city;
  }
  const agencies = [...byKey.values()];
  return {
    title,
    agencies,
    placemarks,
    rejects,
    counts: {
      placemarksRead: all.length,
      kept: placemarks.length,
      rejected: rejects.length,
      undated: placemarks.filter((p) => p.date === null).length,
      duplicatesCombined: placemarks.length - agencies.length,
      distinctAgencies: agencies.length,
    },
  };
}
