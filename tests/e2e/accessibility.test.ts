/**
 * Page mechanics and WCAG 2.2 AA across the page, from the visitor's side:
 * the page never scrolls past the app, the skip link, reflow at 320 px,
 * 200 % text, text spacing, target sizes, 200 % page zoom on a phone-sized
 * window, a keyboard-only journey (map and list) and axe-core in the states
 * a visitor reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { launch, newPage, PHONE, screenshot, waitForIdle } from './browser';
import { countText, expectCount, openApp, openDialog, waitForCard } from './app';
import { agenciesLabel, countWhere } from './dataset';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const DESKTOP = { width: 1366, height: 850 };
const DIALOGS = ['#share-button', '#export-button', '#download-button', '#about-button'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region' || v.id === 'page-has-heading-one')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/** The document's own scrolling: what a visitor sees as the page moving. */
function pageScroll(page: Page): Promise<{ height: number; viewport: number; y: number; width: number; vw: number }> {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
    y: window.scrollY,
    width: document.documentElement.scrollWidth,
    vw: document.documentElement.clientWidth,
  }));
}

/**
 * Every visible interactive control smaller than 24 × 24 CSS px that no
 * exception of WCAG 2.2 (2.5.8) covers: a link inside a sentence, or an
 * undersized target whose 24 px circle meets no other target (nor another
 * undersized target's circle).
 */
function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=option], [tabindex]:not([tabindex="-1"])';
    // With a modal dialog open, the page behind it is inert: only the dialog's controls are targets.
    const scope = document.querySelector('dialog:modal') ?? document;
    const shown = [...scope.querySelectorAll<HTMLElement>(sel)].filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0) return false;
      if (el.closest('[hidden], [aria-hidden="true"], .visually-hidden')) return false;
      // Covered by something else (a sheet over the page): not a target there.
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
        const hit = document.elementFromPoint(x, y);
        if (hit && !el.contains(hit) && !(hit instanceof HTMLLabelElement && hit.control === el) && !hit.contains(el)) return false;
      }
      return getComputedStyle(el).visibility !== 'hidden';
    });
    const small = (r: DOMRect) => r.width < 23.95 || r.height < 23.95;
    const inSentence = (el: HTMLElement) => {
      if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
      const block = el.parentElement;
      return !!block && (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 1;
    };
    const rects = shown.map((el) => el.getBoundingClientRect());
    // Scrolled out of a box that clips it (the card's sheet, a column): not at that place on screen, so no neighbour there.
    const clipped = shown.map((el, k) => {
      const r = rects[k];
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === 'visible' && getComputedStyle(a).overflowX === 'visible') continue;
        const q = a.getBoundingClientRect();
        if (r.bottom <= q.top || r.top >= q.bottom || r.right <= q.left || r.left >= q.right) return true;
      }
      return false;
    });
    const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2];
    const distToRect = (x: number, y: number, r: DOMRect) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const bad: string[] = [];
    shown.forEach((el, k) => {
      const r = rects[k];
      if (!small(r) || inSentence(el)) return;
      const [x, y] = centre(r);
      const clash = shown.some((o, j) => {
        if (j === k || clipped[j] || clipped[k] || o.contains(el) || el.contains(o)) return false;
        const q = rects[j];
        if (small(q) && !inSentence(o)) {
          const [ox, oy] = centre(q);
          return Math.hypot(ox - x, oy - y) < 24 - 0.05;
        }
        return distToRect(x, y, q) < 12 - 0.05;
      });
      if (clash) bad.push(`${el.tagName.toLowerCase()}.${el.className} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}” ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    });
    return bad;
  });
}

/** Text that runs out of its box sideways, or out of a box that clips it: what enlarged text or spacing must never do. */
function clippedText(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((rootSel) => {
    const bad: string[] = [];
    const root = document.querySelector(rootSel);
    if (!root) return ['no root'];
    for (const el of root.querySelectorAll<HTMLElement>('p, dt, dd, th, td, li, label, legend, summary, button, a, h1, h2, h3, h4, output, .panel-title')) {
      if (el.closest('[hidden], .visually-hidden, .maplibregl-map, svg') || !el.getClientRects().length) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'inline' || cs.visibility === 'hidden' || !(el.textContent ?? '').trim()) continue;
      const clips = cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
      // A scrolling box shows all its text (scrolled to): only visible overflow spills over its neighbours, and hidden overflow is lost.
      if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1 && (clips || cs.overflowX === 'visible')) bad.push(`${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}” ${el.scrollWidth}>${el.clientWidth}`);
      else if (cs.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1) bad.push(`${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}” clipped ${el.scrollHeight}>${el.clientHeight}`);
    }
    return bad;
  }, root);
}

/** Opens the card of an agency the way a visitor does: by its row in the list. */
async function openFromList(page: Page, name: string): Promise<void> {
  await page.fill('#filter-q', name);
  await page.locator('#list button.row-select', { hasText: name }).first().click();
  await waitForCard(page);
}

describe('page mechanics (desktop)', () => {
  it('the page never scrolls past the app: wheel over the header and the scrolled-out sidebars, PageDown and End', async () => {
    const { page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    expect(await pageScroll(page)).toMatchObject({ height: DESKTOP.height, y: 0 });
    // Wheel over the header, then over each column scrolled to its end (the wheel then passes to the page).
    const header = await page.locator('.app-header').boundingBox();
    await page.mouse.move(header!.x + header!.width / 2, header!.y + header!.height / 2);
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(300);
    expect(await pageScroll(page)).toMatchObject({ height: DESKTOP.height, y: 0 });
    for (const column of ['.sidebar', '.side-panel']) {
      const box = (await page.locator(column).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let k = 0; k < 8; k++) await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(300);
      // The column itself scrolled (to its end): the wheel did reach it.
      const col = await page.locator(column).evaluate((el) => ({ top: el.scrollTop, max: el.scrollHeight - el.clientHeight }));
      expect(col.max).toBeGreaterThan(0);
      expect(col.top).toBeGreaterThanOrEqual(col.max - 1);
      expect(await pageScroll(page)).toMatchObject({ height: DESKTOP.height, y: 0 });
    }
    // The keyboard: from a place with no scrolling box of its own (the heading), PageDown and End.
    await page.locator('.brand h1').click();
    for (const key of ['PageDown', 'PageDown', 'End', 'Space']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(await pageScroll(page)).toMatchObject({ height: DESKTOP.height, y: 0 });
    // And from inside the list: End scrolls the list, never the page.
    await page.locator('#list button.row-select').first().focus();
    await page.keyboard.press('End');
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(300);
    expect(await pageScroll(page)).toMatchObject({ height: DESKTOP.height, y: 0 });
    await screenshot(page, 'a11y-desktop-after-wheel');
    await page.close();
  });

  it('the skip link moves focus to the list and leaves the link, the filters and the notices alone', async () => {
    const { page } = await newPage(browser, { viewport: DESKTOP });
    const n = countWhere((p) => p.state === 'CA' && p.agency_type === 'police');
    await openApp(page, 'state=CA&type=police');
    await expectCount(page, agenciesLabel(n));
    const before = page.url();
    // The first Tab stop of the page.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to the list of agencies');
    expect(await page.locator('.skip-link').boundingBox()).toMatchObject({ x: expect.any(Number) });
    await screenshot(page, 'a11y-skip-link');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('agency-list');
    expect(page.url()).toBe(before);
    expect(page.url()).not.toContain('agency-list');
    expect((await page.locator('#notices').textContent())?.trim()).toBe('');
    expect(await page.isChecked('#type-police')).toBe(true);
    expect(await countText(page)).toBe(agenciesLabel(n));
    // The next Tab stop is inside the list.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#agency-list'))).toBe(true);
    await page.close();
  });
});

describe('reflow, enlarged text and text spacing', () => {
  it('320 px wide: no sideways scrolling on the page, with the card open, or in any dialog', async () => {
    const { page } = await newPage(browser, { viewport: { width: 320, height: 640 } });
    await openApp(page);
    let s = await pageScroll(page);
    expect(s.width).toBeLessThanOrEqual(s.vw);
    await screenshot(page, 'a11y-320');
    await openFromList(page, 'Lakeland Police');
    s = await pageScroll(page);
    expect(s.width).toBeLessThanOrEqual(s.vw);
    expect(await clippedText(page, '#card')).toEqual([]);
    await screenshot(page, 'a11y-320-card');
    await page.keyboard.press('Escape');
    for (const b of DIALOGS) {
      await openDialog(page, b);
      const d = await page.locator('dialog[open]').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, r: el.getBoundingClientRect().toJSON() as DOMRect }));
      expect(d.sw, b).toBeLessThanOrEqual(d.cw + 1);
      expect(d.r.left).toBeGreaterThanOrEqual(0);
      expect(d.r.right).toBeLessThanOrEqual(320);
      await screenshot(page, `a11y-320-dialog-${b.slice(1)}`);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  it('200 % text (the browser font size doubled): the card reads in words, the list keeps its columns, dialogs fit', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await openApp(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('30px');
    // Still the app layout: nothing below it, nothing to the side.
    const s = await pageScroll(page);
    expect(s).toMatchObject({ height: DESKTOP.height, y: 0 });
    expect(s.width).toBeLessThanOrEqual(s.vw);
    // The list: every column's header within the list's width, no sideways scrolling.
    // The list: every column's header and every cell of the first rows within the list's width, no sideways scrolling.
    const list = await page.locator('#list .table-scroll').evaluate((el) => {
      const box = el.getBoundingClientRect();
      const inside = (c: Element) => c.getBoundingClientRect().right <= box.right + 1 && c.getBoundingClientRect().left >= box.left - 1;
      return {
        sw: el.scrollWidth,
        cw: el.clientWidth,
        heads: [...el.querySelectorAll('thead th')].map(inside),
        cells: [...el.querySelectorAll('tbody tr')].slice(0, 20).flatMap((tr) => [...tr.children].map(inside)),
      };
    });
    expect(list.heads).toEqual([true, true, true, true]);
    expect(list.cells.length).toBe(80);
    expect(list.cells.every(Boolean)).toBe(true);
    expect(list.sw).toBeLessThanOrEqual(list.cw + 1);
    await screenshot(page, 'a11y-text200');
    await openFromList(page, 'Lakeland Police');
    // Every value of the card as wide as its text or at least six letters: never a letter per line.
    const narrow = await page.locator('#card dd').evaluateAll((dds) =>
      dds.filter((dd) => {
        const font = parseFloat(getComputedStyle(dd).fontSize);
        const range = document.createRange();
        range.selectNodeContents(dd);
        const needed = range.getBoundingClientRect().width;
        return dd.getBoundingClientRect().width < Math.min(needed, 6 * font) - 1;
      }).map((dd) => dd.textContent));
    expect(narrow).toEqual([]);
    expect(await clippedText(page, '#card')).toEqual([]);
    await screenshot(page, 'a11y-text200-card');
    await page.keyboard.press('Escape');
    for (const b of DIALOGS) {
      await openDialog(page, b);
      const d = await page.locator('dialog[open]').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, r: el.getBoundingClientRect().toJSON() as DOMRect, vh: innerHeight }));
      expect(d.sw, b).toBeLessThanOrEqual(d.cw + 1);
      expect(d.r.top).toBeGreaterThanOrEqual(0);
      expect(d.r.bottom).toBeLessThanOrEqual(d.vh);
      // Its last control can be reached and is on screen once scrolled to.
      const last = page.locator('dialog[open]').locator('button, input, select, a[href], textarea').last();
      await last.focus();
      await last.scrollIntoViewIfNeeded();
      expect(await last.isVisible()).toBe(true);
      expect(await clippedText(page, 'dialog[open]'), b).toEqual([]);
      await screenshot(page, `a11y-text200-dialog-${b.slice(1)}`);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  it('text spacing (line 1.5, paragraphs 2em, letters 0.12em, words 0.16em): no text clipped or spilling, at desktop and phone sizes', async () => {
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page } = await newPage(browser, { viewport });
      await openApp(page);
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      });
      await waitForIdle(page);
      expect(await clippedText(page), name).toEqual([]);
      await openFromList(page, 'Lakeland Police');
      expect(await clippedText(page), name).toEqual([]);
      await screenshot(page, `a11y-text-spacing-${name}`);
      await page.keyboard.press('Escape');
      for (const b of DIALOGS) {
        await openDialog(page, b);
        expect(await clippedText(page, 'dialog[open]'), `${name} ${b}`).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await page.close();
    }
  });

  it('every control is at least 24 × 24 px or spaced as WCAG 2.2 allows: page, card and dialogs, desktop and phone', async () => {
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page } = await newPage(browser, { viewport });
      await openApp(page);
      await screenshot(page, `a11y-${name}`);
      expect(await undersizedTargets(page), name).toEqual([]);
      // The list's rows (Lighthouse found them 16 px tall).
      const rowHeights = await page.locator('#list button.row-select').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(rowHeights.length).toBeGreaterThan(0);
      expect(Math.min(...rowHeights)).toBeGreaterThanOrEqual(24);
      await openFromList(page, 'Lakeland Police');
      await page.locator('#card details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await undersizedTargets(page), `${name} card`).toEqual([]);
      await page.keyboard.press('Escape');
      for (const b of DIALOGS) {
        await openDialog(page, b);
        expect(await undersizedTargets(page), `${name} ${b}`).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await page.close();
    }
  });
});

describe('200 % page zoom (a 1366 × 850 window at 200 %)', () => {
  /** Red pixels of the selection ring (#d62828) on screen, in CSS px, above a line and below another. */
  function ringPixels(png: Buffer, scale: number, top: number, bottom: number): number {
    const img = PNG.sync.read(png);
    let n = 0;
    for (let y = Math.ceil(top * scale); y < Math.min(img.height, bottom * scale); y++) {
      for (let x = 0; x < img.width; x++) {
        const k = (y * img.width + x) * 4;
        const [r, g, b] = [img.data[k], img.data[k + 1], img.data[k + 2]];
        if (r > 190 && g < 80 && b < 80) n++;
      }
    }
    return n;
  }

  it('an agency opened from the list stays in sight above its card', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 683, height: 425 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    for (const name of ['Lakeland Police', 'Los Angeles Police']) {
      // The national view each time: the list holds the agencies in view.
      await openApp(page);
      await openFromList(page, name);
      await waitForIdle(page);
      await page.waitForTimeout(400);
      await waitForIdle(page);
      const card = (await page.locator('#card').boundingBox())!;
      const map = (await page.locator('#map').boundingBox())!;
      const shot = await page.screenshot();
      // The ring is on screen, in the part of the map the card leaves visible.
      const visibleTop = Math.max(map.y, 0), visibleBottom = Math.min(map.y + map.height, card.y);
      expect(visibleBottom - visibleTop, name).toBeGreaterThan(40);
      expect(ringPixels(shot, 2, visibleTop, visibleBottom), name).toBeGreaterThan(30);
      await screenshot(page, `a11y-zoom200-${name.split(' ')[0].toLowerCase()}`);
      await page.keyboard.press('Escape');
      await page.locator('#card').waitFor({ state: 'hidden' });
    }
    // Without a selection there is no ring: the count above is the selection's.
    await waitForIdle(page);
    const shot = await page.screenshot();
    expect(ringPixels(shot, 2, 0, 425)).toBe(0);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('reaches an agency on the map and in the list, opens its card, closes it with Escape, and focus goes back', { timeout: 240_000 }, async () => {
    const { page } = await newPage(browser, { viewport: DESKTOP });
    // Around Lakeland, FL, where agencies are near.
    await openApp(page, 'map=8/28.04/-81.95&state=FL');
    await page.locator('body').focus();
    // Tab to the map.
    let onMap = false;
    for (let k = 0; k < 80 && !onMap; k++) {
      await page.keyboard.press('Tab');
      onMap = await page.evaluate(() => !!document.activeElement?.matches('canvas.maplibregl-canvas'));
    }
    expect(onMap).toBe(true);
    const hint = page.locator('.map-keys');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Enter opens the card');
    // Zoom in twice and move a little: the agency nearest the centre is named.
    for (const key of ['+', '+', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await waitForIdle(page);
    }
    const said = page.locator('.map-keys-nearest');
    await expect.poll(async () => (await said.textContent()) ?? '', { timeout: 20_000 }).toMatch(/^Nearest the centre: /);
    const name = /Nearest the centre: (.*) \(/.exec((await said.textContent()) ?? '')![1];
    // The same name on the map, as its tooltip.
    expect(await page.locator('.agency-tip').textContent()).toContain(name);
    await screenshot(page, 'a11y-keyboard-map');
    await page.keyboard.press('Enter');
    await waitForCard(page);
    expect(await page.locator('#card-title').textContent()).toBe(name);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('card-title');
    await screenshot(page, 'a11y-keyboard-map-card');
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => !!document.activeElement?.matches('canvas.maplibregl-canvas'))).toBe(true);

    // The list: on from the map with Tab, past the map's controls and the timeline, to a row.
    let row: string | null = null;
    for (let k = 0; k < 80 && !row; k++) {
      await page.keyboard.press('Tab');
      row = await page.evaluate(() => (document.activeElement?.matches('#list button.row-select') ? document.activeElement.textContent : null));
    }
    expect(row).toBeTruthy();
    const target = await page.evaluate(() => ({ id: (document.activeElement as HTMLElement).dataset.id, name: document.activeElement?.textContent }));
    expect(target.id).toBeTruthy();
    await page.keyboard.press('Enter');
    await waitForCard(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('card-title');
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(target.id);
    await page.close();
  });
});

describe('axe-core: no serious or critical violations, every part in a landmark', () => {
  for (const [name, query, viewport] of [
    ['English, desktop', '', DESKTOP],
    ['Spanish, desktop', '?lang=es', DESKTOP],
    ['English, phone', '', PHONE],
    ['English, 200 % page zoom', '', { width: 683, height: 425 }],
  ] as const) {
    it(`${name}: main view, card open, every dialog open`, async () => {
      const { page } = await newPage(browser, { viewport });
      await openApp(page, 'state=FL', query);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#list button.row-select').first().click();
      await waitForCard(page);
      expect(await axeViolations(page)).toEqual([]);
      for (const b of DIALOGS) {
        await openDialog(page, b);
        expect(await axeViolations(page), b).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await page.close();
    });
  }

  it('embed (English and Spanish): bar, map, and a card open', async () => {
    for (const lang of ['', '&lang=es']) {
      const { page } = await newPage(browser, { viewport: { width: 600, height: 450 } });
      await openApp(page, 'state=FL', `?embed=1${lang}`);
      expect(await axeViolations(page), lang).toEqual([]);
      await page.locator('.embed-bar').waitFor();
      await openApp(page, 'state=FL&agency=lakeland-police-department-fl', `?embed=1${lang}`);
      await waitForCard(page);
      expect(await axeViolations(page), lang).toEqual([]);
      await screenshot(page, `a11y-embed-card${lang ? '-es' : ''}`);
      await page.close();
    }
  });
});
