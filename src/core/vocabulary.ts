/**
 * The published vocabulary: every closed list of values the data uses, with
 * what each value means. The contract, the date and jurisdiction rules and
 * the site all read them from here.
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
/**
 * What an agency's MOU link is, from its source's type in the tables:
 * `agreement` the agreement itself (or a copy of it), `article` a report
 * about the agreement. Links are labelled by it, never by their address.
 */
export const MOU_KINDS = ['agreement', 'article'] as const;
/**
 * What a start date is, as its source says it: `began` (the partnership
 * began then: Ring's own activation date, or a report of when it started);
 * `announced` (an announcement that it would begin, e.g. "will soon be
 * supporting": not a start); `active_by` (a report shows it existed by then,
 * typically the article's own date: an upper bound for the start).
 */
export const DATE_KINDS = ['began', 'announced', 'active_by'] as const;
/**
 * A source read only as a copy: `syndicated` (the article republished by
 * another outlet, e.g. a translation or a wire copy) or `archived` (a web
 * archive's snapshot of a page that is gone).
 */
export const SOURCE_COPIES = ['syndicated', 'archived'] as const;
export type SourceCopy = (typeof SOURCE_COPIES)[number];
/** A partnership's state as documented: `active` means listed or reported with no end or denial documented (not a claim about today). */
export const PARTNERSHIP_STATUSES = ['active', 'ended', 'denied', 'unknown'] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];
export type GeocodePrecision = (typeof GEOCODE_PRECISIONS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
export type PerkStatus = (typeof PERK_STATUSES)[number];
export type DateKind = (typeof DATE_KINDS)[number];
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
export type MouKind = (typeof MOU_KINDS)[number];
