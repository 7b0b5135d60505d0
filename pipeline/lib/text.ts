/**
 * Names and ids the importers make (cleaning and markup checks are in
 * src/core/text.ts, shared with the site).
 */
import { slugify } from '../../src/core/text';

export { slugify };

/** "pittsburgh" → "Pittsburgh"; mixed-case input is kept as it is. */
export function titleCaseIfLower(s: string): string {
  if (s !== s.toLowerCase() || !/[a-z]/.test(s)) return s;
  return s.replace(/(^|[\s\-/.'(])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
}

/** Lower-case slug id of an agency: name + state. */
export function agencySlug(name: string, state: string): string {
  return `${slugify(name)}-${state.toLowerCase()}`;
}
