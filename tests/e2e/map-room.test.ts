/**
 * Room for the map, from the visitor's side: the legend never hides
 * agencies (folded where it would cover much of the map; opened, the map
 * frames the agencies clear of it); a phone's national view is the
 * contiguous states, not Canada; and on a phone the count and Play stay in
 * sight with the map while it plays and while the filters change.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, screenshot, waitForIdle } from './browser';
import { countText, expectCount, openApp, viewBounds, waitForLinkParam } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';
import { project } from '../../src/map/framing';

const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };

// Many page loads each, on a shared machine drawing WebGL on the CPU.
vi.setConfig({ testTimeout: 600_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The view the page's link shows now (the visitor's address bar). */
async function linkView(page: Page): Promise<{ zoom: number; lat: number; lon: number }> {
  await page.waitForURL((u) => /map=/.test(u.hash), { timeout: 20_000 });
  await waitForIdle(page);
  // The link is written at a quiet moment after each move (up to ~0.8 s later): read it once it has stopped changing,
  // so a framing re-run after the first one (overlays settling) is the view checked.
  let url = page.url();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(1000);
    if (page.url() === url) break;
    url = page.url();
  }
  const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(new URL(url).hash)!;
  return { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) };
}

type Box = { x: number; y: number; width: number; height: number };
/** Agencies (of the lower 48 and beyond) whose point lies under a box on the map, in that view. */
function agenciesUnder(view: { zoom: number; lat: number; lon: number }, map: Box, over: Box, margin = 4): string[] {
  const size = { width: map.width, height: map.height };
  return FEATURES.filter((f) => {
    const [x, y] = project(view, size, f.geometry.coordinates[0], f.geometry.coordinates[1]);
    const px = map.x + x, py = map.y + y;
    return px > over.x - margin && px < over.x + over.width + margin && py > over.y - margin && py < over.y + over.height + margin;
  }).map((f) => f.properties.id);
}

describe('the legend never hides agencies', () => {
  it('desktop: folded where open it would cover much of the map; opened, the map frames the agencies clear of it', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    const toggle = page.locator('#legend .legend-toggle');
    const map = (await page.locator('#map').boundingBox())!;
    let legend = (await page.locator('#legend').boundingBox())!;
    const folded = (await toggle.getAttribute('aria-expanded')) === 'false';
    // Folded, or small enough: never more than 15% of the map.
    if (!folded) expect((legend.width * legend.height) / (map.width * map.height)).toBeLessThanOrEqual(0.15);
    else expect((legend.width * legend.height) / (map.width * map.height)).toBeLessThan(0.05);
    expect(agenciesUnder(await linkView(page), map, legend)).toEqual([]);
    await screenshot(page, 'room-national-desktop');
    if (folded) {
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      await waitForIdle(page);
      legend = (await page.locator('#legend').boundingBox())!;
      expect((legend.width * legend.height) / (map.width * map.height)).toBeGreaterThan(0.05);
      // The map framed again around it: no agency under the open legend.
      await page.waitForTimeout(600);
      expect(agenciesUnder(await linkView(page), map, legend)).toEqual([]);
      await screenshot(page, 'room-national-desktop-legend-open');
      // Escape does not matter here; the toggle folds it again and keeps focus.
      await toggle.click();
      await expect.poll(() => page.locator('#legend .legend-toggle').getAttribute('aria-expanded')).toBe('false');
    }
    await context.close();
  });
});

describe('the zoom offer', () => {
  it('is not offered for a nationwide type the national view already shows (Alaska and Hawaii aside); it is for one state', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1366, height: 850 } });
    await openApp(page);
    const offer = page.locator('#zoom-to-selection');
    await page.check('#type-police');
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'police')));
    await waitForLinkParam(page, 'type', 'police');
    await page.waitForTimeout(300);
    expect(await offer.isVisible()).toBe(false);
    await screenshot(page, 'zoom-offer-police-national');
    // One state: the offer names it, and takes the map there.
    await page.selectOption('#filter-state', 'OH');
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'police' && p.state === 'OH')));
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toBe('Zoom to OH');
    await context.close();
  });
});

describe('phone', () => {
  it('the national view is the contiguous states, across the map, without a band of Canada', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    // Whether the map's credit line was ever drawn open over the map while it loaded (the framing measures what is
    // clear of overlays, so an open credit at that moment frames the country smaller, whatever the machine's speed).
    await page.addInitScript(() => {
      const seen = () => {
        const inner = document.querySelector<HTMLElement>('.maplibregl-ctrl-attrib-inner');
        if (inner && inner.checkVisibility() && inner.offsetHeight > 0) document.documentElement.dataset.creditSeenOpen = 'true';
      };
      new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await openApp(page);
    expect(await page.locator('html').getAttribute('data-credit-seen-open')).toBeNull();
    const map = (await page.locator('#map').boundingBox())!;
    const view = await linkView(page);
    const v = viewBounds(view, map);
    // The lower 48 (124.8°W to 66.9°E) fill most of the width.
    expect(v.w).toBeLessThanOrEqual(-124.5);
    expect(v.e).toBeGreaterThanOrEqual(-67.2);
    expect(v.e - v.w).toBeLessThan((124.8 - 66.9) * 1.2);
    // Little of the map lies north of the border (49°N): not a band of Canada.
    const [, border] = project(view, map, -100, 49);
    expect(border / map.height).toBeLessThan(0.25);
    const [, keys] = project(view, map, -81, 24.5);
    expect(keys).toBeLessThanOrEqual(map.height);
    await screenshot(page, 'room-national-phone');
    await context.close();
  });

  it('the count and Play stay with the map while it plays and while the filters change', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await openApp(page);
    const bar = page.locator('#map-bar');
    await bar.waitFor();
    const barCount = bar.locator('.map-bar-count');
    const barPlay = bar.getByRole('button');
    expect((await barCount.textContent())?.trim()).toBe(agenciesLabel(FEATURES.length));
    expect((await barPlay.textContent())?.trim()).toBe('▶ Play');
    const size = await barPlay.boundingBox();
    expect(size!.height).toBeGreaterThanOrEqual(24);
    expect(size!.width).toBeGreaterThanOrEqual(24);

    // Play from the bar: the timeline's own Play runs (both say Stop) and the count moves, with the map in sight.
    await barPlay.click();
    await expect.poll(() => page.locator('#timeline button.play').textContent()).toContain('Stop');
    expect((await barPlay.textContent())?.trim()).toContain('Stop');
    const seen = new Set<string>();
    for (let k = 0; k < 12 && seen.size < 3; k++) {
      seen.add((await barCount.textContent())?.trim() ?? '');
      await page.waitForTimeout(400);
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
    const mapBox = (await page.locator('#map').boundingBox())!;
    expect(mapBox.y).toBeGreaterThanOrEqual(0);
    expect(mapBox.y + mapBox.height).toBeLessThanOrEqual(PHONE.height);
    await screenshot(page, 'room-phone-playing');
    // The bar's Stop stops it (the same control): every date is back, and the bar counts them all again.
    await barPlay.click();
    await expect.poll(() => page.locator('#timeline button.play').textContent()).toContain('Play');
    expect((await barPlay.textContent())?.trim()).toBe('▶ Play');
    await expect.poll(async () => (await barCount.textContent())?.trim()).toBe(await countText(page));
    expect(await countText(page)).toBe(agenciesLabel(FEATURES.length));
    // Every date again, from the timeline.
    await page.getByRole('button', { name: 'All dates' }).click();
    await expectCount(page, agenciesLabel(FEATURES.length));

    // Down at the filters, the map stays at the top of the window and the bar counts the change.
    const police = page.getByRole('checkbox', { name: /^Police/ });
    await police.scrollIntoViewIfNeeded();
    await police.check();
    const n = countWhere((p) => p.agency_type === 'police');
    await expectCount(page, agenciesLabel(n));
    await waitForLinkParam(page, 'type', 'police');
    await expect.poll(async () => (await barCount.textContent())?.trim()).toBe(agenciesLabel(n));
    const stuck = (await page.locator('#map').boundingBox())!;
    expect(stuck.y).toBeGreaterThanOrEqual(-1);
    expect(stuck.y).toBeLessThan(4);
    // The checkbox itself is not under the map.
    const cb = (await police.boundingBox())!;
    expect(cb.y).toBeGreaterThanOrEqual(stuck.y + stuck.height);
    expect(await bar.isVisible()).toBe(true);
    expect(await countText(page)).toBe(agenciesLabel(n));
    await screenshot(page, 'room-phone-filters');

    // Keyboard: Tab onwards from the checkbox keeps the focused field in sight below the map.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    expect(focused.top).toBeGreaterThanOrEqual(stuck.y + stuck.height - 2);
    await context.close();
  });
});
