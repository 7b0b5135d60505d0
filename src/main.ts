/**
 * Boot: read the link, load the data (with clear messages when it is
 * missing, damaged or slow), then start the app.
 */
import './styles/app.css';
import './first-view/first-view.css';
import { buildIndex } from './data/agency-index';
import { DataLoadError, DetailsStore, loadPoints } from './data/load';
import { HistoryStore } from './data/history-store';
import type { DecodedPoints } from './data/map-data';
import { parseUrlState } from './state/url-state';
import type { AppState } from './state/app-state';
import { DEFAULT_LAYERS } from './state/app-state';
import type { MapView } from './map/map-view';
import type { App } from './app';
import { webglAvailable } from './map/webgl';
import { isDefaultFilters } from './filters/filters';
import { dropFirstView, handOffFirstView, labelFirstView } from './first-view/handoff';
import { $, h } from './ui/dom';
import { notify, notifyLink } from './ui/notices';
import { MSG } from './i18n/messages';
import { currentLocale } from './i18n/locale';
import { translatePage } from './ui/page-text';
import { followLinkLanguage, languageSwitch, restoreSwitchFocus } from './ui/language-switch';
import { bindSkipLink } from './ui/skip-link';
import { warmFormatsWhenIdle } from './ui/warm-formats';
import { yieldToMain } from './ui/yield-to-main';

const MAP_DATA = `${import.meta.env.BASE_URL}generated/map/`;
const SLOW_MS = 8000;

declare global {
  interface Window {
    /**
     * The running app, for the benchmark only (bench/run.ts times filter
     * changes through it); the browser tests drive the page instead.
     */
    ringMap?: App;
  }
}

function showLoadError(message: string, retry: () => void): void {
  const count = $('#count');
  count.textContent = MSG.noDataLoaded;
  // The totals written into the page at build time were not loaded: none are shown beside "No data loaded".
  const totals = $('#totals');
  totals.hidden = true;
  const box = $('#map-message');
  box.hidden = false;
  const button = h('button', { type: 'button', class: 'retry' }, MSG.tryAgain);
  button.addEventListener('click', () => {
    totals.hidden = false;
    box.hidden = true;
    box.replaceChildren();
    retry();
  });
  box.replaceChildren(h('p', { role: 'alert' }, message), button);
  document.body.setAttribute('data-load-error', 'true');
}

/**
 * The map starts first: its library, worker, WebGL context and basemap load
 * while the data downloads (the static first view is already on screen).
 */
async function createMap(view: AppState['view'], embed: boolean): Promise<MapView | null> {
  if (!webglAvailable()) return null;
  try {
    const { MapView } = await import('./map/map-view');
    return new MapView({ container: $('#map'), view, embed });
  } catch {
    return null;
  }
}

let mapView: Promise<MapView | null> | undefined;

/**
 * Resolves once the first contentful paint is on screen. A frame callback runs before its frame is
 * drawn, and the map's WebGL start-up would compete with drawing it; the paint timing entry comes
 * after. Without paint timing: after the first frame callback; never later than a second.
 */
function afterFirstPaint(): Promise<void> {
  // A background tab paints nothing (and runs no frame callbacks): start at once.
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, 1000);
    const done = () => {
      window.clearTimeout(timer);
      resolve();
    };
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      requestAnimationFrame(() => window.setTimeout(done, 0));
      return;
    }
    const obs = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      obs.disconnect();
      done();
    });
    obs.observe({ type: 'paint', buffered: true });
  });
}

async function boot(): Promise<void> {
  const { state, notices } = parseUrlState(location.hash, location.search);
  document.body.classList.toggle('embed', state.embed);
  notifyLink($('#notices'), notices);
  // The static first view shows the national view: anything else opens on the live map only.
  if (state.view || state.embed || state.area || !isDefaultFilters(state.filters) || state.layers.join() !== DEFAULT_LAYERS.join()) dropFirstView();
  else handOffFirstView();
  // The first view is in the page: let it paint before the data is read and the map library and the app are run.
  const painted = afterFirstPaint();
  const points = loadPoints(`${MAP_DATA}points.json`, undefined, painted);
  points.catch(() => undefined); // handled below, once awaited
  await painted;
  if (mapView === undefined) mapView = createMap(state.view, state.embed);
  const app = import('./app');
  // While the map's library and the app download, when nothing else waits.
  warmFormatsWhenIdle();

  const box = $('#map-message');
  const slow = window.setTimeout(() => {
    box.hidden = false;
    const button = h('button', { type: 'button', class: 'retry' }, MSG.reload);
    button.addEventListener('click', () => location.reload());
    box.replaceChildren(h('p', { role: 'status' }, MSG.dataSlow), button);
  }, SLOW_MS);

  let dataset: DecodedPoints;
  let App: typeof import('./app').App;
  try {
    [dataset, { App }] = await Promise.all([points, app]);
  } catch (e) {
    window.clearTimeout(slow);
    const msg = e instanceof DataLoadError ? e.message : MSG.dataNotLoaded;
    showLoadError(MSG.mapNeedsData(msg), () => void boot());
    return;
  }
  window.clearTimeout(slow);
  box.hidden = true;
  box.replaceChildren();
  document.body.removeAttribute('data-load-error');
  if (dataset.invalid) {
    notify($('#notices'), MSG.malformedRecords(dataset.invalid), 'warning');
  }
  const index = buildIndex(dataset.rows);
  // The app's start is long: in steps, so the page answers between them.
  await yieldToMain();
  const details = new DetailsStore((k) => `${MAP_DATA}details-${k}.json`, dataset.chunkSize);
  const map = await mapView;
  // The map was just created in this task (when its library arrived last): the app starts in the next.
  await yieldToMain();
  // Export draws the live map: without one it is not offered.
  if (!map) $('#export-button').hidden = true;
  const history = new HistoryStore(`${import.meta.env.BASE_URL}generated/history/history.json`);
  window.ringMap = new App(index, dataset, details, map, state, history);
}

/**
 * The page's own text in the interface language, and the language switch,
 * before anything else is shown. A page not in English drops the build-time
 * English counts, totals and legend until the app renders its own.
 */
function startLanguage(): void {
  translatePage();
  if (currentLocale() !== 'en') {
    $('#count').textContent = MSG.loading;
    labelFirstView();
    for (const sel of ['#totals', '#legend']) $(sel).replaceChildren();
    $('#list').replaceChildren();
  }
  // Beside the title: the header keeps its height in both languages.
  $('.app-header h1').after(languageSwitch('lang-switch'));
  restoreSwitchFocus();
  followLinkLanguage();
}

startLanguage();
bindSkipLink($('.skip-link') as HTMLAnchorElement);
void boot();
