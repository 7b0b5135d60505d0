/**
 * Agency names on the map: a label beside each agency drawn on its own once
 * zoomed in to city scale, and a tooltip on hover or when its name has
 * keyboard focus in a list. Text only (names come from data).
 */
import * as maplibregl from 'maplibre-gl';
import type { AgencyIndex } from '../data/agency-index';
import { CITY_ZOOM, clusterView } from './grid-cluster';
import { FONT } from './basemap';
import { TYPE_LABELS } from '../ui/labels';
import { stackOf, Z } from './layer-stack';
import { textPaint } from './shared-programs';
import type { LayerGroup } from './layer-stack';

const SOURCE = 'agency-names';
/** From this zoom, agencies drawn alone get their name beside them. */
export const NAME_ZOOM = CITY_ZOOM;

export class AgencyNames {
  private mask: Uint8Array;
  private tip: maplibregl.Popup;
  private hovered: number | null = null;

  private group: LayerGroup;
  private onMove = () => this.refresh();
  private visible = true;
  /** The labels' source holds no features. */
  private empty = true;
  /** The selected agency: its name is placed first, so a neighbour's never hides it. */
  private selected: number | null = null;

  constructor(private map: maplibregl.Map, private index: AgencyIndex) {
    this.mask = new Uint8Array(index.size).fill(1);
    const stack = stackOf(map);
    this.group = stack.group(Z.names);
    this.tip = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'agency-tip', offset: 12, maxWidth: '260px' });
    // Every layer whose features are agencies gets the tooltip, whichever concept drew it.
    stack.onPick('agency', (id) => {
      map.on('mousemove', id, (e) => {
        const i = e.features?.find((f) => typeof f.properties?.i === 'number')?.properties.i as number | undefined;
        if (i !== undefined && i !== this.hovered) this.show(i);
      });
      map.on('mouseleave', id, () => this.hide());
    });
    map.on('moveend', this.onMove);
  }

  /** The labels are added when first needed (zoomed in to city scale): the national view has none. */
  private add(): void {
    if (this.group.added) return;
    this.group.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.group.addLayer({
      id: 'agency-name-labels', type: 'symbol', source: SOURCE, minzoom: NAME_ZOOM,
      layout: {
        'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11.5, 'text-max-width': 9,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': 0.9, 'text-justify': 'auto',
        'text-padding': 2,
        // Lower keys are placed first and win collisions: the selected agency's name (0) before the others (1).
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: textPaint('#1f2328', 'rgba(255,255,255,0.95)', 1.5),
    });
  }

  /** Takes the labels off the map and stops following it (the tooltip stays available). */
  remove(): void {
    this.map.off('moveend', this.onMove);
    this.group.remove();
    this.empty = true;
  }

  setSelected(i: number | null): void {
    if (i === this.selected) return;
    this.selected = i;
    this.refresh();
  }

  setMask(mask: Uint8Array, visible: boolean): void {
    this.mask = mask;
    this.visible = visible;
    this.refresh();
  }

  /** Names of the agencies drawn alone in view (the same clustering as the dots). */
  refresh(): void {
    const z = this.map.getZoom();
    if (z < NAME_ZOOM || !this.visible) {
      // Each setData is a round trip to the map's worker: an empty source stays as it is.
      if (!this.empty) (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
      this.empty = true;
      return;
    }
    this.add();
    const src = this.map.getSource(SOURCE) as maplibregl.GeoJSONSource;
    const b = this.map.getBounds();
    const { singles } = clusterView(this.index, this.mask, z, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    const { lon, lat, rows } = this.index;
    src.setData({
      type: 'FeatureCollection',
      features: singles.map((i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon[i], lat[i]] }, properties: { name: rows[i].name, rank: i === this.selected ? 0 : 1 } })),
    });
    this.empty = singles.length === 0;
  }

  /** The tooltip at an agency: its name, type and state. */
  show(i: number): void {
    const { lon, lat, rows } = this.index;
    const r = rows[i];
    const box = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = r.name;
    const what = document.createElement('span');
    what.textContent = ` ${TYPE_LABELS[r.agency_type]}, ${[r.city, r.state].filter(Boolean).join(', ')}`;
    box.append(name, document.createElement('br'), what);
    this.hovered = i;
    this.tip.setLngLat([lon[i], lat[i]]).setDOMContent(box).addTo(this.map);
  }

  hide(): void {
    this.hovered = null;
    this.tip.remove();
  }
}
