/**
 * The MapLibre map and its layers. Owns everything that touches the map;
 * the rest of the app talks to it through this small surface.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker ships as its own module file; bundling rewrites the library's
// relative lookup, so point it at the emitted file explicitly.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { AgencyIndex } from '../data/agency-index';
import type { LayerId, View } from '../state/app-state';
import { AgenciesLayer } from './agencies-layer';
import { PerksLayer } from './perks-layer';
import { DensityLayer } from './density-layer';
import { addCounties, adoptBasemap, basemapStyle, ONLINE_ATTRIBUTION, ONLINE_TILES } from './basemap';
import { SelectionRing } from './selection-ring';
import { stackOf, Z } from './layer-stack';
import type { LayerGroup, LayerStack } from './layer-stack';
import { AgencyNames } from './agency-names';
import { MAP_OVERLAYS, overlayPadding, screenAspect } from './overlay-padding';
import type { Padding } from './overlay-padding';
import { agencyZoom, cameraForAgency, cameraForBox, inFreeArea } from './framing';
import type { Box, Camera, Size } from './framing';
import { CITY_ZOOM } from './grid-cluster';
import { MSG } from '../i18n/messages';

export interface MapViewOptions {
  container: HTMLElement;
  /** null: the contiguous US, refined to the data once it is attached. */
  view: View | null;
  embed: boolean;
  /** Device pixel ratio of the drawing buffer (image export renders at 2×). */
  pixelRatio?: number;
  /** False for off-screen maps (image export). */
  interactive?: boolean;
}

import { LOWER_48, MASK_MAX_ZOOM, allMargin, framePadding, initialBounds, maskMargin, selectionBounds } from './initial-view';

maplibregl.setWorkerUrl(workerUrl);
// Start the worker now: it loads its own script and then the basemap, and is on the path to the first
// drawn map, while the WebGL context is made on this thread.
maplibregl.prewarm();


/** The map cannot be drawn in this browser or from this server (e.g. its worker failed to load). */
export class MapUnavailableError extends Error {}


/**
 * The map is created before the agencies arrive (its worker, WebGL context
 * and basemap load in parallel with the data); `attach` adds the agency
 * layers once the data is in.
 */
export class MapView {
  readonly map: maplibregl.Map;
  agencies!: AgenciesLayer;
  perks!: PerksLayer;
  density!: DensityLayer;
  names!: AgencyNames;
  private selection!: SelectionRing;
  /** Every layer on the map in its declared order; each map concept adds and removes its own. */
  readonly layers: LayerStack;
  /**
   * The last framing the app chose (all agencies, a filtered region, a
   * search), re-run when overlays change size; forgotten once the user
   * moves the map.
   */
  private frame: (() => void) | null = null;
  /** The style is in: layers can be added (the basemap may still be loading). */
  readonly styleReady: Promise<void>;
  /** The basemap has loaded and drawn; rejects with MapUnavailableError when the map cannot start. */
  readonly ready: Promise<void>;
  private index: AgencyIndex | null = null;
  /** The agencies the filters let through, as last drawn. */
  private mask: Uint8Array | null = null;
  private online = false;
  private onlineFailed = false;
  /** `byHand`: the move came from the user (drag, wheel, keys, buttons), not from framing. */
  onMoveEnd: (view: View, byHand: boolean) => void = () => undefined;
  onSelect: (i: number) => void = () => undefined;
  onOnlineFailed: () => void = () => undefined;

  constructor(private o: MapViewOptions) {
    performance.mark('map-create');
    const map = new maplibregl.Map({
      container: o.container,
      style: basemapStyle(),
      bounds: o.view ? undefined : LOWER_48,
      fitBoundsOptions: { padding: framePadding() },
      center: o.view ? [o.view.lon, o.view.lat] : undefined,
      zoom: o.view?.zoom,
      minZoom: 1,
      maxZoom: 16,
      attributionControl: false,
      cooperativeGestures: o.embed,
      pixelRatio: o.pixelRatio,
      interactive: o.interactive ?? true,
      // No symbol fade: a filter change should show its result at once (and settle at once).
      fadeDuration: 0,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
      locale: MSG.maplibre,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    if (o.interactive !== false) map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'imperial' }), 'bottom-right');
    map.addControl(
      new maplibregl.AttributionControl({
        compact: true,
        customAttribution: MSG.mapAttribution,
      }),
      'bottom-right',
    );
    // Folded from the start (the page footer carries the full credit): open, it covers the bottom of a phone's map
    // while the first framing measures what is clear of overlays. Once folded, MapLibre does not unfold it by itself.
    foldAttribution(o.container);
    this.map = map;
    this.layers = stackOf(map);
    adoptBasemap(map);
    let loaded = false;
    let fail: (e: Error) => void = () => undefined;
    let failStyle: (e: Error) => void = () => undefined;
    // Layers can be added once the style is in: before the basemap's tiles have arrived and drawn.
    this.styleReady = new Promise((resolve, reject) => {
      map.once('style.load', () => resolve());
      failStyle = reject;
    });
    this.styleReady.catch(() => undefined);
    this.ready = new Promise((resolve, reject) => {
      fail = (e) => {
        failStyle(e);
        reject(e);
      };
      map.on('load', () => {
        loaded = true;
        performance.mark('map-load');
        foldAttribution(o.container);
        // Overlays that settled while the basemap loaded (the map's controls, the phone's bar) count in the framing.
        this.reframe();
        resolve();
      });
    });
    // Whoever awaits `ready` handles a failure; until then it is not an unhandled rejection.
    this.ready.catch(() => undefined);
    // A move is the user's when it starts or ends with an input event (wheel zooms end without one).
    let userMove = false;
    map.on('movestart', (e) => {
      userMove ||= Boolean((e as { originalEvent?: unknown }).originalEvent);
      // The user's own move forgets the last framing (it is no longer re-run when overlays change size).
      if ((e as { originalEvent?: unknown }).originalEvent) this.frame = null;
    });
    for (const ev of ['wheel', 'dragstart', 'touchstart', 'dblclick'] as const) map.on(ev, () => (userMove = true));
    map.on('moveend', (e) => {
      const c = map.getCenter();
      this.onMoveEnd({ lon: c.lng, lat: c.lat, zoom: map.getZoom() }, userMove || Boolean((e as { originalEvent?: unknown }).originalEvent));
      userMove = false;
      if (map.getZoom() >= 5) void addCounties(map).catch(() => undefined);
    });
    map.on('error', (e) => {
      // The map's worker script did not load (404, or refused under nosniff
      // for a wrong MIME type): the map can never draw, so say so at once.
      const message = (e as unknown as { error?: { message?: string } }).error?.message ?? '';
      if (!loaded && /worker/i.test(message)) fail(new MapUnavailableError(message));
      const sourceId = (e as unknown as { sourceId?: string }).sourceId;
      if (sourceId === 'online' && !this.onlineFailed) {
        this.onlineFailed = true;
        this.setOnline(false);
        this.onOnlineFailed();
      }
    });
  }

  /** Adds the agency layers; call once the style is ready. */
  attach(index: AgencyIndex, colorOf: (i: number) => string): void {
    const map = this.map;
    this.index = index;
    if (!this.o.view) this.fitAll();
    this.agencies = new AgenciesLayer(map, index, colorOf);
    this.perks = new PerksLayer(map, index);
    this.density = new DensityLayer(map, index);
    this.names = new AgencyNames(map, index);
    this.selection = new SelectionRing(map);
    this.bindEvents();
  }

  /** Clicks and the pointer cursor follow what a layer shows (its `picks`), whichever concept drew it. */
  private bindEvents(): void {
    const map = this.map;
    const pointer = (id: string) => {
      map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
    };
    this.layers.onPick('agency', pointer);
    this.layers.onPick('cluster', pointer);
    const shown = (ids: string[]) => ids.filter((l) => map.getLayer(l) && map.getLayoutProperty(l, 'visibility') !== 'none');
    map.on('click', (e) => {
      const hits = map.queryRenderedFeatures(e.point, { layers: shown(this.layers.picked('agency')) });
      const hit = hits.find((f) => typeof f.properties?.i === 'number');
      if (hit) return this.onSelect(hit.properties.i as number);
      const cluster = map.queryRenderedFeatures(e.point, { layers: shown(this.layers.picked('cluster')) })
        .find((f) => f.properties?.count);
      if (cluster) {
        // The visitor chose where to look: overlays changing later no longer re-run the app's last framing.
        this.frame = null;
        const [w, s, ea, n] = String(cluster.properties.bbox).split(',').map(Number);
        if (w === ea && s === n) map.easeTo({ center: [w, s], zoom: Math.min(map.getZoom() + 3, 12) });
        else map.fitBounds([w, s, ea, n], { padding: 60, maxZoom: 12 });
      }
    });
  }

  applyLayers(mask: Uint8Array, layers: readonly LayerId[]): void {
    this.mask = mask;
    this.agencies.setVisible(layers.includes('points'), layers.includes('records'));
    this.agencies.setMask(mask);
    this.perks.setMask(mask, layers.includes('perks'));
    this.density.setMask(mask, layers.includes('density'));
    this.names.setMask(mask, layers.includes('points') || layers.includes('perks'));
  }

  /** Padding that keeps framed things clear of the legend, the controls and sheets. */
  padding(base = 24, bounds?: [number, number, number, number], minShare?: number): Padding {
    return overlayPadding(this.o.container, MAP_OVERLAYS, base, bounds ? screenAspect(bounds) : undefined, minShare);
  }

  /**
   * When `sheet` (the card on phones) covers part of the map, moves the map if
   * needed so the agency sits clear of it and of every other overlay. Where
   * the card sits beside the map nothing moves: the list under it stays put.
   */
  keepClear(i: number, sheet: HTMLElement): void {
    if (!this.index) return;
    const a = sheet.getBoundingClientRect(), b = this.o.container.getBoundingClientRect();
    if (sheet.hidden || a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom) return;
    // Never cut short a move in progress (revealing the agency): check where it ends.
    if (this.map.isMoving()) {
      this.map.once('moveend', () => this.keepClear(i, sheet));
      return;
    }
    const p = this.map.project([this.index.lon[i], this.index.lat[i]]);
    // The truly visible part, however small (no minimum share as when framing).
    const pad = this.padding(30, undefined, 0);
    const c = this.map.getContainer();
    const w = c.clientWidth, h = c.clientHeight;
    if (p.x >= pad.left && p.x <= w - pad.right && p.y >= pad.top && p.y <= h - pad.bottom) return;
    const tx = (pad.left + w - pad.right) / 2, ty = (pad.top + h - pad.bottom) / 2;
    const now = this.map.project(this.map.getCenter());
    this.map.jumpTo({ center: this.map.unproject([now.x + p.x - tx, now.y + p.y - ty]) });
  }

  /** Frames something now and again whenever overlays change, until the user moves the map. */
  frameWith(f: () => void): void {
    this.frame = f;
    f();
  }

  /** Re-runs the app's last framing (the legend or a sheet changed size). */
  reframe(): void {
    this.frame?.();
  }

  setSelected(i: number | null): void {
    if (!this.index || !this.selection) return;
    this.selection.set(i === null ? null : [this.index.lon[i], this.index.lat[i]]);
    this.names?.setSelected(i);
  }

  /** The map element's size in CSS pixels. */
  private size(): Size {
    const c = this.map.getContainer();
    return { width: c.clientWidth, height: c.clientHeight };
  }

  private camera(): Camera {
    const c = this.map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  /** Moves to a camera the framing computed (the same numbers the tests check). */
  private moveTo(c: Camera, duration: number): void {
    // Framing again where the map already is (overlays settled without changing the room) costs no frame.
    const now = this.map.getCenter();
    if (!this.map.isMoving() && Math.abs(this.map.getZoom() - c.zoom) < 1e-6 && Math.abs(now.lng - c.lon) < 1e-9 && Math.abs(now.lat - c.lat) < 1e-9) return;
    const to = { center: [c.lon, c.lat] as [number, number], zoom: c.zoom };
    if (duration > 0) this.map.easeTo({ ...to, duration });
    else this.map.jumpTo(to);
  }

  /**
   * Frames an agency alone: at city scale, where it is never inside a
   * cluster and its name is drawn, in the middle of what no overlay covers
   * (a link to it, a row of a list).
   */
  frameAgency(i: number, duration = 0): void {
    if (!this.index) return;
    const index = this.index;
    const zoom = Math.max(agencyZoom(index, this.mask ?? new Uint8Array(index.size).fill(1), i), this.map.getZoom());
    this.frameWith(() => this.moveTo(cameraForAgency(index.lon[i], index.lat[i], this.padding(24), zoom), duration));
  }

  /** Brings an agency into view alone (out of any cluster), without moving when it already is. */
  reveal(i: number): void {
    if (!this.index) return;
    const alone = this.map.getZoom() >= CITY_ZOOM && inFreeArea(this.camera(), this.size(), this.padding(24, undefined, 0), this.index.lon[i], this.index.lat[i]);
    if (!alone) this.frameAgency(i, 600);
  }

  /** The online street map's tiles: over the land, under the density and every line and label. */
  private get street(): LayerGroup {
    return (this.streetGroup ??= this.layers.group(Z.streetTiles));
  }
  private streetGroup: LayerGroup | null = null;

  setOnline(on: boolean): void {
    if (on === this.online) return;
    this.online = on;
    if (on) {
      this.onlineFailed = false;
      this.street.addSource('online', { type: 'raster', tiles: [ONLINE_TILES], tileSize: 256, maxzoom: 19, attribution: ONLINE_ATTRIBUTION });
      this.street.addLayer({ id: 'online-tiles', type: 'raster', source: 'online' });
    } else {
      this.street.remove();
    }
  }

  setView(v: View): void {
    this.frame = null;
    this.map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
  }

  /** Frames the agencies a mask selects (a link filtered to a region opens on that region). */
  fitMask(mask: Uint8Array, duration = 0): void {
    if (!this.index) return;
    const b = selectionBounds(this.index, mask);
    if (!b) return;
    this.frameWith(() => this.moveTo(cameraForBox(b, this.size(), this.padding(maskMargin(this.size()), b), MASK_MAX_ZOOM), duration));
  }

  /** Whether the view already frames the agencies a mask selects: all inside, and not much room to zoom in. */
  showsMask(mask: Uint8Array): boolean {
    if (!this.index) return true;
    const b = selectionBounds(this.index, mask);
    if (!b) return true;
    const v = this.map.getBounds();
    if (!(v.contains([b[0], b[1]]) && v.contains([b[2], b[3]]))) return false;
    const cam = cameraForBox(b, this.size(), framePadding(40), MASK_MAX_ZOOM);
    return cam.zoom - this.map.getZoom() < 1;
  }

  fitAll(): void {
    const b: Box = this.index ? initialBounds(this.index) : LOWER_48;
    this.frameWith(() => this.moveTo(cameraForBox(b, this.size(), this.padding(allMargin(this.size()), b), MASK_MAX_ZOOM), 0));
  }
}

/** Folds MapLibre's compact attribution to its button. */
function foldAttribution(container: HTMLElement): void {
  container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
}
