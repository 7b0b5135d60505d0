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
import { addCounties, basemapStyle, ONLINE_ATTRIBUTION, ONLINE_TILES } from './basemap';

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

export { LOWER_48, initialBounds, dataBounds } from './initial-view';
import { LOWER_48, initialBounds } from './initial-view';

maplibregl.setWorkerUrl(workerUrl);

export { webglAvailable } from './webgl';

/** Margin around framed data; a little more at the bottom, where the legend sits over the Pacific. */
function framePadding(pad = 24): maplibregl.PaddingOptions {
  return { top: pad, bottom: pad + 16, right: pad, left: pad };
}

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
  /** The basemap style has loaded. */
  readonly ready: Promise<void>;
  private index: AgencyIndex | null = null;
  private online = false;
  private onlineFailed = false;
  onMoveEnd: (view: View) => void = () => undefined;
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
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    if (o.interactive !== false) map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'imperial' }), 'bottom-right');
    map.addControl(
      new maplibregl.AttributionControl({
        compact: true,
        customAttribution: 'Data: <a href="https://atlasofsurveillance.org/" target="_blank" rel="noopener noreferrer">EFF Atlas of Surveillance</a> (CC BY 4.0) and cited reports',
      }),
      'bottom-right',
    );
    this.map = map;
    this.ready = new Promise((resolve) => {
      map.on('load', () => {
        performance.mark('map-load');
        // Start with the attribution folded: the page footer carries the full credit.
        o.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
        resolve();
      });
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      this.onMoveEnd({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
      if (map.getZoom() >= 5) void addCounties(map).catch(() => undefined);
    });
    map.on('error', (e) => {
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
    if (!this.o.view) {
      const b = initialBounds(index);
      if (b !== LOWER_48) map.fitBounds(b, { padding: framePadding(), duration: 0 });
    }
    this.agencies = new AgenciesLayer(map, index, colorOf);
    this.perks = new PerksLayer(map, index);
    this.density = new DensityLayer(map, index);
    map.addSource('selected', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'selected-ring', type: 'circle', source: 'selected',
      paint: { 'circle-radius': 13, 'circle-opacity': 0, 'circle-stroke-color': '#d62828', 'circle-stroke-width': 3 },
    });
    this.bindEvents();
  }

  private bindEvents(): void {
    const map = this.map;
    const selectable = ['agency-points', 'perks-valued', 'perks-undocumented', 'records-icons'];
    for (const id of [...selectable, 'agency-clusters']) {
      map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
    }
    map.on('click', (e) => {
      const hits = map.queryRenderedFeatures(e.point, { layers: selectable.filter((l) => map.getLayer(l)) });
      const hit = hits.find((f) => typeof f.properties?.i === 'number');
      if (hit) return this.onSelect(hit.properties.i as number);
      const cluster = map.queryRenderedFeatures(e.point, { layers: ['agency-clusters', 'records-icons'].filter((l) => map.getLayoutProperty(l, 'visibility') !== 'none') })
        .find((f) => f.properties?.count);
      if (cluster) {
        const [w, s, ea, n] = String(cluster.properties.bbox).split(',').map(Number);
        if (w === ea && s === n) map.easeTo({ center: [w, s], zoom: Math.min(map.getZoom() + 3, 12) });
        else map.fitBounds([w, s, ea, n], { padding: 60, maxZoom: 12 });
      }
    });
  }

  applyLayers(mask: Uint8Array, layers: readonly LayerId[]): void {
    this.agencies.setVisible(layers.includes('points'), layers.includes('records'));
    this.agencies.setMask(mask);
    this.perks.setMask(mask, layers.includes('perks'));
    this.density.setMask(mask, layers.includes('density'));
  }

  setSelected(i: number | null): void {
    const src = this.map.getSource('selected') as maplibregl.GeoJSONSource | undefined;
    if (!src) return;
    if (!this.index) return;
    const { lon, lat } = this.index;
    src.setData({
      type: 'FeatureCollection',
      features: i === null ? [] : [{ type: 'Feature', geometry: { type: 'Point', coordinates: [lon[i], lat[i]] }, properties: {} }],
    });
  }

  /** Brings an agency into view without jumping when it is already visible. */
  reveal(i: number): void {
    if (!this.index) return;
    const p: [number, number] = [this.index.lon[i], this.index.lat[i]];
    const inView = this.map.getBounds().contains(p);
    if (!inView || this.map.getZoom() < 6) this.map.easeTo({ center: p, zoom: Math.max(this.map.getZoom(), 9), duration: 600 });
  }

  setOnline(on: boolean): void {
    if (on === this.online) return;
    const map = this.map;
    this.online = on;
    if (on) {
      this.onlineFailed = false;
      map.addSource('online', { type: 'raster', tiles: [ONLINE_TILES], tileSize: 256, maxzoom: 19, attribution: ONLINE_ATTRIBUTION });
      map.addLayer({ id: 'online-tiles', type: 'raster', source: 'online' }, 'density-states');
    } else if (map.getSource('online')) {
      map.removeLayer('online-tiles');
      map.removeSource('online');
    }
  }

  setView(v: View): void {
    this.map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
  }

  /** Frames the agencies a mask selects (a link filtered to a region opens on that region). */
  fitMask(mask: Uint8Array): void {
    if (!this.index) return;
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    const { lon, lat } = this.index;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      if (lon[i] < w) w = lon[i];
      if (lon[i] > e) e = lon[i];
      if (lat[i] < s) s = lat[i];
      if (lat[i] > n) n = lat[i];
    }
    if (!Number.isFinite(w)) return;
    this.map.fitBounds([w, s, e, n], { padding: framePadding(40), duration: 0, maxZoom: 10 });
  }

  fitAll(): void {
    this.map.fitBounds(this.index ? initialBounds(this.index) : LOWER_48, { padding: framePadding(), duration: 0 });
  }
}
