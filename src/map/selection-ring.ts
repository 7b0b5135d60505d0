/** The ring around the selected agency, above everything else on the map. */
import type * as maplibregl from 'maplibre-gl';
import { stackOf, Z } from './layer-stack';
import type { LayerGroup } from './layer-stack';

const SOURCE = 'selected';

export class SelectionRing {
  private group: LayerGroup;

  constructor(private map: maplibregl.Map) {
    this.group = stackOf(map).group(Z.selection);
  }

  /** `null` clears the ring; the layer is added on the first selection. */
  set(point: [number, number] | null): void {
    if (!point && !this.group.added) return;
    if (!this.group.added) {
      this.group.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      this.group.addLayer({
        id: 'selected-ring', type: 'circle', source: SOURCE,
        paint: { 'circle-radius': 13, 'circle-opacity': 0, 'circle-stroke-color': '#d62828', 'circle-stroke-width': 3 },
      });
    }
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: point ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: {} }] : [],
    });
  }

  remove(): void {
    this.group.remove();
  }
}
