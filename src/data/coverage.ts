/**
 * What the data covers, in one place: every count, date range, absence or
 * file the site produces states it with these words (timeline, exported
 * image, downloads, area search).
 */
import { monthOf } from '../time/months';
import type { Month } from '../time/months';

/** The EFF Atlas export (7 Oct 2020) records portal partners up to September 2020. */
export const ATLAS_LAST_MONTH: Month = monthOf('2020-09')!;

/** Short form (English; the interface's language replaces it, see setCoverageWords), for tight places (timeline, image credit band, CSV column). */
export let COVERAGE_NOTE = 'Coverage: Atlas of Surveillance data through Sept 2020 plus later reports; partnerships after Sept 2020 are incomplete.';

/** Said beside an absence ("no partnered agency within 10 miles"). */
export let ABSENCE_NOTE = 'Not documented here does not mean no partnership: the data is complete only through Sept 2020 (Atlas of Surveillance), later partnerships come from reports and are incomplete.';

/** The same notes in the page's language (set with the interface language; importers see the new words). */
export function setCoverageWords(coverage: string, absence: string): void {
  COVERAGE_NOTE = coverage;
  ABSENCE_NOTE = absence;
}

/** True for months after the Atlas export, where counts thin because coverage does, not (only) the partnerships. */
export function coverageThins(m: Month): boolean {
  return m > ATLAS_LAST_MONTH;
}
