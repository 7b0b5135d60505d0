/**
 * Sharing in a real browser: links restore the exact view, the embed on a
 * host page of another origin (scrolling, auto-resize), the exported PNG and
 * the data downloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import Papa from 'papaparse';
import { launch, newPage, screenshot, waitForIdle, waitForMap, ARTIFACTS } from './browser';
import { BASE, countText, expectCount, linkParam, listedIds, openApp, openDialog, viewBounds, waitForLinkParam } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';
import { iframeCode } from '../../src/share/embed-code';
import { monthOf, lastActiveMonth } from '../../src/core/periods';

let browser: Browser;
let page: Page;
let host: Server;
let hostUrl: string;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  // A host page on another origin, with the embed code the builder produces.
  host = createServer((_req, res) => {
    const code = iframeCode({ mapUrl: `${BASE()}#state=CA&type=police`, title: 'Ring partnerships in California', width: '100%', height: 200, autoResize: true });
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body style="margin:0">
      <h1>Local news article</h1><p>Text above the map.</p>${code}
      <div style="height:3000px;background:linear-gradient(#fff,#ccd)">More article text below.</div></body></html>`);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => host.close(() => r()));
});

describe('link state', () => {
  it('a link with filters and a selected agency restores them', async () => {
    const from = '2019-01', to = '2019-12';
    // Partnerships active at some time in the range: begun by its end, not ended before its start.
    const n = countWhere((p) => p.state === 'CA' && p.agency_type === 'police' && monthOf(p.start_date) !== null && monthOf(p.start_date)! <= monthOf(to)! && lastActiveMonth(p.end_date) >= monthOf(from)!);
    await openApp(page, `map=8/34.05/-118.3&type=police&state=CA&from=${from}&to=${to}&layers=points,perks&agency=los-angeles-police-department-ca`);
    expect(await countText(page)).toBe(agenciesLabel(n));
    await expect(page.locator('#card h2').textContent()).resolves.toBe('Los Angeles Police Department');
    expect(await page.isChecked('#type-police')).toBe(true);
    expect(await page.inputValue('#filter-state')).toBe('CA');
    expect(await page.isChecked('#layer-perks')).toBe(true);
    expect(await page.isChecked('#layer-records')).toBe(false);
    // The map opened on the link's view: the list holds only agencies inside it.
    const box = viewBounds({ zoom: 8, lat: 34.05, lon: -118.3 }, (await page.locator('#map').boundingBox())!);
    const ids = await listedIds(page);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const [x, y] = FEATURES.find((f) => f.properties.id === id)!.geometry.coordinates;
      expect(x >= box.w && x <= box.e && y >= box.s && y <= box.n).toBe(true);
    }
    expect(linkParam(page, 'map')).toBe('8/34.05/-118.3');
  });

  it('back and forward restore earlier states', async () => {
    await openApp(page);
    await page.check('#type-sheriff');
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff')));
    await page.waitForURL(/type=sheriff/);
    await page.selectOption('#filter-state', 'FL');
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff' && p.state === 'FL')));
    await page.waitForURL(/state=FL/);
    await page.goBack();
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff')));
    expect(await page.inputValue('#filter-state')).toBe('');
    await page.goForward();
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff' && p.state === 'FL')));
  });

  it('malformed parameters fall back to defaults with a notice', async () => {
    await openApp(page, 'type=spies&state=ZZ&from=never&map=abc&agency=%3Cscript%3E');
    expect(await countText(page)).toBe(agenciesLabel(FEATURES.length));
    // One grouped notice naming each ignored part.
    const notices = await page.locator('#notices .notice').allTextContents();
    expect(notices.length).toBe(1);
    expect(notices[0]).toContain('5 parts of the link were not used');
    expect(await page.locator('#notices .notice-list li').count()).toBe(5);
    // The app rewrites the link shortly after reading it: the bad agency id leaves it.
    await waitForLinkParam(page, 'agency', null);
    expect(await page.locator('#card').isHidden()).toBe(true);
  });

  it('the share dialog gives the link and the embed code of this view', async () => {
    await openApp(page, 'state=TX&perks=1');
    await openDialog(page, '#share-button');
    const link = await page.inputValue('#share-link');
    expect(link).toContain('state=TX');
    expect(link).toContain('perks=1');
    const code = await page.inputValue('#embed-code');
    expect(code).toContain('embed=1');
    // The title and the description under the frame say what is shown: the count, the state by name, the period.
    // "Documented perks" as the filter reads it: a figure, or a perk, device or subsidy program.
    const tx = countWhere((p) => p.state === 'TX' && (p.devices_given !== null || p.perk_value_usd !== null || p.subsidy_usd !== null ||
      p.programs.some((g) => ['device_donation', 'officer_incentives', 'city_subsidy'].includes(g.kind))));
    expect(code).toContain(`title="Map of police partnerships with Amazon Ring: ${agenciesLabel(tx)} in Texas partnered with Ring, all dates `);
    const described = /aria-describedby="([^"]+)"/.exec(code)![1];
    expect(code).toMatch(new RegExp(`<p id="${described}"[^>]*>Map: ${agenciesLabel(tx)} in Texas [^<]*Only agencies with documented perks or subsidies are counted\\.[^<]*Coverage: `));
    await page.check('#embed-resize');
    expect(await page.inputValue('#embed-code')).toContain('addEventListener("message"');
    await page.keyboard.press('Escape');
  });
});

describe('embed on another site', () => {
  it('shows the filtered map, keeps page scrolling, resizes, and links to the full map', async () => {
    const { page: hostPage } = await newPage(browser);
    await hostPage.goto(hostUrl);
    const frameEl = await hostPage.waitForSelector('iframe');
    const frame = (await frameEl.contentFrame())!;
    await waitForMap(frame as unknown as Page);
    const ca = countWhere((p) => p.state === 'CA' && p.agency_type === 'police');
    expect(await frame.locator('.embed-summary').textContent()).toContain(agenciesLabel(ca));
    // A small frame starts with the legend folded, one click away.
    expect(await frame.locator('.legend .legend-toggle').isVisible()).toBe(true);
    expect(await frame.locator('#credit').isVisible()).toBe(true);
    const open = await frame.getAttribute('.embed-open', 'href');
    expect(open).toContain('state=CA');
    expect(open).not.toContain('embed=1');

    // Auto-resize: the host's listener grew the 200px frame to the map's height.
    await hostPage.waitForFunction(() => parseInt(getComputedStyle(document.querySelector('iframe')!).height) > 300, null, { timeout: 20_000 });
    const reported = await frame.evaluate(() => document.documentElement.scrollHeight);
    const frameHeight = await hostPage.evaluate(() => parseInt(getComputedStyle(document.querySelector('iframe')!).height));
    expect(Math.abs(frameHeight - reported)).toBeLessThanOrEqual(2);

    // Scrolling over the map scrolls the page, not the map: instead of zooming, the map shows how to zoom it (briefly).
    await frame.evaluate(() => {
      const w = window as unknown as { __hinted: boolean };
      w.__hinted = false;
      const screen = document.querySelector('.maplibregl-cooperative-gesture-screen')!;
      new MutationObserver(() => {
        if (screen.classList.contains('maplibregl-show')) w.__hinted = true;
      }).observe(screen, { attributes: true, attributeFilter: ['class'] });
    });
    const box = (await frameEl.boundingBox())!;
    await hostPage.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    await hostPage.mouse.wheel(0, 600);
    await hostPage.waitForFunction(() => window.scrollY > 100, null, { timeout: 10_000 });
    await frame.waitForFunction(() => (window as unknown as { __hinted: boolean }).__hinted, null, { timeout: 10_000 });
    await hostPage.evaluate(() => window.scrollTo(0, 0));
    await screenshot(hostPage, 'embed-host');
    await hostPage.close();
  });
});

describe('image export', () => {
  it('exports a 2400 px wide PNG of the map on screen, with title, legend, coverage and credit', async () => {
    await openApp(page, 'state=CA&layers=points,perks,records');
    const screen = (await page.locator('#map').boundingBox())!;
    await openDialog(page, '#export-button');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('#export-go')]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}/export-2x.png`;
    await dl.saveAs(path);
    expect(dl.suggestedFilename()).toMatch(/_CA_.*map-2x.*\.png$/);
    const png = PNG.sync.read(readFileSync(path));
    // The width chosen; the map keeps the screen's proportions between the title band and the notes band.
    const mapTop = 128, mapH = Math.round((screen.height * 2400) / screen.width);
    expect(png.width).toBe(2400);
    expect(png.height).toBeGreaterThan(mapTop + mapH + 100);
    const px = (x: number, y: number) => {
      const i = (png.width * y + x) << 2;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    };
    const variety = (x0: number, y0: number, x1: number, y1: number) => {
      const seen = new Set<string>();
      for (let y = y0; y < y1; y += 4) for (let x = x0; x < x1; x += 4) seen.add(px(x, y).map((v) => v >> 4).join());
      return seen.size;
    };
    const darkShare = (x0: number, y0: number, x1: number, y1: number) => {
      let dark = 0, all = 0;
      for (let y = y0; y < y1; y += 2) for (let x = x0; x < x1; x += 2) {
        all++;
        if (px(x, y).every((v) => v < 110)) dark++;
      }
      return dark / all;
    };
    // The map area has many colours (water, land, boundaries, points), not a blank canvas.
    expect(variety(0, mapTop, 2400, mapTop + mapH)).toBeGreaterThan(12);
    // The band below the map: a light legend box with dark text on the left, the coverage note and credit beside it.
    const band = mapTop + mapH;
    expect(px(40, band + 40).every((v) => v > 200)).toBe(true);
    expect(darkShare(24, band, 590, png.height)).toBeGreaterThan(0.005);
    expect(darkShare(600, band, 2400, png.height)).toBeGreaterThan(0.005);
    // The title band at the top has text.
    expect(darkShare(0, 0, 1200, mapTop)).toBeGreaterThan(0.01);
    await page.keyboard.press('Escape');
  });

  it('exports the print size without title and legend when asked, still with coverage and credit', async () => {
    const screen = (await page.locator('#map').boundingBox())!;
    await openDialog(page, '#export-button');
    await page.check('#export-print');
    await page.uncheck('#export-chrome');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('#export-go')]);
    const path = `${ARTIFACTS}/export-print-bare.png`;
    await dl.saveAs(path);
    const png = PNG.sync.read(readFileSync(path));
    expect(png.width).toBe(3000);
    const mapH = Math.round((screen.height * 3000) / screen.width);
    expect(png.height).toBeGreaterThan(mapH);
    expect(png.height).toBeLessThan(mapH + 300);
    await page.keyboard.press('Escape');
  });
});

describe('data download', () => {
  it('the CSV and GeoJSON hold exactly the shown agencies, with credit', async () => {
    await openApp(page, 'state=CA&type=police,sheriff');
    const shown = countWhere((p) => p.state === 'CA' && (p.agency_type === 'police' || p.agency_type === 'sheriff'));
    expect(await countText(page)).toBe(agenciesLabel(shown));
    await openDialog(page, '#download-button');
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const csvPath = `${ARTIFACTS}/download.csv`;
    await csvDl.saveAs(csvPath);
    // A UTF-8 byte-order mark first (Excel then reads “ ” ’ · right), then the header.
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('id,name,')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text, { header: true }).data;
    expect(rows.length).toBe(shown);
    expect(rows[0].credit_and_coverage).toMatch(/^Data: Electronic Frontier Foundation, Atlas of Surveillance \(CC BY 4\.0\)/);
    expect(rows.every((r) => r.state === 'CA')).toBe(true);
    expect(Object.keys(rows[0])).toContain('perk_value_usd');
    const [geoDl] = await Promise.all([page.waitForEvent('download'), page.click('#download-geojson')]);
    const geoPath = `${ARTIFACTS}/download.geojson`;
    await geoDl.saveAs(geoPath);
    const geo = JSON.parse(readFileSync(geoPath, 'utf8'));
    expect(geo.features.length).toBe(shown);
    expect(geo.metadata.credit).toContain('Atlas of Surveillance');
    await page.keyboard.press('Escape');
  });
});

describe('print', () => {
  it('prints the map with its legend and credits, without the controls', async () => {
    await openApp(page, 'state=CA');
    await page.emulateMedia({ media: 'print' });
    await waitForIdle(page);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('#legend').isVisible()).toBe(true);
    expect(await page.locator('#credit').isVisible()).toBe(true);
    expect(await page.locator('#print-summary').textContent()).toContain('in CA');
    await screenshot(page, 'print-view');
    const pdf = await page.pdf({ landscape: true });
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'screen' });
  });
});
