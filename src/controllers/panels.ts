/**
 * The panels beside the map, over the store: filters, layers, the timeline
 * (with the coverage chart under it), the count and totals, the printed
 * summary and the agency list.
 */
import type { AgencyIndex } from '../data/agency-index';
import type { HistoryStore } from '../data/history-store';
import { applyFilters, describeFilters } from '../filters/filters';
import type { Filters } from '../filters/filters';
import { computeTotals } from '../filters/totals';
import type { AppState, LayerId } from '../state/app-state';
import type { Change } from '../state/store';
import { monthlyHistogram } from '../time/histogram';
import { monthLabel } from '../time/months';
import { AgencyList } from '../ui/agency-list';
import { renderCoverageChart } from '../ui/coverage-chart';
import { FiltersPanel } from '../ui/filters-panel';
import { LayersPanel } from '../ui/layers-panel';
import { agenciesLabel } from '../ui/labels';
import { Timeline } from '../ui/timeline';
import { renderCount, renderTotals } from '../ui/totals-panel';
import { $, h } from '../ui/dom';
import type { StartColors } from './colors';
import type { Derived, SetOptions } from './context';

export interface PanelActions {
  setFilters(patch: Partial<Filters>, opts?: SetOptions): void;
  setLayers(layers: LayerId[]): void;
  setOnline(online: boolean): void;
  select(i: number): void;
  /** Re-renders the list with the current view (sorting changed). */
  relist(): void;
}

export class Panels {
  private filters: FiltersPanel;
  private layers: LayersPanel;
  readonly timeline: Timeline;
  readonly list: AgencyList;

  constructor(
    private index: AgencyIndex,
    private colors: StartColors,
    history: HistoryStore,
    act: PanelActions,
  ) {
    this.filters = new FiltersPanel($('#filters') as HTMLFormElement, index, (patch) => {
      // Another filter chosen while Play runs: Play stops and the range comes back first, so the new filter joins it.
      this.timeline.stop({ restore: true });
      act.setFilters(patch);
    });
    this.layers = new LayersPanel($('#layers'), act.setLayers, act.setOnline);
    this.timeline = new Timeline(
      $('#timeline'),
      index.minStart,
      index.maxStart,
      (m) => colors.ofMonth(m),
      { onRange: (from, to, o) => act.setFilters({ from, to }, { transient: o?.transient, replace: o?.replace }) },
      () => window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    );
    // Under the timeline: the map's own count beside the totals Ring, the press and EFF published.
    const coverage = h('div', { class: 'coverage-chart-wrap' });
    $('#timeline').append(coverage);
    void history.get().then((hst) => renderCoverageChart(coverage, index, hst));
    this.list = new AgencyList($('#list'), index, act.select);
    this.list.rerender = act.relist;
  }

  /** Nothing queued from before may overwrite a state a link restores. */
  stopPending(): void {
    this.timeline.stop();
    this.filters.cancelPending();
  }

  private histMask: Uint8Array | null = null;
  private histFilters: Filters | null = null;

  /**
   * The histogram and the colour ramp show every date: only the other filters apply. Called before
   * the map draws the new filters, so its dots and clusters take the ramp the legend shows.
   */
  follow(filters: Filters): Uint8Array {
    if (this.histFilters !== filters || !this.histMask) {
      this.histMask = applyFilters(this.index, filters, { ignoreDates: true }).mask;
      this.histFilters = filters;
      this.colors.follow(this.histMask);
    }
    return this.histMask;
  }

  /** `credit`: the data credit, printed under the summary of the selection. */
  render(s: AppState, prev: AppState | null, derived: Derived, change: Change, credit: string): void {
    if (!prev || prev.filters !== s.filters) {
      this.list.resetPaging();
      this.filters.render(s.filters);
      const histMask = this.follow(s.filters);
      this.timeline.render(monthlyHistogram(this.index, histMask, this.index.minStart, this.index.maxStart), s.filters.from, s.filters.to, derived.count);
      const count = $('#count');
      // While the timeline plays, the count changes every step: announce only where it ends.
      count.setAttribute('aria-live', change.transient ? 'off' : 'polite');
      renderCount(count, derived.count);
      $('#print-summary').textContent = `${describeFilters(s.filters, monthLabel)} · ${agenciesLabel(derived.count)} · ${credit}`;
      renderTotals($('#totals'), computeTotals(this.index, derived.mask));
    }
    if (!prev || prev.layers !== s.layers || prev.basemap !== s.basemap) this.layers.render(s.layers, s.basemap === 'online');
  }

  renderList(inView: Uint8Array, derived: Derived, selected: number | null): void {
    this.list.render(inView, derived.count, selected);
  }
}
