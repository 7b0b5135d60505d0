/**
 * The card's "Record history": the release that last changed the agency's
 * record and its change lines (newest first), each with why and its sources
 * where the data records them. Filled once the changelog is in; the card
 * never waits for it.
 */
import { recordHistory, type ChangeLine } from '../core/releases';
import { releases } from '../data/release-store';
import { changeSources, changeText } from '../story/record-history';
import { currentLocale } from '../i18n/locale';
import { MSG } from '../i18n/messages';
import { formatPartialDate } from '../time/months';
import { h, safeLink } from './dom';

function lineItem(l: ChangeLine): HTMLLIElement {
  const srcs = changeSources(l);
  return h('li', {},
    h('span', {}, changeText(l, currentLocale())),
    l.reason ? h('span', {}, ` ${MSG.recordWhy}: `, h('span', { lang: 'en' }, l.reason)) : null,
    ...(srcs.length ? [` ${MSG.recordSource}: `, ...srcs.flatMap((u, k) => [k ? ', ' : '', safeLink(u, new URL(u).hostname)])] : []),
  );
}

/** The section for one agency; it fills itself. */
export function recordHistorySection(id: string): HTMLElement {
  const status = h('p', { class: 'record-last' });
  const section = h('section', { 'aria-labelledby': 'card-record-history', class: 'card-record-history' },
    h('h3', { id: 'card-record-history' }, MSG.recordHistoryTitle), status);
  void releases.get().then((log) => {
    if (!log) {
      status.textContent = MSG.recordHistoryUnavailable;
      status.classList.add('muted');
      return;
    }
    const hist = recordHistory(log, id);
    const date = (d: string) => formatPartialDate(d) ?? d;
    if (hist.last) status.textContent = hist.sinceBaseline ? MSG.recordSinceBaseline(hist.last.version, date(hist.last.date)) : MSG.recordLastChanged(hist.last.version, date(hist.last.date));
    const byRelease = new Map<string, ChangeLine[]>();
    for (const l of hist.lines) byRelease.set(l.release, [...(byRelease.get(l.release) ?? []), l]);
    if (byRelease.size) {
      section.append(h('ul', { class: 'record-history' }, ...[...byRelease].map(([v, lines]) =>
        h('li', {}, MSG.recordRelease(v, date(lines[0].date)), h('ul', {}, ...lines.map(lineItem))))));
    }
  });
  return section;
}
