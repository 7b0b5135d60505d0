/**
 * The live map over the store: starting it (or the list-only view when it
 * cannot start), following the state (layers, street map, date stamp), the
 * visitor's moves, and the offer to frame the filtered agencies.
 */
import type { AppState, View } from '../state/app-state';
import type { Change } from '../state/store';
import { isDefaultFilters } from '../filters/filters';
import { bindAgencyPreview } from '../ui/agency-preview';
import { MapDate } from '../ui/map-date';
import { ZoomOffer } from '../ui/zoom-offer';
import { MapKeys } from '../ui/map-keys';
import { notify } from '../ui/notices';
import { $, h } from '../ui/dom';
import { MSG } from '../i18n/messages';
import type { MapView } from '../map/map-view';
import type { AppContext } from './context';

type LiveMapContext = Pick<AppContext, 'store' | 'index' | 'derived' | 'set'>;

export interface LiveMapHooks {
  select(i: number): void;
  /** The view moved (by the visitor, a link or the app): lists and links follow. */
  moved(): void;
  /** There is no map (no WebGL, or it failed to start): the page is the list-only view. */
  failed(): void;
  /** A link's state is being applied: moves are the link's, not the visitor's. */
  restoring(): boolean;
}

export class LiveMap {
  /** The map position was last set by the visitor (or by a link), not by framing the selection. */
  viewByHand: boolean;
  private mapDate: MapDate | null = null;
  private zoomOffer: ZoomOffer | null = null;

  constructor(
    private ctx: LiveMapContext,
    /** Null when this browser cannot show it (no WebGL) or after it failed to start. */
    public view: MapView | null,
    private hooks: LiveMapHooks,
  ) {
    this.viewByHand = ctx.store.state.view !== null;
    if (!view) {
      this.showMissing('webgl');
      return;
    }
    view.onSelect = (i) => hooks.select(i);
    view.onMoveEnd = (v, byHand) => {
      if (hooks.restoring()) return;
      this.viewByHand = byHand;
      this.moved(v);
    };
    view.onOnlineFailed = () => {
      ctx.set({ basemap: 'bundled' });
      notify($('#notices'), MSG.mapOnlineFailed, 'warning');
    };
    // The date stamp and the zoom offer share one row over the map, so the offer can never cover the stamp.
    const top = h('div', { class: 'map-top' });
    $('.map-wrap').append(top);
    this.mapDate = new MapDate(top);
    this.zoomOffer = new ZoomOffer(top, () => this.view?.fitMask(this.ctx.derived.mask, 600));
    bindAgencyPreview([$('#list'), $('#area-search')], (id) => ctx.index.byId.get(id), (i) => view.names?.show(i), () => view.names?.hide());
  }

  private moved(v: View): void {
    this.ctx.store.update((s) => ({ ...s, view: v }));
    this.hooks.moved();
    this.updateZoomOffer();
  }

  /**
   * Waits for the map, then gives it the data. `linkView`: the link set the
   * map position (read before any move recorded one). False when it failed.
   */
  async start(linkView: View | null, colorOf: (i: number) => string): Promise<boolean> {
    const mv = this.view;
    if (!mv) {
      document.body.setAttribute('data-map-ready', 'false');
      this.hooks.failed();
      return false;
    }
    if (!(await this.reached(mv.styleReady))) return false;
    // The agencies go to the map's worker while the basemap's tiles are still loading.
    mv.attach(this.ctx.index, colorOf);
    this.settledHook(mv);
    new MapKeys(mv.map, this.ctx.index, $('.map-wrap'), {
      mask: () => this.ctx.derived.mask,
      show: (i) => mv.names?.show(i),
      hide: () => mv.names?.hide(),
      open: (i) => this.hooks.select(i),
    });
    const st = this.ctx.store.state;
    mv.applyLayers(this.ctx.derived.mask, st.layers);
    mv.setOnline(st.basemap === 'online');
    if (!(await this.reached(mv.ready))) return false;
    // The link's own view, not one the map reported while loading: without `map=`, a link to an agency frames
    // that agency alone, and a filtered link its selection.
    if (!linkView) this.frameLink(st);
    this.updateZoomOffer();
    // A frame after the framing: the map may have gone idle before it, with nothing left to draw.
    mv.map.once('idle', () => {
      // The benchmark reads this mark: navigation start to every agency drawn.
      performance.mark('map-ready');
      document.body.setAttribute('data-map-ready', 'true');
    });
    mv.map.triggerRepaint();
    return true;
  }

  /**
   * Test hook: nothing on screen says when the map has finished drawing or
   * how many agencies its clusters and dots stand for, so the map element
   * carries `data-settled` ("true" once idle, "false" while data loads or it
   * moves) and `data-drawn` (agencies drawn in view). Browser tests and the
   * benchmark wait on these instead of reaching into the app.
   */
  private settledHook(mv: MapView): void {
    const el = mv.map.getContainer();
    const busy = () => {
      el.dataset.settled = 'false';
    };
    mv.map.on('movestart', busy);
    mv.map.on('dataloading', busy);
    mv.map.on('render', () => {
      if (!mv.map.loaded()) busy();
    });
    mv.map.on('idle', () => {
      el.dataset.drawn = String(mv.agencies.drawnCount);
      el.dataset.settled = 'true';
    });
  }

  /** Waits for a stage of the map's start; false (and the list-only view) when it failed. */
  private async reached(stage: Promise<void>): Promise<boolean> {
    try {
      await stage;
      return true;
    } catch {
      this.fail();
      return false;
    }
  }

  /** The map could not start (e.g. its worker failed to load): the same list-only view as without WebGL. */
  private fail(): void {
    try {
      this.view?.map.remove();
    } catch {
      // Tearing down a map that never started may fail; the view is replaced either way.
    }
    this.view = null;
    this.showMissing('failed');
    document.body.setAttribute('data-map-ready', 'false');
    this.hooks.failed();
  }

  private showMissing(why: 'webgl' | 'failed'): void {
    const msg = $('#map-message');
    msg.hidden = false;
    msg.textContent = why === 'webgl' ? MSG.mapMissingWebgl : MSG.mapMissingFailed;
    $('#map').hidden = true;
    document.body.classList.add('no-map');
  }

  /** Frames a state a link restored: its map position, else its agency, else its selection, else every agency. */
  frame(s: AppState): void {
    if (!this.view) return;
    if (s.view) this.view.setView(s.view);
    else if (!this.frameLink(s)) this.view.fitAll();
  }

  /** A link without a map position: its agency alone, else its filtered selection. False when it asks for neither. */
  private frameLink(s: AppState): boolean {
    const mv = this.view;
    if (!mv) return false;
    const i = s.agency === null ? undefined : this.ctx.index.byId.get(s.agency);
    if (i !== undefined) mv.frameAgency(i);
    else if (!isDefaultFilters(s.filters) && this.ctx.derived.count > 0) mv.fitMask(this.ctx.derived.mask);
    else return false;
    return true;
  }

  render(s: AppState, prev: AppState | null, change: Change): void {
    const mv = this.view?.agencies ? this.view : null;
    const filtersChanged = !prev || prev.filters !== s.filters;
    if (filtersChanged) this.mapDate?.render(s.filters.from, s.filters.to);
    if (mv && (!prev || filtersChanged || prev.layers !== s.layers)) mv.applyLayers(this.ctx.derived.mask, s.layers);
    if (mv && (!prev || prev.layers !== s.layers || prev.basemap !== s.basemap)) mv.setOnline(s.basemap === 'online');
    if (filtersChanged && !change.transient) this.updateZoomOffer();
  }

  /** Offers to frame the filtered agencies when some are out of view. */
  updateZoomOffer(): void {
    const f = this.ctx.store.state.filters;
    const mv = this.view?.agencies ? this.view : null;
    const off = !mv || isDefaultFilters(f) || this.ctx.derived.count === 0 || mv.showsMask(this.ctx.derived.mask);
    this.zoomOffer?.render(off ? null : MSG.selectionWhat(f.states));
  }
}
