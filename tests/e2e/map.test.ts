/**
 * The interactive map in a real browser: first load, every filter against
 * counts computed from the GeoJSON, the timeline, the agency card and the
 * list/map sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, PHONE, screenshot, waitForIdle, waitForMap } from './browser';
import { BASE, countText, drawnCount, expectCount, goToHash, listedIds, openApp, trackOrigins, viewBounds, waitForCard, waitForLinkParam, canvasColourCount, canvasColours } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';
import { monthOf, lastActiveMonth } from '../../src/core/periods';

const PERK_KINDS = ['device_donation', 'officer_incentives', 'city_subsidy'];
const hasPerks = (p: (typeof FEATURES)[number]['properties']) =>
  p.devices_given !== null || p.perk_value_usd !== null || p.subsidy_usd !== null || p.programs.some((g) => PERK_KINDS.includes(g.kind));
const hasRecords = (p: (typeof FEATURES)[number]['properties']) => p.mou_url !== null || p.records_urls.length > 0;

let browser: Browser;
let page: Page;
let origins: Set<string>;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  origins = trackOrigins(page);
  await openApp(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('first load', () => {
  it('draws every agency and counts them all', async () => {
    expect(await countText(page)).toBe(agenciesLabel(FEATURES.length));
    expect(await drawnCount(page)).toBe(FEATURES.length);
    await screenshot(page, 'map-main');
  });

  it('sends no request to any origin but its own', () => {
    expect([...origins]).toEqual([new URL(BASE()).origin]);
  });

  it('draws the basemap and the agencies on the canvas (not blank)', async () => {
    const colours = await canvasColourCount(page);
    expect(colours).toBeGreaterThan(8);
  });
});

describe('filters', () => {
  it('agency type', async () => {
    await page.check('#type-sheriff');
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff')));
    expect(await drawnCount(page)).toBe(countWhere((p) => p.agency_type === 'sheriff'));
  });

  it('state, combined with type', async () => {
    await page.selectOption('#filter-state', 'CA');
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff' && p.state === 'CA')));
    await page.uncheck('#type-sheriff');
    await expectCount(page, agenciesLabel(countWhere((p) => p.state === 'CA')));
    await page.selectOption('#filter-state', '');
    await expectCount(page, agenciesLabel(FEATURES.length));
  });

  it('perks documented', async () => {
    await page.check('#filter-perks');
    const n = countWhere(hasPerks);
    expect(n).toBeGreaterThan(0);
    await expectCount(page, agenciesLabel(n));
    await page.check('#layer-perks');
    await waitForIdle(page);
    await screenshot(page, 'map-filtered-perks');
    await page.uncheck('#layer-perks');
    await page.uncheck('#filter-perks');
  });

  it('MOU or records', async () => {
    await page.check('#filter-records');
    const n = countWhere(hasRecords);
    expect(n).toBeGreaterThan(0);
    await expectCount(page, agenciesLabel(n));
    await page.uncheck('#filter-records');
    await expectCount(page, agenciesLabel(FEATURES.length));
  });

  it('name search', async () => {
    await page.fill('#filter-q', 'sheriff');
    await expectCount(page, agenciesLabel(countWhere((p) => `${p.name} ${p.city ?? ''} ${p.county ?? ''}`.toLowerCase().includes('sheriff'))));
    await page.fill('#filter-q', '');
    await expectCount(page, agenciesLabel(FEATURES.length));
  });

  it('date range', async () => {
    const from = monthOf('2019-01')!;
    const to = monthOf('2019-12')!;
    await page.locator('#timeline-from').fill(String(from));
    await page.locator('#timeline-to').fill(String(to));
    // Partnerships active at some time in the range: begun by its end, not ended before its start.
    const n = countWhere((p) => {
      const m = monthOf(p.start_date);
      return m !== null && m <= to && lastActiveMonth(p.end_date) >= from;
    });
    await expectCount(page, agenciesLabel(n));
    expect(await drawnCount(page)).toBe(n);
    await page.getByRole('button', { name: 'All dates' }).click();
    await expectCount(page, agenciesLabel(FEATURES.length));
  });
});

describe('timeline', () => {
  it('plays month by month, then puts the filters back as they were', async () => {
    await page.getByRole('button', { name: /Play/ }).click();
    // Wait for the animation to start, then to finish (the button reads Play again).
    await page.waitForFunction(() => document.querySelector('.play')?.textContent?.includes('Stop'), null, { timeout: 10_000 }).catch(() => undefined);
    // Every frame of the animation says when it shows, on the map itself.
    expect(await page.locator('#map-date').textContent({ timeout: 10_000 })).toMatch(/^Partnerships active in \w+ \d{4}$/);
    await screenshot(page, 'timeline-playing');
    await page.waitForFunction(() => document.querySelector('.play')?.textContent?.includes('Play'), null, { timeout: 60_000 });
    // No hidden "to" filter is left behind: the undated agencies are counted again.
    await expectCount(page, agenciesLabel(FEATURES.length));
    await page.waitForURL((u) => !/[#&]to=/.test(u.hash));
    expect(await page.locator('.running').textContent()).toContain('back as before');
  });
});

describe('agency card', () => {
  it('shows the LAPD start date, perks and records link', async () => {
    await page.fill('#filter-q', 'Los Angeles Police Department');
    await expectCount(page, agenciesLabel(countWhere((p) => p.name.toLowerCase().includes('los angeles police department'))));
    await page.locator('#list button.row-select', { hasText: 'Los Angeles Police Department' }).first().click();
    const card = page.locator('#card');
    await waitForCard(page);
    await expect(card.locator('h2').textContent()).resolves.toBe('Los Angeles Police Department');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('23 May 2019');
    expect(text).toContain('Incentives to officers');
    expect(text).toMatch(/at least \$12,000/);
    const records = await card.locator('a[href*="documentcloud.org"]').count();
    expect(records).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('card-title');
    await waitForIdle(page);
    await screenshot(page, 'map-card-lapd');
    await card.getByRole('button', { name: 'Close agency details' }).click();
    await page.fill('#filter-q', '');
    await expectCount(page, agenciesLabel(FEATURES.length));
  });
});

describe('list and map stay in sync', () => {
  it('lists exactly the filtered agencies in view', async () => {
    const view = { zoom: 8, lat: 34.05, lon: -118.3 };
    await goToHash(page, `map=${view.zoom}/${view.lat}/${view.lon}`);
    const size = (await page.locator('#map').boundingBox())!;
    const { w, s, e, n } = viewBounds(view, size);
    const inView = FEATURES.filter((f) => {
      const [x, y] = f.geometry.coordinates;
      return x >= w && x <= e && y >= s && y <= n;
    });
    expect(inView.length).toBeGreaterThan(3);
    await page.waitForFunction((t) => document.querySelector('.list-summary')?.textContent?.includes(t), `${inView.length} in view`, { timeout: 20_000 });
    const ids = await listedIds(page);
    const expected = new Set(inView.map((f) => f.properties.id));
    expect(ids.length).toBe(Math.min(100, inView.length));
    for (const id of ids) expect(expected.has(id)).toBe(true);
  });

  it('selecting a row selects the agency on the map, and clicking a point selects its row', async () => {
    const row = page.locator('#list button.row-select').first();
    const id = await row.getAttribute('data-id');
    await row.focus();
    await page.keyboard.press('Enter');
    await waitForCard(page);
    await waitForLinkParam(page, 'agency', id);
    expect(await page.locator('#list tr[aria-current="true"] button.row-select').getAttribute('data-id')).toBe(id);

    // Click a dot on the map: an agency with no other within a few miles, at the centre of the map.
    const near = (a: number[], b: number[]) => Math.abs(a[0] - b[0]) < 0.05 && Math.abs(a[1] - b[1]) < 0.05;
    const target = FEATURES.find((f) => f.properties.state === 'CA' && f.properties.id !== id && FEATURES.every((g) => g === f || !near(f.geometry.coordinates, g.geometry.coordinates)))!;
    const [lon, lat] = target.geometry.coordinates;
    await goToHash(page, `map=13/${lat}/${lon}`);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForLinkParam(page, 'agency', target.properties.id);
    await waitForCard(page);
    await expect(page.locator('#card h2').textContent()).resolves.toBe(target.properties.name);
    await expect(page.locator(`#list tr[aria-current="true"] button[data-id="${target.properties.id}"]`).count()).resolves.toBe(1);
    await page.locator('#card').getByRole('button', { name: 'Close agency details' }).click();
  });
});


describe('density', () => {
  it('shades states by their number of agencies, and counties when zoomed in', async () => {
    await goToHash(page, 'map=3.5/38/-96');
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('#layer-density')?.checked);
    const before = new Set(await canvasColours(page));
    await page.check('#layer-density');
    await waitForIdle(page);
    // The choropleth's colours are on the canvas now, and its legend classes under the heading.
    const after = await canvasColours(page);
    expect(after.filter((c) => !before.has(c)).length).toBeGreaterThan(20);
    const legend = (await page.locator('#legend').textContent()) ?? '';
    expect(legend).toContain('Agencies per state');
    expect(legend).toMatch(/\d+ or more/);
    await goToHash(page, 'map=7/34.2/-118.2&layers=points,records,density');
    await page.waitForFunction(() => document.querySelector('#legend')?.textContent?.includes('Agencies per county'), null, { timeout: 30_000 });
    await waitForIdle(page);
    await screenshot(page, 'map-density-county');
    await page.uncheck('#layer-density');
  });
});

describe('phone-sized screen', () => {
  it('shows map, count and list in one column', async () => {
    const { page: phone } = await newPage(browser, { viewport: PHONE });
    await phone.goto(BASE());
    await waitForMap(phone);
    await waitForIdle(phone);
    expect(await countText(phone)).toBe(agenciesLabel(FEATURES.length));
    const mapBox = await phone.locator('#map').boundingBox();
    expect(mapBox!.width).toBeGreaterThan(PHONE.width - 20);
    expect(mapBox!.height).toBeGreaterThan(300);
    await screenshot(phone, 'map-phone');
    await phone.screenshot({ path: 'tests/artifacts/map-phone-full.png', fullPage: true });
    await phone.close();
  });
});
