/** The live count ("N agencies") and totals for the current filter. */
import type { Totals } from '../filters/totals';
import { h } from './dom';
import { COVERAGE_NOTE } from '../data/coverage';
import { formatInt, formatUsd, plural } from './format';

export function renderCount(el: HTMLElement, count: number): void {
  const text = `${formatInt(count)} ${count === 1 ? 'agency' : 'agencies'}`;
  if (el.textContent !== text) el.textContent = text;
}

export function renderTotals(dl: HTMLElement, t: Totals): void {
  const row = (term: string, value: string, note?: string) => [
    h('dt', {}, term),
    h('dd', {}, value, note ? h('span', { class: 'muted' }, ` ${note}`) : null),
  ];
  dl.replaceChildren(
    ...row('Agencies shown', formatInt(t.agencies), t.undated ? `(${formatInt(t.undated)} without a documented start date)` : undefined),
    ...row('States', formatInt(t.states)),
    ...row(
      'Documented perks and subsidies',
      t.valued ? formatUsd(t.documentedValue, t.valueAtLeast) : 'none documented',
      t.valued ? `across ${plural(t.valued, 'agency', 'agencies')}; the rest are not documented` : undefined,
    ),
    ...row('With MOU or public records', formatInt(t.withRecords)),
  );
  // What these numbers cover, beside them.
  if (!dl.nextElementSibling?.classList.contains('coverage-note')) dl.after(h('p', { class: 'muted coverage-note' }, COVERAGE_NOTE));
}
