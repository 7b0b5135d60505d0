/** Figures for the current filter: what the totals panel and the export show. */
import type { AgencyIndex } from '../data/agency-index';
import { FLAG_AT_LEAST, FLAG_RECORDS } from '../data/agency-index';

export interface Totals {
  agencies: number;
  states: number;
  /** Sum of documented dollar values (perks + subsidies) over shown agencies. */
  documentedValue: number;
  /** Shown agencies that have a documented dollar value. */
  valued: number;
  /** Some of the summed figures are documented floors. */
  valueAtLeast: boolean;
  withRecords: number;
  undated: number;
}

export function computeTotals(index: AgencyIndex, mask: Uint8Array): Totals {
  const seenStates = new Uint8Array(index.states.length);
  let agencies = 0, states = 0, documentedValue = 0, valued = 0, withRecords = 0, undated = 0;
  let valueAtLeast = false;
  for (let i = 0; i < index.size; i++) {
    if (!mask[i]) continue;
    agencies++;
    if (!seenStates[index.state[i]]) {
      seenStates[index.state[i]] = 1;
      states++;
    }
    const v = index.value[i];
    if (!Number.isNaN(v)) {
      documentedValue += v;
      valued++;
      if (index.flags[i] & FLAG_AT_LEAST) valueAtLeast = true;
    }
    if (index.flags[i] & FLAG_RECORDS) withRecords++;
    if (index.start[i] < 0) undated++;
  }
  return { agencies, states, documentedValue, valued, valueAtLeast, withRecords, undated };
}
