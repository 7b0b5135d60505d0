/**
 * The project's source tables (`data/*.csv`): what a volunteer edits in a
 * spreadsheet. Every value is a string here; validation happens in the build
 * (`pipeline/dataset/validate.ts`).
 */

export const TABLE_FILES = {
  agencies: 'agencies.csv',
  programs: 'programs.csv',
  sources: 'sources.csv',
  overrides: 'geocode_overrides.csv',
} as const;

export const AGENCY_COLUMNS = [
  'id', 'name', 'agency_type', 'jurisdiction', 'city', 'county', 'other_counties', 'state', 'atlas_ids', 'note',
] as const;
export const PROGRAM_COLUMNS = [
  'id', 'agency_id', 'kind', 'start_date', 'start_kind', 'end_date', 'devices_given', 'perk_value_usd', 'subsidy_usd',
  'at_least', 'perk_status', 'figures_derived', 'perk_note', 'status', 'status_note', 'summary', 'source_ids',
] as const;
/** Program columns added after the first exports: a table without them reads them as empty. */
export const OPTIONAL_PROGRAM_COLUMNS = ['start_kind', 'perk_status', 'figures_derived', 'perk_note', 'status', 'status_note'] as const;
/** The perk and lifecycle cells of a new portal program: no perk, and active as listed or reported. */
/** A date an importer reads (a listing's activation, a report's joining date) says when the partnership began. */
export function importedStartKind(date: string | null | undefined): '' | 'began' {
  return date ? 'began' : '';
}
export const PORTAL_PROGRAM_DEFAULTS = { perk_status: '', figures_derived: 'false', perk_note: '', status: 'active', status_note: '' } as const;
export const SOURCE_COLUMNS = ['id', 'type', 'url', 'publisher', 'title', 'date', 'copy'] as const;
/** Source columns added after the first exports: a table without them reads them as empty. */
export const OPTIONAL_SOURCE_COLUMNS = ['copy'] as const;
export const OVERRIDE_COLUMNS = ['agency_id', 'lon', 'lat', 'note'] as const;

/** Columns kept in the repository but never published (the data dictionary says so). */
export const UNPUBLISHED_COLUMNS: Partial<Record<keyof typeof TABLE_FILES, readonly string[]>> = {
  agencies: ['note'],
};

export { JURISDICTIONS } from '../../src/core/jurisdiction';
/** `mou`: the agreement itself (or a copy); `mou_article`: a report about an agreement, not the agreement. */
export const SOURCE_TYPES = ['mou', 'mou_article', 'records', 'news', 'official', 'dataset', 'map'] as const;

export type AgencyRow = Record<(typeof AGENCY_COLUMNS)[number], string>;
/** Rows an importer creates may leave the later optional columns out: they are written empty. */
export type ProgramRow = Record<Exclude<(typeof PROGRAM_COLUMNS)[number], 'start_kind'>, string> & { start_kind?: string };
export type SourceRow = Record<Exclude<(typeof SOURCE_COLUMNS)[number], 'copy'>, string> & { copy?: string };
export type OverrideRow = Record<(typeof OVERRIDE_COLUMNS)[number], string>;

/**
 * A row with the line it came from (undefined for rows created in memory),
 * and, for rows an importer created or changed, where in its input the
 * change came from (e.g. `export.csv:12`), so a reject can point there.
 */
export type Lined<T> = T & { line?: number; origin?: string[] };

export type TableName = keyof typeof TABLE_FILES;

export interface Tables {
  agencies: Lined<AgencyRow>[];
  programs: Lined<ProgramRow>[];
  sources: Lined<SourceRow>[];
  overrides: Lined<OverrideRow>[];
  /**
   * Columns a volunteer added that the project does not know (e.g. a
   * `reviewer` column), in file order. Their cells stay on the rows and are
   * written back: an import never drops data. They are not published.
   */
  extraColumns?: Partial<Record<TableName, string[]>>;
}

/** Row keys that are not columns. */
export const ROW_META_KEYS = ['line', 'origin'] as const;

/** Lists inside a cell (source ids, counties, Atlas ids) are separated by `;`. */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function joinList(items: readonly string[]): string {
  return items.join('; ');
}

/** A copy whose rows can be changed without touching the original (merges work on copies). */
export function cloneTables(t: Tables): Tables {
  return {
    agencies: t.agencies.map((r) => ({ ...r })),
    programs: t.programs.map((r) => ({ ...r })),
    sources: t.sources.map((r) => ({ ...r })),
    overrides: t.overrides.map((r) => ({ ...r })),
    ...(t.extraColumns ? { extraColumns: structuredClone(t.extraColumns) } : {}),
  };
}

/** Canonical row order, so rewriting the tables is deterministic. */
export function sortTables(t: Tables): Tables {
  const by = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    agencies: [...t.agencies].sort(by((r) => r.id)),
    programs: [...t.programs].sort(by((r) => `${r.agency_id}\u0000${r.id}`)),
    sources: [...t.sources].sort(by((r) => r.id)),
    overrides: [...t.overrides].sort(by((r) => r.agency_id)),
    ...(t.extraColumns ? { extraColumns: t.extraColumns } : {}),
  };
}
