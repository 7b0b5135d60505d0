/** The live count ("N agencies") and totals for the current filter. */
import type { Totals } from '../filters/totals';
import { h } from './dom';
import { formatInt, formatUsd } from './format';
import { agenciesLabel } from './labels';
import { MSG } from '../i18n/messages';

export function renderCount(el: HTMLElement, count: number): void {
  const text = agenciesLabel(count);
  if (el.textContent !== text) el.textContent = text;
}

export function renderTotals(dl: HTMLElement, t: Totals): void {
  const row = (term: string, value: string, note?: string) => [
    h('dt', {}, term),
    h('dd', {}, value, note ? h('span', { class: 'muted' }, ` ${note}`) : null),
  ];
  dl.replaceChildren(
    ...row(MSG.totalsAgencies, formatInt(t.agencies), t.undated ? MSG.totalsUndated(formatInt(t.undated)) : undefined),
    ...row(MSG.totalsStates, formatInt(t.states)),
    ...row(
      MSG.totalsPerks,
      t.valued ? formatUsd(t.documentedValue, t.valueAtLeast) : MSG.totalsNoPerks,
      t.valued ? MSG.totalsAcross(agenciesLabel(t.valued)) : undefined,
    ),
    ...row(MSG.totalsRecords, formatInt(t.withRecords)),
  );
  // What these numbers cover, beside them.
  if (!dl.nextElementSibling?.classList.contains('coverage-note')) dl.after(h('p', { class: 'muted coverage-note' }, MSG.coverage));
}
