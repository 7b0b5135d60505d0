/** The searched place on the map: its point, the search radius and its county outline. */
import type * as maplibregl from 'maplibre-gl';
import { bbox, circle } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';

const SOURCE = 'area';

export class AreaLayer {
  constructor(private map: maplibregl.Map) {
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const before = map.getLayer('agency-clusters') ? 'agency-clusters' : undefined;
    map.addLayer({ id: 'area-radius-fill', type: 'fill', source: SOURCE, filter: ['==', ['get', 'role'], 'radius'], paint: { 'fill-color': '#1b4f72', 'fill-opacity': 0.07 } }, before);
    map.addLayer({ id: 'area-radius-line', type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'radius'], paint: { 'line-color': '#1b4f72', 'line-width': 1.5, 'line-dasharray': [3, 2] } }, before);
    map.addLayer({ id: 'area-county-line', type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'county'], paint: { 'line-color': '#6a3d9a', 'line-width': 2.5 } }, before);
    map.addLayer({
      id: 'area-place', type: 'circle', source: SOURCE, filter: ['==', ['get', 'role'], 'place'],
      paint: { 'circle-radius': 7, 'circle-color': '#ffffff', 'circle-stroke-color': '#1b4f72', 'circle-stroke-width': 3 },
    });
  }

  show(point: [number, number], radiusMiles: number, county: Feature | null, fly: boolean): void {
    const ring = circle(point, radiusMiles, { units: 'miles', steps: 96, properties: { role: 'radius' } });
    const features: Feature[] = [ring, { type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: { role: 'place' } }];
    if (county) features.push({ ...county, properties: { role: 'county' } });
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features } as FeatureCollection);
    if (fly) {
      const [w, s, e, n] = bbox(ring);
      this.map.fitBounds([w, s, e, n], { padding: 40, duration: 700, maxZoom: 13 });
    }
  }

  clear(): void {
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
  }
}
