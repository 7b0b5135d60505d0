/**
 * Boot: read the link, load the data (with clear messages when it is
 * missing, damaged or slow), then start the app.
 */
import './styles/app.css';
import { buildIndex } from './data/agency-index';
import { DataLoadError, DetailsStore, loadPoints } from './data/load';
import { HistoryStore } from './data/history-store';
import type { DecodedPoints } from './data/map-data';
import { parseUrlState } from './state/url-state';
import type { AppState } from './state/app-state';
import { MapView, webglAvailable } from './map/map-view';
import { App } from './app';
import { $, h } from './ui/dom';
import { notify, notifyLink } from './ui/notices';

const MAP_DATA = `${import.meta.env.BASE_URL}generated/map/`;
const SLOW_MS = 8000;

declare global {
  interface Window {
    ringMap?: App;
  }
}

function showLoadError(message: string, retry: () => void): void {
  const count = $('#count');
  count.textContent = 'No data loaded';
  const box = $('#map-message');
  box.hidden = false;
  const button = h('button', { type: 'button', class: 'retry' }, 'Try again');
  button.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
    retry();
  });
  box.replaceChildren(h('p', { role: 'alert' }, message), button);
  document.body.setAttribute('data-load-error', 'true');
}

/** The map starts first: its worker, WebGL context and basemap load while the data downloads. */
function createMap(view: AppState['view'], embed: boolean): MapView | null {
  if (!webglAvailable()) return null;
  try {
    return new MapView({ container: $('#map'), view, embed });
  } catch {
    return null;
  }
}

let mapView: MapView | null | undefined;

async function boot(): Promise<void> {
  const { state, notices } = parseUrlState(location.hash, location.search);
  document.body.classList.toggle('embed', state.embed);
  notifyLink($('#notices'), notices);
  if (mapView === undefined) mapView = createMap(state.view, state.embed);

  const box = $('#map-message');
  const slow = window.setTimeout(() => {
    box.hidden = false;
    const button = h('button', { type: 'button', class: 'retry' }, 'Reload');
    button.addEventListener('click', () => location.reload());
    box.replaceChildren(h('p', { role: 'status' }, 'The data is taking longer than usual to arrive. It will appear as soon as it does.'), button);
  }, SLOW_MS);

  let dataset: DecodedPoints;
  try {
    dataset = await loadPoints(`${MAP_DATA}points.json`);
  } catch (e) {
    window.clearTimeout(slow);
    const msg = e instanceof DataLoadError ? e.message : 'The data could not be loaded.';
    showLoadError(`${msg} The map cannot be shown without it.`, () => void boot());
    return;
  }
  window.clearTimeout(slow);
  box.hidden = true;
  box.replaceChildren();
  document.body.removeAttribute('data-load-error');
  if (dataset.invalid) {
    notify($('#notices'), `${dataset.invalid} record(s) in the data file were malformed (bad values, or dates that cannot be real) and are not shown.`, 'warning');
  }
  const index = buildIndex(dataset.rows);
  const details = new DetailsStore((k) => `${MAP_DATA}details-${k}.json`, dataset.chunkSize);
  const history = new HistoryStore(`${import.meta.env.BASE_URL}generated/history/history.json`);
  window.ringMap = new App(index, dataset, details, mapView, state, history);
}

void boot();
