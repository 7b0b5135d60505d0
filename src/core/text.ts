/**
 * Text hygiene for everything read from tables, exports, links and the
 * search box: what real spreadsheets contain and what must never reach the
 * page (direction overrides, invisible characters, markup).
 */

/**
 * Invisible format characters: direction marks and embeddings/overrides/
 * isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width
 * characters and the byte-order mark, soft hyphen, and C0/C1 controls other
 * than whitespace.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const PLAIN = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/**
 * NFC, invisible characters removed, whitespace runs collapsed, trimmed;
 * with `max`, cut to that many characters (untrusted input from links and
 * the search box).
 */
export function cleanText(s: string, max = Infinity): string {
  const clean = PLAIN.test(s) ? s : s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? clean.slice(0, max).trimEnd() : clean;
}

/** Looks like HTML/XML markup: a tag opener, comment, or processing instruction. */
export function hasMarkup(s: string): boolean {
  return /<\s*[a-z!?/]/i.test(s);
}

/** ASCII folding: "La Cañada" → "La Canada" (compatibility forms too: "ﬁ" → "fi"). */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Folded and lower-cased, for matching what people type against names. */
export function foldText(s: string): string {
  return fold(s).toLowerCase();
}

/**
 * A cell a spreadsheet would run as a formula: it starts (after any spaces
 * or tabs, which spreadsheets trim) with = + - @ or their full-width forms.
 * Importers refuse such names and publishers; downloads neutralise them.
 */
export function startsLikeFormula(s: string): boolean {
  return /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(s);
}

/** U+FFFD, what a wrong conversion leaves for a character it could not read: never published. */
export const REPLACEMENT_CHARACTER = '\ufffd';

/** Lower-case slug: "Sheriff's Office, Ventura (CA)" → "sheriffs-office-ventura-ca" (ids are made of it). */
export function slugify(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True when the name mixes Latin letters with letters of another script that look like them. */
export function mixesScripts(name: string): boolean {
  const s = cleanText(name).normalize('NFC');
  return /\p{Script=Latin}/u.test(s) && /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u.test(s);
}
