/**
 * Two Find my area answers side by side (stacked on phones): for each place,
 * its county, the counts Find my area gives it alone, how many have
 * documented perks, the earliest documented start, and its agencies.
 */
import type { Choice } from '../search/area-query';
import type { AreaFacts } from '../search/area-compare';
import type { FoundView } from '../search/area-answer';
import { earliestWords } from '../share/compare-caption';
import { MSG } from '../i18n/messages';
import { h } from './dom';
import { ellipsize, formatInt } from './format';
import { TYPE_LABELS } from './labels';
import type { AreaRow } from './area-search';

export type CompareSide = { ok: true; view: FoundView } | { ok: false; message: string; choices?: Choice[] };

export interface CompareViewCallbacks {
  onSelect(i: number): void;
  /** A place picked among several of the same name, for side `k` (0: the first place, 1: the compared one). */
  onChoose(k: 0 | 1, value: string): void;
}

function fact(term: string, value: string): HTMLElement {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}

function column(side: CompareSide, facts: AreaFacts | null, k: 0 | 1, cb: CompareViewCallbacks): HTMLElement {
  if (!side.ok) {
    const parts: Node[] = [h('p', { class: side.choices?.length ? 'area-ask' : 'area-error' }, side.message)];
    if (side.choices?.length)
      parts.push(h('ul', { class: 'area-choices', 'aria-label': MSG.areaChooseList }, ...side.choices.map((c) => {
        const b = h('button', { type: 'button', class: 'choice' }, c.label);
        b.addEventListener('click', () => cb.onChoose(k, c.value));
        return h('li', {}, b);
      })));
    return h('section', { class: 'compare-col' }, ...parts);
  }
  const v = side.view;
  const f = facts!;
  const rows: HTMLElement[] = v.whole
    ? [fact(MSG.compareInside, formatInt(f.inside))]
    : [fact(MSG.compareWithin(v.radius), formatInt(f.within)), fact(MSG.compareCovering, formatInt(f.covering)), fact(MSG.compareSpanning, formatInt(f.spanning))];
  rows.push(fact(MSG.compareWithPerks, formatInt(f.withPerks)), fact(MSG.compareEarliest, earliestWords(f)));
  // Each agency once, the county's own first, as the single answer orders them.
  const seen = new Set<string>();
  const agencies = [...v.inside, ...v.covering, ...v.spanning, ...v.within].filter((r) => !seen.has(r.id) && !!seen.add(r.id));
  const item = (r: AreaRow) => {
    const b = h('button', { type: 'button', class: 'row-select', 'data-id': r.id }, ellipsize(r.name));
    b.addEventListener('click', () => cb.onSelect(r.i));
    return h('li', {}, b, h('span', { class: 'muted' }, ` ${TYPE_LABELS[r.type]}, ${r.state}`));
  };
  return h('section', { class: 'compare-col', 'aria-label': v.label },
    v.note ? h('p', { class: 'area-note' }, v.note) : null,
    h('h3', { class: 'compare-place' }, v.label),
    v.county && v.county !== v.label ? h('p', { class: 'muted compare-county' }, v.county) : null,
    h('dl', { class: 'compare-facts' }, ...rows),
    agencies.length ? h('h4', {}, MSG.compareAgencies) : null,
    agencies.length ? h('ul', { class: 'area-agencies compare-agencies' }, ...agencies.map(item)) : null,
    v.withinCount > v.within.length ? h('p', { class: 'muted' }, MSG.areaShowingNearest(v.within.length)) : null,
  );
}

const labelOf = (s: CompareSide, fallback: string) => (s.ok ? s.view.label : fallback);

export function renderComparison(sides: [CompareSide, CompareSide], facts: [AreaFacts | null, AreaFacts | null], queries: [string, string], cb: CompareViewCallbacks): Node[] {
  const filtered = sides.some((s) => s.ok && s.view.filtered);
  const out: (HTMLElement | null)[] = [
    h('div', { class: 'area-compare', role: 'group', 'aria-label': MSG.compareSideBySide(labelOf(sides[0], queries[0]), labelOf(sides[1], queries[1])) },
      column(sides[0], facts[0], 0, cb), column(sides[1], facts[1], 1, cb)),
    filtered ? h('p', { class: 'muted' }, MSG.areaFiltered) : null,
    // What the data covers, beside every count and absence.
    h('p', { class: 'muted coverage-note' }, MSG.coverage),
  ];
  return out.filter((n): n is HTMLElement => n !== null);
}
