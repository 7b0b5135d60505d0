/**
 * The published data contract of `data/partnerships.geojson`, declared once.
 * The build validates what it writes against it through zod (schema.ts);
 * the site checks what it loads with the light checker (spec.ts), because
 * a dataset can be swapped or tampered with. Unknown values are `null`,
 * never 0.
 */
import { isProgramDate } from './dates';
import { ID_MAX_LENGTH, ID_PATTERN } from './ids';
import { JURISDICTIONS } from './jurisdiction';
import { AGENCY_TYPES, GEOCODE_PRECISIONS, DATE_PRECISIONS, PROGRAM_KINDS, PERK_STATUSES, MOU_KINDS, DATE_KINDS, SOURCE_COPIES, PARTNERSHIP_STATUSES, type PartnershipStatus } from './vocabulary';
import { RESEARCH_RESULTS } from './research';
import { OVERSIGHT_KINDS, OVERSIGHT_LEVELS } from './oversight';
import { array, boolean, literal, nullable, number, object, oneOf, optional, string, tuple, type Infer } from './spec';


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

/** Only http(s) links are ever published or rendered. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A real YYYY, YYYY-MM or YYYY-MM-DD date inside the program's lifetime (2012 to the build date). */
const partialDate = string({ check: (s) => isProgramDate(s), message: 'not a real date between 2012 and the build date' });
const httpUrl = string({ check: isHttpUrl, message: 'not an http(s) URL' });
/** A money or device figure: a non-negative finite number, or null when not documented. */
const amount = nullable(number({ min: 0 }));

export const SourceSpec = object({
  url: nullable(httpUrl),
  publisher: string({ min: 1 }),
  title: nullable(string()),
  date: nullable(partialDate),
  /** Not the publisher's own page: a syndicated copy or an archived copy (see SOURCE_COPIES). */
  copy: optional(nullable(oneOf(SOURCE_COPIES))),
});

export const ProgramSpec = object({
  kind: oneOf(PROGRAM_KINDS),
  start_date: nullable(partialDate),
  /** What the start date is (see DATE_KINDS); null when it is not recorded or there is no date. */
  start_kind: optional(nullable(oneOf(DATE_KINDS))),
  end_date: nullable(partialDate),
  devices_given: amount,
  perk_value_usd: amount,
  subsidy_usd: amount,
  /** The figures are documented floors ("at least", "more than"): see figures.ts. */
  at_least: boolean(),
  /** What the perk was (given, offered, bought by the agency, returned, …); null for programs without a perk. */
  perk_status: nullable(oneOf(PERK_STATUSES)),
  /** The published figures are the project's arithmetic on reported figures (a sum or difference), not quoted. */
  figures_derived: boolean(),
  /** The perk in words, including figures that are not counted as given. */
  perk_note: nullable(string()),
  status: oneOf(PARTNERSHIP_STATUSES),
  /** The end, denial or dispute in words, with who said it. */
  status_note: nullable(string()),
  summary: string({ min: 1 }),
  sources: array(SourceSpec, 1),
});

const day = string({ pattern: /^\d{4}-\d{2}-\d{2}$/, check: (s) => isProgramDate(s), message: 'not a real day between 2012 and the build date' });

/** What was checked beyond the Atlas and when (research.ts): the latest date and each check, newest first. */
export const ResearchSpec = object({
  last_checked: day,
  checks: array(object({ date: day, question: string({ min: 1 }), result: oneOf(RESEARCH_RESULTS) }), 1),
});

/** Who decides (oversight.ts): an ordinance or a council vote covering the agency, always with its source. */
export const OversightSpec = object({
  kind: oneOf(OVERSIGHT_KINDS),
  level: oneOf(OVERSIGHT_LEVELS),
  place: string({ min: 1 }),
  name: string({ min: 1 }),
  adopted_on: nullable(partialDate),
  source_url: httpUrl,
  checked_on: day,
});

export const PropertiesSpec = object({
  id: string({ pattern: ID_PATTERN, check: (s) => s.length <= ID_MAX_LENGTH, message: 'id must be a lower-case slug' }),
  name: string({ min: 1 }),
  agency_type: oneOf(AGENCY_TYPES),
  city: nullable(string()),
  county: nullable(string()),
  state: string({ pattern: /^[A-Z]{2}$/, message: 'not a two-letter state code' }),
  geocode_precision: oneOf(GEOCODE_PRECISIONS),
  /** What the agency answers for, as the build decides it (see jurisdiction.ts); null when the table says none. */
  jurisdiction: optional(nullable(oneOf(JURISDICTIONS))),
  /** The agency covers its whole county (sheriff, county police, county program); see coversWholeCounty. */
  county_wide: optional(boolean()),
  /** The five-digit FIPS code of the county it covers (county-wide) or lies in; null when it cannot be told. */
  county_fips: optional(nullable(string({ pattern: /^\d{5}$/, message: 'not a five-digit county FIPS code' }))),
  /** Every county the jurisdiction spans (FIPS): county_fips first, then the table's other_counties. */
  counties_fips: optional(array(string({ pattern: /^\d{5}$/, message: 'not a five-digit county FIPS code' }))),
  start_date: nullable(partialDate),
  start_precision: nullable(oneOf(DATE_PRECISIONS)),
  /** What `start_date` is: the kind of the program date it was taken from. */
  start_kind: optional(nullable(oneOf(DATE_KINDS))),
  end_date: nullable(partialDate),
  /** From the programs (see agencyStatus). */
  status: oneOf(PARTNERSHIP_STATUSES),
  programs: array(ProgramSpec, 1),
  devices_given: amount,
  perk_value_usd: amount,
  subsidy_usd: amount,
  mou_url: nullable(httpUrl),
  /** What `mou_url` links to (see MOU_KINDS); null when there is no MOU link. */
  mou_kind: optional(nullable(oneOf(MOU_KINDS))),
  records_urls: array(httpUrl),
  sources: array(SourceSpec, 1),
  /** Checked beyond the Atlas (research.ts); null when not researched yet. */
  research: optional(nullable(ResearchSpec)),
  /** Ordinances and council votes covering the agency (oversight.ts); empty when none is recorded. */
  oversight: optional(array(OversightSpec)),
});

export const FeatureSpec = object({
  type: literal('Feature'),
  id: optional(string()),
  geometry: object({
    type: literal('Point'),
    coordinates: tuple(number({ min: -180, max: 180 }), number({ min: -90, max: 90 })),
  }),
  properties: PropertiesSpec,
});

export const CollectionSpec = object({
  type: literal('FeatureCollection'),
  /** Dataset metadata: when it was built from which inputs. */
  metadata: optional(
    object({
      title: string(),
      data_as_of: partialDate,
      license: string(),
      credit: string(),
    }),
  ),
  features: array(FeatureSpec),
});

export type Source = Infer<typeof SourceSpec>;
export type Program = Infer<typeof ProgramSpec>;
export type AgencyProperties = Infer<typeof PropertiesSpec>;
export type AgencyFeature = Infer<typeof FeatureSpec>;
export type AgencyCollection = Infer<typeof CollectionSpec>;
