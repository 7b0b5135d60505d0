/** The live count ("N agencies") and totals for the current filter. */
import type { Totals } from '../filters/totals';
import { h } from './dom';
import { totalsRows } from './totals-rows';
import { agenciesLabel } from './labels';
import { MSG } from '../i18n/messages';

export function renderCount(el: HTMLElement, count: number): void {
  const text = agenciesLabel(count);
  if (el.textContent !== text) el.textContent = text;
}

export function renderTotals(dl: HTMLElement, t: Totals): void {
  dl.replaceChildren(
    ...totalsRows(t).flatMap((r) => [h('dt', {}, r.term), h('dd', {}, r.value, r.note ? h('span', { class: 'muted' }, ` ${r.note}`) : null)]),
  );
  // What these numbers cover, beside them.
  if (!dl.nextElementSibling?.classList.contains('coverage-note')) dl.after(h('p', { class: 'muted coverage-note' }, MSG.coverage));
}
