/**
 * `npm run bench [-- --sizes 1,10,100 --runs 3]`
 *
 * Measures the map at 1×, 10× and 100× the real data in headless Chromium,
 * beside a Leaflet + markercluster baseline page drawing the same GeoJSON in
 * the same browser and run: first view with every agency visible, map
 * idle, filter, timeline frames, first-view transfer, JS heap, and the data
 * build; then Lighthouse (desktop, no throttling) on the built map page and
 * an agency page. Writes bench/results/latest.json and bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../tests/e2e/browser';
import type { AgencyCollection } from '../src/core/contract';
import { encodeMapData } from '../src/data/map-data';
import { synthCollection, synthTables } from './synth';
import { writeFirstView } from '../pipeline/first-view';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    // 1× only, one run, one Lighthouse run per page: for development, never for the committed results.
    quick: { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string' },
    // Another build of the site (e.g. the commit before a fix), measured beside this one in the same run.
    compare: { type: 'string' },
    'compare-label': { type: 'string', default: 'before' },
    // A line written into RESULTS.md about the machine's load during the run (left empty for a run on a quiet machine).
    note: { type: 'string', default: '' },
  },
});
// --quick only changes the defaults: --sizes, --runs and --lighthouse-runs still apply.
const SIZES = (values.sizes ?? (values.quick ? '1' : '1,10,100')).split(',').map(Number);
const RUNS = Number(values.runs ?? (values.quick ? 1 : 3));
const COMPARE = values.compare ? resolve(values.compare) : null;
const WORK = resolve('bench/.work');
const OUT = resolve('bench/results');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const gz = (file: string) => gzipSync(readFileSync(file), { level: 6 }).length;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json', '.png': 'image/png' };

/** Serves the built site and the baseline, with one dataset size swapped in. */
function serve(sizeDir: string, dist = 'dist', indexFile = join(sizeDir, 'index.html')): Promise<{ url: string; fileOf: (url: string) => string | null; close: () => Promise<void> }> {
  const fileOf = (u: string): string | null => {
    const path = decodeURIComponent(new URL(u, 'http://x').pathname);
    if (path.startsWith('/baseline/')) return join(WORK, 'baseline', path.slice('/baseline/'.length) || 'index.html');
    if (path.startsWith('/floor/')) return join(WORK, 'floor', path.slice('/floor/'.length) || 'index.html');
    if (path.startsWith('/generated/map/')) return join(sizeDir, 'map', path.slice('/generated/map/'.length));
    if (path === '/data/partnerships.geojson') return join(sizeDir, 'partnerships.geojson');
    // The page with the first view drawn from this size's data.
    if (path === '/' || path === '/index.html') return indexFile;
    return join(dist, path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));
  };
  const server = createServer((req, res) => {
    const f = fileOf(req.url ?? '/');
    if (!f || !existsSync(f) || statSync(f).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(f)] ?? 'application/octet-stream' });
    res.end(readFileSync(f));
  });
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () =>
      r({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, fileOf, close: () => new Promise((c) => server.close(() => c())) }),
    ),
  );
}

interface PageRun {
  /** Navigation start to the first paint showing every agency. */
  firstViewMs: number;
  loadMs: number;
  heapMB: number;
  transfer: { js: number; css: number; data: number; other: number; total: number };
}

async function openAndMeasure(browser: Browser, url: string, fileOf: (u: string) => string | null, staticFirstView: boolean): Promise<{ page: Page; run: PageRun }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx keeps function names with a helper that page.evaluate bodies do not carry.
  await context.addInitScript('window.__name = (f) => f');
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('pageerror', (e) => console.error('  [page error]', e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 600_000 });
  const loadMs = await page.evaluate(() => performance.getEntriesByName('map-ready')[0]?.startTime ?? NaN);
  // Ours: the page carries the first view (every agency, as SVG): its first contentful paint, or,
  // should the first paint come before the document is parsed, the end of parsing (painted on the
  // next frame). The baseline shows its agencies only once its map has drawn them.
  const firstViewMs = staticFirstView
    ? await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return Math.max(fcp, nav?.domInteractive ?? 0);
      })
    : loadMs;
  const transfer = { js: 0, css: 0, data: 0, other: 0, total: 0 };
  for (const u of new Set(urls)) {
    const f = fileOf(u);
    if (!f || !existsSync(f)) continue;
    const bytes = gz(f);
    const ext = extname(f);
    const kind = ext === '.js' || ext === '.mjs' ? 'js' : ext === '.css' ? 'css' : ext === '.json' || ext === '.geojson' ? 'data' : 'other';
    transfer[kind] += bytes;
    transfer.total += bytes;
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m: { name: string }) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return { page, run: { firstViewMs, loadMs, heapMB: heap / 2 ** 20, transfer } };
}

const FILTERS_OURS = [{ types: ['sheriff'] }, { state: 'CA' }, { from: 2019 * 12, to: 2019 * 12 + 11 }];
const FILTERS_BASE = [{ type: 'sheriff' }, { state: 'CA' }, { from: '2019-01', to: '2019-12' }];

/** Filter change → map idle, in the page's own clock. */
async function filterTimesOurs(page: Page): Promise<number[]> {
  return page.evaluate(async (filters) => {
    const app = window.ringMap!;
    const map = app.mapView!.map;
    const reset = { types: [], state: null, from: null, to: null, perks: false, records: false, q: '' };
    const once = async (patch: object) => {
      const t0 = performance.now();
      const idle = new Promise<void>((r) => map.once('idle', () => r()));
      app.setFilters(patch as never, { transient: true });
      map.triggerRepaint();
      await idle;
      return performance.now() - t0;
    };
    const times: number[] = [];
    for (let rep = 0; rep < 2; rep++) {
      for (const f of filters) {
        times.push(await once({ ...reset, ...f }));
        times.push(await once(reset));
      }
    }
    return times;
  }, FILTERS_OURS);
}

async function filterTimesBaseline(page: Page, reps: number): Promise<number[]> {
  return page.evaluate(async ({ filters, reps }) => {
    const b = (window as unknown as { baseline: { setFilter(f: object): Promise<number> } }).baseline;
    const times: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      for (const f of filters) {
        times.push(await b.setFilter(f));
        times.push(await b.setFilter({}));
      }
    }
    return times;
  }, { filters: FILTERS_BASE, reps });
}

/** One filter click, seen from the page: its Event Timing duration, its first frame with the new set, its idle. */
export interface ClickTiming {
  /** Click event → the end of the first frame drawn with the new set (map, count and list), ms. */
  frameMs: number;
  /** Click event → the map idle again (the baseline: the same first frame; it has nothing left to draw). */
  idleMs: number;
  /** The interaction's duration as the Event Timing API reports it (what INP takes); null: under the 16 ms threshold. */
  eventMs: number | null;
  /** The count and the list read the same at that first frame as once the map is idle. */
  agree: boolean;
}

/** The clicks: each agency type checked, then unchecked (the same checkboxes on both pages). */
const CLICKS = ['#type-sheriff', '#type-sheriff', '#type-police', '#type-police', '#type-fire', '#type-fire'];

/**
 * Installs the page-side probes: an Event Timing observer (durationThreshold 16, as INP
 * reads interactions) and a capture listener keeping each click's event time.
 */
async function installClickProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { events: { id: number; start: number; duration: number }[]; clicks: number[] } };
    w.__probe = { events: [], clicks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
        if (e.interactionId) w.__probe.events.push({ id: e.interactionId, start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    document.addEventListener('click', (e) => w.__probe.clicks.push(e.timeStamp), true);
  });
}

/** The task after the frame that runs now has been painted (rAF → message). */
const AFTER_PAINT = `(cb) => { const ch = new MessageChannel(); ch.port1.onmessage = () => cb(performance.now()); ch.port2.postMessage(0); }`;

/** Ours: arms the map-side watch (the agencies' new data drawn, then idle) before a click. */
async function armOurs(page: Page): Promise<void> {
  await page.evaluate((afterPaint) => {
    const after = (0, eval)(afterPaint) as (cb: (t: number) => void) => void;
    const map = window.ringMap!.mapView!.map;
    const text = () => `${document.querySelector('#count')?.textContent} | ${document.querySelector('.list-summary')?.textContent}`;
    const w = window as unknown as { __armed: Promise<{ frame: number; idle: number; agree: boolean }> };
    w.__armed = new Promise((resolve) => {
      let content = false;
      let frame = NaN;
      let seen = '';
      const onData = (e: object) => {
        const d = e as { sourceId?: string; sourceDataType?: string };
        if (d.sourceId === 'agencies' && d.sourceDataType === 'content') content = true;
      };
      // MapLibre fires `render` after drawing a frame: the first one once the worker's new tiles are in.
      const onRender = () => {
        if (!content || !Number.isNaN(frame) || !map.isSourceLoaded('agencies')) return;
        frame = -1;
        seen = text();
        after((t) => {
          frame = t;
        });
      };
      const onIdle = () => {
        if (frame === -1 || Number.isNaN(frame)) return;
        map.off('data', onData);
        map.off('render', onRender);
        map.off('idle', onIdle);
        const idle = performance.now();
        resolve({ frame, idle, agree: seen === text() });
      };
      map.on('data', onData);
      map.on('render', onRender);
      map.on('idle', onIdle);
    });
  }, AFTER_PAINT);
}

/** The baseline: its change handler redraws at once; the first frame after it is its redraw. */
async function armBaseline(page: Page): Promise<void> {
  await page.evaluate((afterPaint) => {
    const after = (0, eval)(afterPaint) as (cb: (t: number) => void) => void;
    const w = window as unknown as { __armed: Promise<{ frame: number; idle: number; agree: boolean }> };
    w.__armed = new Promise((resolve) => {
      document.addEventListener('change', () => requestAnimationFrame(() => after((t) => resolve({ frame: t, idle: t, agree: true }))), { once: true });
    });
  }, AFTER_PAINT);
}

/** At 100× one type on and off: each of the baseline's clicks there takes tens of seconds. */
const clicksAt = (size: number) => (size >= 100 ? CLICKS.slice(0, 2) : CLICKS);

/** Clicks the type filters as a visitor does and times each click from the page's side. */
async function clickTimings(page: Page, ours: boolean, clicks = CLICKS): Promise<ClickTiming[]> {
  await installClickProbe(page);
  const out: { frame: number; idle: number; agree: boolean }[] = [];
  for (const sel of clicks) {
    await (ours ? armOurs(page) : armBaseline(page));
    // The baseline at 100× holds its main thread for tens of seconds per click.
    await page.click(sel, { timeout: 600_000 });
    out.push(await page.evaluate(() => (window as unknown as { __armed: Promise<{ frame: number; idle: number; agree: boolean }> }).__armed));
    // Let the page's own after-work (list, link) settle before the next click, as a visitor's pause would.
    await page.waitForTimeout(300);
  }
  const probe = await page.evaluate(() => (window as unknown as { __probe: { events: { id: number; start: number; duration: number }[]; clicks: number[] } }).__probe);
  // An interaction (pointerdown … click) lasts as long as its longest event; it belongs to the click it ends with.
  const byId = new Map<number, { start: number; duration: number }>();
  for (const e of probe.events) {
    const g = byId.get(e.id);
    byId.set(e.id, { start: Math.min(g?.start ?? Infinity, e.start), duration: Math.max(g?.duration ?? 0, e.duration) });
  }
  const clickTimes = probe.clicks.slice(-clicks.length);
  return out.map((r, k) => {
    const t0 = clickTimes[k];
    // The latest interaction that began at or just before this click (a pointerdown precedes its click by a few ms).
    const hit = [...byId.values()].filter((g) => g.start <= t0 + 1 && t0 - g.start < 200).sort((a, b) => b.start - a.start)[0];
    return { frameMs: r.frame - t0, idleMs: r.idle - t0, eventMs: hit ? hit.duration : null, agree: r.agree };
  });
}

/** Frame times while the timeline animation plays (about 3 s). */
async function timelineFrames(page: Page): Promise<{ medianMs: number; p95Ms: number; months: number }> {
  await page.click('.play');
  const r = await page.evaluate(async () => {
    const deltas: number[] = [];
    let last = performance.now();
    const from = window.ringMap!.store.state.filters.to;
    await new Promise<void>((done) => {
      const t0 = last;
      const tick = (t: number) => {
        deltas.push(t - last);
        last = t;
        if (t - t0 < 3000) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    return { deltas, months: (window.ringMap!.store.state.filters.to ?? 0) - (from ?? 0) };
  });
  await page.click('.play').catch(() => undefined);
  return { medianMs: median(r.deltas), p95Ms: pct(r.deltas, 0.95), months: r.months };
}

/** The floor page's name in the Lighthouse results: a reference, not a page of the site. */
const FLOOR_PAGE = 'floor: MapLibre alone';

interface LighthouseRun {
  page: string;
  url: string;
  scores: Record<string, number>;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  lcpMs: number;
  speedIndexMs: number;
  unusedJsKiB: number;
  /** Each run's performance score and blocking time, when this is a median. */
  runs?: { performance: number; tbtMs: number }[];
}

/** A TCP port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcpServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Lighthouse runs per page; each figure reported is the median of the runs (one run varies by ±10 points here). */
const LIGHTHOUSE_RUNS = Number(values['lighthouse-runs'] ?? (values.quick ? 1 : 3));

/**
 * How Lighthouse ran: the desktop preset with its throttling set to "provided" — nothing simulated
 * (the preset's default, Lantern's simulation of a 40 ms RTT, 10 Mbps link and no CPU slowdown, would
 * estimate the timings from a trace) and nothing applied: the timings are as observed in this browser.
 */
const LIGHTHOUSE_THROTTLING = 'desktop preset, throttlingMethod "provided": no network or CPU throttling, neither simulated nor applied; times as observed';

/**
 * Lighthouse (desktop, no throttling) on the built map page at 1×, on one agency page, and on the
 * floor (MapLibre alone): what the library alone costs in blocking time on this machine.
 */
async function runLighthouse(): Promise<LighthouseRun[]> {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktop } = await import('lighthouse/core/config/desktop-config.js');
  const dir = join(WORK, '1x');
  if (!existsSync(join(dir, 'index.html'))) return [];
  const srv = await serve(dir);
  const agencyDir = readdirSync('dist/agency', { withFileTypes: true }).find((d) => d.isDirectory());
  const pages = [
    { page: 'map', url: srv.url },
    ...(agencyDir ? [{ page: 'agency page', url: `${srv.url}agency/${agencyDir.name}/` }] : []),
    ...(existsSync(join(WORK, 'floor', 'index.html')) ? [{ page: FLOOR_PAGE, url: `${srv.url}floor/` }] : []),
  ];
  // The same Chromium as the tests, launched by playwright-core with a debugging port for Lighthouse
  // to connect to (no launcher package of its own).
  const port = await freePort();
  const chrome = await launch([`--remote-debugging-port=${port}`]);
  const out: LighthouseRun[] = [];
  try {
    for (const p of pages) {
      const config = {
        ...desktop,
        settings: {
          ...desktop.settings,
          throttlingMethod: 'provided' as const,
          throttling: { rttMs: 0, throughputKbps: 0, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0, cpuSlowdownMultiplier: 1 },
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        },
      };
      const runs: LighthouseRun[] = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        const r = await lighthouse(p.url, { port, output: 'json', logLevel: 'error' }, config);
        const lhr = r!.lhr;
        const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const run: LighthouseRun = {
          ...p,
          scores: Object.fromEntries(Object.values(lhr.categories).map((c) => [c.id, Math.round((c.score ?? NaN) * 100)])),
          cls: num('cumulative-layout-shift'),
          tbtMs: num('total-blocking-time'),
          fcpMs: num('first-contentful-paint'),
          lcpMs: num('largest-contentful-paint'),
          speedIndexMs: num('speed-index'),
          unusedJsKiB: Math.round(((lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0) / 1024),
        };
        console.log(`lighthouse ${p.page} (${i + 1}/${LIGHTHOUSE_RUNS}): ${JSON.stringify(run.scores)} CLS ${run.cls.toFixed(3)} TBT ${Math.round(run.tbtMs)} ms`);
        runs.push(run);
      }
      // Each figure its own median over the runs.
      const med = (f: (r: LighthouseRun) => number) => median(runs.map(f));
      out.push({
        ...p,
        scores: Object.fromEntries(Object.keys(runs[0].scores).map((k) => [k, med((r) => r.scores[k])])),
        cls: med((r) => r.cls), tbtMs: med((r) => r.tbtMs), fcpMs: med((r) => r.fcpMs), lcpMs: med((r) => r.lcpMs),
        speedIndexMs: med((r) => r.speedIndexMs), unusedJsKiB: med((r) => r.unusedJsKiB),
        runs: runs.map((r) => ({ performance: r.scores.performance, tbtMs: Math.round(r.tbtMs) })),
      });
    }
  } finally {
    await chrome.close();
    await srv.close();
  }
  return out;
}

function timeDataBuild(tablesDir: string, outFile: string): number {
  const t0 = performance.now();
  const r = spawnSync('npx', ['tsx', 'pipeline/partnerships.geojson.ts', '--in', tablesDir, '--out', outFile, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`data build failed at ${tablesDir}:\n${r.stderr.slice(0, 2000)}`);
  return ms;
}

async function main(): Promise<void> {
  // Other work on the machine skews every figure: its load is written beside the results.
  const loadAtStart = loadavg()[0];
  mkdirSync(WORK, { recursive: true });
  mkdirSync(OUT, { recursive: true });
  if (!values['skip-build']) {
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
    await build({ root: 'bench/baseline', base: './', configFile: false, logLevel: 'warn', build: { outDir: join(WORK, 'baseline'), emptyOutDir: true } });
    await build({ root: 'bench/floor', base: './', configFile: false, logLevel: 'warn', build: { outDir: join(WORK, 'floor'), emptyOutDir: true } });
  }
  const real = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  const browser = await launch(['--js-flags=--max-old-space-size=8192']);
  const chromium = browser.version();
  const results: Record<string, unknown>[] = [];
  try {
    for (const size of SIZES) {
      console.log(`\n== ${size}× ==`);
      const dir = join(WORK, `${size}x`);
      mkdirSync(join(dir, 'map'), { recursive: true });
      const collection = synthCollection(real, size);
      writeFileSync(join(dir, 'partnerships.geojson'), JSON.stringify(collection));
      const { points, chunks } = encodeMapData(collection);
      writeFileSync(join(dir, 'map', 'points.json'), JSON.stringify(points));
      chunks.forEach((c, k) => writeFileSync(join(dir, 'map', `details-${k}.json`), JSON.stringify(c)));
      synthTables('data', join(dir, 'tables'), size);
      writeFirstView('dist/index.html', join(dir, 'map', 'points.json'), 'dist/generated/basemap', join(dir, 'index.html'));
      const buildMs = timeDataBuild(join(dir, 'tables'), join(dir, 'built.geojson'));
      console.log(`data build: ${Math.round(buildMs)} ms for ${collection.features.length} agencies`);

      const srv = await serve(dir);
      // The other build (--compare), with its own first view drawn from this size's data.
      let alt: Awaited<ReturnType<typeof serve>> | null = null;
      if (COMPARE) {
        writeFirstView(join(COMPARE, 'index.html'), join(dir, 'map', 'points.json'), join(COMPARE, 'generated/basemap'), join(dir, 'index-compare.html'));
        alt = await serve(dir, COMPARE, join(dir, 'index-compare.html'));
      }
      const altRuns: PageRun[] = [];
      let altClicks: ClickTiming[] = [];
      let altFilter: number[] = [];
      let oursClicks: ClickTiming[] = [];
      let baseClicks: ClickTiming[] = [];
      const ours: PageRun[] = [];
      const base: PageRun[] = [];
      // MapLibre alone: measured at 1× only (it draws no data).
      const floor: PageRun[] = [];
      let oursFilter: number[] = [];
      let baseFilter: number[] = [];
      let timeline = { medianMs: NaN, p95Ms: NaN, months: 0 };
      const runs = size >= 100 ? Math.min(RUNS, 2) : RUNS;
      // One load of each page first, not counted: the browser's own first-use costs (its GPU process, shader and
      // code caches) would otherwise fall on whichever page is measured first.
      for (const [url, staticView] of [[srv.url, true], ...(alt ? [[alt.url, true]] : []), [`${srv.url}baseline/`, false], ...(size === 1 ? [[`${srv.url}floor/`, false]] : [])] as [string, boolean][]) {
        const w = await openAndMeasure(browser, url, srv.fileOf, staticView);
        await w.page.context().close();
      }
      for (let r = 0; r < runs; r++) {
        const o = await openAndMeasure(browser, srv.url, srv.fileOf, true);
        ours.push(o.run);
        if (r === 0) {
          oursFilter = await filterTimesOurs(o.page);
          console.log(`  filter (ours): ${oursFilter.map((x) => Math.round(x)).join(', ')} ms`);
          oursClicks = await clickTimings(o.page, true, clicksAt(size));
          console.log(`  clicks (ours): ${JSON.stringify(oursClicks.map((c) => [Math.round(c.frameMs), Math.round(c.idleMs), c.eventMs]))}`);
          timeline = await timelineFrames(o.page);
        }
        await o.page.context().close();
        if (alt) {
          const a = await openAndMeasure(browser, alt.url, alt.fileOf, true);
          altRuns.push(a.run);
          if (r === 0) {
            altFilter = await filterTimesOurs(a.page);
            altClicks = await clickTimings(a.page, true, clicksAt(size));
            console.log(`  clicks (${values['compare-label']}): ${JSON.stringify(altClicks.map((c) => [Math.round(c.frameMs), Math.round(c.idleMs), c.eventMs]))}`);
          }
          await a.page.context().close();
        }
        const b = await openAndMeasure(browser, `${srv.url}baseline/`, srv.fileOf, false);
        base.push(b.run);
        if (r === 0) {
          baseFilter = await filterTimesBaseline(b.page, size >= 100 ? 1 : 2);
          console.log(`  filter (baseline): ${baseFilter.map((x) => Math.round(x)).join(', ')} ms`);
          baseClicks = await clickTimings(b.page, false, clicksAt(size));
          console.log(`  clicks (baseline): ${JSON.stringify(baseClicks.map((c) => [Math.round(c.frameMs), Math.round(c.idleMs), c.eventMs]))}`);
        }
        await b.page.context().close();
        if (size === 1) {
          const f = await openAndMeasure(browser, `${srv.url}floor/`, srv.fileOf, false);
          floor.push(f.run);
          await f.page.context().close();
        }
        console.log(`run ${r + 1}: first view ours ${Math.round(o.run.firstViewMs)} ms; map idle ours ${Math.round(o.run.loadMs)} ms${altRuns[r] ? `, ${values['compare-label']} ${Math.round(altRuns[r].loadMs)} ms` : ''}, baseline ${Math.round(b.run.loadMs)} ms${floor[r] ? `, floor ${Math.round(floor[r].loadMs)} ms` : ''}`);
      }
      await srv.close();
      await alt?.close();
      const clickSummary = (c: ClickTiming[]) => ({
        frameMs: median(c.map((x) => x.frameMs)),
        idleMs: median(c.map((x) => x.idleMs)),
        // Under the observer's 16 ms threshold counts as 16 (an upper bound).
        eventMs: median(c.map((x) => x.eventMs ?? 16)),
        eventMaxMs: Math.max(...c.map((x) => x.eventMs ?? 16)),
        belowThreshold: c.filter((x) => x.eventMs === null).length,
        agree: c.every((x) => x.agree),
        all: c,
      });
      const row = {
        size,
        agencies: collection.features.length,
        firstView: { ours: median(ours.map((x) => x.firstViewMs)), baseline: median(base.map((x) => x.firstViewMs)) },
        load: { ours: median(ours.map((x) => x.loadMs)), baseline: median(base.map((x) => x.loadMs)), floor: floor.length ? median(floor.map((x) => x.loadMs)) : null },
        filter: { ours: median(oursFilter), baseline: median(baseFilter), oursAll: oursFilter, baselineAll: baseFilter },
        clicks: { ours: clickSummary(oursClicks), baseline: clickSummary(baseClicks), compare: alt ? clickSummary(altClicks) : null },
        compare: alt ? { label: values['compare-label'], firstView: median(altRuns.map((x) => x.firstViewMs)), load: median(altRuns.map((x) => x.loadMs)), filter: median(altFilter), heapMB: median(altRuns.map((x) => x.heapMB)) } : null,
        timeline,
        heapMB: { ours: median(ours.map((x) => x.heapMB)), baseline: median(base.map((x) => x.heapMB)) },
        transfer: { ours: ours[0].transfer, baseline: base[0].transfer },
        dataBuildMs: buildMs,
        files: { geojsonBytes: statSync(join(dir, 'partnerships.geojson')).size, pointsBytes: statSync(join(dir, 'map', 'points.json')).size },
      };
      console.log(JSON.stringify({ load: row.load, filter: { ours: row.filter.ours, baseline: row.filter.baseline }, heapMB: row.heapMB }));
      results.push(row);
    }
  } finally {
    await browser.close();
  }
  const lighthouse = LIGHTHOUSE_RUNS > 0 ? await runLighthouse() : [];
  const lookup = {
    gazetteerGz: gz('dist/generated/lookup/gazetteer.json'),
    countiesGz: gz('dist/generated/basemap/counties.json'),
  };
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`, node: process.version, chromium, rendering: 'WebGL2 through SwiftShader (CPU), headless',
  };
  // The options the run was made with (not the note), so a reader knows what a row is the median of.
  const args = process.argv.slice(2).filter((a, k, all) => a !== '--note' && all[k - 1] !== '--note' && !a.startsWith('--note=')).join(' ');
  const report = { date: new Date().toISOString(), args, note: values.note ?? '', load: { start: loadAtStart, end: loadavg()[0] }, quick: !!values.quick, machine, lookup, results, lighthouse };
  // A quick run (development) never replaces the committed results.
  const [json, md] = values.quick ? [join(OUT, 'quick.json'), join(WORK, 'RESULTS-quick.md')] : [join(OUT, 'latest.json'), 'bench/RESULTS.md'];
  writeFileSync(json, JSON.stringify(report, null, 2));
  writeFileSync(md, markdown(report));
  console.log(`\nwrote ${json} and ${md}`);
}

type Report = { date: string; args: string; note: string; load: { start: number; end: number }; quick: boolean; machine: Record<string, unknown>; lookup: { gazetteerGz: number; countiesGz: number }; results: Record<string, any>[]; lighthouse: LighthouseRun[] };

/** What the profiles showed and what was changed for it: kept with every run's results. */
const NOTES = [
  '## Notes: what the profiles showed',
  '',
  'Each change below was measured before and after on a quiet machine: the median of 5 to 9 loads of the built page at 1280 × 800 (1× data), navigation start to map idle, both builds interleaved in one browser. The run above also measures the build before all of them (c9963a2) beside this one (`--compare`), three loads each: its map idle varies by ±20 % from load to load here, more than these changes add up to.',
  '',
  '**Where map idle goes (CPU profile and trace of a load, 2026-12-07).** Three threads share the 2 cores: the page\'s main thread, the map\'s worker and the GPU process, where SwiftShader draws on the CPU. The first paint comes at about 0.5 s (a page with one line of text paints at about 0.4 s here; with every script blocked ours paints at the same time as with them, so the first view costs parsing and painting only). Then, on the main thread: the points file parsed and checked (about 100 ms), the agency index (40 ms), the map created (WebGL context and painter, 100–150 ms, as in the floor), the panels and the first render (100–150 ms), the layers added; on the worker, from the map\'s creation to its first full frame, about 650 ms decoding and triangulating the basemap\'s tiles and laying out the symbols: the longest path to map idle. MapLibre links 8 shader programs before idle (the floor: 1), five frames are drawn, and the GPU process spends most of the load waiting on SwiftShader (`ContextVk::finishImpl`). Labels are drawn from the local font on the main thread (TinySDF, about 60 ms for the state codes and cluster counts).',
  '',
  '**Changed, each measured:**',
  '- *The benchmark browser.* Chromium 156 preloads its omnibox popup as a page of its own after every new window; its renderer takes a whole core for about 3 s, competing with whichever page is measured. The shared launcher disables it (`--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup`): our map idle 2,552 → 2,332 ms; every page measured gains, the baseline and the floor too. Each page is also loaded once, uncounted, before the measured runs, so the browser\'s first-use costs no longer fall on the first page measured (ours).',
  '- *The map area keeps its size while the page loads.* The timeline below it was filled after the map was created (first at 344 px, then 351 px when the chart of reported totals arrived, against the 302 px reserved), so the map was resized twice, each time re-allocating its drawing buffer and redrawing. On wide screens the running text and the note now take a fixed room and the page reserves the filled height (`src/first-view/first-view.css`); a browser test checks one size from the first paint to map idle at 1280, 1366 and 1920 px. 2,191 → 2,110 ms.',
  '- *The legend is drawn and measured only when what it shows changes.* It was redrawn, and its size read twice (two forced layouts), on every filter change and again once the map had started. 2,003 → 1,949 ms; a filter click no longer rebuilds it.',
  '- *Basemap tiles simplified to one pixel below the last zoom* (8 of 4,096 units; the last zoom keeps every vertex, so close-ups are unchanged): zoom 3 tiles 97 → 57 KB, all tiles 517 → 359 KiB gzip, and half the vertices for the worker. 2,103 → 1,994 ms (two pixels: 2,359 → 2,184 ms, not kept: coastlines visibly coarser).',
  '- *The start in steps.* Parsing and checking the points file, building the index, creating the map, building the panels, the first render, adding the layers and the list that follows the map\'s view each end their task (`scheduler.yield`), and the number, date and sorting formats load their locale data one per idle moment while the map\'s library downloads. Sum of long tasks\' excess over 50 ms after the first paint (as total blocking time counts them, 7 loads): 613 → 412 ms (the floor: 230 ms); map idle within the noise (2,099 → 2,164 ms).',
  '',
  '**Tried and not kept:** preloading the map library and the app as module preloads (the map is created 100 ms sooner, but the first paint comes 120 ms later, 480 → 604 ms, and map idle is unchanged, 1,994 → 1,987 ms); a live map without a preserved drawing buffer (2,552 → 2,527 ms: within the noise; the export draws its own map); for the click, a fixed table layout for the list (its 25 ms layout per click unchanged) and rows skipped off-screen (`content-visibility`: 26 → 20 ms, at the cost of the table\'s columns).',
  '',
  '**Weighed, not done:** labels from pre-built glyphs instead of the local font: removing every label layer (an upper bound) saves 160 ms of map idle, of which about 60 ms is drawing glyphs; building glyph files needs a font with an open licence and a build step that renders them. One circle layer for clusters and points (they already share one shader program). Linking shader programs over several tasks (MapLibre compiles each program on first use, with no hook; adding layers over several frames makes each a 20–100 ms frame on this renderer). A filter change still goes through the worker (`setData`), so its first frame waits for the worker\'s new tiles: the Leaflet page redraws in its own task.',
  '',
  '**A filter click (CPU profile and trace of six type clicks, 2026-12-07):** about 130 ms of main-thread work per click, of which our own code is about 17 ms (the store, the filters panel, the list, the count); MapLibre about 33 ms; layout, paint and WebGL calls the rest, among them a 25 ms layout of the list\'s table (its rows re-ordered). Earlier rounds made the list keep its rows and write the link at the first idle moment after 250 ms.',
  '',
];

function markdown(r: Report): string {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} ms` : 'n/a');
  const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? (a / b).toFixed(2) : 'n/a');
  const by = (s: number) => r.results.find((x) => x.size === s);
  const lines = [
    '# Benchmark results',
    '',
    `Latest run: ${r.date.slice(0, 16).replace('T', ' ')} UTC, \`npm run bench${r.args ? ` -- ${r.args}` : ''}\`. Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GiB, ${r.machine.os}, Node ${r.machine.node}, Chromium ${r.machine.chromium}, ${r.machine.rendering}.`,
    '',
    `Load average (1 minute) at the start and the end of the run: ${r.load.start.toFixed(1)} / ${r.load.end.toFixed(1)} on ${r.machine.cores} cores${r.load.start > Number(r.machine.cores) || r.load.end > Number(r.machine.cores) ? ': the machine was busy with other work, so absolute times are inflated and the ratios noisy' : ''}.`,
    ...(r.note ? ['', `**Load during this run:** ${r.note}`] : []),
    '',
    'Absolute times depend on the machine (this one renders WebGL on the CPU); the ratios to the baseline, measured in the same browser in the same run, are what the targets are about.',
    '',
    '"First view" is navigation start to the first paint showing every agency: for ours the static national view in the page (its first contentful paint, or the end of parsing if later); the baseline shows its agencies only when its map has drawn them, so its first view is its map-ready time. "Map idle" is navigation start to the live map drawn with every agency, idle. "Above the floor" is our map idle minus the floor\'s (MapLibre alone, `bench/floor/`, measured in the same runs): the part that is the site\'s own work, not the library\'s; its ratio is to the baseline\'s whole load.',
    '',
    '| size | agencies | first view ours | first view baseline | ratio | map idle ours | map idle baseline | ratio | floor | above the floor | ÷ baseline load | filter to idle ours (median) | filter baseline (median) | ratio | timeline frame median / p95 | JS heap ours / baseline | transfer until map idle, ours (JS / CSS / data) | baseline | data build |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.results.map((x) =>
      [
        `${x.size}×`, x.agencies.toLocaleString('en-US'),
        ms(x.firstView.ours), ms(x.firstView.baseline), ratio(x.firstView.ours, x.firstView.baseline),
        ms(x.load.ours), ms(x.load.baseline), ratio(x.load.ours, x.load.baseline),
        x.load.floor !== null ? ms(x.load.floor) : '—',
        x.load.floor !== null ? ms(x.load.ours - x.load.floor) : '—',
        x.load.floor !== null ? ratio(x.load.ours - x.load.floor, x.load.baseline) : '—',
        ms(x.filter.ours), ms(x.filter.baseline), ratio(x.filter.ours, x.filter.baseline),
        `${x.timeline.medianMs.toFixed(0)} / ${x.timeline.p95Ms.toFixed(0)} ms`,
        `${x.heapMB.ours.toFixed(0)} / ${x.heapMB.baseline.toFixed(0)} MB`,
        `${kb(x.transfer.ours.total)} (${kb(x.transfer.ours.js)} / ${kb(x.transfer.ours.css)} / ${kb(x.transfer.ours.data)})`,
        kb(x.transfer.baseline.total), ms(x.dataBuildMs),
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    ),
    '',
    `Lazily loaded lookup data (not in the first view): place gazetteer ${kb(r.lookup.gazetteerGz)}, county outlines ${kb(r.lookup.countiesGz)} (gzip).`,
    '',
    '## A filter click, from the page\'s side',
    '',
    'A visitor\'s click on an agency-type checkbox (sheriff, police, fire; each checked, then unchecked: six clicks), the same checkboxes on both pages, clicked by the browser as a person would. "First frame" is the click event\'s time to the end of the first frame drawn with the new set: ours, the first frame MapLibre draws once the worker\'s new tiles are in (the count and the list are set in the click\'s own task, before it, and read the same once the map is idle); the baseline, the frame after its change handler has redrawn its clusters. "To idle" is the click to our map idle (the baseline has nothing left to draw after its frame). "Event Timing" is the interaction\'s duration as the Event Timing API reports it (PerformanceObserver type `event`, `durationThreshold` 16, grouped by `interactionId`, the longest event of the interaction: what INP measures); an interaction under 16 ms is not reported and counts as 16. Medians of the six clicks (at 100×, of the first two: one type on and off).',
    '',
    '| size | first frame ours | to idle ours | first frame baseline | ratio first frame | ratio to idle | Event Timing ours (median / max) | Event Timing baseline (median / max) | count and list agree with the map |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.results.filter((x) => x.clicks).map((x) => {
      const o = x.clicks.ours, b = x.clicks.baseline;
      return `| ${x.size}× | ${ms(o.frameMs)} | ${ms(o.idleMs)} | ${ms(b.frameMs)} | ${ratio(o.frameMs, b.frameMs)} | ${ratio(o.idleMs, b.frameMs)} | ${ms(o.eventMs)} / ${ms(o.eventMaxMs)} | ${ms(b.eventMs)} / ${ms(b.eventMaxMs)} | ${o.agree ? 'yes' : '**no**'} |`;
    }),
  ];
  const compared = r.results.filter((x) => x.compare);
  if (compared.length) {
    const label = compared[0].compare.label;
    lines.push('', `## Before and after, in this run`, '', `\`npm run bench -- --compare <dir>\` measured another build of the site (“${label}”) beside this one, interleaved in the same runs.`, '',
      `| size | map idle ${label} | map idle now | first view ${label} | first view now | filter to idle ${label} (median) | now | click: first frame ${label} | now | click: to idle ${label} | now | Event Timing ${label} (median) | now |`,
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...compared.map((x) => `| ${x.size}× | ${ms(x.compare.load)} | ${ms(x.load.ours)} | ${ms(x.compare.firstView)} | ${ms(x.firstView.ours)} | ${ms(x.compare.filter)} | ${ms(x.filter.ours)} | ${ms(x.clicks.compare.frameMs)} | ${ms(x.clicks.ours.frameMs)} | ${ms(x.clicks.compare.idleMs)} | ${ms(x.clicks.ours.idleMs)} | ${ms(x.clicks.compare.eventMs)} | ${ms(x.clicks.ours.eventMs)} |`));
  }
  lines.push('', '## Targets', '');
  const s1 = by(1), s10 = by(10), s100 = by(100);
  const check = (ok: boolean) => (ok ? 'met' : 'missed');
  const target = (name: string, value: string, ok: boolean) => lines.push(`- ${name} — ${value} — ${check(ok)}`);
  if (s1) {
    const above = s1.load.floor !== null ? s1.load.ours - s1.load.floor : NaN;
    target("1× load: map idle above the floor ≤ 0.5× the baseline's load", ratio(above, s1.load.baseline), above <= 0.5 * s1.load.baseline);
    target("1× filter: first frame drawn with the new set ≤ 1.0× the baseline's redraw", ratio(s1.clicks.ours.frameMs, s1.clicks.baseline.frameMs), s1.clicks.ours.frameMs <= s1.clicks.baseline.frameMs);
    target("1× filter: to idle ≤ 1.5× the baseline's redraw", ratio(s1.clicks.ours.idleMs, s1.clicks.baseline.frameMs), s1.clicks.ours.idleMs <= 1.5 * s1.clicks.baseline.frameMs);
    target("1× first view with every agency visible ≤ 0.5× the baseline's load", ratio(s1.firstView.ours, s1.load.baseline), s1.firstView.ours <= 0.5 * s1.load.baseline);
  }
  if (s10) target('10× map idle ≤ 1.0× the baseline', ratio(s10.load.ours, s10.load.baseline), s10.load.ours <= s10.load.baseline);
  if (s100) {
    target('100× load ≤ 0.3× the baseline', ratio(s100.load.ours, s100.load.baseline), s100.load.ours <= 0.3 * s100.load.baseline);
    target('100× filter ≤ 0.1× the baseline', ratio(s100.filter.ours, s100.filter.baseline), s100.filter.ours <= 0.1 * s100.filter.baseline);
    if (s1) target('100× filter ≤ 3× ours at 1×', ratio(s100.filter.ours, s1.filter.ours), s100.filter.ours <= 3 * s1.filter.ours);
  }
  if (s1 && s100) target('first-view transfer holds no lookup file', `${kb(s1.transfer.ours.total)} at 1×; the lookup data, ${kb(r.lookup.gazetteerGz + r.lookup.countiesGz)}, loads on first search`, true);
  const lhFloor = r.lighthouse.find((x) => x.page === FLOOR_PAGE);
  const lhMap = r.lighthouse.find((x) => x.page === 'map');
  if (lhMap && lhFloor) {
    target("Lighthouse, map: total blocking time ≤ the floor's + 100 ms", `${ms(lhMap.tbtMs)} (floor ${ms(lhFloor.tbtMs)})`, lhMap.tbtMs <= lhFloor.tbtMs + 100);
    target("Lighthouse, map: performance within 5 points of the floor's", `${lhMap.scores.performance} (floor ${lhFloor.scores.performance})`, lhMap.scores.performance >= lhFloor.scores.performance - 5);
  }
  if (lhMap) {
    target('Lighthouse, map: CLS ≤ 0.1', lhMap.cls.toFixed(3), lhMap.cls <= 0.1);
    target('Lighthouse, map: accessibility 100', String(lhMap.scores.accessibility), lhMap.scores.accessibility === 100);
  }
  for (const l of r.lighthouse.filter((x) => x.page !== FLOOR_PAGE && x.page !== 'map')) {
    target(`Lighthouse, ${l.page}: performance ≥ 90, CLS ≤ 0.1, blocking time ≤ 200 ms, accessibility / best practices / SEO 100`,
      `${l.scores.performance}, ${l.cls.toFixed(3)}, ${ms(l.tbtMs)}, ${l.scores.accessibility} / ${l.scores['best-practices']} / ${l.scores.seo}`,
      l.scores.performance >= 90 && l.cls <= 0.1 && l.tbtMs <= 200 && ['accessibility', 'best-practices', 'seo'].every((c) => l.scores[c] === 100));
  }
  if (r.lighthouse.length) {
    lines.push('', '## Lighthouse', '', `The \`lighthouse\` package driving the same Chromium, the built site (1× data) on a local static server. Throttling: ${LIGHTHOUSE_THROTTLING}. ${LIGHTHOUSE_RUNS} run${LIGHTHOUSE_RUNS === 1 ? '' : 's'} per page; each figure is the median of the runs (each run's performance and blocking time in the last column).`, '',
      '| page | performance | accessibility | best practices | SEO | CLS | total blocking time | first contentful paint | largest contentful paint | speed index | unused JS | runs (performance, TBT) |', '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...r.lighthouse.map((l) => `| ${l.page} | ${l.scores.performance} | ${l.scores.accessibility} | ${l.scores['best-practices']} | ${l.scores.seo} | ${l.cls.toFixed(3)} | ${ms(l.tbtMs)} | ${ms(l.fcpMs)} | ${ms(l.lcpMs)} | ${ms(l.speedIndexMs)} | ${Math.round(l.unusedJsKiB)} KiB | ${(l.runs ?? []).map((x) => `${x.performance}, ${x.tbtMs} ms`).join('; ')} |`));
  }
  lines.push('', 'Filter to idle: agency type, state and a one-year date range, each applied and reset through the app (median over all changes); the baseline rebuilds its cluster group. Ours recomputes its view-clustering and redraws.', '');
  lines.push(...NOTES);
  return lines.join('\n');
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
