/** Words for the data's codes, shared by every panel. */
import type { AgencyType } from '../core/vocabulary';
import { MSG } from '../i18n/messages';
import { formatInt } from './format';

/** The page's language (the table is filled in place when the language is set). */
export const TYPE_LABELS: Record<AgencyType, string> = MSG.typeLabels;

/** "1 agency", "1,547 agencies" */
export function agenciesLabel(n: number): string {
  return MSG.agencies(formatInt(n), n);
}
