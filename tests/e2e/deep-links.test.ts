/**
 * Links that open on one agency or one state, and the room the map gets:
 * from the visitor's side. An agency link (and the agency page's "Open in
 * the live map") opens with the agency alone on the map, ringed, its name
 * drawn beside it, its card open; a state's embed code opens framed on that
 * state; the legend leaves the agencies in sight; on a phone the national
 * view is the contiguous states, and the count and Play stay with the map
 * while it plays and while filters change. Every agency id and every
 * state are swept in Node (tests/unit/app/deep-links.test.ts,
 * embed-framing.test.ts); these are samples through the page.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { ARTIFACTS, launch, newPage, screenshot, waitForIdle, waitForMap } from './browser';
import { BASE, goToHash, openApp, viewBounds, waitForCard } from './app';
import { FEATURES, agenciesLabel } from './dataset';
import { defaultState } from '../../src/state/app-state';
import { fullMapUrl } from '../../src/controllers/url-sync';
import { iframeCode } from '../../src/share/embed-code';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

type Props = (typeof FEATURES)[number]['properties'];
const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };
const POINTS = new Map(FEATURES.map((f) => [f.properties.id, f.geometry.coordinates]));
const pt = (p: Props) => POINTS.get(p.id)!;
const km = (a: number[], b: number[]) => {
  const r = Math.PI / 180;
  const x = (b[0] - a[0]) * r * Math.cos(((a[1] + b[1]) / 2) * r), y = (b[1] - a[1]) * r;
  return 6371 * Math.hypot(x, y);
};
const nearest = (p: Props) => Math.min(...FEATURES.filter((f) => f.properties.id !== p.id).map((f) => km(pt(p), f.geometry.coordinates)));
const within = (p: Props, d: number) => FEATURES.filter((f) => f.properties.id !== p.id && km(pt(p), f.geometry.coordinates) < d).length;
/** Agencies alone at their point (none shares it), so hovering the point names just them. */
const alone = FEATURES.map((f) => f.properties).filter((p) => nearest(p) > 0.3);
const byId = (id: string) => alone.find((p) => p.id === id);
const first = (pred: (p: Props) => boolean) => alone.find(pred);
const most = (pred: (p: Props) => boolean, score: (p: Props) => number) => alone.filter(pred).sort((a, b) => score(b) - score(a))[0];

/** Ten agencies spread over states and types: the densest spots (Los Angeles County, New Jersey), a lone rural one, and others. */
const SAMPLE: Props[] = [
  most((p) => p.state === 'CA' && p.county === 'Los Angeles County', (p) => within(p, 15)),
  most((p) => p.state === 'NJ', (p) => within(p, 10)),
  most((p) => p.state !== 'AK' && p.state !== 'HI', nearest),
  byId('los-angeles-police-department-ca') ?? first((p) => p.state === 'CA' && p.city === 'Los Angeles'),
  first((p) => p.agency_type === 'sheriff' && p.state === 'TX'),
  first((p) => p.agency_type === 'fire'),
  first((p) => p.agency_type === 'city'),
  first((p) => p.state === 'FL' && p.agency_type === 'police'),
  first((p) => p.state === 'AK') ?? first((p) => p.state === 'WA'),
  first((p) => p.state === 'OH' && p.agency_type === 'sheriff') ?? first((p) => p.state === 'OH'),
].filter((p): p is Props => Boolean(p));

// Many page loads each, on a shared machine drawing WebGL on the CPU.
vi.setConfig({ testTimeout: 600_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


/** The part of the map in the window, as the visitor sees it (with whatever lies over it), decoded. */
async function mapPixels(page: Page): Promise<{ png: PNG; box: { x: number; y: number; width: number; height: number } }> {
  const b = (await page.locator('#map').boundingBox())!;
  const top = Math.max(0, b.y);
  let bottom = Math.min(b.y + b.height, page.viewportSize()!.height);
  // On phones the card rises over the map: only what is above it is in sight.
  const card = await page.locator('#card').boundingBox();
  if (card && card.x < b.x + b.width && card.x + card.width > b.x && card.y > top) bottom = Math.min(bottom, card.y);
  const box = { x: b.x, y: top, width: b.width, height: bottom - top };
  return { png: PNG.sync.read(await page.screenshot({ clip: box })), box };
}

/** Where the red selection ring is drawn (page coordinates), or null when it is not in sight. */
function findRing(png: PNG, box: { x: number; y: number }): { x: number; y: number } | null {
  let sx = 0, sy = 0, n = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const k = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[k], png.data[k + 1], png.data[k + 2]];
      if (r > 180 && g < 90 && b < 90) {
        sx += x;
        sy += y;
        n++;
      }
    }
  }
  return n >= 20 ? { x: box.x + sx / n, y: box.y + sy / n } : null;
}

/** Dark text pixels beside a point (the name label sits left, right, above or below the dot). */
function labelInk(png: PNG, box: { x: number; y: number }, at: { x: number; y: number }): number {
  let n = 0;
  const cx = at.x - box.x, cy = at.y - box.y;
  for (let y = Math.max(0, Math.round(cy - 40)); y < Math.min(png.height, cy + 40); y++) {
    for (let x = Math.max(0, Math.round(cx - 180)); x < Math.min(png.width, cx + 180); x++) {
      if (Math.abs(x - cx) < 16 && Math.abs(y - cy) < 16) continue;
      const k = (y * png.width + x) * 4;
      if (png.data[k] < 80 && png.data[k + 1] < 80 && png.data[k + 2] < 80) n++;
    }
  }
  return n;
}

/** The card's heading, the ring on the map, the agency's own dot under it (its name on hover) and its name label beside it. */
async function expectFramedAlone(page: Page, p: Props): Promise<void> {
  await waitForCard(page);
  await waitForIdle(page);
  expect((await page.locator('#card-title').textContent())?.trim()).toBe(p.name);
  const { png, box } = await mapPixels(page);
  const ring = findRing(png, box);
  expect(ring, `${p.id}: the selection ring is in sight`).not.toBeNull();
  expect(labelInk(png, box, ring!), `${p.id}: a name is drawn beside it`).toBeGreaterThan(25);
  // Clusters have no tooltip: a tooltip with the agency's name means its own dot is drawn there, alone.
  await page.mouse.move(ring!.x, ring!.y);
  const tip = page.locator('.agency-tip');
  await tip.waitFor({ timeout: 10_000 });
  expect(await tip.textContent()).toContain(p.name);
  await page.mouse.move(1, 1);
}

describe('a link to an agency opens on it, alone', () => {
  it(`the sample spans states and types (${SAMPLE.length} agencies)`, () => {
    console.log('sample:', SAMPLE.map((p) => p.id).join(' '));
    expect(SAMPLE.length).toBeGreaterThanOrEqual(9);
    expect(new Set(SAMPLE.map((p) => p.state)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(SAMPLE.map((p) => p.agency_type)).size).toBeGreaterThanOrEqual(3);
  });

  it('desktop: each sampled link frames its agency with its card open', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    for (const [k, p] of SAMPLE.entries()) {
      // The densest spots and the loneliest open as a fresh page; the rest as a link followed in the same tab.
      if (k < 3) await openApp(page, `agency=${encodeURIComponent(p.id)}`);
      else await goToHash(page, `agency=${encodeURIComponent(p.id)}`);
      await expectFramedAlone(page, p);
      if (k === 1) await screenshot(page, 'deep-link-agency-desktop');
    }
    await context.close();
  }, 900_000);

  it('phone: the agency stays in sight above its card', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    for (const [k, p] of [SAMPLE[0], SAMPLE[2]].entries()) {
      await openApp(page, `agency=${encodeURIComponent(p.id)}`);
      await expectFramedAlone(page, p);
      const { png, box } = await mapPixels(page);
      const ring = findRing(png, box)!;
      const card = (await page.locator('#card').boundingBox())!;
      expect(ring.y).toBeLessThan(card.y);
      if (k === 0) await screenshot(page, 'deep-link-agency-phone');
    }
    await context.close();
  });

  it('the agency page\'s "Open in the live map" opens the map on that agency', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    const p = SAMPLE[1];
    await page.goto(`${BASE()}agency/${p.id}/`);
    await page.getByRole('link', { name: 'Open in the live map' }).click();
    await waitForMap(page);
    await expectFramedAlone(page, p);
    await context.close();
  });

  it('a row of the list, chosen from the national view, zooms to its agency alone', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    const p = SAMPLE[0];
    // The visitor narrows the list by the name, then picks the agency's row.
    await page.locator('#filter-q').fill(p.name);
    const row = page.locator(`#list button.row-select[data-id="${p.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.waitForTimeout(900);
    await expectFramedAlone(page, p);
    await context.close();
  });
});

describe('a state embed frames the state', () => {
  const cases = [
    ['CA', { width: 600, height: 450 }, false], ['NJ', { width: 960, height: 640 }, false], ['ND', { width: 360, height: 500 }, false],
    // A host page that sizes the frame to its content resizes it while the map starts: the map reports those
    // moves, and none of them may stand in for the link's missing map position.
    ['ND', { width: 360, height: 500 }, true],
  ] as const;
  for (const [st, size, resized] of cases) {
    it(`${st} in a ${size.width}×${size.height} frame${resized ? ', resized by its host while it loads' : ''}: every agency of the state in view, none hidden`, async () => {
      const { context, page } = await newPage(browser, { viewport: { width: size.width + 40, height: size.height + 40 } });
      const s = { ...defaultState(), filters: { ...defaultState().filters, states: [st] } };
      const code = iframeCode({ mapUrl: fullMapUrl(BASE(), s, { fit: true }), title: `Ring partnerships in ${st}`, width: String(size.width), height: size.height, autoResize: false });
      const host = resized
        ? `<script>let k = 0; const step = () => { const f = document.querySelector('iframe'); if (f) f.height = String(${size.height} - (k++ % 2)); if (k < 300) requestAnimationFrame(step); else window.resizedAll = true; }; requestAnimationFrame(step);</script>`
        : '';
      await page.setContent(`<!doctype html><html><body style="margin:20px">${code}${host}</body></html>`);
      const frame = (await (await page.waitForSelector('iframe')).contentFrame()) as Frame;
      await frame.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
      if (resized) await page.waitForFunction(() => (window as unknown as { resizedAll?: boolean }).resizedAll === true, null, { timeout: 30_000 });
      await waitForIdle(frame);
      const expected = FEATURES.filter((f) => f.properties.state === st);
      expect(expected.length).toBeGreaterThan(0);
      await frame.waitForFunction((t) => document.querySelector('.embed-bar')?.textContent?.includes(t), agenciesLabel(expected.length));
      // Nothing to zoom to: the selection is already in view.
      expect(await frame.locator('.zoom-offer:visible').count()).toBe(0);
      // The bar's "Open full map" link carries the view: every agency of the state lies inside it.
      const href = (await frame.locator('.embed-open').getAttribute('href'))!;
      const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(new URL(href).hash)!;
      const mapBox = (await frame.locator('#map').boundingBox())!;
      const v = viewBounds({ zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) }, mapBox);
      for (const f of expected) {
        const [lon, lat] = f.geometry.coordinates;
        expect(lon >= v.w && lon <= v.e && lat >= v.s && lat <= v.n, f.properties.id).toBe(true);
      }
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `embed-state-${st}${resized ? '-resized' : ''}.png`) });
      await context.close();
    });
  }
});
