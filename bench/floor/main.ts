/**
 * The benchmark's floor: MapLibre drawing one background colour, with no
 * source, layer or data of the site's. Its time to idle is what the library
 * itself costs in this browser (script, worker, WebGL context, first frame),
 * a bound no map built on it can beat. Not shipped; served only by the benchmark.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'water', type: 'background', paint: { 'background-color': '#cfe3ef' } }] },
  center: [-96, 38],
  zoom: 3,
  fadeDuration: 0,
  attributionControl: false,
});
map.once('idle', () => {
  performance.mark('map-ready');
  document.body.setAttribute('data-map-ready', 'true');
});
