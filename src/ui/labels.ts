/** Words for the data's codes, shared by every panel. */
import type { AgencyType } from '../core/contract';

export const TYPE_LABELS: Record<AgencyType, string> = {
  police: 'Police',
  sheriff: 'Sheriff',
  fire: 'Fire',
  city: 'City program',
  other: 'Other',
};

/** "1 agency", "1,547 agencies" */
export function agenciesLabel(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'agency' : 'agencies'}`;
}
