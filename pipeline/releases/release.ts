/**
 * A release: the published data compared with the last release's snapshot.
 * The first release is the baseline (a release row, no change lines: listing
 * every agency as "added" would say nothing); each later one lists every
 * change, one line each. A record cannot leave the data without a recorded
 * reason (`data/releases/reasons.csv`).
 */
import { countChanges, diffSnapshots, nextVersion, snapshotOf, type ChangeLine, type Changelog, type Release, type Snapshot } from '../../src/core/releases';
import type { AgencyCollection } from '../../src/core/contract';
import { explainer, readNotes, REASONS_FILE } from './explain';
import { RELEASES_DIR, type ReleaseState } from './store';

export interface ReleasePlan {
  /** The release this build would be; null when the data is as released. */
  release: Release | null;
  lines: ChangeLine[];
  snapshot: Snapshot;
  /** Why the release cannot be written (e.g. a removal without a reason). */
  problems: string[];
}

export function planRelease(dataDir: string, state: ReleaseState, collection: AgencyCollection, date: string): ReleasePlan {
  const snapshot = snapshotOf(collection.features);
  const counts = (lines: ChangeLine[]) => countChanges(lines);
  const version = nextVersion(state.releases);
  const base = { version, date, data_as_of: collection.metadata?.data_as_of ?? null, agencies: collection.features.length };
  if (state.releases.length === 0 || state.snapshot === null) {
    const note = `First release: the baseline of ${collection.features.length.toLocaleString('en-US')} agencies, each as published that day; later releases list every change.`;
    return { release: { ...base, ...counts([]), note }, lines: [], snapshot, problems: [] };
  }
  const diff = diffSnapshots(state.snapshot, snapshot, explainer(readNotes(dataDir), state.snapshot, snapshot));
  if (diff.length === 0) return { release: null, lines: [], snapshot, problems: [] };
  const lines = diff.map((l) => ({ release: version, date, ...l }));
  const problems = lines
    .filter((l) => l.change === 'removed' && !l.reason)
    .map((l) => `${l.agency_id} would be removed without a reason: add a row for it to data/${RELEASES_DIR}/${REASONS_FILE} (agency_id, reason, source_url)`);
  return { release: { ...base, ...counts(lines), note: '' }, lines, snapshot, problems };
}

/** The release state after writing the plan's release. */
export function applyRelease(state: ReleaseState, plan: ReleasePlan): Changelog & { snapshot: Snapshot } {
  if (!plan.release) throw new Error('nothing to release');
  return { releases: [...state.releases, plan.release], changes: [...state.changes, ...plan.lines], snapshot: plan.snapshot };
}
