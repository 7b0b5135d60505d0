/**
 * Wires the parts together: the store, the controllers over it (URL,
 * panels, live map, selection, Find my area, legend, embed) and the
 * buttons whose dialogs load on first use. Each part lives in controllers/;
 * this module only creates them and routes state changes to them.
 */
import type { AgencyIndex } from './data/agency-index';
import type { DetailsStore } from './data/load';
import type { DecodedPoints } from './data/map-data';
import type { HistoryStore } from './data/history-store';
import type { AppState } from './state/app-state';
import { Store } from './state/store';
import type { Change } from './state/store';
import type { Filters } from './filters/filters';
import { applyFilters } from './filters/filters';
import type { MapView } from './map/map-view';
import { notifyLink } from './ui/notices';
import { returnFocusFromDialogs } from './ui/dialog-focus';
import { $ } from './ui/dom';
import { MSG } from './i18n/messages';
import { creditLine } from './share/credit-line';
import type { AppContext, Derived, SetOptions } from './controllers/context';
import { fullMapUrl, UrlSync } from './controllers/url-sync';
import { StartColors } from './controllers/colors';
import { Panels } from './controllers/panels';
import { LiveMap } from './controllers/live-map';
import { Selection } from './controllers/selection';
import { Area } from './controllers/area';
import { Legend } from './controllers/legend';
import { Embed } from './controllers/embed';
import { opensOnClick } from './controllers/lazy';
import { inViewMask } from './controllers/in-view';
import { mountMapBar } from './ui/map-bar';
import { yieldToMain } from './ui/yield-to-main';

export class App implements AppContext {
  readonly store: Store<AppState>;
  derived: Derived;
  private readonly url: UrlSync;
  private readonly colors: StartColors;
  private readonly panels: Panels;
  private readonly live: LiveMap;
  private readonly selection: Selection;
  private readonly area: Area;
  private readonly legend: Legend;
  private readonly embed: Embed;

  constructor(
    readonly index: AgencyIndex,
    readonly dataset: DecodedPoints,
    readonly details: DetailsStore,
    mapView: MapView | null,
    initial: AppState,
    readonly history: HistoryStore,
  ) {
    this.store = new Store(initial);
    this.derived = applyFilters(index, initial.filters);
    this.colors = new StartColors(index);
    const notices = $('#notices');
    const select = (i: number | null) => this.selection.select(i, { reveal: true });
    this.url = new UrlSync(this.store, {
      before: () => this.panels.stopPending(),
      notices: (list) => notifyLink(notices, list),
      after: (s) => {
        this.live.frame(s);
        this.renderList();
      },
      linkState: (s) => {
        const held = this.panels.timeline.heldRange();
        return held ? { ...s, filters: { ...s.filters, ...held } } : s;
      },
    });
    this.panels = new Panels(index, this.colors, history, {
      setFilters: (patch, o) => this.setFilters(patch, o),
      setLayers: (layers) => this.set({ layers }),
      setOnline: (online) => this.set({ basemap: online ? 'online' : 'bundled' }),
      select,
      relist: () => this.renderList(),
    });
    this.area = new Area(this, { onLegend: () => this.legend.renderNow(), onCleared: () => this.mapView?.fitAll(), select });
    this.live = new LiveMap(this, mapView, {
      select: (i) => this.selection.select(i),
      moved: () => {
        this.embed.render();
        this.renderList();
        this.url.schedule('replace');
      },
      failed: () => {
        // Export draws the live map: without one it is not offered.
        $('#export-button').hidden = true;
        this.renderList();
        if (this.store.state.area) void this.area.run(this.store.state, false);
      },
      restoring: () => this.url.restoring,
    });
    this.selection = new Selection(this, $('#card'), notices);
    this.legend = new Legend(index, this.colors, { state: () => this.store.state, map: () => this.mapView, search: () => this.area.legend }, initial.embed);
    this.embed = new Embed(this, () => this.live.viewByHand);
    // Phones: the count and Play stay with the map (an embed has its own bar).
    if (!initial.embed) mountMapBar($('.map-wrap'), $('#count'), $('#timeline'));
    // Dialogs a visitor may never open load on first use.
    opensOnClick($('#about-button') as HTMLButtonElement, MSG.chunkAbout, notices, async () =>
      (await import('./ui/about')).setupAbout($('#about-dialog') as HTMLDialogElement, index, dataset, history.get()));
    opensOnClick($('#download-button') as HTMLButtonElement, MSG.chunkDownload, notices, async () => (await import('./controllers/download')).downloadDialog(this));
    opensOnClick($('#export-button') as HTMLButtonElement, MSG.chunkExport, notices, async () =>
      (await import('./controllers/export-image')).exportDialog({ ctx: this, colors: this.colors, legend: () => this.legend.model(), selected: () => this.selection.index(this.store.state), comparison: () => this.area.comparing.forExport() }));
    returnFocusFromDialogs();

    this.store.subscribe((next, prev, change) => this.render(next, prev, change));
    this.url.listen();
    void this.start(initial);
  }

  get mapView(): MapView | null {
    return this.live.view;
  }

  set(patch: Partial<AppState>, opts: SetOptions = {}): void {
    this.store.update((s) => ({ ...s, ...patch }), { transient: opts.transient });
    this.url.schedule(opts.transient || opts.replace ? 'replace' : 'push');
  }

  setFilters(patch: Partial<Filters>, opts: SetOptions = {}): void {
    this.set({ filters: { ...this.store.state.filters, ...patch } }, opts);
  }

  inViewMask(): Uint8Array {
    return inViewMask(this.index, this.derived.mask, this.mapView?.agencies ? this.mapView.map.getBounds() : null);
  }

  fullMapUrl(opts: { fit?: boolean } = {}): string {
    return fullMapUrl(location.href, this.store.state, opts);
  }

  creditLine(): string {
    return creditLine(this.dataset.metadata);
  }

  private renderList(): void {
    this.panels.renderList(this.inViewMask(), this.derived, this.selection.index(this.store.state));
  }

  private async start(initial: AppState): Promise<void> {
    // The link's own map position: a move the map reports while the page starts (a resize) is not one.
    const linkView = initial.view;
    // The panels were built in this task: the first render of the state is the next.
    await yieldToMain();
    const s = this.store.state;
    this.render(s, null, { transient: false });
    // The panels are drawn: the map's layers are added in a task of their own.
    await yieldToMain();
    // Without a map (no WebGL, or it failed to start) `failed` has run instead.
    if (!(await this.live.start(linkView, this.colors.ofAgency))) return;
    // The map draws its first frame before the list follows its view.
    await yieldToMain();
    const mv = this.mapView!;
    mv.density.onChange = () => this.legend.render();
    mv.setSelected(this.selection.index(this.store.state));
    this.renderList();
    this.legend.render();
    // A link with `area=` runs its search once the map can show it (framing it unless the link set the view).
    if (this.store.state.area) void this.area.run(this.store.state, !linkView);
  }

  private render(s: AppState, prev: AppState | null, change: Change): void {
    const filtersChanged = !prev || prev.filters !== s.filters;
    if (filtersChanged) {
      this.derived = applyFilters(this.index, s.filters);
      this.panels.follow(s.filters);
    }
    // The map first: its worker re-tiles the agencies while the panels below are drawn.
    this.live.render(s, prev, change);
    this.panels.render(s, prev, this.derived, change, this.creditLine());
    if (filtersChanged) this.embed.render();
    if (!prev || filtersChanged || prev.layers !== s.layers) this.legend.render();
    this.selection.render(s, prev);
    // The area results follow the filters, but not every step of the animation.
    const areaChanged = prev && (prev.area !== s.area || prev.radius !== s.radius || prev.compare !== s.compare);
    if (areaChanged || (prev && filtersChanged && !change.transient)) void this.area.run(s, !!areaChanged && !this.url.restoring);
    // The list follows every step too: its "of N matching" is the count's N, during Play as after it.
    if (filtersChanged || !prev || prev.agency !== s.agency) this.renderList();
  }
}
