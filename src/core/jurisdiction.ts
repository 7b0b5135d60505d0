/**
 * Jurisdictions: which area an agency answers for. The build decides it from
 * the agency table and publishes it (`jurisdiction`, `county_wide`,
 * `county_fips`), so the site never guesses it from names.
 */
import type { AgencyType } from './vocabulary';

/**
 * How the agency table says it: a city or town, a whole county, a region of
 * several places, or `contract`: a station that polices one city under
 * contract (a sheriff's contract city, whatever it is called: "Aliso Viejo
 * Police Services", "Chino Hills Police Department"), which answers for that
 * city only, never for the county of its sheriff.
 */
export const JURISDICTIONS = ['municipal', 'county', 'regional', 'contract'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/**
 * The published jurisdiction: a sheriff's office answers for its county
 * unless the table says it is a contract station; otherwise the table's word,
 * or null when it says none.
 */
export function jurisdictionOf(agencyType: AgencyType | string, jurisdiction: string): Jurisdiction | null {
  if (agencyType === 'sheriff' && jurisdiction !== 'contract') return 'county';
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

/**
 * The township, town or borough a department is named for, as its place
 * should read: "Berkeley Township Police Department" → "Berkeley Township",
 * "Ramapo Town Police Department" and "Town of Ramapo Police" → "Ramapo",
 * "Blakely Borough Police Department" → "Blakely". Undefined for other names.
 * A township or town police department answers for that municipality, so
 * its place is never a post-office town inside it (Bayville, Suffern).
 */
export function namedMunicipality(name: string): string | undefined {
  const n = name.trim();
  const of = /^(?:the\s+)?(town|township|borough) of\s+(.+?)\s+(?:police|public safety)\b/i.exec(n);
  if (of) return /^township$/i.test(of[1]) ? `${of[2]} Township` : of[2];
  const m = /^(.+?)\s+(township|town|borough|boro)\s+(?:police|public safety)\b/i.exec(n);
  if (!m) return undefined;
  return /^township$/i.test(m[2]) ? `${m[1]} Township` : m[1];
}
