/**
 * Agencies as points coloured by start date, clustered with counts when
 * zoomed out. The clustering is ours (grid-cluster.ts) and always works on
 * the filtered set, so clusters respect every active filter.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AgencyIndex } from '../data/agency-index';
import { clusterView } from './grid-cluster';
import { FLAG_RECORDS } from '../data/agency-index';
import { RECORD_ICON, addRecordIcon } from './records-icon';
import { FONT } from './basemap';
import { UNDATED_COLOR } from '../scales/palette';
import { stackOf, Z } from './layer-stack';
import type { LayerGroup, Pick } from './layer-stack';
import { CLUSTER_OPACITY, CLUSTER_STROKE, CLUSTER_STROKE_COLOR, POINT_RADIUS_NATIONAL, UNDATED_STROKE, clusterColours, clusterLabel, clusterRadiusExpression } from './cluster-style';

export const AGENCY_LAYERS = ['agency-clusters', 'agency-cluster-count', 'agency-points'] as const;
export const RECORD_LAYERS = ['records-icons'] as const;
const SOURCE = 'agencies';

/** A cluster's radius by member count; a single agency's by zoom. */
function radiusAt(single: number): maplibregl.ExpressionSpecification {
  return ['case', ['has', 'count'], clusterRadiusExpression() as maplibregl.ExpressionSpecification, single];
}

/** How clusters and single agencies are drawn. */
function agencyCirclePaint(): maplibregl.CircleLayerSpecification['paint'] {
  return {
    // Clusters are coloured by the median start date of their members: a national view or a frame of Play says when.
    'circle-color': ['get', 'color'],
    'circle-opacity': ['case', ['has', 'count'], CLUSTER_OPACITY, 1],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, radiusAt(POINT_RADIUS_NATIONAL), 8, radiusAt(6), 12, radiusAt(8)],
    // Undated agencies are hollow: the legend must not rely on colour alone.
    'circle-stroke-color': ['case', ['has', 'count'], CLUSTER_STROKE_COLOR, ['get', 'undated'], UNDATED_STROKE, '#ffffff'],
    'circle-stroke-width': ['case', ['has', 'count'], CLUSTER_STROKE, ['get', 'undated'], 2, 1.2],
  };
}

/** The layers, bottom to top, with what a click on each picks. */
export function agencyLayers(): { layer: maplibregl.LayerSpecification; picks: Pick[] }[] {
  return [
    // Clusters and single agencies share one paint (and so one shader program); the filter tells them apart.
    { layer: { id: 'agency-clusters', type: 'circle', source: SOURCE, filter: ['has', 'count'], paint: agencyCirclePaint() }, picks: ['cluster'] },
    {
      layer: {
        id: 'agency-cluster-count', type: 'symbol', source: SOURCE, filter: ['has', 'count'],
        layout: { 'text-field': ['get', 'label'], 'text-font': FONT, 'text-size': 12, 'text-allow-overlap': true },
        // Ink and halo per cluster fill: the shape textPaint gives every other text layer.
        paint: { 'text-color': ['get', 'ink'], 'text-halo-color': ['get', 'halo'], 'text-halo-width': 0.6 },
      },
      picks: [],
    },
    { layer: { id: 'agency-points', type: 'circle', source: SOURCE, filter: ['!', ['has', 'count']], paint: agencyCirclePaint() }, picks: ['agency'] },
    // Clusters get the records icon when any member has records.
    {
      layer: {
        id: 'records-icons', type: 'symbol', source: SOURCE, filter: ['>', ['get', 'records'], 0],
        layout: {
          'icon-image': RECORD_ICON,
          'icon-size': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 9, 1.1],
          'icon-offset': ['case', ['has', 'count'], ['literal', [20, -20]], ['literal', [9, -9]]],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
      picks: ['agency', 'cluster'],
    },
  ];
}

export class AgenciesLayer {
  private mask: Uint8Array;
  private points = true;
  private records = true;
  /** Number of agencies represented by what is currently drawn (clusters + singles). */
  drawnCount = 0;
  private onMove = () => this.refresh();
  private group: LayerGroup;

  constructor(
    private map: maplibregl.Map,
    private index: AgencyIndex,
    private colorOf: (i: number) => string,
  ) {
    this.mask = new Uint8Array(index.size).fill(1);
    const g = (this.group = stackOf(map).group(Z.agencies));
    g.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    // Agencies with an MOU or records get a document icon: a shape, not just a colour.
    addRecordIcon(map);
    for (const { layer, picks } of agencyLayers()) g.addLayer(layer, { picks });
    map.on('moveend', this.onMove);
  }

  /** Takes the agencies off the map. */
  remove(): void {
    this.map.off('moveend', this.onMove);
    this.group.remove();
  }

  setMask(mask: Uint8Array): void {
    this.mask = mask;
    this.refresh();
  }

  /** Points/clusters and record icons share the clustering, so they always agree. */
  setVisible(points: boolean, records: boolean): void {
    this.points = points;
    this.records = records;
    for (const id of AGENCY_LAYERS) this.map.setLayoutProperty(id, 'visibility', points ? 'visible' : 'none');
    for (const id of RECORD_LAYERS) this.map.setLayoutProperty(id, 'visibility', records ? 'visible' : 'none');
  }

  /** The agency index under a rendered point feature. */
  static indexOf(f: maplibregl.MapGeoJSONFeature): number | null {
    const i = f.properties?.i;
    return typeof i === 'number' ? i : null;
  }

  refresh(): void {
    const source = this.map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined;
    if (!source) return;
    if (!this.points && !this.records) {
      this.drawnCount = 0;
      source.setData({ type: 'FeatureCollection', features: [] });
      return;
    }
    const b = this.map.getBounds();
    const { clusters, singles } = clusterView(this.index, this.mask, this.map.getZoom(), [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], { flagMask: FLAG_RECORDS });
    const features: Feature<Point>[] = [];
    let drawn = 0;
    for (const c of clusters) {
      drawn += c.count;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: { count: c.count, records: c.flagged, label: clusterLabel(c.count), bbox: c.bbox.join(','), ...clusterColours(c.median >= 0 ? this.colorOf(c.median) : UNDATED_COLOR) },
      });
    }
    const { lon, lat, start, flags } = this.index;
    for (const i of singles) {
      drawn++;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon[i], lat[i]] },
        properties: { i, color: this.colorOf(i), undated: start[i] < 0, records: flags[i] & FLAG_RECORDS ? 1 : 0 },
      });
    }
    this.drawnCount = drawn;
    source.setData({ type: 'FeatureCollection', features } as FeatureCollection);
  }

}
