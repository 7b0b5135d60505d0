/** Builders for small in-memory Atlas exports and source tables used by the pipeline tests. */
import { stringifyCsv } from '../../../pipeline/lib/csv';
import type { AgencyRow, OverrideRow, ProgramRow, SourceRow, Tables } from '../../../pipeline/tables/model';
import { summaryContradiction } from '../../../src/core/summary-check';
import type { DateKind } from '../../../src/core/vocabulary';

export const ATLAS_HEADER = [
  'AOSNUMBER', 'City', 'County', 'State', 'Agency', 'Type of LEA', 'Summary', 'Type of Juris', 'Technology', 'Vendor',
  'Link 1', 'Link 1 Snapshot', 'Link 1 Source', 'Link 1 Type', 'Link 1 Date',
  'Link 2', 'Link 2 Snapshot', 'Link 2 Source', 'Link 2 Type', 'Link 2 Date',
  'Link 3', 'Link 3 Snapshot', 'Link 3 Source', 'Link 3 Type', 'Link 3 Date',
] as const;

export const RING_MAP = 'https://www.google.com/maps/d/viewer?mid=1eYVDPh5itXq5acDT9b0BVeQwmESBa4cB&usp=sharing';

export type AtlasCells = Partial<Record<(typeof ATLAS_HEADER)[number], string>>;

/** One Ring row with sensible defaults. */
export function ringRow(cells: AtlasCells): AtlasCells {
  return {
    City: 'Greenfield',
    County: 'Milwaukee County',
    State: 'WI',
    Agency: 'Greenfield Police Department',
    'Type of LEA': 'Police',
    Summary: "The agency signed an agreement with Amazon's home surveillance equipment company, Ring, in 2018 to gain special access to the company's Neighbors app.",
    'Type of Juris': 'Municipal',
    Technology: 'Ring/Neighbors Partnership',
    Vendor: 'Ring',
    'Link 1': RING_MAP,
    'Link 1 Source': 'Ring',
    'Link 1 Date': '3/22/18',
    ...cells,
  };
}

export function atlasCsv(rows: AtlasCells[]): string {
  return stringifyCsv(ATLAS_HEADER, rows.map((r) => Object.fromEntries(ATLAS_HEADER.map((h) => [h, r[h] ?? ''])) as Record<(typeof ATLAS_HEADER)[number], string>));
}

export const emptyTables = (): Tables => ({ agencies: [], programs: [], sources: [], overrides: [] });

export function agency(a: Partial<AgencyRow> & { id: string; name: string }, line = 2): AgencyRow & { line: number } {
  return { agency_type: 'police', jurisdiction: 'municipal', city: '', county: '', other_counties: '', state: 'WI', atlas_ids: '', note: '', ...a, line };
}
export function program(p: Partial<ProgramRow> & { id: string; agency_id: string }, line = 2): ProgramRow & { line: number } {
  return {
    kind: 'neighbors_portal', start_date: '', end_date: '', devices_given: '', perk_value_usd: '', subsidy_usd: '',
    at_least: 'false', perk_status: p.devices_given || p.perk_value_usd || p.subsidy_usd ? 'given' : '', figures_derived: 'false',
    perk_note: '', status: 'active', status_note: '', summary: 'A summary.', source_ids: 's1', ...p, line,
  };
}
export function source(s: Partial<SourceRow> & { id: string }, line = 2): SourceRow & { line: number } {
  return { type: 'news', url: 'https://example.org/' + s.id, publisher: 'Example', title: '', date: '', ...s, line };
}
export function override(o: OverrideRow, line = 2): OverrideRow & { line: number } {
  return { ...o, line };
}

/** Programs whose start kind is missing for their date, or whose summary contradicts their date fields, with why. */
export function dateFieldProblems(programs: readonly ProgramRow[]): string[] {
  return programs.flatMap((p) => {
    const why = summaryContradiction({ start_date: p.start_date || null, start_kind: (p.start_kind || null) as DateKind | null, summary: p.summary });
    return why ? [`${p.id}: ${why}`] : [];
  });
}
