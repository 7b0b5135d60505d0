/**
 * Two places side by side, from the visitor's side: Houston, TX compared
 * with Miami-Dade County (each count equal to the single answer the page
 * gives), the link carrying both and restoring both in a new page, the
 * exported PNG (its size, its text naming both places with their counts,
 * and both places drawn at their positions), the phone's stacked layout,
 * and a keyboard-only journey in Spanish ("Condado de Miami-Dade").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { ARTIFACTS, launch, newPage, PHONE, screenshot, waitForIdle } from './browser';
import { linkParam, openApp, openDialog, viewBounds, waitForLinkParam } from './app';

const DESKTOP = { width: 1366, height: 850 };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser, { viewport: DESKTOP }));
  await openApp(page);
});
afterAll(async () => browser?.close());

/** Waits until the answer box has an answer (not "Looking up…") and the map has settled. */
async function answered(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const r = document.querySelector('#area-result');
    return !!r?.textContent && !/Looking up|Buscando/.test(r.textContent);
  }, null, { timeout: 60_000 });
  await waitForIdle(p);
}

/** The rows of the map's key, as read on screen. */
async function legendRows(p: Page): Promise<string[]> {
  return (await p.locator('#legend .legend-row').allTextContents()).map((t) => t.trim());
}

async function search(q: string): Promise<void> {
  await page.fill('#area-input', q);
  await page.press('#area-input', 'Enter');
  await answered(page);
}

const num = (t: string | null) => Number(/([\d,]+)/.exec(t ?? '')?.[1].replace(/,/g, '') ?? NaN);

/** Each compared column's facts, as read on the page: place, county and term → value. */
async function columns(p: Page): Promise<{ place: string; county: string; facts: Record<string, string> }[]> {
  await p.locator('.area-compare').waitFor({ timeout: 60_000 });
  return p.locator('.compare-col').evaluateAll((cols) => cols.map((c) => ({
    place: c.querySelector('.compare-place')?.textContent ?? '',
    county: c.querySelector('.compare-county')?.textContent ?? '',
    facts: Object.fromEntries([...c.querySelectorAll('.compare-facts div')].map((d) => [d.querySelector('dt')?.textContent ?? '', d.querySelector('dd')?.textContent ?? ''])),
  })));
}

/** The text chunks (iTXt) of a PNG file. */
function pngText(bytes: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (let at = 8; at < bytes.length;) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'iTXt') {
      const nul = body.indexOf(0);
      let p = body.indexOf(0, nul + 3) + 1;
      p = body.indexOf(0, p) + 1;
      out[body.toString('latin1', 0, nul)] = body.toString('utf8', p);
    }
    at += 12 + len;
  }
  return out;
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Serious or critical axe-core violations on the page as it is now. */
async function axeViolations(p: Page): Promise<{ id: string; nodes: string[] }[]> {
  await p.addScriptTag({ content: AXE });
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/** Controls of the compare box smaller than 24 × 24 px. */
function smallTargets(p: Page): Promise<string[]> {
  return p.locator('.compare-box button:visible, #compare-input').evaluateAll((els) => els
    .map((e) => [e.textContent || e.id, e.getBoundingClientRect()] as const)
    .filter(([, r]) => r.width < 24 || r.height < 24).map(([t]) => t));
}

let single: { houston: { within: number; covering: number; spanning: number }; miami: number };
let compareUrl = '';

describe('compare two places', () => {
  it('each place alone first: the single answers and their counts', async () => {
    await search('Miami-Dade County');
    const miami = num(await page.locator('#area-result h3').first().textContent());
    await search('Houston, TX');
    const within = num(await page.locator('#area-result h3', { hasText: 'within 10 miles' }).textContent());
    single = {
      houston: { within, covering: await page.locator('.area-agencies.covering li').count(), spanning: await page.locator('.area-agencies.spanning li').count() },
      miami,
    };
    expect(miami).toBeGreaterThan(5);
    expect(within).toBeGreaterThan(0);
  });

  it('Compare with another place: both answers side by side, each with the single answer\'s counts, and the link carries both', async () => {
    await page.click('text=Compare with another place');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-input');
    await page.type('#compare-input', 'Miami-Dade', { delay: 30 });
    await page.locator('#compare-suggestions li').first().waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('#compare-input', 'aria-expanded')).toBe('true');
    // Escape closes the suggestions it opened, and focus stays in the box.
    await page.keyboard.press('Escape');
    expect(await page.locator('#compare-suggestions').isHidden()).toBe(true);
    expect(await page.getAttribute('#compare-input', 'aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-input');
    await page.fill('#compare-input', 'Miami-Dade County');
    await page.press('#compare-input', 'Enter');
    await answered(page);
    const cols = await columns(page);
    expect(cols.map((c) => c.place)).toEqual(['Houston, TX', 'Miami-Dade County, FL']);
    expect(cols[0].county).toBe('Harris County, TX');
    expect(num(cols[0].facts['Partnered within 10 miles'])).toBe(single.houston.within);
    expect(num(cols[0].facts['Covering its county'])).toBe(single.houston.covering);
    expect(num(cols[0].facts['Also serving its county'])).toBe(single.houston.spanning);
    expect(num(cols[1].facts['Partnered in the whole county'])).toBe(single.miami);
    for (const c of cols) {
      expect(c.facts['With a perk or subsidy on record']).toMatch(/^\d+$/);
      expect(c.facts['Earliest documented start']).toMatch(/\d{4}|not documented/);
    }
    // Side by side on a desktop: the second column to the right of the first, on the same row.
    const [a, b] = await Promise.all([page.locator('.compare-col').nth(0).boundingBox(), page.locator('.compare-col').nth(1).boundingBox()]);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(Math.abs(b!.y - a!.y)).toBeLessThan(2);
    // The coverage note beside the counts.
    expect(await page.locator('#area-result .coverage-note').textContent()).toContain('after Sept 2020 are incomplete');
    // The key names what the map draws for the two: Houston's pin, radius and county, and Miami-Dade's outline.
    expect(await legendRows(page)).toEqual(expect.arrayContaining(['Searched place', 'Within 10 miles', 'Searched county, and county of the searched place']));
    await waitForLinkParam(page, 'compare', 'Miami-Dade County');
    expect(linkParam(page, 'area')).toBe('Houston, TX');
    await page.waitForURL(/map=/);
    await waitForIdle(page);
    // The link a visitor shares is the Share dialog's: it carries both places.
    await openDialog(page, '#share-button');
    compareUrl = await page.inputValue('#share-link');
    const shared = new URL(compareUrl);
    expect(shared.searchParams.get('area') ?? new URLSearchParams(shared.hash.slice(1)).get('area')).toBe('Houston, TX');
    expect(shared.searchParams.get('compare') ?? new URLSearchParams(shared.hash.slice(1)).get('compare')).toBe('Miami-Dade County');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#share-dialog').isVisible()).toBe(false);
    await screenshot(page, 'compare-1-desktop');
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });

  it('the link opens both answers in a new page, and its PNG shows both places with their counts', async () => {
    const before = await columns(page);
    const { page: other } = await newPage(browser, { viewport: DESKTOP });
    await other.goto(compareUrl);
    await other.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
    await answered(other);
    const after = await columns(other);
    expect(after).toEqual(before);
    expect(await other.inputValue('#compare-input')).toBe('Miami-Dade County');
    expect(await other.inputValue('#area-input')).toBe('Houston, TX');

    const mapBox = (await other.locator('#map').boundingBox())!;
    const view = (linkParam(other, 'map') ?? '').split('/').map(Number);
    expect(view).toHaveLength(3);
    await openDialog(other, '#export-button');
    // The default subtitle names both places.
    expect(await other.inputValue('#export-subtitle')).toContain('Houston, TX compared with Miami-Dade County, FL');
    await other.check('#export-screen');
    const [dl] = await Promise.all([other.waitForEvent('download', { timeout: 120_000 }), other.click('#export-go')]);
    const path = `${ARTIFACTS}/compare-export.png`;
    await dl.saveAs(path);
    const bytes = readFileSync(path);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(1200);
    const mapH = Math.round((mapBox.height * 1200) / mapBox.width);
    expect(png.height).toBeGreaterThan(64 + mapH);

    // The caption is in the file's text too: both places, with the counts the page shows.
    const text = pngText(bytes).Description ?? '';
    const lines = text.split('\n');
    expect(lines[0]).toContain('Houston, TX (Harris County, TX)');
    expect(lines[0]).toContain(`${single.houston.within} partnered within 10 miles, ${single.houston.covering} covering its county, ${single.houston.spanning} also serving it`);
    expect(lines[0]).toContain(`${after[0].facts['With a perk or subsidy on record']} with a perk or subsidy on record`);
    expect(lines[0]).toContain(`earliest documented start ${after[0].facts['Earliest documented start']}`);
    expect(lines[1]).toContain(`Miami-Dade County, FL: ${single.miami} partnered in the whole county`);
    expect(text).toContain('after Sept 2020 are incomplete');

    // Both places drawn where they are: the view's own projection, scaled to the image's map band.
    const bounds = viewBounds({ zoom: view[0], lat: view[1], lon: view[2] }, { width: mapBox.width, height: mapBox.height });
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const at = (lon: number, lat: number) => [((lon - bounds.w) / (bounds.e - bounds.w)) * 1200,
      64 + ((merc(bounds.n) - merc(lat)) / (merc(bounds.n) - merc(bounds.s))) * mapH] as const;
    /** Pixels close to a colour inside a box around a point (r px). */
    const near = (x0: number, y0: number, r: number, rgb: [number, number, number], tol = 40) => {
      let n = 0;
      for (let y = Math.max(64, Math.round(y0 - r)); y < Math.min(64 + mapH, y0 + r); y++) for (let x = Math.max(0, Math.round(x0 - r)); x < Math.min(1200, x0 + r); x++) {
        const i = (png.width * y + x) << 2;
        if (Math.abs(png.data[i] - rgb[0]) + Math.abs(png.data[i + 1] - rgb[1]) + Math.abs(png.data[i + 2] - rgb[2]) < tol) n++;
      }
      return n;
    };
    const COUNTY: [number, number, number] = [106, 61, 154];
    const PIN: [number, number, number] = [35, 38, 43];
    const [hx, hy] = at(-95.37, 29.76);
    const [mx, my] = at(-80.5, 25.6);
    expect(hx).toBeLessThan(mx - 100);
    // Houston: its pin just above the place, and its county's outline around it.
    expect(near(hx, hy - 10, 14, PIN)).toBeGreaterThan(10);
    expect(near(hx, hy, 40, COUNTY)).toBeGreaterThan(10);
    // Miami-Dade: the county's outline, and no pin (a county is answered whole).
    expect(near(mx, my, 40, COUNTY)).toBeGreaterThan(10);
    // Far from both (the middle of the Gulf between them), no county outline.
    expect(near((hx + mx) / 2, Math.max(hy, my) + 30, 30, COUNTY)).toBe(0);
    await other.keyboard.press('Escape');
    await screenshot(other, 'compare-2-restored');
    await other.context().close();
  });

  it('Clear compare brings back the single answer, drops compare from the link, and keeps focus', async () => {
    await page.click('text=Clear compare');
    await answered(page);
    expect(await page.locator('.area-compare').count()).toBe(0);
    expect(num(await page.locator('#area-result h3', { hasText: 'within 10 miles' }).textContent())).toBe(single.houston.within);
    await waitForLinkParam(page, 'compare', null);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Compare with another place');
  });
});

describe('compare on a phone, and in Spanish by keyboard', () => {
  it('a phone stacks the two answers, in the answer sheet', async () => {
    const { page: phone } = await newPage(browser, { viewport: PHONE });
    await phone.goto(compareUrl.replace(/&?map=[^&]*/, ''));
    await phone.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
    await answered(phone);
    const [a, b] = await Promise.all([phone.locator('.compare-col').nth(0).boundingBox(), phone.locator('.compare-col').nth(1).boundingBox()]);
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
    expect(b!.x).toBeCloseTo(a!.x, 0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(phone, 'compare-3-phone');
    expect(await axeViolations(phone)).toEqual([]);
    expect(await smallTargets(phone)).toEqual([]);
    await phone.locator('#area-result').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(phone, 'compare-4-phone-scrolled');
    await phone.context().close();
  });

  it('Spanish, keyboard only: "Condado de Miami-Dade" beside Houston, then cleared', async () => {
    const { page: es } = await newPage(browser, { viewport: DESKTOP });
    await openApp(es, 'lang=es');
    await es.focus('#area-input');
    await es.keyboard.type('Houston, TX');
    await es.keyboard.press('Enter');
    await answered(es);
    // Tab to "Comparar con otro lugar" and open it with Enter.
    for (let k = 0; k < 8; k++) {
      if ((await es.evaluate(() => document.activeElement?.textContent)) === 'Comparar con otro lugar') break;
      await es.keyboard.press('Tab');
    }
    expect(await es.evaluate(() => document.activeElement?.textContent)).toBe('Comparar con otro lugar');
    await es.keyboard.press('Enter');
    expect(await es.evaluate(() => document.activeElement?.id)).toBe('compare-input');
    await es.keyboard.type('Condado de Miami-Dade');
    await es.keyboard.press('Enter');
    await answered(es);
    const cols = await columns(es);
    expect(cols[0].place).toBe('Houston, TX');
    expect(cols[1].place).toMatch(/Miami-Dade/);
    expect(Object.keys(cols[1].facts)).toEqual(['Asociadas en todo el condado', 'Con beneficios o subsidios registrados', 'Primer inicio documentado']);
    expect(num(cols[1].facts['Asociadas en todo el condado'])).toBe(single.miami);
    expect(Object.keys(cols[0].facts)[0]).toBe('Asociadas a 10 millas o menos');
    expect(num(cols[0].facts['Asociadas a 10 millas o menos'])).toBe(single.houston.within);
    await waitForLinkParam(es, 'compare', 'Condado de Miami-Dade');
    await screenshot(es, 'compare-5-spanish');
    // Escape in an empty, unused box closes it; Clear compare is reached by Tab and pressed with Enter.
    for (let k = 0; k < 4; k++) {
      if ((await es.evaluate(() => document.activeElement?.textContent)) === 'Quitar la comparación') break;
      await es.keyboard.press('Tab');
    }
    expect(await es.evaluate(() => document.activeElement?.textContent)).toBe('Quitar la comparación');
    await es.keyboard.press('Enter');
    await answered(es);
    await waitForLinkParam(es, 'compare', null);
    expect(await es.evaluate(() => document.activeElement?.textContent)).toBe('Comparar con otro lugar');
    expect(await es.locator('.area-compare').count()).toBe(0);
    await es.context().close();
  });
});
