/**
 * The benchmark's baseline: the same GeoJSON drawn the way volunteer maps
 * of this subject are usually built, with Leaflet and Leaflet.markercluster
 * (default markers with popups, the same bundled state outlines as a
 * basemap). Not shipped; served only by the benchmark.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import type { FeatureCollection } from 'geojson';

interface Feat {
  geometry: { coordinates: [number, number] };
  properties: { name: string; agency_type: string; state: string; start_date: string | null };
}
interface Filter {
  type?: string;
  /** Several types (the checkboxes); empty or absent: every type. */
  types?: string[];
  state?: string;
  from?: string;
  to?: string;
}

L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });
const map = L.map('map', { maxZoom: 18 }).fitBounds([[24.4, -124.8], [49.4, -66.9]]);
const cluster = L.markerClusterGroup({ chunkedLoading: false });
const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

async function start(): Promise<void> {
  const [states, data] = await Promise.all([
    fetch('../generated/basemap/states.geojson').then((r) => r.json() as Promise<FeatureCollection>),
    fetch('../data/partnerships.geojson').then((r) => r.json() as Promise<{ features: Feat[] }>),
  ]);
  L.geoJSON(states, { style: { color: '#8d8a84', weight: 1, fillColor: '#f4f2ee', fillOpacity: 1 } }).addTo(map);
  const markers = data.features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return L.marker([lat, lon]).bindPopup(f.properties.name);
  });
  cluster.addLayers(markers);
  map.addLayer(cluster);
  await frames();
  performance.mark('map-ready');
  document.body.setAttribute('data-map-ready', 'true');

  const month = (d: string | null) => (d ? d.slice(0, 7) : null);
  (window as unknown as { baseline: unknown }).baseline = {
    count: () => markers.length,
    /** Applies a filter and resolves once the clusters are redrawn; returns milliseconds. */
    async setFilter(f: Filter): Promise<number> {
      const t0 = performance.now();
      const keep = markers.filter((_, i) => {
        const p = data.features[i].properties;
        const m = month(p.start_date);
        return (!f.type || p.agency_type === f.type) && (!f.types?.length || f.types.includes(p.agency_type)) && (!f.state || p.state === f.state) &&
          (!f.from || (m !== null && m >= f.from)) && (!f.to || (m !== null && m <= f.to));
      });
      cluster.clearLayers();
      cluster.addLayers(keep);
      await frames();
      return performance.now() - t0;
    },
  };
  // A click on a type redraws the clusters at once, as a page of this kind would.
  const form = document.getElementById('filters')!;
  form.addEventListener('change', () => {
    const types = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
    void (window as unknown as { baseline: { setFilter(f: Filter): Promise<number> } }).baseline.setFilter({ types });
  });
}

void start();
