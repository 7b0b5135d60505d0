/**
 * The resident's journey, "does my police have a deal with Ring?", done as a
 * person does it on a desktop (1366×850) and a phone (390×844): type a place,
 * read the answer, point at a name to find its dot, open a shared link, pick
 * among places that share a name. Pass or fail is decided only from what the
 * page shows (text, positions, pixels), never from the app's internals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launch, newPage, screenshot, waitForIdle, waitForMap } from './browser';
import { BASE } from './app';

const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };

interface Box { x: number; y: number; width: number; height: number }

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`${BASE()}${hash ? `#${hash}` : ''}`);
  await waitForMap(page);
  await waitForIdle(page);
}

/** Types a search the way a person does and waits for the answer. */
async function search(page: Page, q: string): Promise<string> {
  await page.click('#area-input');
  await page.fill('#area-input', q);
  await page.press('#area-input', 'Enter');
  return answer(page);
}

async function answer(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const t = document.querySelector('#area-result')?.textContent ?? '';
    return t && !t.includes('Looking up');
  }, null, { timeout: 30_000 });
  await waitForIdle(page);
  return (await page.locator('#area-result').textContent()) ?? '';
}

const inside = (b: Box, v: { width: number; height: number }) => b.x >= 0 && b.y >= 0 && b.x + b.width <= v.width + 0.5 && b.y + b.height <= v.height + 0.5;
const overlaps = (p: { x: number; y: number }, b: Box | null) => !!b && p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/** The answer's agency names that a person can read without scrolling. */
async function visibleAnswerNames(page: Page, viewport: { width: number; height: number }): Promise<{ covering: string[]; near: string[] }> {
  const read = async (sel: string) => {
    const out: string[] = [];
    for (const b of await page.locator(sel).all()) {
      const box = await b.boundingBox();
      if (box && inside(box, viewport) && (await b.isVisible())) out.push(((await b.textContent()) ?? '').trim());
    }
    return out;
  };
  return { covering: await read('#area-result .covering button[data-id]'), near: await read('#area-result ol button[data-id], #area-result .area-none + ul button[data-id]') };
}

/**
 * Points at an agency's name in the answer and reads where the map's tooltip
 * says its dot is (the tooltip's tip), and the name in the tooltip.
 */
async function dotOf(page: Page, button: ReturnType<Page['locator']>): Promise<{ x: number; y: number; tip: string }> {
  await button.focus();
  const tip = page.locator('.agency-tip');
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  const arrow = (await page.locator('.agency-tip .maplibregl-popup-tip').boundingBox())!;
  const anchor = (await tip.getAttribute('class')) ?? '';
  // The tip's point is the arrow's far end: below the box for a box above the dot, and so on.
  const x = arrow.x + arrow.width / 2;
  const y = anchor.includes('anchor-bottom') ? arrow.y + arrow.height + 12 : anchor.includes('anchor-top') ? arrow.y - 12 : arrow.y + arrow.height / 2;
  const xx = anchor.includes('anchor-left') ? arrow.x - 12 : anchor.includes('anchor-right') ? arrow.x + arrow.width + 12 : x;
  return { x: xx, y, tip: ((await tip.textContent()) ?? '').trim() };
}

/** The map's scale bar, in miles, as a person reads it. */
async function scaleMiles(page: Page): Promise<number> {
  const t = (await page.locator('.maplibregl-ctrl-scale').textContent()) ?? '';
  const m = /([\d.,]+)\s*(mi|ft)/.exec(t);
  if (!m) throw new Error(`no scale: ${t}`);
  const v = Number(m[1].replace(/,/g, ''));
  return m[2] === 'ft' ? v / 5280 : v;
}

/** Checks every answer agency's dot lies on the map and under no overlay. */
async function expectDotsClear(page: Page, names: number): Promise<void> {
  const map = (await page.locator('#map').boundingBox())!;
  const viewport = page.viewportSize()!;
  const legend = await page.locator('#legend').boundingBox();
  const sheet = await page.locator('#area-result').evaluate((el) => (getComputedStyle(el).position === 'fixed' ? el.getBoundingClientRect().toJSON() : null));
  const controls = await page.locator('.maplibregl-ctrl-top-right').boundingBox();
  const buttons = await page.locator('#area-result button[data-id]').all();
  let checked = 0;
  for (const b of buttons.slice(0, names)) {
    const name = ((await b.textContent()) ?? '').trim();
    const dot = await dotOf(page, b);
    expect(dot.tip).toContain(name.replace(/…$/, ''));
    expect(dot.x, name).toBeGreaterThan(map.x);
    expect(dot.x, name).toBeLessThan(map.x + map.width);
    expect(dot.y, name).toBeGreaterThan(Math.max(map.y, 0));
    expect(dot.y, name).toBeLessThan(Math.min(map.y + map.height, viewport.height));
    expect(overlaps(dot, legend), `${name} under the legend`).toBe(false);
    expect(overlaps(dot, sheet as Box | null), `${name} under the results sheet`).toBe(false);
    expect(overlaps(dot, controls), `${name} under the zoom buttons`).toBe(false);
    checked++;
  }
  await page.locator('#area-input').focus();
  expect(checked).toBeGreaterThan(0);
}

async function pixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = PNG.sync.read(await page.screenshot());
  const k = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[k], png.data[k + 1], png.data[k + 2]];
}

describe('resident journey on a desktop (1366×850)', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await newPage(browser, { viewport: DESKTOP }));
    await open(page);
  });
  afterAll(async () => page?.context().close());

  it('"Houston TX": the covering and nearest agencies are named in the first screen, their dots on the map clear of the legend', async () => {
    await screenshot(page, 'journey-resident-desktop-0-start');
    const text = await search(page, 'Houston TX');
    expect(text).toContain('Houston, TX');
    expect(text).toContain('Harris County, TX');
    await screenshot(page, 'journey-resident-desktop-1-houston');
    expect(await scaleMiles(page)).toBeLessThanOrEqual(10);
    // Harris County has no documented county-wide partner: the answer says so, and names the nearest.
    expect(text).toContain('No partnered sheriff or county-wide agency is documented for Harris County, TX');
    const names = await visibleAnswerNames(page, DESKTOP);
    expect(names.near.length).toBeGreaterThanOrEqual(4);
    expect(names.near).toContain('Houston Police Department');
    await expectDotsClear(page, 6);
    // Pointing at a name on the map shows it too: the legend says what the search draws.
    await expect(page.locator('#legend').textContent()).resolves.toContain('Searched place');
    await expect(page.locator('#legend').textContent()).resolves.toContain('County of the searched place');
  });

  it('pointing at a name shows its dot with the name on the map', async () => {
    const first = page.locator('#area-result button[data-id]').first();
    await first.hover();
    await page.locator('.agency-tip').waitFor({ state: 'visible' });
    await screenshot(page, 'journey-resident-desktop-2-tooltip');
    expect(await page.locator('.agency-tip').textContent()).toContain(((await first.textContent()) ?? '').replace(/…$/, ''));
    await page.mouse.move(5, 5);
  });

  it('a name shared by several places asks which one, and the choice answers', async () => {
    const text = await search(page, 'Pittsburg');
    expect(text).toContain('Which one');
    await screenshot(page, 'journey-resident-desktop-3-ambiguous');
    const choices = await page.locator('#area-result .area-choices button').allTextContents();
    expect(choices).toEqual(expect.arrayContaining(['Pittsburg, KS', 'Pittsburg, CA']));
    // Nothing is left on the map from the previous place, and the list does not blame the filters.
    expect(text).toContain('previous place was cleared');
    expect(await page.locator('#list').textContent()).not.toContain('No agency passes the filters');
    await page.locator('#area-result .area-choices button', { hasText: 'Pittsburg, KS' }).click();
    const found = await answer(page);
    expect(found).toContain('Pittsburg, KS');
    expect(found).toContain('Pittsburg Police Department');
  });

  it('the search pin hides no agency: Pittsburg, KS’s only partner is drawn over it', async () => {
    const b = page.locator('#area-result button[data-id]', { hasText: 'Pittsburg Police Department' }).first();
    const dot = await dotOf(page, b);
    await page.locator('#area-input').focus();
    await page.locator('.agency-tip').waitFor({ state: 'hidden' });
    await waitForIdle(page);
    await screenshot(page, 'journey-resident-desktop-4-pittsburg-ks');
    // The agency's dot is on top at its own point: not the pin's near-black or white, not the land.
    const [r, g, bl] = await pixel(page, dot.x, dot.y);
    const isPin = r < 60 && g < 60 && bl < 60;
    const isWhite = r > 235 && g > 235 && bl > 235;
    const isLand = Math.abs(r - 244) < 8 && Math.abs(g - 242) < 8 && Math.abs(bl - 238) < 8;
    expect({ r, g, bl, isPin, isWhite, isLand }).toMatchObject({ isPin: false, isWhite: false, isLand: false });
  });

  it('a search that finds nothing clears the place and says so', async () => {
    const text = await search(page, 'Qqqqzzzz');
    expect(text).toContain('could not find');
    expect(text).toContain('previous place was cleared');
    expect(await page.locator('#legend').textContent()).not.toContain('Searched place');
    expect(await page.locator('#list').textContent()).not.toContain('No agency passes the filters');
    await screenshot(page, 'journey-resident-desktop-5-not-found');
  });

  it('a shared area link without a map view opens framed on the area with the answer in view', async () => {
    const { page: p2 } = await newPage(browser, { viewport: DESKTOP });
    await open(p2, 'area=Houston%2C%20TX');
    const text = await answer(p2);
    expect(text).toContain('Harris County, TX');
    await screenshot(p2, 'journey-resident-desktop-6-shared-link');
    // Framed on the area (a 10-mile circle), not the whole country.
    expect(await scaleMiles(p2)).toBeLessThanOrEqual(10);
    const names = await visibleAnswerNames(p2, DESKTOP);
    expect(names.near.length).toBeGreaterThanOrEqual(4);
    await expectDotsClear(p2, 5);
    await p2.context().close();
  });
});

describe('resident journey on a phone (390×844)', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await newPage(browser, { viewport: PHONE }));
    await open(page);
  });
  afterAll(async () => page?.context().close());

  it('the search comes first, above the map', async () => {
    const box = (await page.locator('#area-input').boundingBox())!;
    expect(inside(box, PHONE)).toBe(true);
    const map = (await page.locator('#map').boundingBox())!;
    expect(box.y).toBeLessThan(map.y);
    await screenshot(page, 'journey-resident-phone-0-start');
  });

  it('every header tool (About, Pages by state…) is in sight, none hidden off the edge', async () => {
    for (const tool of await page.locator('.header-actions .tool:visible').all()) {
      expect(inside((await tool.boundingBox())!, PHONE), (await tool.textContent()) ?? '').toBe(true);
    }
  });

  it('"Houston TX": the answer rises over the map with names, and their dots stay visible above it', async () => {
    const text = await search(page, 'Houston TX');
    expect(text).toContain('Harris County, TX');
    await screenshot(page, 'journey-resident-phone-1-houston');
    const names = await visibleAnswerNames(page, PHONE);
    expect(names.near).toContain('Houston Police Department');
    await expectDotsClear(page, 3);
  });

  it('tapping a name opens its card in view; Escape closes it and returns to the name', async () => {
    const name = page.locator('#area-result button[data-id]').first();
    const label = ((await name.textContent()) ?? '').trim();
    await name.click();
    await page.locator('#card:not([aria-busy])').waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('#card')?.hasAttribute('aria-busy'));
    const title = (await page.locator('#card-title').boundingBox())!;
    expect(inside(title, PHONE)).toBe(true);
    expect(await page.locator('#card-title').textContent()).toContain(label.replace(/…$/, ''));
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(50);
    await waitForIdle(page);
    await screenshot(page, 'journey-resident-phone-2-card');
    // The agency's red selection ring shows on the map above the card, not under it.
    const card = (await page.locator('#card').boundingBox())!;
    const map = (await page.locator('#map').boundingBox())!;
    const png = PNG.sync.read(await page.screenshot());
    let red = 0, cut = 0;
    for (let y = Math.ceil(map.y); y < Math.floor(card.y); y++) {
      for (let x = 0; x < png.width; x++) {
        const k = (y * png.width + x) * 4;
        if (png.data[k] > 190 && png.data[k + 1] < 80 && png.data[k + 2] < 80) {
          red++;
          // A ring touching the card's edge is partly under it.
          if (y >= card.y - 4) cut++;
        }
      }
    }
    expect(red).toBeGreaterThan(40);
    expect(cut).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(label);
  });

  it('an ambiguous name asks on the phone too', async () => {
    const text = await search(page, 'Greenfield');
    expect(text).toContain('Which one');
    const first = page.locator('#area-result .area-choices button').first();
    expect(inside((await first.boundingBox())!, PHONE)).toBe(true);
    await screenshot(page, 'journey-resident-phone-3-ambiguous');
  });

  it('a shared area link opens with the answer visible and the area framed above it', async () => {
    const { page: p2 } = await newPage(browser, { viewport: PHONE });
    await open(p2, 'area=Houston%2C%20TX');
    await answer(p2);
    await screenshot(p2, 'journey-resident-phone-4-shared-link');
    expect(await scaleMiles(p2)).toBeLessThanOrEqual(10);
    const names = await visibleAnswerNames(p2, PHONE);
    expect(names.near).toContain('Houston Police Department');
    await expectDotsClear(p2, 3);
    await p2.context().close();
  });
});

describe('for everyone on the resident’s way (1366×850)', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await newPage(browser, { viewport: DESKTOP }));
  });
  afterAll(async () => page?.context().close());

  it('the agency list shows at least 15 whole rows, and no name breaks inside a word', async () => {
    await open(page);
    await screenshot(page, 'journey-everyone-desktop-list');
    const panel = (await page.locator('.side-panel').boundingBox())!;
    const bottom = Math.min(panel.y + panel.height, DESKTOP.height);
    let whole = 0;
    for (const row of await page.locator('#list tbody tr').all()) {
      const b = await row.boundingBox();
      if (b && b.y >= panel.y && b.y + b.height <= bottom) whole++;
    }
    expect(whole).toBeGreaterThanOrEqual(15);
    const broken = await page.locator('#list .row-select').evaluateAll((buttons) =>
      buttons.flatMap((b) => {
        const text = b.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [];
        const out: string[] = [];
        const re = /\S+/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text.textContent ?? ''))) {
          const r = document.createRange();
          r.setStart(text, m.index);
          r.setEnd(text, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
          if (tops.size > 1) out.push(m[0]);
        }
        return out;
      }),
    );
    expect(broken).toEqual([]);
    // Undocumented values still read "not documented".
    expect(await page.locator('#list td.nd').first().textContent()).toContain('not documented');
  });

  it('a link with many unknown keys gives one short notice, dismissed at once; the map stays in the first screen', async () => {
    const keys = Array.from({ length: 12 }, (_, k) => `junk${k}=1`).join('&');
    await open(page, keys);
    expect(await page.locator('#notices .notice').count()).toBe(1);
    const map = (await page.locator('#map').boundingBox())!;
    expect(map.y).toBeLessThan(250);
    await screenshot(page, 'journey-everyone-desktop-notices');
    const many = Array.from({ length: 5000 }, (_, k) => `k${k}=1`).join('&');
    await open(page, many);
    expect(await page.locator('#notices .notice').count()).toBe(1);
    const box = (await page.locator('#notices').boundingBox())!;
    expect(box.height).toBeLessThan(160);
    expect(await page.locator('#notices').textContent()).toContain('5,000');
    await page.locator('#notices .dismiss').click();
    expect(await page.locator('#notices .notice').count()).toBe(0);
  });

  it('Escape closes a dialog and the card, returning focus to where it was; focus is not drawn as an error', async () => {
    await open(page);
    await page.locator('#about-button').focus();
    await page.keyboard.press('Enter');
    await page.locator('#about-dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#about-dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('about-button');

    const row = page.locator('#list .row-select').first();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.locator('#card').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });
    const id = await row.getAttribute('data-id');
    // Focus is back on that agency's name, also after the map finished moving to it.
    await waitForIdle(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)).toBe(id);

    // The search box's focus ring is not the colour of an error message.
    await search(page, '00000');
    const errorColor = await page.locator('#area-result .area-error').evaluate((e) => getComputedStyle(e).color);
    await page.locator('#area-input').focus();
    const ring = await page.locator('#area-input').evaluate((e) => getComputedStyle(e).outlineColor);
    expect(ring).not.toBe(errorColor);
    const [r, g, b] = ring.match(/\d+/g)!.map(Number);
    expect(b).toBeGreaterThan(r);
    expect(g + b).toBeGreaterThan(0);
  });

  it('the card says what each date is when arrangements differ (Lakeland, FL)', async () => {
    await open(page, 'agency=lakeland-police-department-fl');
    await page.waitForFunction(() => {
      const c = document.querySelector('#card');
      return c && !(c as HTMLElement).hidden && !c.hasAttribute('aria-busy');
    });
    const story = await page.locator('#card .card-story li').allTextContents();
    expect(story).toEqual([
      'Device donation: began on 13 December 2018; no end documented. Returned by the agency.',
      'Neighbors law-enforcement portal: active from 27 February 2019; no end documented.',
    ]);
    expect(await page.locator('#card').textContent()).not.toContain('Partnership began');
    await screenshot(page, 'journey-everyone-desktop-lakeland-card');
  });

  it('About offers a corrections template that opens as a table, and no invented address', async () => {
    await page.locator('#about-button').click();
    const about = page.locator('#about-dialog');
    await about.waitFor();
    const text = (await about.textContent()) ?? '';
    expect(text).toContain('Corrections and missing agencies');
    expect(await about.locator('a[href^="mailto:"]').count()).toBe(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), about.locator('#corrections-template').click()]);
    expect(dl.suggestedFilename()).toMatch(/\.csv$/);
    const { readFile } = await import('node:fs/promises');
    const Papa = (await import('papaparse')).default;
    const parsed = Papa.parse<string[]>(await readFile((await dl.path())!, 'utf8'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(expect.arrayContaining(['agency_name', 'state', 'start_date', 'source_url', 'source_publisher']));
    await about.locator('#corrections').screenshot({ path: 'tests/artifacts/journey-everyone-corrections.png' });
    await page.keyboard.press('Escape');
  });
});
