/**
 * The first view: the national map with every agency is in the page itself
 * (readable without JavaScript or WebGL), the live map takes over once it
 * has drawn, the layout holds its shape while the data arrives, and the
 * tools a first view does not need load when first used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, screenshot, waitForIdle, waitForMap, DESKTOP, PHONE } from './browser';
import { BASE } from './app';
import { FEATURES, agenciesLabel } from './dataset';
import { serveDir } from './static-server';
import { CSP } from './csp';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { COLORS } from '../../src/map/basemap-colors';
import { HtmlValidate } from 'html-validate';
import type { ConfigData } from 'html-validate';


let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Agencies the static picture shows: cluster counts plus single points. */
async function agenciesInPicture(page: Page): Promise<{ clusters: number; singles: number; total: number }> {
  return page.evaluate(() => {
    const counts = [...document.querySelectorAll('#first-view .fv-counts text')].map((t) => {
      const s = t.textContent ?? '';
      return s.endsWith('k') ? Math.round(parseFloat(s) * 1000) : Number(s);
    });
    const singles = document.querySelectorAll('#first-view .fv-points circle').length;
    return { clusters: counts.length, singles, total: counts.reduce((a, b) => a + b, 0) + singles };
  });
}

/**
 * Where the land of the states is drawn (the basemap's land colour), as
 * the outermost columns and rows holding a run of it: both pictures paint
 * the states in this colour, so its extent is the framing a reader sees.
 */
function landBox(png: PNG, maxY = png.height): { left: number; right: number; top: number; bottom: number; pixels: number } {
  const [r0, g0, b0] = [1, 3, 5].map((k) => parseInt(COLORS.land.slice(k, k + 2), 16));
  const cols = new Uint32Array(png.width), rows = new Uint32Array(png.height);
  let pixels = 0;
  for (let y = 0; y < Math.min(maxY, png.height); y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * y + x) << 2;
      if (Math.abs(png.data[i] - r0) <= 2 && Math.abs(png.data[i + 1] - g0) <= 2 && Math.abs(png.data[i + 2] - b0) <= 2) {
        cols[x]++;
        rows[y]++;
        pixels++;
      }
    }
  }
  // A run of land, not a stray pixel of a label's halo.
  const first = (a: Uint32Array) => a.findIndex((v) => v >= 4);
  const last = (a: Uint32Array) => a.length - 1 - [...a].reverse().findIndex((v) => v >= 4);
  return { left: first(cols), right: last(cols), top: first(rows), bottom: last(rows), pixels };
}

/** Sum of layout shifts not caused by input, observed in the page from its start. */
const OBSERVE_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => {
        const n = s.node;
        return n && n.nodeType === 1 ? n.tagName + (n.id ? '#' + n.id : '') + '.' + String(n.className).split(' ')[0] : String(n && n.nodeName);
      }) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** What a reader sees in the totals panel and the legend: the count, each total's row, and the legend's numbers. */
async function numbersShown(page: Page): Promise<{ count: string; totals: string[]; legend: string[] }> {
  const text = async (sel: string) => ((await page.locator(sel).innerText()) ?? '').replace(/\s+/g, ' ').trim();
  const rows = await page.locator('#totals dt').count();
  const totals: string[] = [];
  for (let k = 0; k < rows; k++) {
    totals.push(`${await page.locator('#totals dt').nth(k).innerText()}: ${await page.locator('#totals dd').nth(k).innerText()}`.replace(/\s+/g, ' ').trim());
  }
  // The ramp's month labels and any figure in the legend.
  const legend = (await text('#legend')).match(/[A-Z][a-z]{2} ’?'?\d{2,4}|\$?\d[\d,.]*/g) ?? [];
  return { count: await text('#count'), totals, legend };
}

/** Documented dollars over every agency, summed here from the dataset (perks and subsidies). */
function documentedDollars(): { sum: number; agencies: number } {
  let sum = 0, agencies = 0;
  for (const f of FEATURES) {
    const { perk_value_usd: v, subsidy_usd: s } = f.properties;
    if (v === null && s === null) continue;
    sum += (v ?? 0) + (s ?? 0);
    agencies++;
  }
  return { sum, agencies };
}


/** Holds the map library's script back until the returned function is called: the first view must not need it. */
async function holdMapLibrary(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/assets/map-view-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('first view', () => {
  it('is valid HTML as built (checked by html-validate)', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData);
    const report = await validator.validateString(readFileSync('dist/index.html', 'utf8'), 'dist/index.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('reads the same count, totals and legend with JavaScript off and on', async () => {
    const off = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const still = await off.newPage();
    await still.goto(BASE());
    const before = await numbersShown(still);
    await screenshot(still, 'first-view-numbers-no-js');
    await off.close();

    const { page, context } = await newPage(browser);
    await page.goto(BASE());
    await waitForMap(page);
    await page.waitForSelector('#first-view', { state: 'detached', timeout: 10_000 });
    const after = await numbersShown(page);
    await context.close();

    expect(before.count).toBe(agenciesLabel(FEATURES.length));
    expect(before.totals).toHaveLength(4);
    // The perks total, as summed here: whole, with its dollar sign, the same with and without the app.
    const { sum, agencies } = documentedDollars();
    const perks = before.totals.find((t) => t.startsWith('Documented perks'))!;
    expect(perks).toContain(`$${sum.toLocaleString('en-US')}`);
    expect(perks).toContain(agenciesLabel(agencies));
    expect(before.legend.length).toBeGreaterThanOrEqual(2);
    expect(after).toEqual(before);
  });

  it('shows the national picture, the counts and the list link with JavaScript disabled', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(BASE());
    const svg = page.locator('#first-view svg');
    expect(await svg.isVisible()).toBe(true);
    expect(await svg.getAttribute('aria-label')).toContain(agenciesLabel(FEATURES.length));
    const pic = await agenciesInPicture(page);
    expect(pic.clusters).toBeGreaterThan(0);
    expect(pic.total).toBe(FEATURES.length);
    // State outlines are drawn.
    expect(((await page.locator('#first-view path').first().getAttribute('d')) ?? '').length).toBeGreaterThan(1000);
    expect((await page.locator('#count').textContent())?.trim()).toBe(agenciesLabel(FEATURES.length));
    expect(await page.locator('#totals dt').count()).toBe(4);
    // Tools that need JavaScript are not offered.
    expect(await page.locator('#share-button').isVisible()).toBe(false);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await screenshot(page, 'first-view-no-js-desktop');
    const link = page.locator('#first-view a', { hasText: 'Every agency, listed by state' });
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await page.waitForURL(/\/state\/$/);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('a[href*="agency/"], a[href*="/state/"], a[href^="../state/"], main a').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('is on screen before the map script runs, and the live map replaces it', async () => {
    const { page, context } = await newPage(browser);
    // Hold the map library back: the first view must not need it.
    const release = await holdMapLibrary(page);
    await page.goto(BASE());
    await page.waitForSelector('#first-view svg');
    expect(await page.locator('#first-view svg').isVisible()).toBe(true);
    expect((await agenciesInPicture(page)).total).toBe(FEATURES.length);
    expect(await page.locator('body[data-map-ready]').count()).toBe(0);
    await screenshot(page, 'first-view-before-map');
    release();
    await waitForMap(page);
    await page.waitForSelector('#first-view', { state: 'detached', timeout: 10_000 });
    await waitForIdle(page);
    await screenshot(page, 'first-view-live-map');
    await context.close();
  });

  // On phones the legend opens folded, so the live map frames the states as the picture does. Where the legend
  // is open over the map (wider screens), the live map frames the agencies clear of it: the picture moves once
  // (the README says so); a static picture cannot know the legend's size in every window.
  for (const [name, viewport] of [['phone', PHONE], ['small phone', { width: 360, height: 740 }]] as const) {
    it(`hands over to the live map moving the picture by a few pixels at most (${name})`, async () => {
      const { page, context } = await newPage(browser, { viewport });
      const release = await holdMapLibrary(page);
      await page.goto(BASE());
      await page.waitForSelector('#first-view svg');
      const box = (await page.locator('.map-wrap').boundingBox())!;
      const beforePng = PNG.sync.read(await page.screenshot({ clip: box }));
      await screenshot(page, `first-view-handoff-before-${name.replace(' ', '-')}`);
      release();
      await waitForMap(page);
      await page.waitForSelector('#first-view', { state: 'detached', timeout: 10_000 });
      await waitForIdle(page);
      const afterPng = PNG.sync.read(await page.screenshot({ clip: box }));
      // The live map's count bar (white, like land) floats over its foot: compare the map above it.
      const bar = await page.locator('#map-bar').boundingBox();
      const maxY = bar ? Math.round(bar.y - box.y) : box.height;
      const before = landBox(beforePng, maxY);
      const after = landBox(afterPng, maxY);
      await screenshot(page, `first-view-handoff-after-${name.replace(' ', '-')}`);
      await context.close();
      // The contiguous states' coasts and borders: where the land ends on each side, before and after.
      expect(before.pixels).toBeGreaterThan(box.width * box.height * 0.03);
      for (const side of ['left', 'right', 'top', 'bottom'] as const) {
        expect(Math.abs(after[side] - before[side]), `${side}: ${before[side]} → ${after[side]} (${JSON.stringify({ before, after })})`).toBeLessThanOrEqual(8);
      }
    });
  }

  it('is not shown over a link to another view', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${BASE()}#state=CA`);
    await page.waitForSelector('#count:not(:empty)');
    await page.waitForFunction(() => !document.getElementById('first-view'));
    await waitForMap(page);
    await context.close();
  });

  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`keeps its layout while the data and the map arrive (${name})`, async () => {
      const { page, context } = await newPage(browser, { viewport });
      await page.addInitScript(OBSERVE_SHIFTS);
      await page.goto(BASE());
      await waitForMap(page);
      await waitForIdle(page);
      await page.waitForSelector('#first-view', { state: 'detached' });
      const shifts = (await page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts));
      const sum = shifts.reduce((a, s) => a + s.value, 0);
      expect(sum, JSON.stringify(shifts)).toBeLessThanOrEqual(0.1);
      await screenshot(page, `first-view-settled-${name}`);
      await context.close();
    });
  }

  // A map area that changes size while the page loads is re-laid out, its drawing buffer re-allocated and redrawn:
  // on wide screens the page reserves the timeline's filled height, so the map keeps one size from the first paint.
  for (const [viewport, lang] of [
    [{ width: 1280, height: 800 }, 'en'], [{ width: 1366, height: 850 }, 'en'], [{ width: 1920, height: 1080 }, 'en'],
    [{ width: 1366, height: 850 }, 'es'], [{ width: 1920, height: 1080 }, 'es'],
  ] as const) {
    it(`keeps the map area one size from the first paint until the live map is ready (${viewport.width}×${viewport.height}, ${lang})`, async () => {
      const { page, context } = await newPage(browser, { viewport });
      await page.addInitScript(`
        window.__mapSizes = [];
        document.addEventListener('DOMContentLoaded', () => new ResizeObserver((es) => {
          for (const e of es) window.__mapSizes.push(Math.round(e.contentRect.width) + 'x' + Math.round(e.contentRect.height));
        }).observe(document.getElementById('map')));
      `);
      await page.goto(BASE() + (lang === 'es' ? '?lang=es' : ''));
      await waitForMap(page);
      await waitForIdle(page);
      const sizes = await page.evaluate(() => (window as unknown as { __mapSizes: string[] }).__mapSizes);
      expect(sizes.length, sizes.join(' → ')).toBe(1);
      // And the timeline did fill: its chart of the totals reported is drawn.
      await page.waitForSelector('#timeline .coverage-plot svg');
      expect(await page.evaluate(() => (window as unknown as { __mapSizes: string[] }).__mapSizes.length)).toBe(1);
      await context.close();
    });
  }

  it('works under the strict Content-Security-Policy', async () => {
    const srv = await serveDir('dist', { 'Content-Security-Policy': CSP });
    const { page, context } = await newPage(browser);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(srv.url);
    expect((await agenciesInPicture(page)).total).toBe(FEATURES.length);
    await waitForMap(page);
    await page.waitForSelector('#first-view', { state: 'detached', timeout: 10_000 });
    expect(violations).toEqual([]);
    await context.close();
    await srv.close();
  });
});
