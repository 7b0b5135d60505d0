/** File names that say what was filtered: ring-partnerships_police_NJ-NY-PA_2019-01-to-2019-12_in-view_2026-11-25.csv */
import type { Filters } from '../filters/filters';
import { formatMonth } from '../time/months';

function slug(s: string, max = 30): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
}

export function selectionFileName(f: Filters, opts: { inView?: boolean; stamp: string; suffix?: string; ext: string }): string {
  const parts = ['ring-partnerships'];
  if (f.types.length) parts.push(f.types.join('-'));
  if (f.states.length) parts.push(f.states.join('-'));
  if (f.from !== null || f.to !== null) parts.push(`${f.from !== null ? formatMonth(f.from) : 'start'}-to-${f.to !== null ? formatMonth(f.to) : 'latest'}`);
  if (f.perks) parts.push('with-perks');
  if (f.records) parts.push('with-records');
  const q = slug(f.q);
  if (q) parts.push(`matching-${q}`);
  if (opts.inView) parts.push('in-view');
  if (opts.suffix) parts.push(opts.suffix);
  parts.push(opts.stamp.replace(/[^0-9-]/g, '') || 'data');
  return `${parts.join('_')}.${opts.ext}`;
}
