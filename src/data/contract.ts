/**
 * The vocabulary of the published data contract, without the schema
 * library, so the site can use it without bundling zod.
 */
export const AGENCY_TYPES = ['police', 'sheriff', 'fire', 'city', 'other'] as const;
export const GEOCODE_PRECISIONS = ['city', 'zip', 'county', 'manual'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const PROGRAM_KINDS = [
  'neighbors_portal',
  'device_donation',
  'officer_incentives',
  'city_subsidy',
  'other',
] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];
export type GeocodePrecision = (typeof GEOCODE_PRECISIONS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real calendar date. */
export function isPartialIsoDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

export function datePrecision(s: string): DatePrecision {
  return s.length === 10 ? 'day' : s.length === 7 ? 'month' : 'year';
}

/** Only http(s) links are ever published or rendered. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

