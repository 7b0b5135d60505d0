/**
 * What the contribution form starts with: an agency's own published cells
 * for a correction, or the place searched for a missing agency. Only facts
 * the map already shows; everything else is left for the person to give.
 */
import type { FormCells } from '../core/submission-form';
import { stateCode } from '../core/submission';

export interface CardAgency {
  id: string;
  name: string;
  agency_type: string;
  city: string | null;
  county: string | null;
  state: string;
}

export type ContributeStart =
  | { mode: 'correction'; agency: CardAgency }
  | { mode: 'missing'; place: { label: string; county: string | null; whole: boolean } | null };

/** The cells the form opens with. */
export function prefill(start: ContributeStart): FormCells {
  if (start.mode === 'correction') {
    const a = start.agency;
    return { agency_name: a.name, agency_type: a.agency_type, city: a.city ?? '', county: a.county ?? '', state: a.state };
  }
  if (!start.place) return {};
  // "Lakeland, FL" / "Harris County, TX": the state after the last comma, when it is one.
  const m = /^(.*),\s*([^,]+)$/.exec(start.place.label.trim());
  const state = m ? stateCode(m[2]) : undefined;
  const place = m && state ? m[1].trim() : start.place.label.trim();
  // Find my area names a county with its state ("Franklin County, NY"); the template's county cell has the county alone.
  const county = (start.place.county ?? (start.place.whole ? place : '')).replace(/,\s*[^,]+$/, (tail) => (stateCode(tail.replace(/^,\s*/, '')) ? '' : tail)).trim();
  return { city: start.place.whole ? '' : place, county, state: state ?? '' };
}
