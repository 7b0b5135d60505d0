/** Find my area's county line: how many of the county's agencies on the map were researched beyond the Atlas. */
import { h } from './dom';
import { formatInt } from './format';
import { MSG } from '../i18n/messages';
import { formatPartialDate } from '../time/months';

export function researchAreaLine(county: string | null, r: { agencies: number; checked: number; last: string | null } | null | undefined): HTMLElement[] {
  if (!county || !r || r.agencies === 0) return [];
  const last = r.checked && r.last ? formatPartialDate(r.last) ?? r.last : null;
  return [h('p', { class: 'muted area-research' }, MSG.areaResearch(county, formatInt(r.checked), formatInt(r.agencies), last))];
}
