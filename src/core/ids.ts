/**
 * Ids of agencies and programs: lower-case slugs ("miami-dade-police-department-fl").
 * The build refuses rows whose id breaks this rule, the published contract
 * declares it, and the site checks ids from data files and links with it.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 200;

export function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= ID_MAX_LENGTH && ID_PATTERN.test(v);
}

/** A program's id: a slug whose parts may be joined by a double hyphen (`<agency id>--neighbors-portal`). */
export const PROGRAM_ID_PATTERN = /^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/;

export function isProgramId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= ID_MAX_LENGTH && PROGRAM_ID_PATTERN.test(v);
}
