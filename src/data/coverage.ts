/**
 * What the data covers: the last month of the Atlas export. The words said
 * wherever a count, a date range or an absence is shown (timeline, exported
 * image, downloads, area search) are `MSG.coverage` and `MSG.absenceNote`, in
 * the interface's language.
 */
import { monthOf, type Month } from '../core/periods';

/** The EFF Atlas export (7 Oct 2020) records portal partners up to September 2020. */
export const ATLAS_LAST_MONTH: Month = monthOf('2020-09')!;
