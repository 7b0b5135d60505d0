/**
 * Reading an Atlas of Surveillance CSV export (any year, every technology):
 * keeps the Ring/Neighbors rows, cleans them, rejects what cannot be trusted
 * (with line and reason) and combines duplicate rows of one agency.
 * Pure: text in, records out.
 */
import { LIMITS } from '../dataset/validate';
import { headerProblems, parseCsv } from '../lib/csv';
import { dateProblem, earlierDate } from '../../src/core/dates';
import { dateFromSummary, parseAtlasDate } from '../lib/dates';
import { canonicalUrl, classifyUrl, isHttpUrl } from '../lib/sources';
import { normalizeState } from '../lib/states';
import { cleanText, hasMarkup } from '../../src/core/text';
import { titleCaseIfLower } from '../lib/text';
import { matchKey } from '../merge/names';

/** The build's limit, checked here too so the reject names the export's line. */
export const MAX_NAME_LENGTH = LIMITS.name;

export interface AtlasLink {
  url: string;
  /** The Atlas's "Link N Source" (an outlet or person), may be empty. */
  source: string;
  date: string | null;
  type: 'mou' | 'records' | 'official' | 'map' | 'news';
}

export interface AtlasRow {
  line: number;
  aos: string;
  agency: string;
  agencyType: 'police' | 'sheriff' | 'fire' | 'other';
  jurisdiction: '' | 'municipal' | 'county' | 'regional';
  city: string;
  counties: string[];
  state: string;
  /** Partial ISO date the agency went active (null when the row states none). */
  date: string | null;
  links: AtlasLink[];
}

/** One agency after duplicate rows are combined. */
export interface AtlasAgency extends Omit<AtlasRow, 'line' | 'aos' | 'date'> {
  key: string;
  lines: number[];
  aosIds: string[];
  date: string | null;
  /** Every date the export gives for the agency, in row order. */
  dates: (string | null)[];
}

export interface AtlasReject {
  line: number;
  reason: string;
}

export interface AtlasParse {
  agencies: AtlasAgency[];
  rows: AtlasRow[];
  rejects: AtlasReject[];
  counts: {
    rowsRead: number;
    nonRingSkipped: number;
    ringKept: number;
    rejected: number;
    distinctAgencies: number;
    duplicateRowsCombined: number;
  };
  hadBom: boolean;
  /** Corrections whose Atlas row is not in this export (listed by the importer, never applied). */
  unusedCorrections: AtlasCorrection[];
}

/**
 * A cell of the export known to be wrong (atlas_corrections.csv): the row's
 * own description or a report names another agency. Applied only while the
 * export still holds the value it corrects.
 */
export interface AtlasCorrection {
  /** Line in atlas_corrections.csv. */
  line: number;
  aos: string;
  column: (typeof ATLAS_COLUMNS)[number];
  atlasValue: string;
  correctedValue: string;
}

/** Every column the reader uses: a missing, renamed or duplicated one stops the import. */
export const ATLAS_COLUMNS = [
  'AOSNUMBER', 'City', 'County', 'State', 'Agency', 'Type of LEA', 'Summary', 'Type of Juris', 'Technology',
  'Link 1', 'Link 1 Source', 'Link 1 Date', 'Link 2', 'Link 2 Source', 'Link 2 Date', 'Link 3', 'Link 3 Source', 'Link 3 Date',
] as const;

/** Columns of the export the reader does not use. */
const ATLAS_UNUSED_COLUMNS = ['Vendor', ...[1, 2, 3].flatMap((n) => [`Link ${n} Snapshot`, `Link ${n} Type`])];

/** The file is not an export this reader can trust (its header is wrong). */
export class AtlasHeaderError extends Error {}

export function isRingTechnology(t: string): boolean {
  return /\bring\b|neighbors/i.test(t);
}

function agencyTypeOf(lea: string, name: string): AtlasRow['agencyType'] {
  const t = lea.toLowerCase();
  if (t.startsWith('police')) return 'police';
  if (t.startsWith('sheriff')) return 'sheriff';
  if (/fire/.test(t) || /\bfire\b/i.test(name)) return 'fire';
  return 'other';
}

function jurisdictionOf(juris: string): AtlasRow['jurisdiction'] {
  const t = juris.toLowerCase();
  if (/county|parish|borough/.test(t)) return 'county';
  if (/regional/.test(t)) return 'regional';
  if (/municipal|city|town/.test(t)) return 'municipal';
  return '';
}

/** "‎Montgomery County, ‎Fort Bend County‎" → ["Montgomery County", "Fort Bend County"]; "#N/A" → []. */
export function splitCounties(cell: string): string[] {
  const out: string[] = [];
  const text = cleanText(cell).replace(/#N\/A|\bN\/A\b/gi, '');
  for (const part of text.split(/[;,/]/)) {
    const c = titleCaseIfLower(cleanText(part));
    if (!c) continue;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

export function cleanCity(cell: string): string {
  const c = cleanText(cell);
  return /^#?n\/?a$/i.test(c) ? '' : titleCaseIfLower(c);
}

type RowResult = { ok: true; row: AtlasRow } | { ok: false; reason: string };

function readRow(line: number, v: Record<string, string>, latest?: string): RowResult {
  const get = (k: string) => cleanText(v[k] ?? '');
  const rawState = get('State');
  const state = normalizeState(rawState);
  // "Cincinnati Police Department, OH": the state repeated in the name.
  const agency = state ? get('Agency').replace(new RegExp(`,\\s*${state}$`), '') : get('Agency');
  if (!agency) return { ok: false, reason: 'missing agency name' };
  if (hasMarkup(agency)) return { ok: false, reason: 'agency name contains markup' };
  if (agency.length > MAX_NAME_LENGTH) return { ok: false, reason: `agency name longer than ${MAX_NAME_LENGTH} characters` };
  if (!state) return { ok: false, reason: `unknown state "${rawState}"` };
  const city = cleanCity(v['City'] ?? '');
  const counties = splitCounties(v['County'] ?? '');
  for (const t of [city, ...counties]) {
    if (hasMarkup(t)) return { ok: false, reason: 'city or county contains markup' };
    if (t.length > MAX_NAME_LENGTH) return { ok: false, reason: `city or county longer than ${MAX_NAME_LENGTH} characters` };
  }
  let date: string | null = null;
  const d1 = get('Link 1 Date');
  if (d1) {
    const p = parseAtlasDate(d1, latest);
    if (!p.ok) return { ok: false, reason: `Link 1 Date: ${p.reason}` };
    date = p.value;
  } else {
    date = dateFromSummary(get('Summary')) ?? null;
    const problem = date === null ? null : dateProblem(date, latest);
    if (problem) return { ok: false, reason: `the date in the Summary, ${date}, ${problem}` };
  }
  const links: AtlasLink[] = [];
  for (const n of [1, 2, 3]) {
    const url = get(`Link ${n}`);
    if (!url) continue;
    if (!isHttpUrl(url)) return { ok: false, reason: `Link ${n} is not an http(s) URL` };
    let linkDate: string | null = null;
    const dn = get(`Link ${n} Date`);
    if (dn) {
      const p = parseAtlasDate(dn, latest);
      if (!p.ok) return { ok: false, reason: `Link ${n} Date: ${p.reason}` };
      linkDate = p.value;
    }
    const source = get(`Link ${n} Source`);
    if (hasMarkup(source)) return { ok: false, reason: `Link ${n} Source contains markup` };
    links.push({ url: canonicalUrl(url), source, date: linkDate, type: classifyUrl(url) });
  }
  return {
    ok: true,
    row: {
      line,
      aos: get('AOSNUMBER'),
      agency,
      agencyType: agencyTypeOf(get('Type of LEA'), agency),
      jurisdiction: get('Type of LEA').toLowerCase().startsWith('sheriff') ? 'county' : jurisdictionOf(get('Type of Juris')),
      city,
      counties,
      state,
      date,
      links,
    },
  };
}

/**
 * Reads an export. Throws AtlasHeaderError when its header is wrong (a
 * missing, renamed or duplicated column would shift or drop every row's
 * data). `latest` is the latest acceptable date (default: today).
 */
export function parseAtlasExport(text: string, opts: { latest?: string; corrections?: readonly AtlasCorrection[] } = {}): AtlasParse {
  const csv = parseCsv(text);
  const rejects: AtlasReject[] = csv.issues.map((i) => ({ ...i }));
  const problems = headerProblems(csv.header, ATLAS_COLUMNS, ATLAS_UNUSED_COLUMNS);
  if (problems.length > 0) {
    throw new AtlasHeaderError(`not a usable Atlas of Surveillance export: ${problems.join('; ')}`);
  }
  const rows: AtlasRow[] = [];
  let nonRing = 0;
  const unused = new Set(opts.corrections ?? []);
  const correctedLines = new Set<number>();
  for (const rec of csv.records) {
    if (!isRingTechnology(cleanText(rec.values['Technology'] ?? ''))) {
      nonRing++;
      continue;
    }
    let r: RowResult;
    try {
      const corrected = correctRow(rec.values, opts.corrections ?? [], unused);
      if (corrected !== rec.values && typeof corrected !== 'string') correctedLines.add(rec.line);
      r = typeof corrected === 'string' ? { ok: false, reason: corrected } : readRow(rec.line, corrected, opts.latest);
    } catch (e) {
      // Never crash on one row: it becomes a reject with its line.
      r = { ok: false, reason: `cannot read the row: ${(e as Error).message}` };
    }
    if (r.ok) rows.push(r.row);
    else rejects.push({ line: rec.line, reason: r.reason });
  }
  const byKey = new Map<string, AtlasAgency>();
  for (const r of rows) {
    // A corrected row stands alone: its name was wrong, so matching it by
    // name to another row ("Town of Madison" and "Madison") would undo the fix.
    const key = correctedLines.has(r.line) ? `${matchKey(r.agency, r.state)}#${r.aos}` : matchKey(r.agency, r.state);
    const prev = byKey.get(key);
    if (!prev) {
      const { line, aos, ...rest } = r;
      byKey.set(key, { ...rest, key, lines: [line], aosIds: aos ? [aos] : [], dates: [r.date], links: [...r.links] });
      continue;
    }
    prev.lines.push(r.line);
    if (r.aos && !prev.aosIds.includes(r.aos)) prev.aosIds.push(r.aos);
    prev.dates.push(r.date);
    prev.date = earlierDate(prev.date, r.date);
    if (!prev.city) prev.city = r.city;
    for (const c of r.counties) if (!prev.counties.includes(c)) prev.counties.push(c);
    if (!prev.jurisdiction) prev.jurisdiction = r.jurisdiction;
    for (const l of r.links) if (!prev.links.some((p) => p.url === l.url)) prev.links.push(l);
  }
  rejects.sort((a, b) => a.line - b.line);
  const agencies = [...byKey.values()];
  return {
    agencies,
    rows,
    rejects,
    counts: {
      rowsRead: csv.records.length + csv.issues.filter((i) => i.line > 1).length,
      nonRingSkipped: nonRing,
      ringKept: rows.length,
      rejected: rejects.length,
      distinctAgencies: agencies.length,
      duplicateRowsCombined: rows.length - agencies.length,
    },
    hadBom: csv.hadBom,
    unusedCorrections: [...unused],
  };
}

/** The row with its listed corrections applied, or why it cannot be (the export no longer holds the value corrected). */
function correctRow(values: Record<string, string>, corrections: readonly AtlasCorrection[], unused: Set<AtlasCorrection>): Record<string, string> | string {
  const aos = cleanText(values['AOSNUMBER'] ?? '');
  const mine = aos ? corrections.filter((c) => c.aos === aos) : [];
  if (mine.length === 0) return values;
  const out = { ...values };
  for (const c of mine) {
    unused.delete(c);
    const has = cleanText(out[c.column] ?? '');
    if (has !== c.atlasValue) {
      return `atlas_corrections.csv line ${c.line} corrects ${c.column} "${c.atlasValue}" of ${aos}, but the export has "${has}": check the correction`;
    }
    out[c.column] = c.correctedValue;
  }
  return out;
}
