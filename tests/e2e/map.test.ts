/**
 * The interactive map in a real browser: first load, every filter against
 * counts computed from the GeoJSON, the timeline, the agency card and the
 * list/map sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, PHONE, screenshot, waitForIdle, waitForMap } from './browser';
import { BASE, appState, countText, drawnCount, expectCount, openApp, trackOrigins, waitForCard } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';
import { monthOf } from '../../src/time/months';
import { lastActiveMonth } from '../../src/core/periods';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

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
    const colours = await page.evaluate(() => {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      const probe = document.createElement('canvas');
      probe.width = 64;
      probe.height = 64;
      const ctx = probe.getContext('2d')!;
      ctx.drawImage(c, 0, 0, 64, 64);
      const d = ctx.getImageData(0, 0, 64, 64).data;
      const seen = new Set<string>();
      for (let i = 0; i < d.length; i += 4) seen.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      return seen.size;
    });
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
    await page.waitForFunction(() => document.querySelector('.play')?.textContent?.includes('Pause'), null, { timeout: 10_000 }).catch(() => undefined);
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
    await page.evaluate(() => window.ringMap!.mapView!.map.jumpTo({ center: [-118.3, 34.05], zoom: 8 }));
    await waitForIdle(page);
    await page.waitForTimeout(300);
    const bounds = await page.evaluate(() => window.ringMap!.mapView!.map.getBounds().toArray());
    const [[w, s], [e, n]] = bounds;
    const inView = FEATURES.filter((f) => {
      const [x, y] = f.geometry.coordinates;
      return x >= w && x <= e && y >= s && y <= n;
    });
    expect(inView.length).toBeGreaterThan(3);
    const summary = await page.locator('.list-summary').textContent();
    expect(summary).toContain(`${inView.length} in view`);
    const ids = await page.locator('#list button.row-select').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    const expected = new Set(inView.map((f) => f.properties.id));
    expect(ids.length).toBe(Math.min(100, inView.length));
    for (const id of ids) expect(expected.has(id!)).toBe(true);
  });

  it('selecting a row selects the agency on the map, and clicking a point selects its row', async () => {
    const row = page.locator('#list button.row-select').first();
    const id = await row.getAttribute('data-id');
    await row.focus();
    await page.keyboard.press('Enter');
    await waitForCard(page);
    expect((await appState(page)).agency).toBe(id);
    await waitForIdle(page);
    const selected = await page.evaluate(() => {
      const src = window.ringMap!.mapView!.map.getSource('selected') as unknown as { _data: { geojson?: GeoJSON.FeatureCollection } | GeoJSON.FeatureCollection };
      const data = (src._data as { geojson?: GeoJSON.FeatureCollection }).geojson ?? (src._data as GeoJSON.FeatureCollection);
      return (data.features[0]?.geometry as GeoJSON.Point | undefined)?.coordinates ?? null;
    });
    const f = FEATURES.find((x) => x.properties.id === id)!;
    expect(selected).toEqual(f.geometry.coordinates);

    // Click another single point on the canvas.
    await page.evaluate(() => window.ringMap!.mapView!.map.jumpTo({ center: [-118.3, 34.05], zoom: 11 }));
    await waitForIdle(page);
    const target = await page.evaluate(() => {
      const map = window.ringMap!.mapView!.map;
      const pts = map.queryRenderedFeatures({ layers: ['agency-points'] });
      const current = window.ringMap!.store.state.agency;
      const hit = pts.find((p) => window.ringMap!.index.ids[p.properties.i as number] !== current);
      if (!hit) return null;
      const i = hit.properties.i as number;
      const px = map.project([window.ringMap!.index.lon[i], window.ringMap!.index.lat[i]]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { id: window.ringMap!.index.ids[i], x: rect.left + px.x, y: rect.top + px.y };
    });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await page.waitForFunction((t) => window.ringMap!.store.state.agency === t, target!.id);
    await expect(page.locator(`#list tr[aria-current="true"] button[data-id="${target!.id}"]`).count()).resolves.toBe(1);
    await page.locator('#card').getByRole('button', { name: 'Close agency details' }).click();
  });
});

describe('density', () => {
  it('counts agencies per state, and per county when zoomed in', async () => {
    await page.check('#layer-density');
    await waitForIdle(page);
    const ca = await page.evaluate(() => window.ringMap!.mapView!.map.getFeatureState({ source: 'states', id: '06' }).count);
    expect(ca).toBe(countWhere((p) => p.state === 'CA'));
    await page.evaluate(() => window.ringMap!.mapView!.map.jumpTo({ center: [-118.2, 34.2], zoom: 7 }));
    await page.waitForFunction(() => (window.ringMap!.mapView!.density.countyBreaks.length ?? 0) > 0, null, { timeout: 30_000 });
    await waitForIdle(page);
    const topo = JSON.parse(readFileSync('node_modules/us-atlas/counties-10m.json', 'utf8')) as Topology;
    const la = (feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection).features.find((f) => f.id === '06037')!;
    const expected = FEATURES.filter((f) => booleanPointInPolygon(f.geometry.coordinates, la as never)).length;
    expect(expected).toBeGreaterThan(10);
    expect(await page.evaluate(() => window.ringMap!.mapView!.density.countyCount('06037'))).toBe(expected);
    expect(await page.locator('#legend').textContent()).toContain('Agencies per county');
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
