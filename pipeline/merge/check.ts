/**
 * The build's own verdict on one agency: its row, its programs, the sources
 * they cite and its override, built exactly as `npm run data` builds them
 * (validation, geocoding, the published schema). Importers use it to refuse
 * a row the build would refuse, naming the row that brought it in.
 */
import { buildCollection } from '../dataset/features';
import { validateTables, type Reject } from '../dataset/validate';
import type { Geocoder } from '../geocode/geocoder';
import { splitList, type Tables } from '../tables/model';

export function checkAgency(tables: Tables, agencyId: string, geocoder: Geocoder, opts: { geocode?: boolean } = {}): Reject[] {
  const agencies = tables.agencies.filter((a) => a.id === agencyId);
  const programs = tables.programs.filter((p) => p.agency_id === agencyId);
  const cited = new Set(programs.flatMap((p) => splitList(p.source_ids)));
  const sources = tables.sources.filter((s) => cited.has(s.id));
  const overrides = tables.overrides.filter((o) => o.agency_id === agencyId);
  // An agency whose place did not change was placed before: its rows' own rules are enough.
  if (opts.geocode === false) return validateTables({ agencies, programs, sources, overrides }).rejects;
  return buildCollection({ agencies, programs, sources, overrides }, { geocoder }).rejects;
}

/** Follow-on rejects (a row refused because another was): the cause is the more useful report. */
const CONSEQUENCE = /was rejected|has no program|unknown source id|is not cited by any written program/;

/** The causes among a set of rejects (all of them if every one is a consequence). */
export function rootCauses<R extends { reason: string }>(rejects: readonly R[]): R[] {
  const causes = rejects.filter((r) => !CONSEQUENCE.test(r.reason));
  return causes.length > 0 ? causes : [...rejects];
}
