/**
 * The published data contract of `data/partnerships.geojson`.
 *
 * Shared by the data build (which validates what it writes) and the site
 * (which validates what it loads, because a dataset can be swapped or
 * tampered with). Unknown values are `null`, never 0.
 */
import { z } from 'zod';

import {
  AGENCY_TYPES, DATE_PRECISIONS, GEOCODE_PRECISIONS, PARTNERSHIP_STATUSES, PERK_STATUSES, PROGRAM_KINDS, isHttpUrl, isProgramDate,
} from './contract';

export * from './contract';

/** A real YYYY, YYYY-MM or YYYY-MM-DD date inside the program's lifetime (2012 to the build date). */
const partialDate = z.string().refine((s) => isProgramDate(s), 'not a real date between 2012 and the build date');
const httpUrl = z.string().refine(isHttpUrl, 'not an http(s) URL');
/** A money or device figure: a non-negative finite number, or null when not documented. */
const amount = z.number().finite().nonnegative().nullable();

export const SourceSchema = z.object({
  url: httpUrl.nullable(),
  publisher: z.string().min(1),
  title: z.string().nullable(),
  date: partialDate.nullable(),
});

export const ProgramSchema = z.object({
  kind: z.enum(PROGRAM_KINDS),
  start_date: partialDate.nullable(),
  end_date: partialDate.nullable(),
  devices_given: amount,
  perk_value_usd: amount,
  subsidy_usd: amount,
  /** The figures are documented floors ("at least", "more than"). */
  at_least: z.boolean(),
  /** What the perk was (given, offered, bought by the agency, returned, …); null for programs without a perk. */
  perk_status: z.enum(PERK_STATUSES).nullable(),
  /** The published figures are the project's arithmetic on reported figures (a sum or difference), not quoted. */
  figures_derived: z.boolean(),
  /** The perk in words, including figures that are not counted as given. */
  perk_note: z.string().nullable(),
  status: z.enum(PARTNERSHIP_STATUSES),
  /** The end, denial or dispute in words, with who said it. */
  status_note: z.string().nullable(),
  summary: z.string().min(1),
  sources: z.array(SourceSchema).min(1),
});

export const PropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be a lower-case slug'),
  name: z.string().trim().min(1),
  agency_type: z.enum(AGENCY_TYPES),
  city: z.string().nullable(),
  county: z.string().nullable(),
  state: z.string().regex(/^[A-Z]{2}$/),
  geocode_precision: z.enum(GEOCODE_PRECISIONS),
  /** The agency covers its whole county (sheriff, county police, county program); see coversWholeCounty. */
  county_wide: z.boolean().optional(),
  start_date: partialDate.nullable(),
  start_precision: z.enum(DATE_PRECISIONS).nullable(),
  end_date: partialDate.nullable(),
  /** From the programs (see agencyStatus). */
  status: z.enum(PARTNERSHIP_STATUSES),
  programs: z.array(ProgramSchema).min(1),
  devices_given: amount,
  perk_value_usd: amount,
  subsidy_usd: amount,
  mou_url: httpUrl.nullable(),
  records_urls: z.array(httpUrl),
  sources: z.array(SourceSchema).min(1),
});

export const FeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([
      z.number().finite().min(-180).max(180),
      z.number().finite().min(-90).max(90),
    ]),
  }),
  properties: PropertiesSchema,
});

export const CollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  /** Dataset metadata: when it was built from which inputs. */
  metadata: z
    .object({
      title: z.string(),
      data_as_of: partialDate,
      license: z.string(),
      credit: z.string(),
    })
    .optional(),
  features: z.array(FeatureSchema),
});

export type Source = z.infer<typeof SourceSchema>;
export type Program = z.infer<typeof ProgramSchema>;
export type AgencyProperties = z.infer<typeof PropertiesSchema>;
export type AgencyFeature = z.infer<typeof FeatureSchema>;
export type AgencyCollection = z.infer<typeof CollectionSchema>;
