/**
 * Wires the state store to the map, the panels and the URL. Pure logic
 * lives in filters/, state/, time/ and scales/; this module only connects.
 */
import type { AgencyIndex } from './data/agency-index';
import type { DetailsStore } from './data/load';
import type { DecodedPoints } from './data/map-data';
import type { AppState, View } from './state/app-state';
import { Store } from './state/store';
import { formatUrlState, parseUrlState } from './state/url-state';
import type { Filters } from './filters/filters';
import { applyFilters } from './filters/filters';
import { computeTotals } from './filters/totals';
import { monthlyHistogram } from './time/histogram';
import { startColorScale, startDomain } from './scales/palette';
import type { MapView } from './map/map-view';
import { legendExamples } from './map/perks-layer';
import { COUNTY_ZOOM } from './map/density-layer';
import { classLabels } from './scales/density';
import { FiltersPanel } from './ui/filters-panel';
import { LayersPanel } from './ui/layers-panel';
import { renderCount, renderTotals } from './ui/totals-panel';
import { Timeline } from './ui/timeline';
import { AgencyList } from './ui/agency-list';
import { renderCard, renderCardError, renderCardLoading } from './ui/agency-card';
import { renderLegend } from './ui/legend';
import { setupAbout } from './ui/about';
import type { HistoryStore } from './data/history-store';
import { renderCoverageChart } from './ui/coverage-chart';
import { notify, notifyLink } from './ui/notices';
import { bindAgencyPreview } from './ui/agency-preview';
import { returnFocusFromDialogs } from './ui/dialog-focus';
import { placesAround } from './search/places-around';
import { $, h } from './ui/dom';
import { AreaSearch } from './ui/area-search';
import type { AreaRow } from './ui/area-search';
import { AreaLayer } from './map/area-layer';
import { loadAreaData } from './search/area-data';
import type { AreaData } from './search/area-data';
import { parseAreaQuery, resolveArea, suggest } from './search/area-query';
import type { ResolveContext } from './search/area-query';
import { agencyCountyKey, countyAt, coveringAgencies } from './search/counties';
import { nearby } from './search/nearby';
import { cleanText } from './state/url-state';
import { describeFilters, isDefaultFilters } from './filters/filters';
import { agenciesLabel } from './ui/labels';
import { monthLabel } from './time/months';
import type { AgencyFeature } from './core/contract';
import { setupShareDialog } from './ui/share-dialog';
import { EmbedBar } from './ui/embed-bar';
import { ZoomOffer } from './ui/zoom-offer';
import { MapDate } from './ui/map-date';
import { reportHeight } from './share/resize-reporter';
import { setupDownloadDialog, setupExportDialog } from './ui/export-dialog';
import { canvasToBlob, renderExport } from './share/export-image';
import type { ExportSize } from './share/export-image';
import { download, toCsv, toGeoJson } from './share/download-data';
import { formatPartialDate, shortMonthLabel } from './time/months';
import { formatUsd } from './ui/format';
import type { DownloadScope } from './ui/export-dialog';
import { selectionFileName } from './share/file-name';
import { COVERAGE_NOTE } from './data/coverage';
import { MSG } from './ui/messages';

export interface Derived {
  mask: Uint8Array;
  count: number;
}

export class App {
  readonly store: Store<AppState>;
  readonly index: AgencyIndex;
  /** Null when the map cannot be shown (no WebGL, or it failed to start): the list is the view. */
  mapView: MapView | null;
  derived: Derived;
  private filtersPanel: FiltersPanel;
  private layersPanel: LayersPanel;
  private timeline: Timeline;
  private list: AgencyList;
  private legendCollapsed: boolean;
  private legendToggled = false;
  private colorOfMonth: (m: number | null) => string;
  /** The start dates the colour ramp spans: those of the agencies shown (date range aside), so it matches the data. */
  private colorDomain: [number, number];
  private lastFilters: Filters | null = null;
  private urlTimer = 0;
  private restoring = false;
  private area: AreaSearch;
  private areaLayer: AreaLayer | null = null;
  private areaToken = 0;
  private countyKeys: (string | null)[] | null = null;
  private embedBar: EmbedBar | null = null;
  private zoomOffer: ZoomOffer | null = null;
  private mapDate: MapDate | null = null;
  /** The map position was last set by the user (or by a link), not by framing the selection. */
  viewByHand = false;
  private readonly colorOf: (i: number) => string;
  /** The view the page's link set (null: the app frames the data, a region or a search). */
  private readonly linkView: View | null;

  constructor(
    index: AgencyIndex,
    readonly dataset: DecodedPoints,
    readonly details: DetailsStore,
    mapView: MapView | null,
    initial: AppState,
    readonly history: HistoryStore,
  ) {
    this.index = index;
    this.store = new Store(initial);
    this.linkView = initial.view;
    const s = initial;
    // Phones, and small embed frames (the legend would cover the map they embed), start with the legend folded.
    this.legendCollapsed = s.embed ? window.innerWidth < 600 || window.innerHeight < 500 : window.matchMedia('(max-width: 700px)').matches;
    this.viewByHand = s.view !== null;
    // An embed frame resized by its host (auto-resize) folds or unfolds the legend, until the visitor chooses.
    if (s.embed) {
      window.addEventListener('resize', () => {
        const small = window.innerWidth < 600 || window.innerHeight < 500;
        if (!this.legendToggled && small !== this.legendCollapsed) {
          this.legendCollapsed = small;
          this.renderLegend();
        }
      });
    }
    this.colorDomain = [index.minStart, index.maxStart];
    this.colorOfMonth = startColorScale(this.colorDomain);
    const colorOf = (i: number) => this.colorOfMonth(index.start[i] < 0 ? null : index.start[i]);
    this.colorOf = colorOf;
    this.derived = this.derive(s.filters);

    this.filtersPanel = new FiltersPanel($('#filters') as HTMLFormElement, index, (patch) => this.setFilters(patch));
    this.layersPanel = new LayersPanel(
      $('#layers'),
      (layers) => this.set({ layers }),
      (online) => this.set({ basemap: online ? 'online' : 'bundled' }),
    );
    this.timeline = new Timeline(
      $('#timeline'),
      index.minStart,
      index.maxStart,
      (m) => this.colorOfMonth(m),
      { onRange: (from, to, o) => this.setFilters({ from, to }, o?.transient) },
      () => window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    );
    // Under the timeline: the map's own count beside the totals Ring, the press and EFF published.
    const coverage = h('div', { class: 'coverage-chart-wrap' });
    $('#timeline').append(coverage);
    void history.get().then((hst) => renderCoverageChart(coverage, index, hst));
    this.list = new AgencyList($('#list'), index, (i) => this.select(i, { reveal: true }));
    this.list.rerender = () => this.renderList();
    this.area = new AreaSearch($('#area-search'), {
      onSearch: (q) => {
        const area = q === null ? null : cleanText(q) || null;
        this.searchArea(area);
        // Find pressed on an empty box: say what to type rather than nothing.
        if (q !== null && area === null) {
          const parsed = parseAreaQuery(q);
          if (!parsed.ok) this.area.render({ status: 'error', message: parsed.message });
        }
      },
      onRadius: (radius) => this.set({ radius }),
      onLocate: () => this.locate(),
      onSelect: (i) => this.select(i, { reveal: true }),
      suggest: async (text) => {
        if (text.trim().length < 2) return [];
        try {
          return suggest(text, this.areaContext(await loadAreaData()));
        } catch {
          return [];
        }
      },
    });
    setupAbout($('#about-dialog') as HTMLDialogElement, $('#about-button'), index, dataset, history.get());
    returnFocusFromDialogs();
    // Escape closes the agency card (dialogs close themselves).
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]') && !$('#card').hidden) {
        ($('#card .close') as HTMLButtonElement | null)?.click();
      }
    });
    this.area.setQuery(s.area, s.radius);

    this.mapView = mapView;
    if (mapView) {
      mapView.onSelect = (i) => this.select(i);
      mapView.onMoveEnd = (view, byHand) => {
        if (!this.restoring) this.viewByHand = byHand;
        this.onMoveEnd(view);
      };
      this.mapDate = new MapDate($('.map-wrap'));
      this.zoomOffer = new ZoomOffer($('.map-wrap'), () => this.mapView?.fitMask(this.derived.mask, 600));
      bindAgencyPreview([$('#list'), $('#area-search')], (id) => index.byId.get(id), (i) => mapView.names?.show(i), () => mapView.names?.hide());
      mapView.onOnlineFailed = () => {
        this.set({ basemap: 'bundled' });
        notify($('#notices'), 'The online street map could not be reached; showing the bundled map instead.', 'warning');
      };
    }
    if (!this.mapView) this.showMapMissing('webgl');

    setupShareDialog($('#share-dialog') as HTMLDialogElement, $('#share-button') as HTMLButtonElement, {
      url: () => this.fullMapUrl(),
      fitUrl: () => this.fullMapUrl({ fit: true }),
      viewSetByHand: () => this.viewByHand,
      describe: () => describeFilters(this.store.state.filters, monthLabel),
    });
    const fileName = (scope: DownloadScope, ext: string) => selectionFileName(this.store.state.filters, { inView: scope === 'view', stamp: this.fileStamp(), ext });
    const rowsFor = (scope: DownloadScope) => this.filteredFeatures(scope === 'view' ? this.inViewMask() : this.derived.mask);
    const selection = (scope: DownloadScope) => `${describeFilters(this.store.state.filters, monthLabel)}${scope === 'view' ? ' · only those in the map view' : ''}`;
    setupDownloadDialog($('#download-dialog') as HTMLDialogElement, $('#download-button') as HTMLButtonElement, {
      counts: () => ({ all: this.derived.count, view: this.inViewMask().reduce((n, v) => n + v, 0) }),
      describe: () => describeFilters(this.store.state.filters, monthLabel),
      csv: async (scope) => {
        const [rows, hst] = await Promise.all([rowsFor(scope), this.history.get()]);
        download(fileName(scope, 'csv'), 'text/csv;charset=utf-8', toCsv(rows, { selection: selection(scope), credit: `${this.creditLine()} ${COVERAGE_NOTE}`, eras: hst.eras }));
        return rows.length;
      },
      geojson: async (scope) => {
        const [rows, hst] = await Promise.all([rowsFor(scope), this.history.get()]);
        download(fileName(scope, 'geojson'), 'application/geo+json', toGeoJson(rows, { ...this.dataset.metadata, coverage: COVERAGE_NOTE }, selection(scope), hst.eras));
        return rows.length;
      },
    });
    if (s.embed) {
      this.embedBar = new EmbedBar($('#embed-bar'));
      reportHeight();
    }

    this.store.subscribe((next, prev) => this.render(next, prev));
    window.addEventListener('popstate', () => this.restoreFromUrl());
    window.addEventListener('hashchange', () => this.restoreFromUrl());
    document.body.classList.toggle('embed', s.embed);

    void this.start();
  }

  /** The full records of exactly the agencies a mask selects (default: those shown), fetched from the details chunks. */
  async filteredFeatures(mask: Uint8Array = this.derived.mask): Promise<AgencyFeature[]> {
    return this.details.getMany(this.index.rows.filter((_, i) => mask[i]));
  }

  private fileStamp(): string {
    return (this.dataset.metadata.data_as_of ?? 'data').replace(/[^0-9-]/g, '');
  }

  creditLine(): string {
    const asOf = formatPartialDate(this.dataset.metadata.data_as_of ?? null);
    const credit = this.dataset.metadata.credit ?? 'Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0); news reports and public records as cited per agency';
    return `Data: ${credit}.${asOf ? ` Data as of ${asOf}.` : ''}`;
  }

  /** Default image title and subtitle: the filters in words, with the count. */
  private exportDefaults(): { title: string; subtitle: string } {
    let inView = 0;
    for (const v of this.inViewMask()) inView += v;
    const shown = agenciesLabel(this.derived.count);
    const s = this.store.state;
    return {
      title: MSG.exportDefaultTitle,
      subtitle: `${describeFilters(s.filters, monthLabel)} · ${inView === this.derived.count ? shown : `${shown} (${inView.toLocaleString('en-US')} in this view)`}`,
    };
  }

  private async exportImage(size: ExportSize, chrome: boolean, text: { title: string; subtitle: string }): Promise<string> {
    if (!this.mapView) throw new Error('the map is not available');
    const s = this.store.state;
    const lg = this.legendInput();
    const map = this.mapView.map;
    const c = map.getCenter();
    const box = map.getContainer().getBoundingClientRect();
    const canvas = await renderExport({
      size, chrome, index: this.index, colorOf: this.colorOf, mask: this.derived.mask, layers: s.layers,
      selected: this.selectedIndex(s),
      view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() },
      screen: { width: Math.round(box.width), height: Math.round(box.height) },
      text: { title: text.title || MSG.exportDefaultTitle, subtitle: text.subtitle },
      notes: [COVERAGE_NOTE, `${this.creditLine()} Basemap: US Census Bureau (us-atlas), Natural Earth.`],
      legend: {
        layers: s.layers,
        dateLabels: [shortMonthLabel(this.colorDomain[0]), shortMonthLabel(this.colorDomain[1])],
        perkExamples: lg.perkExamples.map((e) => ({ label: formatUsd(e.usd), r: e.r })),
        ...(map.getZoom() >= COUNTY_ZOOM && lg.countyBreaks.length
          ? { densityTitle: 'Agencies per county', densityLabels: classLabels(lg.countyBreaks) }
          : { densityTitle: 'Agencies per state', densityLabels: classLabels(lg.densityBreaks) }),
      },
    });
    const name = selectionFileName(s.filters, { stamp: this.fileStamp(), suffix: `map-${size.id}`, ext: 'png' });
    download(name, 'image/png', await canvasToBlob(canvas));
    return MSG.exportSaved(name, canvas.width, canvas.height);
  }

  /**
   * The full-map URL of the current state, for sharing and embedding: never
   * in embed mode, and never with the user's own location in it.
   */
  fullMapUrl(opts: { fit?: boolean } = {}): string {
    const u = new URL(location.href);
    u.searchParams.delete('embed');
    const s = this.store.state;
    // `fit`: no map position, so the map frames the filtered agencies in whatever size it opens (embeds).
    u.hash = formatUrlState({ ...s, view: opts.fit ? null : s.view, embed: false, area: s.area?.startsWith('@') ? null : s.area });
    return u.href;
  }

  private async start(): Promise<void> {
    this.render(this.store.state, null);
    if (this.mapView) {
      // Whether the link set the view, read before any map move (a resize, the first framing) records one.
      const linkView = this.linkView;
      try {
        await this.mapView.ready;
      } catch {
        return this.mapFailed();
      }
      setupExportDialog($('#export-dialog') as HTMLDialogElement, $('#export-button') as HTMLButtonElement, {
        defaults: () => this.exportDefaults(),
        run: (size, chrome, text) => this.exportImage(size, chrome, text),
      });
      this.mapView.attach(this.index, this.colorOf);
      this.mapView.density.onChange = () => this.renderLegend();
      const st = this.store.state;
      // The link's own view, not one the map reported while loading: a filtered link without `map=` frames its selection.
      if (!linkView && !isDefaultFilters(st.filters) && this.derived.count > 0) this.mapView.fitMask(this.derived.mask);
      this.mapView.applyLayers(this.derived.mask, this.store.state.layers);
      this.mapView.setOnline(this.store.state.basemap === 'online');
      const sel = this.selectedIndex(this.store.state);
      this.mapView.setSelected(sel);
      this.renderList();
      this.renderLegend();
      this.updateZoomOffer();
      this.areaLayer = new AreaLayer(this.mapView.map, (b) => this.mapView!.padding(24, b));
      if (this.store.state.area) void this.runArea(this.store.state, !linkView);
      this.mapView.map.once('idle', () => {
        // The benchmark reads this mark: navigation start to every agency drawn.
        performance.mark('map-ready');
        document.body.setAttribute('data-map-ready', 'true');
      });
    } else {
      document.body.setAttribute('data-map-ready', 'false');
      if (this.store.state.area) void this.runArea(this.store.state, false);
    }
  }

  private areaContext(data: AreaData): ResolveContext {
    const idx = this.index;
    return {
      gazetteer: data.gazetteer,
      counties: data.counties,
      agencies: { names: idx.rows.map((r) => r.name), lon: idx.lon, lat: idx.lat, states: idx.rows.map((r) => r.state) },
    };
  }

  /** Geolocation only on request; the position stays in the page (rounded to about 1 km). */
  private locate(): void {
    if (!('geolocation' in navigator)) {
      this.area.render({ status: 'error', message: 'This browser cannot share your location. Type a ZIP code or a city instead.' });
      return;
    }
    this.area.render({ status: 'loading', query: 'your location' });
    // A search typed while the browser is still locating wins.
    const token = ++this.areaToken;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        if (token !== this.areaToken) return;
        this.locatedArea = `@${pos.coords.latitude.toFixed(2)},${pos.coords.longitude.toFixed(2)}`;
        this.searchArea(this.locatedArea);
      },
      () => {
        if (token === this.areaToken) this.area.render({ status: 'error', message: 'Your location is not available (permission denied or unknown). Type a ZIP code or a city instead.' });
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    );
  }

  /** The area string of this visitor's own located position (a point from a link is someone else's). */
  private locatedArea: string | null = null;

  /** Sets the area search; the same search again re-runs it (and flies there again). */
  private searchArea(area: string | null): void {
    if (area === this.store.state.area) void this.runArea(this.store.state, true);
    else this.set({ area });
  }

  /** Resolves the area search of a state and shows it; stale results are dropped. */
  private async runArea(s: AppState, fly: boolean): Promise<void> {
    const token = ++this.areaToken;
    this.area.setQuery(s.area, s.radius);
    if (!s.area) {
      this.area.render({ status: 'idle' });
      this.areaLayer?.clear();
      this.areaShown = false;
      this.areaSearch = null;
      this.renderLegendNow();
      return;
    }
    const parsed = parseAreaQuery(s.area);
    if (!parsed.ok) return this.areaFailed(parsed.message, fly);
    this.area.render({ status: 'loading', query: s.area });
    let data: AreaData;
    try {
      data = await loadAreaData();
    } catch {
      if (token === this.areaToken) this.area.render({ status: 'error', message: 'The place list could not be loaded. Please try again.' });
      return;
    }
    if (token !== this.areaToken) return;
    const resolved = resolveArea(parsed.query, this.areaContext(data));
    if (!resolved.ok) return this.areaFailed(resolved.message, fly, resolved.choices);
    const m = resolved.match;
    this.areaShown = true;
    if (m.kind === 'coords' && s.area === this.locatedArea) m.label = 'your location';
    const county = m.countyFips ? (data.counties.find((c) => c.fips === m.countyFips) ?? null) : countyAt(data.counties, m.lon, m.lat);
    const idx = this.index;
    const mask = this.derived.mask;
    this.countyKeys ??= idx.rows.map((r) => agencyCountyKey(r));
    const row = (i: number, miles: number): AreaRow => {
      const p = idx.rows[i];
      return { i, id: p.id, name: p.name, type: p.agency_type, state: p.state, start: p.start_date, miles };
    };
    const covering = county ? coveringAgencies(this.countyKeys, idx.rows, mask, county).map((i) => row(i, 0)) : [];
    const near = nearby(idx.lon, idx.lat, mask, [m.lon, m.lat], s.radius);
    this.area.render({
      status: 'found',
      label: m.label,
      county: county ? `${county.name}, ${county.state}` : null,
      radius: s.radius,
      covering,
      within: near.within.map((n) => row(n.i, n.miles)),
      withinCount: near.withinCount,
      nearest: near.nearest ? row(near.nearest.i, near.nearest.miles) : null,
      filtered: !isDefaultFilters(s.filters),
      note: resolved.note,
    });
    // The answer's agencies outside the circle (county-wide ones, the nearest beyond it) are framed too.
    const include: [number, number][] = covering.map((r) => [idx.lon[r.i], idx.lat[r.i]]);
    if (!near.withinCount && near.nearest) include.push([idx.lon[near.nearest.i], idx.lat[near.nearest.i]]);
    this.areaSearch = { radius: s.radius, county: !!county };
    this.renderLegendNow();
    const show = () => this.areaLayer?.show([m.lon, m.lat], s.radius, county?.feature ?? null, true, include, placesAround(data.gazetteer, m.lon, m.lat, s.radius * 2.5));
    if (fly && this.mapView) this.mapView.frameWith(show);
    else this.areaLayer?.show([m.lon, m.lat], s.radius, county?.feature ?? null, false, include, placesAround(data.gazetteer, m.lon, m.lat, s.radius * 2.5));
  }

  /** The map could not start (e.g. its worker failed to load): the same list-only view as without WebGL. */
  private mapFailed(): void {
    try {
      this.mapView?.map.remove();
    } catch {
      // Tearing down a map that never started may fail; the view is replaced either way.
    }
    this.mapView = null;
    this.showMapMissing('failed');
    this.renderList();
    document.body.setAttribute('data-map-ready', 'false');
    if (this.store.state.area) void this.runArea(this.store.state, false);
  }

  /**
   * A search that found nothing (or must ask which place) clears the previous
   * place from the map and the view, and says so.
   */
  private areaFailed(message: string, fly: boolean, choices?: { label: string; value: string }[]): void {
    const had = this.areaShown;
    this.areaShown = false;
    this.areaSearch = null;
    this.areaLayer?.clear();
    this.renderLegendNow();
    // The message first: on phones it is a sheet over the map, which the framing keeps clear of.
    this.area.render({ status: 'error', message, choices, cleared: had });
    if (had && fly) this.mapView?.fitAll();
  }

  /** A searched place is on the map now. */
  private areaShown = false;
  private areaSearch: { radius: number; county: boolean } | null = null;


  private showMapMissing(why: 'webgl' | 'failed'): void {
    const msg = $('#map-message');
    msg.hidden = false;
    msg.textContent =
      why === 'webgl'
        ? 'The map cannot be shown because this browser has WebGL turned off or unavailable. Every agency is still listed on this page, and all filters work.'
        : 'The map cannot be shown because part of it failed to load (reloading the page may help). Every agency is still listed on this page, and all filters work.';
    $('#map').hidden = true;
    document.body.classList.add('no-map');
  }

  derive(f: Filters): Derived {
    const { mask, count } = applyFilters(this.index, f);
    return { mask, count };
  }

  set(patch: Partial<AppState>, opts: { transient?: boolean } = {}): void {
    this.store.update((s) => ({ ...s, ...patch }));
    this.scheduleUrl(opts.transient ? 'replace' : 'push');
  }

  /** True while the timeline animation steps: skip announcements and work nobody can follow. */
  private transient = false;

  setFilters(patch: Partial<Filters>, transient = false): void {
    this.transient = transient;
    this.store.update((s) => ({ ...s, filters: { ...s.filters, ...patch } }));
    this.transient = false;
    this.scheduleUrl(transient ? 'replace' : 'push');
  }

  selectedIndex(s: AppState): number | null {
    return s.agency === null ? null : (this.index.byId.get(s.agency) ?? null);
  }

  /** What had focus when the card opened: closing it goes back there. */
  private cardOpener: HTMLElement | null = null;

  select(i: number | null, opts: { reveal?: boolean } = {}): void {
    const active = document.activeElement as HTMLElement | null;
    if (i !== null && active && !$('#card').contains(active) && active !== document.body) this.cardOpener = active;
    this.set({ agency: i === null ? null : this.index.ids[i] });
    if (i !== null && opts.reveal) this.mapView?.reveal(i);
    if (i !== null) {
      const card = $('#card');
      // An embed shows the card over its map: never scroll the host page.
      if (!this.store.state.embed) card.scrollIntoView?.({ block: 'nearest' });
      ($('#card-title', card) as HTMLElement).focus({ preventScroll: true });
    }
  }

  private onMoveEnd(view: View): void {
    if (this.restoring) return;
    this.store.update((s) => ({ ...s, view }));
    this.embedBar?.render(describeFilters(this.store.state.filters, monthLabel), agenciesLabel(this.derived.count), this.fullMapUrl());
    this.renderList();
    this.updateZoomOffer();
    this.scheduleUrl('replace');
  }

  /** Offers to frame the filtered agencies when some are out of view. */
  private updateZoomOffer(): void {
    const f = this.store.state.filters;
    const off = !this.mapView?.agencies || isDefaultFilters(f) || this.derived.count === 0 || this.mapView.showsMask(this.derived.mask);
    this.zoomOffer?.render(off ? null : MSG.selectionWhat(f.states));
  }

  /** URL writes are batched: filter changes push a history entry, moves replace it. */
  private pendingMode: 'push' | 'replace' = 'replace';
  private scheduleUrl(mode: 'push' | 'replace'): void {
    if (this.restoring) return;
    if (mode === 'push') this.pendingMode = 'push';
    window.clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => {
      const hash = formatUrlState(this.store.state);
      const url = `${location.pathname}${location.search}${hash}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) {
        // An embedded map must not add steps to the host page's Back button.
        if (this.pendingMode === 'push' && !this.store.state.embed) history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
      this.appliedHash = location.hash;
      this.pendingMode = 'replace';
    }, 250);
  }

  /** popstate and hashchange both fire for one hash navigation: apply each URL once. */
  private appliedHash: string | null = null;

  restoreFromUrl(): void {
    if (location.hash === this.appliedHash) return;
    this.appliedHash = location.hash;
    const { state, notices } = parseUrlState(location.hash, location.search);
    notifyLink($('#notices'), notices);
    // Nothing queued from before may overwrite the restored state.
    this.timeline.stop();
    this.filtersPanel.cancelPending();
    window.clearTimeout(this.urlTimer);
    this.pendingMode = 'replace';
    this.restoring = true;
    this.store.update(() => ({ ...state, embed: this.store.state.embed || state.embed }));
    if (this.mapView) {
      if (state.view) this.mapView.setView(state.view);
      else if (!isDefaultFilters(state.filters) && this.derived.count > 0) this.mapView.fitMask(this.derived.mask);
      else this.mapView.fitAll();
    }
    this.restoring = false;
    this.renderList();
  }

  private render(s: AppState, prev: AppState | null): void {
    if (s.filters !== this.lastFilters) {
      this.lastFilters = s.filters;
      this.derived = this.derive(s.filters);
      this.list.resetPaging();
      this.filtersPanel.render(s.filters);
      const histMask = applyFilters(this.index, s.filters, { ignoreDates: true }).mask;
      const domain = startDomain(this.index.start, histMask) ?? [this.index.minStart, this.index.maxStart];
      if (domain[0] !== this.colorDomain[0] || domain[1] !== this.colorDomain[1]) {
        this.colorDomain = domain;
        this.colorOfMonth = startColorScale(domain);
      }
      this.timeline.render(monthlyHistogram(this.index, histMask, this.index.minStart, this.index.maxStart), s.filters.from, s.filters.to, this.derived.count);
      this.mapDate?.render(s.filters.from, s.filters.to);
      const count = $('#count');
      // While the timeline plays, the count changes every step: announce only where it ends.
      count.setAttribute('aria-live', this.transient ? 'off' : 'polite');
      renderCount(count, this.derived.count);
      const label = agenciesLabel(this.derived.count);
      this.embedBar?.render(describeFilters(s.filters, monthLabel), label, this.fullMapUrl());
      $('#print-summary').textContent = `${describeFilters(s.filters, monthLabel)} · ${label} · ${this.creditLine()}`;
      renderTotals($('#totals'), computeTotals(this.index, this.derived.mask));
    }
    const layersChanged = !prev || prev.layers !== s.layers;
    const filtersChanged = !prev || prev.filters !== s.filters;
    if (this.mapView?.agencies && (layersChanged || filtersChanged)) this.mapView.applyLayers(this.derived.mask, s.layers);
    if (layersChanged || filtersChanged) this.renderLegend();
    if (!prev || prev.layers !== s.layers || prev.basemap !== s.basemap) {
      this.layersPanel.render(s.layers, s.basemap === 'online');
      if (this.mapView?.agencies) this.mapView.setOnline(s.basemap === 'online');
    }
    if (!prev || prev.agency !== s.agency) this.renderSelection(s);
    // The area results and the list follow the filters, but not every step of the animation.
    if (prev && (prev.area !== s.area || prev.radius !== s.radius || (filtersChanged && !this.transient))) {
      void this.runArea(s, (prev.area !== s.area || prev.radius !== s.radius) && !this.restoring);
    }
    if ((filtersChanged && !this.transient) || !prev || prev.agency !== s.agency) this.renderList();
    if (filtersChanged && !this.transient) this.updateZoomOffer();
  }

  private selectionToken = 0;

  private renderSelection(s: AppState): void {
    const i = this.selectedIndex(s);
    const card = $('#card');
    const token = ++this.selectionToken;
    if (i === null) {
      if (!card.hidden) {
        card.hidden = true;
        card.replaceChildren();
      }
    } else {
      const close = () => {
        this.select(null);
        const opener = this.cardOpener;
        this.cardOpener = null;
        if (opener?.isConnected && opener.offsetParent) return opener.focus();
        // Back to the agency's row, or to the list when the row is not shown.
        const rowButton = document.querySelector<HTMLElement>(`#list button[data-id="${this.index.ids[i]}"]`);
        if (rowButton?.offsetParent) rowButton.focus();
        else $('#agency-list').focus();
      };
      const row = this.index.rows[i];
      renderCardLoading(card, row, close);
      card.hidden = false;
      void Promise.all([this.details.get(row), this.history.get()]).then(
        ([f, hst]) => {
          if (token !== this.selectionToken) return;
          const focused = document.activeElement?.id === 'card-title';
          if (f) renderCard(card, f, close, this.colocated(i), hst.eras);
          else renderCardError(card, row, close, () => this.renderSelection(this.store.state));
          if (focused) ($('#card-title', card) as HTMLElement).focus({ preventScroll: true });
          // On phones the card rises over the map: keep the agency's dot above it.
          requestAnimationFrame(() => this.mapView?.keepClear(i, card));
          document.body.setAttribute('data-card-ready', row.id);
        },
        () => {
          if (token === this.selectionToken) renderCardError(card, row, close, () => this.renderSelection(this.store.state));
        },
      );
    }
    document.body.classList.toggle('has-card', i !== null);
    this.mapView?.setSelected(i);
  }

  /** Other agencies placed at exactly the same point (a city program and its police, say). */
  private colocated(i: number): { id: string; name: string; select: () => void }[] {
    const { lon, lat, size } = this.index;
    const out: { id: string; name: string; select: () => void }[] = [];
    for (let k = 0; k < size; k++) {
      if (k !== i && lon[k] === lon[i] && lat[k] === lat[i] && this.derived.mask[k]) {
        out.push({ id: this.index.ids[k], name: this.index.rows[k].name, select: () => this.select(k, { reveal: true }) });
      }
    }
    return out;
  }

  /** Agencies that pass the filters and lie in the current view. */
  inViewMask(): Uint8Array {
    const mask = this.derived.mask;
    if (!this.mapView?.agencies) return mask;
    const b = this.mapView.map.getBounds();
    const w = b.getWest(), e = b.getEast(), s = b.getSouth(), n = b.getNorth();
    const out = new Uint8Array(mask.length);
    const { lon, lat } = this.index;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] && lat[i] >= s && lat[i] <= n && ((lon[i] >= w && lon[i] <= e) || lon[i] + 360 <= e || lon[i] - 360 >= w)) out[i] = 1;
    }
    return out;
  }

  renderList(): void {
    this.list.render(this.inViewMask(), this.derived.count, this.selectedIndex(this.store.state));
  }

  /** What the legends (on screen and in exported images) show for the current data. */
  private legendInput(): { perkExamples: { usd: number; r: number }[]; densityBreaks: number[]; countyBreaks: number[] } {
    const perks = this.mapView?.perks;
    return {
      perkExamples: legendExamples(this.index).map((usd) => ({ usd, r: perks ? perks.radiusFor(usd) : 8 })),
      densityBreaks: this.mapView?.density?.breaks.length ? this.mapView.density.breaks : [1, 2, 3, 4, 5],
      countyBreaks: this.mapView?.density?.countyBreaks ?? [],
    };
  }

  private renderLegend(): void {
    const legend = $('#legend');
    const before = `${legend.offsetWidth}x${legend.offsetHeight}`;
    this.renderLegendNow();
    // A bigger or smaller legend: keep what the app framed clear of it (only when its size changed,
    // as reframing moves the map, which can redraw the legend).
    if (`${legend.offsetWidth}x${legend.offsetHeight}` !== before) this.mapView?.reframe();
  }

  private renderLegendNow(): void {
    renderLegend(
      $('#legend'),
      { layers: this.store.state.layers, dateDomain: this.colorDomain, ...this.legendInput(), search: this.areaSearch },
      this.legendCollapsed,
      () => {
        this.legendCollapsed = !this.legendCollapsed;
        this.legendToggled = true;
        this.renderLegend();
      },
    );
  }

}
