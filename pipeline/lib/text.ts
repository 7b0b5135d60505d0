/**
 * Text hygiene shared by the importers and the build: what real exports and
 * hand-edited spreadsheets contain, and what must never reach the site.
 */

/**
 * Invisible format characters: direction marks and embeddings/overrides/
 * isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width
 * characters and the byte-order mark, soft hyphen, and C0/C1 controls other
 * than whitespace.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** NFC, invisible characters removed, whitespace runs collapsed, trimmed. */
export function cleanText(s: string): string {
  if (PLAIN.test(s)) return s; // fast path: printable ASCII, single spaces, trimmed
  return s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
const PLAIN = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/** Looks like HTML/XML markup: a tag opener, comment, or processing instruction. */
export function hasMarkup(s: string): boolean {
  return /<\s*[a-z!?/]/i.test(s);
}

/** "pittsburgh" → "Pittsburgh"; mixed-case input is kept as it is. */
export function titleCaseIfLower(s: string): string {
  if (s !== s.toLowerCase() || !/[a-z]/.test(s)) return s;
  return s.replace(/(^|[\s\-/.'(])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
}

/** ASCII folding: "La Cañada" → "La Canada". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower-case slug: "Sheriff's Office, Ventura (CA)" → "sheriffs-office-ventura-ca". */
export function slugify(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lower-case slug id of an agency: name + state. */
export function agencySlug(name: string, state: string): string {
  return `${slugify(name)}-${state.toLowerCase()}`;
}
