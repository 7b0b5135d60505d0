/** About's "What was checked": how many agencies (and counties) were researched beyond the Atlas, from the published flag. */
import { POINT_CHECKED, type DecodedPoints } from '../data/map-data';
import { h } from './dom';
import { formatInt } from './format';
import { MSG } from '../i18n/messages';

export function researchAboutCounts(rows: DecodedPoints['rows']): { checked: number; notChecked: number; countiesChecked: number; counties: number } {
  const checked = rows.filter((r) => r.flags & POINT_CHECKED);
  const fips = (rs: typeof rows) => new Set(rs.map((r) => r.county_fips).filter((f): f is string => f !== null)).size;
  return { checked: checked.length, notChecked: rows.length - checked.length, countiesChecked: fips(checked), counties: fips(rows) };
}

export function researchAboutSection(data: DecodedPoints): HTMLElement[] {
  const c = researchAboutCounts(data.rows);
  return [
    h('h3', {}, MSG.researchAboutTitle),
    h('p', { class: 'research-counts' }, MSG.researchAbout(formatInt(c.checked), formatInt(c.notChecked), formatInt(c.countiesChecked), formatInt(c.counties))),
  ];
}
