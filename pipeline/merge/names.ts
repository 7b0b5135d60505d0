/**
 * Agency-name normalisation and matching keys. Two rows name the same agency
 * when their state and normalised name agree ("Twp." = "Township",
 * "Sheriff's Office" = "Sheriff's Department", "City of X Police Department"
 * = "X Police Department"). A looser key (municipal words dropped) is used
 * only when it picks out exactly one candidate in the state.
 */
import { cleanText, fold } from '../../src/core/text';

const ABBREVIATIONS: [RegExp, string][] = [
  [/\btwp\b\.?/g, 'township'],
  [/\bdept\b\.?/g, 'department'],
  [/\bpd\b/g, 'police department'],
  [/\bsaint\b/g, 'st'],
  [/\bst\b\.?/g, 'st'],
  [/\bmt\b\.?/g, 'mount'],
  [/\bft\b\.?/g, 'fort'],
  [/\bco\b\.?(?=\s+sheriff)/g, 'county'],
  [/\bboro\b\.?/g, 'borough'],
  [/\bvlg\b\.?/g, 'village'],
];

/** The comparable core of an agency name. */
export function normalizeAgencyName(name: string): string {
  let s = fold(cleanText(name)).toLowerCase().replace(/[’`]/g, "'");
  s = s.replace(/'s\b/g, 's').replace(/'/g, '');
  s = s.replace(/[.,()]/g, ' ').replace(/[-–—/&]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  s = s.replace(/^(?:the )?(?:city|town|village|borough) of /, '');
  s = s.replace(/^township of (.+?) (police|fire|public safety)\b/, '$1 township $2');
  s = s
    .replace(/\bsheriffs? (?:office|department|dept)\b/g, 'sheriff')
    .replace(/\bpolice (?:department|dept|services|service)\b/g, 'police')
    .replace(/\bfire (?:department|dept|rescue|district)\b/g, 'fire')
    .replace(/\b(?:department of public safety|public safety department)\b/g, 'public safety');
  return s.replace(/\s+/g, ' ').trim();
}

const MUNICIPAL_WORDS = /\b(?:township|town|village|borough|city|metropolitan|metro|regional)\b/g;

/** The normalised name with municipal-type words removed. */
export function looseAgencyName(name: string): string {
  const n = normalizeAgencyName(name);
  const loose = n.replace(MUNICIPAL_WORDS, ' ').replace(/\s+/g, ' ').trim();
  return loose.length > 0 ? loose : n;
}

/** "Los Angeles Police Department, CA" and "… (CA)": the row's own state repeated in the name. */
function withoutState(name: string, state: string): string {
  const m = /(?:,\s*|\s+\()([A-Za-z]{2})\)?\s*$/.exec(name);
  return m && m[1].toUpperCase() === state && (m[0].includes('(') === m[0].trimEnd().endsWith(')')) ? name.slice(0, m.index) : name;
}

export const matchKey = (name: string, state: string) => `${state}|${normalizeAgencyName(withoutState(name, state))}`;

/** A county's comparable core: "Morris County" = "morris" = "Morris Co."; "X city" (independent cities) kept apart. */
export function countyKey(county: string): string {
  return normalizeAgencyName(county)
    .replace(/\b(?:county|co|parish|borough|census area|municipality)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The agency's counties (its county and other_counties) include this one, or either side does not say. */
export function inCounty(agency: { county: string; other_counties?: string }, county: string): boolean {
  const c = countyKey(county);
  if (!c || !countyKey(agency.county)) return true;
  return [agency.county, ...(agency.other_counties ?? '').split(';')].some((x) => x.trim() && countyKey(x) === c);
}
export const looseKey = (name: string, state: string) => `${state}|${looseAgencyName(name)}`;

export interface Candidate {
  id: string;
  name: string;
  state: string;
  agency_type: string;
}

/** Index of existing agencies for matching incoming names. */
export class AgencyMatcher<T extends Candidate> {
  /** Same-named agencies of a state (Washington Township in several New Jersey counties), in table order. */
  private exact = new Map<string, T[]>();
  private loose = new Map<string, T[]>();
  private aliases = new Map<string, T>();
  private byId = new Map<string, T>();

  constructor(items: Iterable<T> = []) {
    for (const it of items) this.add(it);
  }

  add(it: T): void {
    this.byId.set(it.id, it);
    const k = matchKey(it.name, it.state);
    const same = this.exact.get(k);
    if (same) same.push(it);
    else this.exact.set(k, [it]);
    const lk = looseKey(it.name, it.state);
    const list = this.loose.get(lk) ?? [];
    list.push(it);
    this.loose.set(lk, list);
  }

  /** Registers another name (e.g. from aliases.csv) for an existing agency id. */
  addAlias(alias: string, state: string, id: string): boolean {
    const it = this.byId.get(id);
    if (!it) return false;
    this.aliases.set(matchKey(alias, state), it);
    return true;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /**
   * The agency this name refers to: exact key, then curated alias, then (only
   * when asked: for loosely written names such as a news list of towns) a
   * unique loose-key candidate of the same agency type. Names from the Atlas
   * are precise, so "Ocean City" and "Ocean Township" stay two agencies.
   */
  match(
    name: string,
    state: string,
    opts: { agencyType?: string; loose?: boolean; county?: string } = {},
  ): { item: T; how: 'exact' | 'alias' | 'loose' } | undefined {
    const k = matchKey(name, state);
    const same = this.exact.get(k);
    if (same) {
      // Of several same-named agencies: the one in the given county, else the one whose name is written the same.
      const inIt = opts.county ? same.filter((c) => 'county' in c && inCounty(c as unknown as { county: string }, opts.county!)) : same;
      const pool = inIt.length > 0 ? inIt : same;
      const literal = pool.find((c) => cleanText(c.name).toLowerCase() === cleanText(name).toLowerCase());
      return { item: literal ?? pool[0], how: 'exact' };
    }
    const alias = this.aliases.get(k);
    if (alias) return { item: alias, how: 'alias' };
    if (!opts.loose) return undefined;
    const cands = (this.loose.get(looseKey(name, state)) ?? []).filter(
      (c) => opts.agencyType === undefined || c.agency_type === opts.agencyType,
    );
    if (cands.length === 1) return { item: cands[0], how: 'loose' };
    return undefined;
  }
}
