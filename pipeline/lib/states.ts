import { stateCode } from '../../src/core/submission';
import { US_STATES } from '../../src/geo/us-states';

/** US states, DC and territories: postal code ↔ FIPS code ↔ name (the site's table, as in us-atlas). */
export const STATES: readonly { postal: string; fips: string; name: string }[] = US_STATES.map((s) => ({ postal: s.code, fips: s.fips, name: s.name }));

const BY_POSTAL = new Map(STATES.map((s) => [s.postal, s]));

export function isStateCode(s: string): boolean {
  return BY_POSTAL.has(s);
}

/** "wi", " WI ", "Wisconsin" → "WI"; undefined when unknown (the rule is the page's form's too). */
export const normalizeState = stateCode;
