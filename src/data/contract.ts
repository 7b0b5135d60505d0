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

/**
 * What a program's perk figures are. Only `given` (received by the agency,
 * its officers or residents, or public money actually spent) is published in
 * `devices_given`, `perk_value_usd` and `subsidy_usd` and counted in totals;
 * the other kinds are said in words (`perk_note`).
 */
export const PERK_STATUSES = ['given', 'offered', 'approved', 'bought_by_agency', 'returned', 'declined', 'not_documented'] as const;
/** A partnership's state as documented: `active` means listed or reported with no end or denial documented (not a claim about today). */
export const PARTNERSHIP_STATUSES = ['active', 'ended', 'denied', 'unknown'] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];
export type GeocodePrecision = (typeof GEOCODE_PRECISIONS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
export type PerkStatus = (typeof PERK_STATUSES)[number];
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/**
 * An agency's status from its programs: active if any program is; else
 * denied if any was denied; else ended if every program ended; else unknown.
 */
export function agencyStatus(programs: readonly { status: PartnershipStatus }[]): PartnershipStatus {
  if (programs.some((p) => p.status === 'active')) return 'active';
  if (programs.some((p) => p.status === 'denied')) return 'denied';
  if (programs.length > 0 && programs.every((p) => p.status === 'ended')) return 'ended';
  return 'unknown';
}

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

