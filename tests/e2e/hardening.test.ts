/**
 * Hardening in a real browser: hostile data, failure states, privacy, a
 * strict Content-Security-Policy and accessibility (axe-core, keyboard,
 * reduced motion).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, newPage, screenshot, waitForIdle, waitForMap, DESKTOP } from './browser';
import { BASE, countText, expectCount, openApp, openDialog, routeDataset, trackOrigins, waitForCard, canvasColourCount } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';
import { serveDir } from './static-server';
import { encodeMapData } from '../../src/data/map-data';
import { monthOf, lastActiveMonth } from '../../src/core/periods';
import { CSP } from './csp';

const DATA_GLOB = '**/generated/map/points.json';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');


let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function axeViolations(page: Page, context?: string): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(ctx ? document.querySelector(ctx) : document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, context ?? null);
}

describe('hostile data', () => {
  it('renders every hostile string as text and no unsafe link; no script runs', async () => {
    const hostile = JSON.parse(readFileSync('tests/fixtures/hostile/hostile.geojson', 'utf8'));
    // Links a schema would refuse, to prove the page refuses them too.
    const base = hostile.features[0];
    for (const [k, url] of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:window.__pwned=1', '//evil.example/x', 'vbscript:x'].entries()) {
      hostile.features.push({
        ...base,
        properties: {
          ...base.properties,
          id: `bad-link-${k}`,
          name: `Bad link ${k} <img src=x onerror="window.__pwned=1">`,
          mou_url: url,
          records_urls: [url],
          sources: [{ url, publisher: `<b onclick="window.__pwned=1">Publisher</b>`, title: '<script>window.__pwned=1</script>', date: null }],
          programs: [{ ...base.properties.programs[0], summary: '<iframe src="javascript:window.__pwned=1"></iframe>', sources: [{ url, publisher: 'P', title: null, date: null }] }],
        },
      });
    }
    const { page } = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await routeDataset(page, hostile);
    await openApp(page);
    const n = hostile.features.length;
    expect(await countText(page)).toBe(agenciesLabel(n));
    // Open every agency's card, and the About dialog that lists publishers.
    const ids: string[] = await page.locator('#list button.row-select').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    expect(ids.length).toBe(n);
    for (const id of ids) {
      await page.click(`#list button.row-select[data-id="${id}"]`);
      await waitForCard(page);
      await page.locator('#card details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const check = await page.evaluate(() => {
        const bad: string[] = [];
        for (const a of document.querySelectorAll('a[href]')) {
          const href = (a as HTMLAnchorElement).href;
          if (!/^(https?:|blob:)/.test(href)) bad.push(href);
        }
        for (const el of document.querySelectorAll('*')) {
          for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) bad.push(`${el.tagName}[${attr}]`);
          if (['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push(el.tagName);
          if (el.tagName === 'IMG' && !(el as HTMLImageElement).src.startsWith(location.origin)) bad.push('IMG');
        }
        const scripts = [...document.scripts].filter((s) => !s.src || !s.src.startsWith(location.origin)).length;
        return { bad, scripts, pwned: (window as unknown as { __pwned?: number }).__pwned ?? null };
      });
      expect(check).toEqual({ bad: [], scripts: 0, pwned: null });
    }
    // The markup is shown as text.
    await page.click('#list button.row-select[data-id="hostile-script-police-department-wi"]');
    await waitForCard(page);
    const cardText = (await page.locator('#card').textContent()) ?? '';
    expect(cardText).toContain("<script>alert('name')</script> Police Department");
    expect(cardText).toContain("<img src=x onerror=alert('summary')>");
    // A record with links the published contract refuses is not shown as fact: the site checks details against the same contract.
    await page.click('#list button.row-select[data-id="bad-link-0"]');
    await waitForCard(page);
    expect(await page.locator('#card').textContent()).toContain('failed the map’s checks');
    // Loading it again cannot help: no Try again.
    expect(await page.locator('#card button.retry').count()).toBe(0);
    expect(await page.locator('#card a[href^="javascript"], #card a[href^="data"]').count()).toBe(0);
    await openDialog(page, '#about-button');
    expect(await page.locator('#about-dialog').textContent()).toContain('<b onclick="window.__pwned=1">Publisher</b>');
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hostile-card');
    await page.close();
  });

  it('leaves out malformed records and says so', async () => {
    const { page } = await newPage(browser);
    const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
    data.features = data.features.slice(0, 22);
    const { points } = encodeMapData(data);
    points.lon[20] = 'NaN' as unknown as number; // a string where a number belongs
    points.id[21] = points.id[1]; // a duplicate id
    await page.route(DATA_GLOB, (r: Route) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(points) }));
    await openApp(page);
    expect(await countText(page)).toBe(agenciesLabel(20));
    expect(await page.locator('#notices').textContent()).toContain('2 record(s) in the data file were malformed');
    await page.close();
  });

  it('a record whose full details are malformed is not shown as fact', async () => {
    const { page } = await newPage(browser);
    const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
    data.features = data.features.slice(0, 5);
    const { points, chunks } = encodeMapData(data);
    chunks[0][0].properties.start_date = '2019-02-30';
    await page.route(DATA_GLOB, (r: Route) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(points) }));
    await page.route('**/generated/map/details-0.json', (r: Route) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(chunks[0]) }));
    await openApp(page);
    await page.click(`#list button.row-select[data-id="${points.id[0]}"]`);
    await waitForCard(page);
    expect(await page.locator('#card [role="alert"]').textContent()).toContain('failed the map’s checks');
    await page.close();
  });
});

describe('failure states', () => {
  it('a missing data file (404) says so, and Retry recovers', async () => {
    const { page } = await newPage(browser);
    await page.route(DATA_GLOB, (r: Route) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto(BASE());
    await page.waitForSelector('body[data-load-error="true"]');
    expect(await page.locator('#map-message').textContent()).toContain('could not be found (HTTP 404)');
    // No totals beside "No data loaded": the figures written into the page were not loaded.
    expect(await countText(page)).toBe('No data loaded');
    expect(await page.locator('#totals').isVisible()).toBe(false);
    await page.unroute(DATA_GLOB);
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForMap(page);
    expect(await countText(page)).toBe(agenciesLabel(FEATURES.length));
    expect(await page.locator('#totals').isVisible()).toBe(true);
    await page.close();
  });

  it('invalid JSON says the file is damaged', async () => {
    const { page } = await newPage(browser);
    await page.route(DATA_GLOB, (r: Route) => r.fulfill({ contentType: 'application/json', body: '{"type":"FeatureCollection","features":[' }));
    await page.goto(BASE());
    await page.waitForSelector('body[data-load-error="true"]');
    expect(await page.locator('#map-message').textContent()).toContain('damaged');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await page.close();
  });

  it('a very slow data file shows a message, then the map', async () => {
    const { page } = await newPage(browser);
    await page.route(DATA_GLOB, async (r: Route) => {
      await new Promise((res) => setTimeout(res, 9500));
      await r.continue();
    });
    await page.goto(BASE());
    await page.waitForFunction(() => document.querySelector('#map-message')?.textContent?.includes('taking longer than usual'), null, { timeout: 12_000 });
    expect(await page.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    await waitForMap(page);
    expect(await page.locator('#map-message').isHidden()).toBe(true);
    expect(await countText(page)).toBe(agenciesLabel(FEATURES.length));
    await page.close();
  });

  it('without WebGL, the list and every filter still work and the page says why', async () => {
    const noGl = await launch(['--disable-webgl', '--disable-webgl2', '--disable-3d-apis']);
    try {
      const { page } = await newPage(noGl);
      await page.goto(BASE());
      await page.waitForSelector('body[data-map-ready="false"]');
      expect(await page.locator('#map-message').textContent()).toContain('WebGL');
      expect(await countText(page)).toBe(agenciesLabel(FEATURES.length));
      await page.selectOption('#filter-state', 'CA');
      await page.check('#type-police');
      const n = countWhere((p) => p.state === 'CA' && p.agency_type === 'police');
      await expectCount(page, agenciesLabel(n));
      expect(await page.locator('.list-summary').textContent()).toContain(`${n} in view`);
      await page.fill('#area-input', '90012');
      await page.press('#area-input', 'Enter');
      await page.waitForFunction(() => document.querySelector('#area-result')?.textContent?.includes('Los Angeles Police Department'));
      await screenshot(page, 'no-webgl');
      await page.close();
    } finally {
      await noGl.close();
    }
  });

  it('an unreachable online basemap falls back to the bundled one', async () => {
    const { page } = await newPage(browser);
    await page.route('https://tile.openstreetmap.org/**', (r: Route) => r.abort('internetdisconnected'));
    await openApp(page);
    // The fallback may untick the box at once, so click rather than check.
    await page.click('#basemap-online');
    await page.waitForFunction(() => document.querySelector('#notices')?.textContent?.includes('could not be reached'), null, { timeout: 20_000 });
    expect(await page.isChecked('#basemap-online')).toBe(false);
    await waitForIdle(page);
    // The street map's credit is gone with it, and the bundled map is drawn (the canvas is not blank).
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('OpenStreetMap');
    const colours = await canvasColourCount(page);
    expect(colours).toBeGreaterThan(8);
    await page.close();
  });
});

describe('privacy', () => {
  it('no foreign request, no cookies, no storage; geolocation only on request, rounded, kept in the page', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, geolocation: { latitude: 34.0522, longitude: -118.2437 }, permissions: ['geolocation'] });
    await context.addInitScript(() => {
      const w = window as unknown as { __geoCalls: number };
      w.__geoCalls = 0;
      const orig = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
      navigator.geolocation.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
        w.__geoCalls++;
        return orig(...args);
      };
    });
    const page = await context.newPage();
    const origins = trackOrigins(page);
    await openApp(page);
    // Normal use: filters, a search, a card, the timeline, the about dialog.
    await page.check('#type-sheriff');
    await page.fill('#area-input', 'Lakeland, FL');
    await page.press('#area-input', 'Enter');
    await page.waitForFunction(() => document.querySelector('#area-result')?.textContent?.includes('Polk County'));
    await page.locator('#area-result button.row-select').first().click();
    await openDialog(page, '#about-button');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { __geoCalls: number }).__geoCalls)).toBe(0);
    await page.getByRole('button', { name: /Use my location/ }).click();
    await page.waitForURL(/area=@34\.05,-118\.24(&|$)/);
    await page.waitForFunction(() => document.querySelector('#area-result')?.textContent?.includes('your location'));
    expect(await page.evaluate(() => (window as unknown as { __geoCalls: number }).__geoCalls)).toBe(1);
    expect([...origins]).toEqual([new URL(BASE()).origin]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
    await context.close();
  });
});

describe('Content-Security-Policy', () => {
  it('the built site works under the strict policy from the README, with no violation', async () => {
    const server = await serveDir('dist', { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
    try {
      const { context, page } = await newPage(browser);
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${server.url}#state=CA&layers=points,perks,records,density`);
      await waitForMap(page);
      await waitForIdle(page);
      const n = countWhere((p) => p.state === 'CA');
      expect(await countText(page)).toBe(agenciesLabel(n));
      await page.locator('#list button.row-select').first().click();
      await waitForCard(page);
      await page.fill('#area-input', '90012');
      await page.press('#area-input', 'Enter');
      await page.waitForFunction(() => document.querySelector('#area-result')?.textContent?.includes('Los Angeles'));
      await openDialog(page, '#export-button');
      await page.check('#export-screen');
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#export-go')]);
      expect(dl.suggestedFilename()).toMatch(/\.png$/);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });
});

describe('accessibility', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await newPage(browser));
    await openApp(page);
  });

  it('main view: no serious or critical axe violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('open agency card: no serious or critical axe violations', async () => {
    await page.fill('#filter-q', 'Lakeland Police');
    await page.locator('#list button.row-select').first().click();
    await waitForCard(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#card').getByRole('button', { name: 'Close agency details' }).click();
    await page.fill('#filter-q', '');
  });

  it('list view and dialogs: no serious or critical axe violations', async () => {
    expect(await axeViolations(page, '#agency-list')).toEqual([]);
    for (const b of ['#about-button', '#share-button', '#export-button', '#download-button']) {
      await openDialog(page, b);
      expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
      await page.keyboard.press('Escape');
    }
  });

  it('embed mode: no serious or critical axe violations', async () => {
    const { page: embed } = await newPage(browser);
    await embed.goto(`${BASE()}?embed=1#state=CA`);
    await waitForMap(embed);
    expect(await axeViolations(embed)).toEqual([]);
    await embed.close();
  });

  it('every control is reachable by keyboard, with a visible focus', async () => {
    // Start from the top of the page, as a keyboard user arriving would.
    await page.locator('.brand h1').click();
    const reached = new Set<string>();
    const noOutline: string[] = [];
    for (let k = 0; k < 60; k++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        return { key: el.id || el.className || el.tagName, visible: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 };
      });
      if (!info) continue;
      reached.add(info.key);
      if (!info.visible) noOutline.push(info.key);
    }
    for (const id of ['area-input', 'area-radius', 'type-police', 'filter-state', 'filter-perks', 'filter-records', 'filter-q', 'layer-points', 'layer-density', 'basemap-online']) {
      expect(reached.has(id), `Tab reaches #${id}`).toBe(true);
    }
    expect(noOutline).toEqual([]);
    // The timeline, the map and the list come after the sidebar.
    await page.focus('#timeline-from');
    await page.keyboard.press('ArrowRight');
    const min = Math.min(...FEATURES.map((f) => monthOf(f.properties.start_date) ?? Infinity));
    // Partnerships active at some time from that month on: every dated one that had not ended before it.
    await expectCount(page, agenciesLabel(countWhere((p) => monthOf(p.start_date) !== null && lastActiveMonth(p.end_date) >= min + 1)));
    await page.getByRole('button', { name: 'All dates' }).click();
    await page.focus('#list button.row-select');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'card-title');
  });

  it('legends and markers do not rely on colour alone', async () => {
    for (const layer of ['perks', 'records', 'density']) await page.check(`#layer-${layer}`);
    await waitForIdle(page);
    // Every legend key carries words, not just a swatch.
    const rows = await page.locator('#legend .legend-row').allTextContents();
    expect(rows.length).toBeGreaterThan(8);
    for (const r of rows) expect(r.trim()).toMatch(/[\p{L}\p{N}]/u);
    // Undated agencies differ by shape (hollow), records by an icon, undocumented values by a "?" mark: the legend says so in words.
    const legend = rows.join('\n');
    expect(legend).toContain('Start date not documented (hollow)');
    expect(legend).toContain('? Perk documented, value not documented');
    expect(legend).toContain('MOU or public records available');
    for (const layer of ['perks', 'density']) await page.uncheck(`#layer-${layer}`);
  });

  it('reduced motion: Play does not animate', async () => {
    const { page: calm } = await newPage(browser, { reducedMotion: 'reduce' });
    await openApp(calm);
    await calm.getByRole('button', { name: /Play/ }).click();
    expect(await calm.locator('.running').textContent()).toContain('reduced motion');
    expect(await calm.locator('.play').textContent()).toContain('Play');
    // The filters stay as they were: no hidden end date drops the undated agencies.
    await expectCount(calm, agenciesLabel(FEATURES.length));
    await calm.close();
  });
});
