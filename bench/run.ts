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
import { cpus, totalmem, platform, release } from 'node:os';
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

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1,10,100' }, runs: { type: 'string', default: '3' }, 'skip-build': { type: 'boolean', default: false } } });
const SIZES = values.sizes!.split(',').map(Number);
const RUNS = Number(values.runs);
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
function serve(sizeDir: string): Promise<{ url: string; fileOf: (url: string) => string | null; close: () => Promise<void> }> {
  const fileOf = (u: string): string | null => {
    const path = decodeURIComponent(new URL(u, 'http://x').pathname);
    if (path.startsWith('/baseline/')) return join(WORK, 'baseline', path.slice('/baseline/'.length) || 'index.html');
    if (path.startsWith('/floor/')) return join(WORK, 'floor', path.slice('/floor/'.length) || 'index.html');
    if (path.startsWith('/generated/map/')) return join(sizeDir, 'map', path.slice('/generated/map/'.length));
    if (path === '/data/partnerships.geojson') return join(sizeDir, 'partnerships.geojson');
    // The page with the first view drawn from this size's data.
    if (path === '/' || path === '/index.html') return join(sizeDir, 'index.html');
    return join('dist', path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));
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

/** Lighthouse runs per page; the run with the median performance score is reported (one run varies by ±10 points here). */
const LIGHTHOUSE_RUNS = 3;

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
      out.push([...runs].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(runs.length / 2)]);
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
      const ours: PageRun[] = [];
      const base: PageRun[] = [];
      // MapLibre alone: measured at 1× only (it draws no data).
      const floor: PageRun[] = [];
      let oursFilter: number[] = [];
      let baseFilter: number[] = [];
      let timeline = { medianMs: NaN, p95Ms: NaN, months: 0 };
      const runs = size >= 100 ? Math.min(RUNS, 2) : RUNS;
      for (let r = 0; r < runs; r++) {
        const o = await openAndMeasure(browser, srv.url, srv.fileOf, true);
        ours.push(o.run);
        if (r === 0) {
          oursFilter = await filterTimesOurs(o.page);
          console.log(`  filter (ours): ${oursFilter.map((x) => Math.round(x)).join(', ')} ms`);
          timeline = await timelineFrames(o.page);
        }
        await o.page.context().close();
        const b = await openAndMeasure(browser, `${srv.url}baseline/`, srv.fileOf, false);
        base.push(b.run);
        if (r === 0) {
          baseFilter = await filterTimesBaseline(b.page, size >= 100 ? 1 : 2);
          console.log(`  filter (baseline): ${baseFilter.map((x) => Math.round(x)).join(', ')} ms`);
        }
        await b.page.context().close();
        if (size === 1) {
          const f = await openAndMeasure(browser, `${srv.url}floor/`, srv.fileOf, false);
          floor.push(f.run);
          await f.page.context().close();
        }
        console.log(`run ${r + 1}: first view ours ${Math.round(o.run.firstViewMs)} ms; map idle ours ${Math.round(o.run.loadMs)} ms, baseline ${Math.round(b.run.loadMs)} ms`);
      }
      await srv.close();
      const row = {
        size,
        agencies: collection.features.length,
        firstView: { ours: median(ours.map((x) => x.firstViewMs)), baseline: median(base.map((x) => x.firstViewMs)) },
        load: { ours: median(ours.map((x) => x.loadMs)), baseline: median(base.map((x) => x.loadMs)), floor: floor.length ? median(floor.map((x) => x.loadMs)) : null },
        filter: { ours: median(oursFilter), baseline: median(baseFilter), oursAll: oursFilter, baselineAll: baseFilter },
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
  const lighthouse = await runLighthouse();
  const lookup = {
    gazetteerGz: gz('dist/generated/lookup/gazetteer.json'),
    countiesGz: gz('dist/generated/basemap/counties.json'),
  };
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`, node: process.version, chromium, rendering: 'WebGL2 through SwiftShader (CPU), headless',
  };
  const report = { date: new Date().toISOString(), machine, lookup, results, lighthouse };
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify(report, null, 2));
  writeFileSync('bench/RESULTS.md', markdown(report));
  console.log('\nwrote bench/results/latest.json and bench/RESULTS.md');
}

type Report = { date: string; machine: Record<string, unknown>; lookup: { gazetteerGz: number; countiesGz: number }; results: Record<string, any>[]; lighthouse: LighthouseRun[] };

function markdown(r: Report): string {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  const by = (s: number) => r.results.find((x) => x.size === s);
  const lines = [
    '# Benchmark results',
    '',
    `Latest run: ${r.date.slice(0, 10)}, \`npm run bench\`. Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GiB, ${r.machine.os}, Node ${r.machine.node}, Chromium ${r.machine.chromium}, ${r.machine.rendering}.`,
    'Absolute times depend on the machine (this one renders WebGL on the CPU); the ratios to the baseline, measured in the same browser in the same run, are what the targets are about.',
    '',
    '"First view" is navigation start to the first paint showing every agency: for ours the static national view in the page (its first contentful paint, or the end of parsing if later); the baseline shows its agencies only when its map has drawn them, so its first view is its map-ready time. "Map idle" is navigation start to the live map drawn with every agency, idle.',
    '',
    '| size | agencies | first view ours | first view baseline | ratio | map idle ours | map idle baseline | ratio | filter ours (median) | filter baseline (median) | ratio | timeline frame median / p95 | JS heap ours / baseline | transfer until map idle, ours (JS / CSS / data) | baseline | data build |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.results.map((x) =>
      [
        `${x.size}×`, x.agencies.toLocaleString('en-US'),
        ms(x.firstView.ours), ms(x.firstView.baseline), ratio(x.firstView.ours, x.firstView.baseline),
        ms(x.load.ours), ms(x.load.baseline), ratio(x.load.ours, x.load.baseline),
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
    '## Targets',
    '',
  ];
  const s1 = by(1), s100 = by(100);
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  if (s1) {
    lines.push(`- first view with every agency visible at 1×: ours ≤ 0.5× the baseline's load — ${ratio(s1.firstView.ours, s1.load.baseline)} — ${check(s1.firstView.ours <= 0.5 * s1.load.baseline)}`);
    lines.push(`- map idle at 1×: ours ≤ baseline — ${ratio(s1.load.ours, s1.load.baseline)} — ${check(s1.load.ours <= s1.load.baseline)}`);
    if (s1.load.floor !== null) {
      lines.push(`  - floor: MapLibre alone (one background colour, no source or data; \`bench/floor/\`) is idle at ${ms(s1.load.floor)}, ${ratio(s1.load.floor, s1.load.baseline)}× the baseline's load: the part of ours that is the library, not the site (ours: ${ratio(s1.load.ours, s1.load.floor)}× the floor)`);
    }
    lines.push(`- filter at 1×: ours ≤ baseline — ${ratio(s1.filter.ours, s1.filter.baseline)} — ${check(s1.filter.ours <= s1.filter.baseline)}`);
  }
  if (s100) {
    lines.push(`- load at 100×: ours ≤ 0.3× baseline — ${ratio(s100.load.ours, s100.load.baseline)} — ${check(s100.load.ours <= 0.3 * s100.load.baseline)}`);
    lines.push(`- filter at 100×: ours ≤ 0.1× baseline — ${ratio(s100.filter.ours, s100.filter.baseline)} — ${check(s100.filter.ours <= 0.1 * s100.filter.baseline)}`);
    if (s1) lines.push(`- filter at 100× ≤ 3× filter at 1× (ours) — ${ratio(s100.filter.ours, s1.filter.ours)} — ${check(s100.filter.ours <= 3 * s1.filter.ours)}`);
  }
  if (s1 && s100) lines.push(`- first-view transfer does not grow with the lookup data: it holds no lookup file (${kb(s1.transfer.ours.total)} at 1×; the lookup data is ${kb(r.lookup.gazetteerGz + r.lookup.countiesGz)} and loads on first search)`);
  const lhFloor = r.lighthouse.find((x) => x.page === FLOOR_PAGE);
  for (const l of r.lighthouse.filter((x) => x.page !== FLOOR_PAGE)) {
    const others = ['accessibility', 'best-practices', 'seo'].every((c) => l.scores[c] === 100);
    lines.push(`- Lighthouse, ${l.page}: performance ≥ 90 — ${l.scores.performance} — ${check(l.scores.performance >= 90)}; CLS ≤ 0.1 — ${l.cls.toFixed(3)} — ${check(l.cls <= 0.1)}; total blocking time ≤ 200 ms — ${ms(l.tbtMs)} — ${check(l.tbtMs <= 200)}; accessibility / best practices / SEO 100 — ${l.scores.accessibility} / ${l.scores['best-practices']} / ${l.scores.seo} — ${check(others)}`);
    if (l.page === 'map' && lhFloor) lines.push(`  - floor: MapLibre alone (\`bench/floor/\`) scores ${lhFloor.scores.performance} with ${ms(lhFloor.tbtMs)} of blocking time on this machine: WebGL context creation and the first frame's shader program, which the library compiles and links synchronously (the map links eight)`);
  }
  if (r.lighthouse.length) {
    lines.push('', '## Lighthouse', '', `The \`lighthouse\` package driving the same Chromium, desktop preset, no throttling, the built site (1× data) on a local static server; ${LIGHTHOUSE_RUNS} runs per page, the run with the median performance score shown.`, '',
      '| page | performance | accessibility | best practices | SEO | CLS | total blocking time | first contentful paint | largest contentful paint | speed index | unused JS |', '|---|---|---|---|---|---|---|---|---|---|---|',
      ...r.lighthouse.map((l) => `| ${l.page} | ${l.scores.performance} | ${l.scores.accessibility} | ${l.scores['best-practices']} | ${l.scores.seo} | ${l.cls.toFixed(3)} | ${ms(l.tbtMs)} | ${ms(l.fcpMs)} | ${ms(l.lcpMs)} | ${ms(l.speedIndexMs)} | ${l.unusedJsKiB} KiB |`));
  }
  lines.push('', 'Filter scenarios: agency type, state and a one-year date range, each applied and reset (median over all changes). The baseline rebuilds its cluster group; ours recomputes its view-clustering and redraws.', '');
  return lines.join('\n');
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
