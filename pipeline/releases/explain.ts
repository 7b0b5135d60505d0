/**
 * Why a field changed and on what source, from what the tables already
 * record: a release note written for the change (`data/releases/reasons.csv`),
 * a place correction (`place_corrections.csv`), or a correction of the Atlas
 * export (`atlas_corrections.csv`). Nothing is guessed: without a recorded
 * reason the reason stays empty, and the source falls back to the links the
 * changed arrangement (or a new record) itself cites.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../lib/csv';
import type { Explain, Explanation, Snapshot } from '../../src/core/releases';
import { RELEASES_DIR } from './store';

export const REASON_COLUMNS = ['agency_id', 'field', 'to', 'reason', 'source_url'] as const;
export const REASONS_FILE = 'reasons.csv';

interface Note {
  agency: string;
  /** Empty: any change of the agency (e.g. its removal). */
  field: string;
  /** Empty: whatever the new value. */
  to: string;
  reason: string;
  source: string;
}

function rows(path: string): Record<string, string>[] {
  if (!existsSync(path)) return [];
  const t = parseCsv(readFileSync(path, 'utf8'));
  if (t.issues.length) throw new Error(`${path}:${t.issues[0].line}: ${t.issues[0].reason}`);
  return t.records.map((r) => r.values);
}

/** Atlas export columns as the published fields they feed. */
const ATLAS_FIELD: Record<string, string> = { Agency: 'name', City: 'city', County: 'county', State: 'state' };

export function readNotes(dataDir: string): Note[] {
  const notes: Note[] = rows(join(dataDir, RELEASES_DIR, REASONS_FILE)).map((v) => ({
    agency: v.agency_id ?? '', field: v.field ?? '', to: v.to ?? '', reason: v.reason ?? '', source: v.source_url ?? '',
  }));
  for (const v of rows(join(dataDir, 'place_corrections.csv'))) {
    notes.push({ agency: v.agency_id, field: v.field, to: v.corrected_value, reason: v.reason, source: '' });
  }
  const byAtlasId = new Map<string, string>();
  for (const v of rows(join(dataDir, 'agencies.csv'))) for (const a of (v.atlas_ids ?? '').split(';')) if (a.trim()) byAtlasId.set(a.trim(), v.id);
  for (const v of rows(join(dataDir, 'atlas_corrections.csv'))) {
    const agency = byAtlasId.get(v.aos_id);
    const field = ATLAS_FIELD[v.column];
    if (agency && field) notes.push({ agency, field, to: v.corrected_value, reason: v.reason, source: v.source_url ?? '' });
  }
  return notes;
}

const urls = (s: string | undefined): string[] => (s ?? '').match(/https?:\/\/\S+/g) ?? [];

/** The explainer for one diff: recorded notes first, then the cited links of what changed. */
export function explainer(notes: readonly Note[], prev: Snapshot, next: Snapshot): Explain {
  return (l): Explanation => {
    const note = notes.find((n) => n.agency === l.agency_id && (n.field === '' || n.field === l.field) && (n.to === '' || n.to === l.to));
    // An arrangement's own sources back its fields, and a new record all of its sources; a removal or
    // a change to a record-wide field has only the source its note gives.
    const program = /^programs\.[^.]+/.exec(l.field)?.[0];
    const cited = program
      ? urls(next[l.agency_id]?.[`${program}.sources`] ?? prev[l.agency_id]?.[`${program}.sources`])
      : l.change === 'added' ? urls(next[l.agency_id]?.sources) : [];
    return { reason: note?.reason ?? '', source: note?.source || [...new Set(cited)].join(' ') };
  };
}
