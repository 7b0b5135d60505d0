/**
 * The advocate's journey, from the user's side: filter the map to New Jersey
 * police, open Share, copy the embed code, and put it on a page of another
 * site. In a 600 × 450 frame, at the Responsive preset and on a 390 px phone,
 * the embed shows New Jersey framed, its credit inside the frame, and a card
 * that opens over the map when a dot is clicked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';
import { ARTIFACTS, launch, newPage, screenshot, waitForIdle } from './browser';
import { mkdirSync } from 'node:fs';
import { BASE, expectCount, openApp, openDialog } from './app';
import { agenciesLabel, countWhere, FEATURES } from './dataset';

const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };
const NJ_POLICE = countWhere((p) => p.state === 'NJ' && p.agency_type === 'police');

let browser: Browser;
let host: Server;
let hostUrl: string;
/** The host site's pages: the embed code the advocate pasted, by page name. */
const pasted = new Map<string, string>();

beforeAll(async () => {
  browser = await launch();
  // Another origin (its own port), like a local group's website.
  host = createServer((req, res) => {
    const code = pasted.get((req.url ?? '/').slice(1)) ?? '';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Our campaign</title></head>
      <body style="margin:0;font-family:sans-serif"><h1 style="font-size:18px;margin:8px">Ring and New Jersey police</h1>${code}<p style="margin:8px">More of the article.</p></body></html>`);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => host.close(() => r()));
});

/** The mileage on the map's scale bar, as a reader sees it ("20 mi" → 20; feet → a fraction). */
async function scaleMiles(frame: Frame): Promise<{ miles: number; px: number }> {
  const el = frame.locator('.maplibregl-ctrl-scale');
  const text = (await el.textContent())?.trim() ?? '';
  const px = (await el.boundingBox())!.width;
  const m = /([\d.]+)\s*(mi|ft)/.exec(text);
  if (!m) throw new Error(`scale bar reads "${text}"`);
  return { miles: m[2] === 'mi' ? Number(m[1]) : Number(m[1]) / 5280, px };
}

/** Points of the frame's map where a coloured dot or cluster is drawn (the basemap is greys and pale blue). */
async function dotPoints(page: Page, frameBox: { x: number; y: number; width: number; height: number }, exclude: { x: number; y: number; width: number; height: number }[]): Promise<{ x: number; y: number }[]> {
  const png = PNG.sync.read(await page.screenshot({ clip: frameBox }));
  const sat = (x: number, y: number) => {
    const i = (png.width * y + x) << 2;
    const r = png.data[i], g = png.data[i + 1], b = png.data[i + 2];
    return Math.max(r, g, b) - Math.min(r, g, b) > 70 && !(r > 180 && g < 90 && b < 90);
  };
  const out: { x: number; y: number; score: number }[] = [];
  for (let y = 4; y < png.height - 4; y += 2) {
    for (let x = 4; x < png.width - 4; x += 2) {
      const abs = { x: frameBox.x + x, y: frameBox.y + y };
      if (exclude.some((e) => abs.x >= e.x - 4 && abs.x <= e.x + e.width + 4 && abs.y >= e.y - 4 && abs.y <= e.y + e.height + 4)) continue;
      let score = 0;
      for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) if (sat(x + dx, y + dy)) score++;
      if (score >= 40) out.push({ ...abs, score });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

async function boxesOf(frame: Frame, selectors: string[]) {
  const boxes = [];
  for (const s of selectors) {
    for (const el of await frame.locator(s).all()) {
      if (await el.isVisible()) boxes.push((await el.boundingBox())!);
    }
  }
  return boxes;
}

/** Opens the host page with the pasted code and checks the embed, as a visitor of that page would. */
async function visitEmbed(name: string, code: string, viewport: { width: number; height: number }, expectSize: { width: number | null; height: number }) {
  pasted.set(name, code);
  const { page, context } = await newPage(browser, { viewport });
  await page.goto(`${hostUrl}${name}`);
  const frameEl = await page.waitForSelector('iframe');
  const frame = (await frameEl.contentFrame())!;
  await frame.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
  await frame.waitForFunction(() => !document.querySelector('.maplibregl-map')?.classList.contains('maplibregl-map-moving'), null, { timeout: 20_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  const box = (await frameEl.boundingBox())!;
  if (expectSize.width !== null) expect(Math.round(box.width)).toBe(expectSize.width);
  expect(Math.round(box.height)).toBe(expectSize.height);
  await screenshot(page, `journey-advocate-${name}-1-embed`);

  // What the embed says it shows.
  expect(await frame.locator('.embed-summary').textContent()).toContain(agenciesLabel(NJ_POLICE));
  expect(await frame.locator('.embed-summary').textContent()).toContain('in NJ');

  // NJ framed: zoomed to a state's scale (not the national "500 mi"), and every NJ police agency in view
  // (the map does not offer to zoom to the selection).
  const scale = await scaleMiles(frame);
  expect(scale.miles / scale.px).toBeLessThan(1.2);
  expect(await frame.locator('#zoom-to-selection').isVisible()).toBe(false);

  // The credit is inside the frame, fully visible, at this size.
  const credit = (await frame.locator('#credit').boundingBox())!;
  expect(await frame.locator('#credit').isVisible()).toBe(true);
  expect(credit.y).toBeGreaterThanOrEqual(box.y - 1);
  expect(credit.y + credit.height).toBeLessThanOrEqual(box.y + box.height + 1);
  expect(await frame.locator('#credit').textContent()).toContain('Atlas of Surveillance');
  expect(await frame.locator('#credit').textContent()).toContain('after Sept 2020 are incomplete');

  // Click a dot: the card opens over the map, inside the frame; the frame does not turn into a scrolling page.
  let opened = false;
  for (let attempt = 0; attempt < 6 && !opened; attempt++) {
    const exclude = await boxesOf(frame, ['#legend', '.embed-bar', '.app-footer', '.maplibregl-ctrl-top-right', '.maplibregl-ctrl-bottom-right', '#zoom-to-selection']);
    const dots = await dotPoints(page, box, exclude);
    expect(dots.length).toBeGreaterThan(0);
    const p = dots[0];
    await page.mouse.click(p.x, p.y);
    opened = await frame.waitForSelector('#card:not([hidden]) h2', { timeout: 4000 }).then(() => true, () => false);
    if (!opened) await frame.waitForFunction(() => !document.querySelector('.maplibregl-map')?.classList.contains('maplibregl-map-moving'), null, { timeout: 10_000 }).catch(() => undefined);
    if (!opened) await page.waitForTimeout(800);
  }
  expect(opened).toBe(true);
  await frame.waitForFunction(() => !document.querySelector('#card')?.hasAttribute('aria-busy'), null, { timeout: 20_000 });
  const card = (await frame.locator('#card').boundingBox())!;
  expect(card.x).toBeGreaterThanOrEqual(box.x - 1);
  expect(card.y).toBeGreaterThanOrEqual(box.y - 1);
  expect(card.x + card.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(card.y + card.height).toBeLessThanOrEqual(box.y + box.height + 1);
  const scroll = await frame.evaluate(() => ({ top: document.scrollingElement!.scrollTop, height: document.scrollingElement!.scrollHeight, inner: window.innerHeight }));
  expect(scroll.top).toBe(0);
  expect(scroll.height).toBeLessThanOrEqual(scroll.inner + 1);
  // The bar and credit stay in place with the card open.
  expect(await frame.locator('.embed-bar').isVisible()).toBe(true);
  const creditAfter = (await frame.locator('#credit').boundingBox())!;
  expect(creditAfter.y + creditAfter.height).toBeLessThanOrEqual(box.y + box.height + 1);
  expect(await frame.locator('#card h2').textContent()).toBeTruthy();
  await screenshot(page, `journey-advocate-${name}-2-card`);
  // The card closes from its own button.
  await frame.locator('#card button.close').first().click();
  await frame.waitForSelector('#card', { state: 'hidden' });
  await context.close();
}

describe('advocate: embed the map filtered to New Jersey police', () => {
  const codes: Record<string, string> = {};

  it('filters to NJ and police, is offered to zoom there, and gets the embed code', async () => {
    const { page, context } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    await screenshot(page, 'journey-advocate-0-start');
    await page.selectOption('#filter-state', 'NJ');
    await page.check('#type-police');
    await expectCount(page, agenciesLabel(NJ_POLICE));
    // The map still shows the whole country: it offers to zoom to NJ.
    const offer = page.locator('#zoom-to-selection');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toBe('Zoom to NJ');
    await screenshot(page, 'journey-advocate-0-filtered');

    await openDialog(page, '#share-button');
    expect(await page.isChecked('#embed-fit')).toBe(true);
    for (const [name, label] of [['article', 'Article (600 × 450)'], ['responsive', 'Responsive (full width, 500 px high)']] as const) {
      await page.selectOption('#embed-size', { label });
      const code = await page.inputValue('#embed-code');
      // The code frames the selection in the frame's own size: no fixed national position in it.
      expect(code).not.toMatch(/map=/);
      expect(code).toMatch(/state=NJ/);
      expect(code).toMatch(/type=police/);
      codes[name] = code;
    }
    await screenshot(page, 'journey-advocate-0-share');
    await page.keyboard.press('Escape');

    // Zooming by hand, then Share: the exact view is kept unless the advocate asks to frame the selection.
    await offer.click();
    await offer.waitFor({ state: 'hidden' });
    await waitForIdle(page);
    await page.locator('#map').hover();
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(800);
    await openDialog(page, '#share-button');
    expect(await page.isChecked('#embed-fit')).toBe(false);
    expect(await page.inputValue('#embed-code')).toMatch(/map=/);
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('600 × 450 frame: NJ framed, credit visible, card inside the frame', async () => {
    await visitEmbed('article', codes.article, DESKTOP, { width: 600, height: 450 });
  });

  it('Responsive preset on a desktop page', async () => {
    await visitEmbed('responsive', codes.responsive, DESKTOP, { width: DESKTOP.width, height: 500 });
  });

  it('Responsive preset on a 390 px phone', async () => {
    await visitEmbed('phone', codes.responsive, PHONE, { width: PHONE.width, height: 500 });
  });
});


/** Where the reader sees `sel` on top (not under a card or anything else), sampled across each of its lines. */
async function uncovered(frame: Frame, sel: string): Promise<{ covered: string[]; points: number }> {
  return frame.evaluate((s) => {
    const el = document.querySelector(s)!;
    const covered: string[] = [];
    let points = 0;
    for (const r of el.getClientRects()) {
      for (const fx of [0.05, 0.25, 0.5, 0.75, 0.95]) {
        const x = r.left + r.width * fx, y = r.top + r.height / 2;
        points++;
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(el === hit || el.contains(hit))) covered.push(`${Math.round(x)},${Math.round(y)}: ${hit ? hit.tagName + (hit.id ? '#' + hit.id : '') : 'nothing'}`);
      }
    }
    return { covered, points };
  }, sel);
}

describe('advocate: the embed in small frames and on a phone', () => {
  // The NJ police agency with the most sources: its card is the tallest of the selection.
  const tall = [...FEATURES].filter((f) => f.properties.state === 'NJ' && f.properties.agency_type === 'police').sort((a, b) => b.properties.sources.length - a.properties.sources.length)[0].properties.id;
  const src = (agency: boolean) => `/?embed=1#state=NJ&type=police${agency ? `&agency=${tall}` : ''}`;
  const cases = [
    { name: 'phone-390x844', viewport: PHONE, frame: null },
    { name: 'frame-300x250', viewport: DESKTOP, frame: { width: 300, height: 250 } },
    { name: 'frame-320x200', viewport: DESKTOP, frame: { width: 320, height: 200 } },
  ];
  for (const c of cases) {
    for (const withCard of [false, true]) {
      it(`${c.name}${withCard ? ', a card open' : ''}: the bar keeps its title, the credit is whole and uncovered`, async () => {
        const { page, context } = await newPage(browser, { viewport: c.viewport });
        let frame: Frame;
        let box: { x: number; y: number; width: number; height: number };
        if (c.frame) {
          pasted.set(`${c.name}-${withCard}`, `<iframe src="${BASE().replace(/\/$/, '')}${src(withCard)}" title="Map" width="${c.frame.width}" height="${c.frame.height}" style="border:0"></iframe>`);
          await page.goto(`${hostUrl}${c.name}-${withCard}`);
          const el = await page.waitForSelector('iframe');
          frame = (await el.contentFrame())!;
          box = (await el.boundingBox())!;
        } else {
          await page.goto(`${BASE().replace(/\/$/, '')}${src(withCard)}`);
          frame = page.mainFrame();
          box = { x: 0, y: 0, ...c.viewport };
        }
        await frame.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
        await waitForIdle(frame);
        if (withCard) await frame.waitForFunction(() => { const k = document.querySelector<HTMLElement>('#card'); return k && !k.hidden && !k.hasAttribute('aria-busy'); }, null, { timeout: 20_000 });
        const inside = (b: { x: number; y: number; width: number; height: number }) =>
          b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1;

        // The bar says what this is: the title, whole, on screen.
        const title = frame.locator('.embed-bar .embed-title');
        expect(await title.isVisible()).toBe(true);
        expect((await title.innerText()).trim()).toBe('Police partnerships with Amazon Ring');
        expect(inside((await title.boundingBox())!)).toBe(true);
        expect(await title.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
        expect(await frame.locator('.embed-summary').innerText()).toContain('in NJ');

        // The credit: whole inside the frame, and nothing over any of its lines.
        const credit = (await frame.locator('#credit').boundingBox())!;
        expect(inside(credit), JSON.stringify({ credit, box })).toBe(true);
        const { covered, points } = await uncovered(frame, '#credit');
        expect(points).toBeGreaterThan(0);
        expect(covered).toEqual([]);
        expect(await frame.locator('#credit').innerText()).toContain('Atlas of Surveillance');

        if (withCard) {
          const card = (await frame.locator('#card').boundingBox())!;
          expect(inside(card)).toBe(true);
          expect(card.y + card.height).toBeLessThanOrEqual(credit.y + 1);
          // The card scrolls within itself; its close button is on screen.
          expect(await frame.locator('#card button.close').first().isVisible()).toBe(true);
        }
        // The embed never becomes a scrolling page.
        expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight + 1)).toBe(true);
        // The frame itself, as the host page's reader sees it.
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: `${ARTIFACTS}/embed-${c.name}${withCard ? '-card' : ''}.png`, clip: box });
        await context.close();
      });
    }
  }
});
