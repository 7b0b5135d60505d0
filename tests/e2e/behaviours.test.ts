/**
 * What a visitor relies on beyond the main journeys: a link to an agency the
 * map no longer holds, Back with the street map on, a card whose details
 * failed to load, sorting the list and "Show more", agencies that share a
 * point, and a dialog whose code fails to load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { PNG } from 'pngjs';
import { launch, newPage, PHONE, screenshot } from './browser';
import { expectCount, listedIds, openApp, waitForCard, waitForLinkParam } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('a link to an agency this map does not hold', () => {
  for (const [name, viewport] of [['desktop', { width: 1366, height: 850 }], ['phone', PHONE]] as const) {
    it(`says so and leads to the list (${name})`, async () => {
      const { page } = await newPage(browser, { viewport });
      await openApp(page, 'state=CA&agency=no-such-agency-zz');
      const notice = page.locator('#notices .notice', { hasText: 'is not in this map' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('“no-such-agency-zz”');
      // Nothing is selected, and the link no longer points at it; the rest of the link still applies.
      expect(await page.locator('#card').isHidden()).toBe(true);
      await waitForLinkParam(page, 'agency', null);
      expect(page.url()).toContain('state=CA');
      await screenshot(page, `missing-agency-${name}`);
      await notice.getByRole('button', { name: 'Go to the list of agencies' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('agency-list');
      await page.close();
    });
  }
});

describe('Back and Forward', () => {
  it('keep the street map on', async () => {
    const { page } = await newPage(browser);
    // Street map tiles from a stand-in: no request leaves the machine.
    const tile = new PNG({ width: 256, height: 256 });
    tile.data.fill(200);
    const body = PNG.sync.write(tile);
    await page.route('https://tile.openstreetmap.org/**', (r: Route) => r.fulfill({ contentType: 'image/png', body }));
    await openApp(page);
    await page.check('#type-sheriff');
    await waitForLinkParam(page, 'type', 'sheriff');
    await page.check('#basemap-online');
    await page.selectOption('#filter-state', 'FL');
    await waitForLinkParam(page, 'state', 'FL');
    await page.goBack();
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff')));
    expect(await page.isChecked('#basemap-online')).toBe(true);
    await page.goBack();
    await expectCount(page, agenciesLabel(FEATURES.length));
    expect(await page.isChecked('#basemap-online')).toBe(true);
    await page.goForward();
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff')));
    expect(await page.isChecked('#basemap-online')).toBe(true);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap');
    await page.close();
  });
});

describe('the agency card', () => {
  it('says when the details could not be loaded, and Try again loads them', async () => {
    const { page } = await newPage(browser);
    let fail = true;
    await page.route('**/generated/map/details-*.json', (r: Route) => (fail ? r.fulfill({ status: 503, body: '' }) : r.continue()));
    await openApp(page);
    const row = page.locator('#list button.row-select').first();
    const name = (await row.textContent())!;
    await row.click();
    const card = page.locator('#card');
    await card.getByText('could not be loaded').waitFor();
    fail = false;
    await card.getByRole('button', { name: 'Try again' }).click();
    await waitForCard(page);
    await expect(card.locator('h2').textContent()).resolves.toBe(name);
    expect(await card.textContent()).not.toContain('could not be loaded');
    expect(await card.locator('a[href^="http"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('names the other agencies at the same point, and each opens its own card', async () => {
    const byPoint = new Map<string, typeof FEATURES>();
    for (const f of FEATURES) {
      const key = f.geometry.coordinates.join();
      byPoint.set(key, [...(byPoint.get(key) ?? []), f]);
    }
    const [a, b] = [...byPoint.values()].find((g) => g.length === 2)!;
    const { page } = await newPage(browser);
    await openApp(page, `agency=${a.properties.id}`);
    await waitForCard(page);
    const also = page.locator('#card .also-here');
    expect(await also.textContent()).toBe(`Also at this point: ${b.properties.name}`);
    await also.getByRole('button', { name: b.properties.name }).click();
    await waitForLinkParam(page, 'agency', b.properties.id);
    await waitForCard(page);
    await expect(page.locator('#card h2').textContent()).resolves.toBe(b.properties.name);
    expect(await page.locator('#card .also-here').textContent()).toBe(`Also at this point: ${a.properties.name}`);
    await page.close();
  });
});

describe('the list', () => {
  it('sorts by column and shows more rows on request', async () => {
    const { page } = await newPage(browser);
    await openApp(page);
    const total = FEATURES.length;
    expect(await page.locator('.list-summary').textContent()).toContain('showing the first 100');
    expect(await listedIds(page)).toHaveLength(100);
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    expect(await listedIds(page)).toHaveLength(200);
    // Focus lands on the first new row, so a keyboard user carries on where the list grew.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe((await listedIds(page))[100]);

    // Began, oldest first; undated last.
    await page.getByRole('button', { name: /^Began/ }).click();
    expect(await page.locator('th[data-key="start"]').getAttribute('aria-sort')).toBe('ascending');
    const dated = FEATURES.filter((f) => f.properties.start_date).map((f) => f.properties.start_date!).sort();
    const firstId = (await listedIds(page))[0];
    const first = FEATURES.find((f) => f.properties.id === firstId)!;
    expect(first.properties.start_date).toBe(dated[0]);
    // Sorting starts again from the first page.
    expect(await listedIds(page)).toHaveLength(100);
    await page.getByRole('button', { name: /^Began/ }).click();
    expect(await page.locator('th[data-key="start"]').getAttribute('aria-sort')).toBe('descending');
    const newestId = (await listedIds(page))[0];
    const newest = FEATURES.find((f) => f.properties.id === newestId)!;
    expect(newest.properties.start_date!.slice(0, 7)).toBe(dated[dated.length - 1].slice(0, 7));

    // Value, largest first.
    await page.getByRole('button', { name: /^Value/ }).click();
    expect(await page.locator('th[data-key="value"]').getAttribute('aria-sort')).toBe('descending');
    const top = await page.locator('#list tbody tr').first().locator('td').last().textContent();
    expect(top).toMatch(/\$[\d,]+/);
    expect(total).toBeGreaterThan(200);
    await page.close();
  });
});

describe('dialogs load on first use', () => {
  it('a chunk that fails to load says so, and Try again opens the dialog', async () => {
    const { page } = await newPage(browser);
    let fail = true;
    await page.route(/\/assets\/share-[\w-]+\.js$/, (r: Route) => (fail ? r.abort('internetdisconnected') : r.continue()));
    await openApp(page, 'state=TX');
    await page.click('#share-button');
    const notice = page.locator('#notices .notice', { hasText: 'Sharing could not be loaded' });
    await notice.waitFor();
    expect(await page.locator('#share-dialog[open]').count()).toBe(0);
    fail = false;
    await notice.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#share-dialog[open]').waitFor();
    expect(await page.inputValue('#share-link')).toContain('state=TX');
    expect(await notice.count()).toBe(0);
    await page.close();
  });

  it('the first click on Export, Download and About opens its dialog', async () => {
    const { page } = await newPage(browser);
    await openApp(page);
    for (const [button, dialog] of [['#export-button', '#export-dialog'], ['#download-button', '#download-dialog'], ['#about-button', '#about-dialog']]) {
      await page.click(button);
      await page.locator(`${dialog}[open]`).waitFor();
      await page.keyboard.press('Escape');
      await page.locator(`${dialog}[open]`).waitFor({ state: 'detached' });
    }
    await page.close();
  });
});
