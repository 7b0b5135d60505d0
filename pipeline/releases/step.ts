/**
 * The release part of `npm run data`: `--release` writes a release when the
 * published data changed since the last one (and CITATION.cff with it);
 * `--check` fails when it changed without a release, so a data change is
 * never published without its changelog.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AgencyCollection } from '../../src/core/contract';
import { applyRelease, planRelease } from './release';
import { readReleaseState, writeReleaseState } from './store';
import { citationCff } from './citation';
import { datasetTitle } from './publish';

export function citationPath(dataDir: string): string {
  return resolve(dataDir, '..', 'CITATION.cff');
}

export function releaseStep(dataDir: string, collection: AgencyCollection, mode: { check: boolean; release: boolean; date?: string }): number {
  const state = readReleaseState(dataDir);
  const date = mode.date ?? new Date().toISOString().slice(0, 10);
  const plan = planRelease(dataDir, state, collection, date);
  const title = datasetTitle(collection);
  const last = state.releases.at(-1);
  if (!plan.release) {
    const cff = last ? citationCff(last, title) : '';
    if (mode.check && (!existsSync(citationPath(dataDir)) || readFileSync(citationPath(dataDir), 'utf8') !== cff)) {
      console.error('CITATION.cff does not match the latest release: run npm run data -- --release');
      return 1;
    }
    if (mode.release && cff && (!existsSync(citationPath(dataDir)) || readFileSync(citationPath(dataDir), 'utf8') !== cff)) writeFileSync(citationPath(dataDir), cff);
    console.log(`releases: the data is as in release ${last?.version} (${last?.date})`);
    return 0;
  }
  for (const p of plan.problems) console.error(`release: ${p}`);
  const what = last ? `${plan.lines.length} change(s) since release ${last.version}` : 'the first release, the baseline';
  if (!mode.release) {
    console.error(`releases: ${what}; run npm run data -- --release to publish them as release ${plan.release.version}`);
    return mode.check ? 1 : 0;
  }
  if (plan.problems.length) return 1;
  writeReleaseState(dataDir, applyRelease(state, plan));
  writeFileSync(citationPath(dataDir), citationCff(plan.release, title));
  console.log(`releases: wrote release ${plan.release.version} (${plan.release.date}): ${what} in ${join('data', 'releases')}/ and CITATION.cff`);
  return 0;
}
