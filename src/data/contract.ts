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

/**
 * Whether an agency's jurisdiction is a whole county (a sheriff, a county
 * police department, a county program): the one rule the build uses to place
 * it and publishes as `county_wide`, which Find my area reads.
 */
export function coversWholeCounty(agencyType: string, jurisdiction: string): boolean {
  return agencyType === 'sheriff' || jurisdiction === 'county';
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

/**
 * The program's lifetime. Ring (founded in 2012 as Doorbot) cannot have
 * partnered with anyone before 2012, and nothing can be documented after the
 * day the data or the site was built. Importer, build and site all date-check
 * with `dateProblem`, so one rule decides what is a publishable date.
 */
export const FIRST_YEAR = 2012;

/** Today (UTC) as `YYYY-MM-DD`. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

declare const __BUILD_DATE__: string | undefined;

/** The latest publishable date: the site's build date in the browser, today in the pipeline. */
export function buildDate(): string {
  return typeof __BUILD_DATE__ === 'string' ? __BUILD_DATE__ : isoToday();
}

/**
 * Why a date cannot be published, or null when it can: it must be a real
 * `YYYY[-MM[-DD]]` date, not before FIRST_YEAR and not after `latest`
 * (a partial date counts from its first day).
 */
export function dateProblem(s: string, latest: string = buildDate()): string | null {
  if (!isPartialIsoDate(s)) return 'is not a real YYYY, YYYY-MM or YYYY-MM-DD date';
  if (Number(s.slice(0, 4)) < FIRST_YEAR) return `is before ${FIRST_YEAR}, when Ring began`;
  if (s > latest.slice(0, s.length)) return `is after ${latest}, the day the data was built`;
  return null;
}

/** A real date inside the program's lifetime (see `dateProblem`). */
export function isProgramDate(s: string, latest?: string): boolean {
  return dateProblem(s, latest) === null;
}

/**
 * A two-digit year resolves to the past: the latest year ending in those
 * digits that is not after `latest` ("99" is 1999, "19" is 2019).
 */
export function fullYear(yy: number, latest: string = buildDate()): number {
  const now = Number(latest.slice(0, 4));
  return now - ((((now - yy) % 100) + 100) % 100);
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

