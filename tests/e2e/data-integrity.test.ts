/**
 * Data you can trust, in a real browser: records with impossible dates are
 * left out at load (the timeline and colours keep the real range), the
 * published tables carry only the data dictionary's columns, and a map whose
 * worker cannot load falls back to the list, as without WebGL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { launch, newPage, screenshot, PHONE } from './browser';
import { BASE, countText, expectCount, openApp, routeDataset, waitForCard } from './app';
import { DATA, FEATURES, agenciesLabel, countWhere } from './dataset';
import { serveDir, type Misserve } from './static-server';
import { formatMonth, monthLabel } from '../../src/time/months';
import { monthOf } from '../../src/core/periods';
import { parseCsv } from '../../pipeline/lib/csv';
import type { AgencyFeature } from '../../src/core/contract';
import { foldText } from '../../src/core/text';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const IMPOSSIBLE = ['9999-12-31', '0000', '1850-01-01', '2099-01-01'];

describe('impossible dates', () => {
  it('records dated outside 2012 to the build date are left out at load; the timeline and colours keep the real range', async () => {
    const data = structuredClone(DATA);
    // Agencies in the contiguous US, so the list (agencies in the map view) can show them.
    const [lon0, lat0] = [(f: AgencyFeature) => f.geometry.coordinates[0], (f: AgencyFeature) => f.geometry.coordinates[1]];
    const dated = data.features.filter((f) => f.properties.start_date !== null && lon0(f) > -124 && lat0(f) > 25 && lat0(f) < 49);
    const broken: AgencyFeature[] = dated.slice(0, IMPOSSIBLE.length);
    broken.forEach((f, k) => {
      f.properties.start_date = IMPOSSIBLE[k];
      f.properties.start_precision = IMPOSSIBLE[k].length === 4 ? 'year' : 'day';
    });
    // A record whose start is fine but whose program ends in 2099: its card must not present it as fact.
    const lateEnd = dated[IMPOSSIBLE.length];
    lateEnd.properties.programs[0].end_date = '2099-01-01';
    const real = data.features.filter((f) => !broken.includes(f)).map((f) => monthOf(f.properties.start_date)).filter((m): m is number => m !== null);
    const min = Math.min(...real);
    const max = Math.max(...real);

    const { page } = await newPage(browser);
    await routeDataset(page, data);
    await openApp(page);
    expect(await countText(page)).toBe(agenciesLabel(FEATURES.length - IMPOSSIBLE.length));
    expect(await page.locator('#notices').textContent()).toContain(`${IMPOSSIBLE.length} record(s) in the data file were malformed`);
    // Searching for each left-out agency by name finds every other match, not it.
    const kept = data.features.filter((f) => !broken.includes(f)).map((f) => f.properties);
    const matching = (q: string) => kept.filter((p) => foldText([p.name, p.city ?? '', p.county ?? '', p.state].join(' ')).includes(foldText(q))).length;
    for (const f of broken) {
      await page.fill('#filter-q', f.properties.name);
      await expectCount(page, agenciesLabel(matching(f.properties.name)));
      expect(await page.locator(`#list button.row-select[data-id="${f.properties.id}"]`).count()).toBe(0);
    }
    await page.fill('#filter-q', '');
    await expectCount(page, agenciesLabel(FEATURES.length - IMPOSSIBLE.length));

    // The timeline spans the real months only: its range, its axis, its bars and its Play steps.
    expect(await page.getAttribute('#timeline-from', 'aria-valuetext')).toBe(monthLabel(min));
    expect(await page.getAttribute('#timeline-to', 'aria-valuetext')).toBe(monthLabel(max));
    expect([await page.inputValue('#timeline-from-month'), await page.inputValue('#timeline-to-month')]).toEqual([formatMonth(min), formatMonth(max)]);
    const slider = await page.locator('#timeline-to').evaluate((el) => [Number((el as HTMLInputElement).min), Number((el as HTMLInputElement).max)]);
    expect(slider[1] - slider[0]).toBe(max - min);
    const years = (await page.locator('#timeline svg text.axis-label').allTextContents()).map(Number);
    expect(years.length).toBeGreaterThan(2);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2012);
    expect(Math.max(...years)).toBeLessThanOrEqual(new Date().getUTCFullYear());
    expect(await page.locator('#timeline *').count()).toBeLessThan(1000);
    // Colours by start date still spread across the ramp: many distinct bar colours, not one.
    const fills = new Set(await page.locator('#timeline svg rect').evaluateAll((els) => els.map((e) => e.getAttribute('fill'))));
    expect(fills.size).toBeGreaterThan(10);
    // The colour legend spans the real range too.
    expect(await page.locator('#legend').textContent()).not.toMatch(/9999|2099|\b0000\b|1850|'99/);
    await screenshot(page, 'impossible-dates');

    // The record with an impossible end date: listed by its valid start, but its details are not shown as fact.
    await page.fill('#filter-q', lateEnd.properties.name);
    await expectCount(page, agenciesLabel(matching(lateEnd.properties.name)));
    await page.click(`#list button.row-select[data-id="${lateEnd.properties.id}"]`);
    await waitForCard(page);
    expect(await page.locator('#card [role="alert"]').textContent()).toContain('failed the map’s checks');
    expect(await page.locator('#card button.retry').count()).toBe(0);
    await page.close();
  });
});

describe('published tables', () => {
  it('the site publishes only the data dictionary’s columns: no curation notes', async () => {
    const res = await fetch(`${BASE()}data/agencies.csv`);
    expect(res.ok).toBe(true);
    const table = parseCsv(await res.text());
    expect(table.header).toEqual(['id', 'name', 'agency_type', 'jurisdiction', 'city', 'county', 'other_counties', 'state', 'atlas_ids']);
    // Every row of the source table, and nothing else (agencies sent as submissions are in the GeoJSON and their own files).
    expect(table.records.length).toBe(parseCsv(readFileSync('data/agencies.csv', 'utf8')).records.length);
  });
});

describe('the map cannot start', () => {
  const worker = readdirSync('dist/assets').find((f) => /^maplibre-gl-worker.*\.m?js$/.test(f));
  const isWorker = (path: string) => path.endsWith(`/assets/${worker}`);

  async function expectListOnly(page: Page): Promise<void> {
    await page.waitForSelector('body[data-map-ready="false"]', { timeout: 60_000 });
    const message = page.locator('#map-message');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain('The map cannot be shown');
    expect(await message.textContent()).toContain('Every agency is still listed');
    expect(await page.locator('#map').isHidden()).toBe(true);
    // Export draws the live map: it is not offered without one.
    expect(await page.locator('#export-button').isHidden()).toBe(true);
    expect(await countText(page)).toBe(agenciesLabel(FEATURES.length));
    // The list is the view: it lists every agency and the filters work.
    expect(await page.locator('.list-summary').textContent()).toContain(`${FEATURES.length.toLocaleString('en-US')} in view`);
    await page.selectOption('#filter-state', 'CA');
    const n = countWhere((p) => p.state === 'CA');
    await expectCount(page, agenciesLabel(n));
    expect(await page.locator('.list-summary').textContent()).toContain(`${n} in view`);
    await page.locator('#list button.row-select').first().click();
    await waitForCard(page);
  }

  const cases: [string, Misserve, string][] = [
    ['its worker is served with a wrong MIME type under nosniff', (p) => (isWorker(p) ? { type: 'text/plain' } : undefined), 'worker-wrong-mime'],
    ['its worker is missing (404)', (p) => (isWorker(p) ? { status: 404 } : undefined), 'worker-404'],
  ];
  for (const [what, misserve, shot] of cases) {
    it(`when ${what}, the page says so and shows the list, as without WebGL`, async () => {
      expect(worker).toBeDefined();
      const server = await serveDir('dist', { 'X-Content-Type-Options': 'nosniff' }, misserve);
      try {
        const { page } = await newPage(browser);
        await page.goto(server.url);
        await expectListOnly(page);
        await screenshot(page, shot);
        await page.close();
      } finally {
        await server.close();
      }
    });
  }

  it('on a phone, the same list-only view', async () => {
    const server = await serveDir('dist', { 'X-Content-Type-Options': 'nosniff' }, (p) => (isWorker(p) ? { status: 404 } : undefined));
    try {
      const { page } = await newPage(browser, { viewport: PHONE });
      await page.goto(server.url);
      await page.waitForSelector('body[data-map-ready="false"]', { timeout: 60_000 });
      expect(await page.locator('#map-message').textContent()).toContain('The map cannot be shown');
      expect(await page.locator('#list button.row-select').count()).toBeGreaterThan(0);
      await screenshot(page, 'worker-404-phone');
      await page.close();
    } finally {
      await server.close();
    }
  });
});
