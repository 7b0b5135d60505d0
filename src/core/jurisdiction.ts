/**
 * Jurisdictions: which area an agency answers for. The build decides it from
 * the agency table and publishes it (`jurisdiction`, `county_wide`,
 * `county_fips`), so the site never guesses it from names.
 */
import type { AgencyType } from './contract';

/** How the agency table says it: a city or town, a whole county, or a region of several places. */
export const JURISDICTIONS = ['municipal', 'county', 'regional'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/**
 * The published jurisdiction: a sheriff's office always answers for its
 * county; otherwise the table's word, or null when it says none.
 */
export function jurisdictionOf(agencyType: AgencyType | string, jurisdiction: string): Jurisdiction | null {
  if (agencyType === 'sheriff') return 'county';
  return (JURISDICTIONS as readonly string[]).includes(jurisdiction) ? (jurisdiction as Jurisdiction) : null;
}

/**
 * Whether an agency's jurisdiction is a whole county (a sheriff, a county
 * police department, a county program): the rule the build uses to place it
 * at its county and publishes as `county_wide`, which Find my area reads.
 */
export function coversWholeCounty(agencyType: AgencyType | string, jurisdiction: string): boolean {
  return jurisdictionOf(agencyType, jurisdiction) === 'county';
}

/**
 * Independent cities are county-level units of their own, never part of the
 * county of the same name: Virginia's (county codes 500 and up), Baltimore,
 * St. Louis and Carson City. (Texas has ordinary counties numbered 501–507.)
 */
export function isIndependentCity(fips: string): boolean {
  return (fips.startsWith('51') && Number(fips.slice(2)) >= 500) || fips === '24510' || fips === '29510' || fips === '32510';
}

/** "Ventura County Sheriff's Office" → "Ventura County"; "Caddo Parish Commission" → "Caddo Parish". */
export function countyFromName(name: string): string | undefined {
  const m = /^(?:the\s+)?(.+?\s(?:County|Parish|Borough))\b/i.exec(name.trim());
  return m ? m[1] : undefined;
}
