/**
 * Names that are probably an agency already in the tables, written another
 * way: an abbreviation ("LAPD", "L.A. Police Department"), look-alike
 * letters from another script (a Cyrillic "о" in "Pоlice", per Unicode's
 * confusables list), or a one-letter typo. Such a name is never merged
 * silently and never added as a second agency: the importer stops and asks.
 * Every lookup costs the length of the name, not the size of the tables.
 */
import unhomoglyph from 'unhomoglyph';
import { cleanText, fold, mixesScripts } from '../../src/core/text';

export { mixesScripts };
import type { Candidate } from './names';
import { normalizeAgencyName } from './names';

export type LikelyWhy = 'abbreviation' | 'look-alike letters' | 'spelling';

/** The agency word at the end of a normalised name, and the initials it is abbreviated to. */
const AGENCY_WORDS: Record<string, string[]> = {
  police: ['pd', 'p'],
  sheriff: ['so', 'sd', 's'],
  fire: ['fd', 'f'],
  'public safety': ['dps', 'ps'],
};

/** Runs of single letters become one token: "l a police" → "la police". */
function joinInitials(n: string): string {
  return n.replace(/\b(?:[a-z] )+[a-z]\b/g, (m) => m.replace(/ /g, ''));
}

/** Abbreviated forms of a normalised name: place initials + agency word, and all initials ("lapd"). */
function abbreviations(n: string): string[] {
  const out: string[] = [];
  for (const [word, short] of Object.entries(AGENCY_WORDS)) {
    if (!n.endsWith(` ${word}`)) continue;
    const place = n.slice(0, -word.length - 1).split(' ');
    if (place.length < 2) continue;
    const initials = place.map((w) => w[0]).join('');
    out.push(`${initials} ${word}`, ...short.map((s) => initials + s));
  }
  return out;
}

/** The name with letters from other scripts mapped to the Latin letters they look like. */
export function lookAlikeKey(name: string): string {
  return normalizeAgencyName(unhomoglyph(cleanText(name).normalize('NFKC')));
}

/** Damerau–Levenshtein distance, stopping early above 1. */
function withinOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
  if (a.slice(i + 1) === b.slice(i)) return true; // a has an extra letter
  if (a.slice(i) === b.slice(i + 1)) return true; // b has an extra letter
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
}

/** Shortest normalised name a typo is looked for in (short names differ by one letter legitimately: "Lyon", "Lynn"). */
const TYPO_MIN_LENGTH = 9;

export class LikelyDuplicates<T extends Candidate> {
  private abbrev = new Map<string, T[]>();
  private lookAlike = new Map<string, T[]>();
  /** Each name with one letter deleted, the SymSpell way: two names one edit apart share a key. */
  private deletions = new Map<string, T[]>();

  constructor(items: Iterable<T> = []) {
    for (const it of items) this.add(it);
  }

  private push(map: Map<string, T[]>, key: string, it: T): void {
    const list = map.get(key);
    if (!list) map.set(key, [it]);
    else if (!list.includes(it) && list.length < 8) list.push(it);
  }

  add(it: T): void {
    const n = normalizeAgencyName(it.name);
    for (const a of abbreviations(n)) this.push(this.abbrev, `${it.state}|${a}`, it);
    this.push(this.lookAlike, `${it.state}|${lookAlikeKey(it.name)}`, it);
    for (const k of typoKeys(it.name)) if (k) for (const d of [k, ...deletionsOf(k)]) this.push(this.deletions, `${it.state}|${d}`, it);
  }

  /**
   * The agency this name probably means (the first of `items`; several when
   * an abbreviation fits more than one, "LAPD" being Los Angeles or Los
   * Alamitos), and why; undefined when none.
   */
  find(name: string, state: string): { item: T; items: T[]; why: LikelyWhy } | undefined {
    const n = normalizeAgencyName(name.replace(/\s*\([A-Za-z. ]{2,12}\)\s*$/, ''));
    const some = (list: T[] | undefined, why: LikelyWhy) => (list && list.length > 0 ? { item: list[0], items: list, why } : undefined);
    const hit = some(this.abbrev.get(`${state}|${joinInitials(n)}`), 'abbreviation') ?? some(this.lookAlike.get(`${state}|${lookAlikeKey(name)}`), 'look-alike letters');
    if (hit) return hit;
    const hits = new Map<string, T>();
    const keys = typoKeys(name, TYPO_MIN_LENGTH - 1);
    keys.forEach((k, i) => {
      if (k) for (const d of [k, ...deletionsOf(k)]) {
        for (const c of this.deletions.get(`${state}|${d}`) ?? []) {
          const ck = typoKeys(c.name, 0)[i];
          // "Fire District 2" is not a typo of "Fire District 1".
          if (ck && ck !== k && digits(ck) === digits(k) && withinOne(k, ck)) hits.set(c.id, c);
        }
      }
    });
    return some([...hits.values()], 'spelling');
  }
}

/**
 * What a one-letter typo is looked for in: the normalised name without the
 * words a typo hides from the name rules ("Polise Department" keeps its
 * "department"), and the name as written, lower-cased ("City o Arcadia").
 * Names shorter than `min` are left out (too many real names differ by one
 * letter).
 */
function typoKeys(name: string, min = TYPO_MIN_LENGTH): string[] {
  const n = normalizeAgencyName(name).replace(/\b(?:department|dept|office)\b/g, ' ').replace(/\s+/g, ' ').trim();
  const raw = fold(cleanText(name)).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return [n, raw].map((k) => (k.length >= min ? k : ''));
}

const digits = (s: string) => s.replace(/\D/g, '');

function deletionsOf(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return [...out];
}
