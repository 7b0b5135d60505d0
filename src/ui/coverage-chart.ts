/**
 * Under the timeline: the number of partnerships on this map over time,
 * beside the totals that Ring, the press and EFF published, so the gap in
 * coverage after September 2020 is visible rather than read as a decline.
 * The chart is drawn once (national, all filters off: the published totals
 * are national); a table says the same in words, with every source.
 */
import type { AgencyIndex } from '../data/agency-index';
import type { History } from '../time/history';
import { coverageRows, mappedActiveAt } from '../time/coverage-counts';
import { monthLabel } from '../time/months';
import { type Month } from '../core/periods';
import { h, safeLink, withData } from './dom';
import { formatInt } from './format';
import { MSG } from '../i18n/messages';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function renderCoverageChart(root: HTMLElement, index: AgencyIndex, history: History): void {
  const rows = coverageRows(index, history.totals);
  if (!rows.length) {
    root.replaceChildren();
    return;
  }
  const partners = rows.filter((r) => r.total.metric === 'partners_total');
  const first = Math.min(index.minStart, ...rows.map((r) => r.month));
  const last = Math.max(index.maxStart, ...rows.map((r) => r.month));
  const mapped: number[] = [];
  for (let m = first; m <= last; m++) mapped.push(mappedActiveAt(index, m));
  const peak = Math.max(1, ...mapped, ...partners.map((r) => r.total.value));
  const W = 1000, H = 90, PAD = 12;
  const x = (m: Month) => ((m - first) / Math.max(1, last - first)) * W;
  const y = (v: number) => H - PAD - ((H - 2 * PAD) * v) / peak;

  const chart = svg('svg', { class: 'coverage-chart', viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': MSG.coverageChartLabel });
  chart.append(svg('polyline', { class: 'mapped-line', points: mapped.map((v, k) => `${x(first + k).toFixed(1)},${y(v).toFixed(1)}`).join(' ') }));
  // Marks in HTML over the line, like the year ticks: the chart stretches to its width and would make circles ellipses.
  const plot = h('div', { class: 'coverage-plot' }, chart);
  for (const r of partners) {
    const mark = h('span', {
      class: r.total.at_least ? 'reported-mark at-least' : 'reported-mark',
      title: MSG.reportedMarkTitle(monthLabel(r.month), formatInt(r.total.value), r.total.at_least, r.total.source.publisher),
    });
    mark.style.left = `${(100 * x(r.month)) / W}%`; // CSSOM, allowed under the strict style policy
    mark.style.top = `${(100 * y(r.total.value)) / H}%`;
    plot.append(mark);
  }
  // Year ticks in HTML, not SVG text: the chart stretches to its width and would distort letters.
  const axis = h('div', { class: 'coverage-axis', 'aria-hidden': 'true' });
  for (let yr = Math.ceil(first / 12); yr * 12 <= last; yr++) {
    const tick = h('span', {}, String(yr));
    tick.style.left = `${(100 * x(yr * 12)) / W}%`; // CSSOM, allowed under the strict style policy
    axis.append(tick);
  }

  const table = h('table', { class: 'coverage-table' },
    h('caption', {}, MSG.coverageTableCaption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, MSG.coverageColWhen), h('th', { scope: 'col' }, MSG.coverageColReported), h('th', { scope: 'col' }, MSG.coverageColMapped), h('th', { scope: 'col' }, MSG.coverageColSource))),
    h('tbody', {}, ...rows.map((r) => {
      const t = r.total;
      const reported = `${t.at_least ? MSG.moreThan : ''}${formatInt(t.value)} ${t.metric === 'joined_in_year' ? MSG.joinedInYear : MSG.partnersAt}`;
      const mappedText = t.metric === 'joined_in_year' ? MSG.mappedJoined(formatInt(r.mapped)) : MSG.mappedActive(formatInt(r.mapped));
      return h('tr', {},
        h('td', {}, t.metric === 'joined_in_year' ? t.as_of : monthLabel(r.month)),
        h('td', { title: t.scope }, reported),
        h('td', {}, mappedText),
        h('td', {}, safeLink(t.source.url, t.source.publisher)),
      );
    })),
  );
  root.replaceChildren(
    h('div', { class: 'coverage-legend' },
      h('span', { class: 'coverage-key' }, h('span', { class: 'key mapped-key', 'aria-hidden': 'true' }), ` ${MSG.coverageKeyMapped}`),
      h('span', { class: 'coverage-key' }, h('span', { class: 'key reported-key', 'aria-hidden': 'true' }), ` ${MSG.coverageKeyReported}`),
    ),
    plot,
    axis,
    h('details', { class: 'coverage-details' }, h('summary', {}, MSG.coverageDetails), table),
  );
}

/** The About text on how much of the published total the map holds, from the latest partner total. */
export function coverageSentence(index: AgencyIndex, history: History): (string | HTMLElement)[] | null {
  const latest = coverageRows(index, history.totals).filter((r) => r.total.metric === 'partners_total').at(-1);
  if (!latest) return null;
  const t = latest.total;
  return withData((scope) => MSG.coverageSentence(formatInt(t.value), t.at_least, scope, t.source.publisher, monthLabel(latest.month), formatInt(latest.mapped), latest.share), t.scope);
}
