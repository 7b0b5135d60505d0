/**
 * One agency's full record in a file of its own (`agency/<id>.json` beside
 * the points file), for the one-agency embed: a host page's visitor loads a
 * few kilobytes, not the whole dataset. The same record as the details
 * chunks, with the dataset's metadata (credit, data date). Pure: written by
 * the build, decoded (as untrusted input) by the embed.
 */
import type { AgencyCollection, AgencyFeature } from '../core/contract';
import { PropertiesSpec } from '../core/contract';
import { conforms } from '../core/spec';
import { isValidFeature } from './load';
import type { MapMetadata } from './map-data';

export const AGENCY_RECORD_VERSION = 1;

export interface AgencyRecordFile {
  version: number;
  metadata: MapMetadata;
  feature: AgencyFeature;
}

/** An id the published contract accepts (a slug): anything else is never fetched. */
export function isAgencyId(id: unknown): id is string {
  return conforms(PropertiesSpec.shape.id, id);
}

/** The file's path under the map's data folder. */
export function agencyRecordPath(id: string): string {
  return `agency/${id}.json`;
}

export function encodeAgencyRecords(c: AgencyCollection): AgencyRecordFile[] {
  return c.features.map((feature) => ({ version: AGENCY_RECORD_VERSION, metadata: { ...(c.metadata ?? {}) }, feature }));
}

/** The record when the file is one, of the agency asked for, and passes the contract's check; else null. */
export function decodeAgencyRecord(json: unknown, id: string): { metadata: MapMetadata; feature: AgencyFeature } | null {
  const j = json as Partial<AgencyRecordFile> | null;
  if (!j || typeof j !== 'object' || j.version !== AGENCY_RECORD_VERSION || !isValidFeature(j.feature) || j.feature.properties.id !== id) return null;
  const meta = (j.metadata && typeof j.metadata === 'object' ? j.metadata : {}) as Record<string, unknown>;
  const m = (k: string) => (typeof meta[k] === 'string' ? (meta[k] as string) : undefined);
  return { feature: j.feature, metadata: { title: m('title'), data_as_of: m('data_as_of'), license: m('license'), credit: m('credit') } };
}
