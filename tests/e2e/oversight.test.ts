/**
 * What was checked and who decides, from a visitor's side: a resident finds
 * an agency by name and reads on its card whether it was researched beyond
 * the Atlas and when, or that it was not yet; an agency in a city with a
 * surveillance ordinance says who decides, with the source one click away;
 * the agency's own page says both without JavaScript; About gives the counts;
 * all of it in Spanish too. A sample is read against the same word code in
 * Node (the unit tests sweep every agency).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, PHONE, screenshot } from './browser';
import { BASE, expectCount, goToHash, openApp, openDialog, waitForCard } from './app';
import { agenciesLabel, countWhere, FEATURES } from './dataset';
import { CATALOGUES } from '../../src/i18n/messages';
import type { Locale } from '../../src/i18n/locale';
import { oversightWords, researchWords } from '../../src/story/research-words';
import { formatInt } from '../../src/ui/format';

const DESKTOP = { width: 1366, height: 850 };
const LAKELAND = 'lakeland-police-department-fl';
const CHICOPEE = 'chicopee-police-department-ma';
const ABILENE = 'abilene-police-department-tx';
const MADISON = 'madison-police-department-wi';
const DETROIT = 'detroit-police-department-mi';
const props = (id: string) => FEATURES.find((f) => f.properties.id === id)!.properties;

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Serious or critical axe-core violations on the page as it is. */
async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Opens a card as a resident does: types the name in the search and picks the row. */
async function findAndOpen(page: Page, name: string, english = true): Promise<void> {
  await page.fill('#filter-q', name);
  // The count is said in the page's language; in English it is checked before picking the row.
  if (english) await expectCount(page, agenciesLabel(countWhere((p) => p.name.toLowerCase().includes(name.toLowerCase()))));
  await page.locator('#list button.row-select', { hasText: name }).first().click();
  await waitForCard(page);
}

async function openById(page: Page, id: string): Promise<void> {
  await goToHash(page, `agency=${id}`);
  await page.waitForFunction((id) => document.querySelector('#card:not([hidden]):not([aria-busy]) .page-link a')?.getAttribute('href')?.includes(id), id, { timeout: 20_000 });
  await waitForCard(page);
}

/** The card's two sections as read: each line's text, the links with their address. */
async function readSections(page: Page): Promise<{ research: string[]; who: string[]; links: { text: string; href: string | null }[] }> {
  const squash = (xs: string[]) => xs.map((t) => t.replace(/\s+/g, ' ').trim());
  return {
    research: squash(await page.locator('#card .card-research').locator('p, li').allTextContents()),
    who: squash(await page.locator('#card .card-who-decides li').allTextContents()),
    links: await page.locator('#card .card-who-decides a').evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') }))),
  };
}

/** What Node's word code says the card shows. */
function expected(id: string, l: Locale): { research: string[]; who: string[] } {
  const m = CATALOGUES[l];
  const w = researchWords(props(id), m, l);
  return {
    research: [w.line, ...w.checks.map((c) => `${c.prefix}${c.question} — ${c.result}`), ...(w.note ? [w.note] : [])],
    who: oversightWords(props(id), m, l).map((o) => `${o.lead}${o.name}${o.when}. ${o.linkText} (${o.checked})`),
  };
}

describe('what was checked, on the card', () => {
  it('Lakeland, found by name: checked beyond the Atlas on 28 November 2026, with the question; an agency never researched says so', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    await findAndOpen(page, 'Lakeland Police Department');
    const s = await readSections(page);
    expect(s.research[0]).toBe('Checked beyond the Atlas on 28 November 2026.');
    expect(s.research).toContain('28 November 2026: Were the 15 MOU cameras kept? — found');
    expect(s.research.join(' ')).not.toContain('Not researched');
    expect(s).toMatchObject(expected(LAKELAND, 'en'));
    await screenshot(page, 'oversight-lakeland-card-desktop');
    // Escape closes the card; a link to an agency never researched opens its card.
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });
    await openById(page, ABILENE);
    const a = await readSections(page);
    expect(a.research[0]).toBe('Not researched beyond the Atlas yet.');
    expect(a.research.join(' ')).not.toContain('Checked beyond');
    expect(a.who).toEqual([]);
    expect(a).toMatchObject(expected(ABILENE, 'en'));
    await page.locator('#card .card-research').scrollIntoViewIfNeeded();
    await screenshot(page, 'oversight-abilene-card-desktop');
    await context.close();
  });

  it('a sample across checked, unchecked, "no report found" and who-decides agencies reads as the word code says', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    const withNotFound = FEATURES.find((f) => f.properties.research?.checks.some((c) => c.result === 'not_found'))!.properties.id;
    const inconclusive = FEATURES.find((f) => f.properties.research?.checks.some((c) => c.result === 'inconclusive'))!.properties.id;
    const unchecked = FEATURES.filter((f) => !f.properties.research).map((f) => f.properties.id);
    const sample = [CHICOPEE, DETROIT, withNotFound, inconclusive, 'caddo-parish-commission-la', 'city-of-peoria-il', unchecked[Math.floor(unchecked.length / 2)], unchecked[unchecked.length - 1]];
    for (const id of sample) {
      await openById(page, id);
      const s = await readSections(page);
      expect({ research: s.research, who: s.who }, id).toEqual(expected(id, 'en'));
      expect(s.research.join(' '), id).not.toMatch(/does not exist|no end exists/i);
      for (const l of s.links) expect(l.href, id).toMatch(/^https:\/\//);
    }
    await context.close();
  });
});

describe('who decides, on the card and the agency page', () => {
  it('Madison: the ordinance with its date, and the source opens in a new tab at the council file', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    await findAndOpen(page, 'Madison Police Department');
    // Several Madisons: the list's first row may be another state's; open Wisconsin's by its link.
    if (!(await page.locator('#card .page-link a').getAttribute('href'))?.includes(MADISON)) await openById(page, MADISON);
    const s = await readSections(page);
    expect(s.who).toEqual(['Madison has a surveillance-technology oversight ordinance: Surveillance technology ordinance (Madison General Ordinances 23.63) (adopted 16 June 2020). Source (checked on 7 December 2026)']);
    expect(s.links).toEqual([{ text: 'Source', href: props(MADISON).oversight![0].source_url }]);
    expect(await page.locator('#card .card-who-decides a').getAttribute('target')).toBe('_blank');
    // The link is a real target for a pointer: at least 24 px tall or wide enough, as the rest of the card.
    const box = await page.locator('#card .card-who-decides a').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(24);
    await page.locator('#card .card-who-decides').scrollIntoViewIfNeeded();
    await screenshot(page, 'oversight-madison-card-desktop');
    expect(await axeSerious(page)).toEqual([]);
    await context.close();
  });

  it('the agency pages say who decides and what was checked with JavaScript off', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${BASE()}agency/${MADISON}/`);
    const who = page.locator('section[aria-labelledby="who-decides-heading"]');
    expect((await who.locator('h2').textContent())?.trim()).toBe('Who decides');
    expect((await who.locator('li').textContent())?.replace(/\s+/g, ' ').trim()).toBe(expected(MADISON, 'en').who[0]);
    expect(await who.getByRole('link', { name: 'Source' }).getAttribute('href')).toBe(props(MADISON).oversight![0].source_url);
    const research = page.locator('section[aria-labelledby="research-heading"]');
    expect((await research.locator('p, li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(expected(MADISON, 'en').research);
    await research.scrollIntoViewIfNeeded();
    await screenshot(page, 'oversight-madison-page-nojs-desktop');
    // A page of an agency never researched says so, and has no "Who decides".
    await page.goto(`${BASE()}agency/${ABILENE}/`);
    expect((await page.locator('.research-line').textContent())?.trim()).toBe('Not researched beyond the Atlas yet.');
    expect(await page.locator('#who-decides-heading').count()).toBe(0);
    // Chicopee's page: checked, with its question.
    await page.goto(`${BASE()}agency/${CHICOPEE}/`);
    expect((await page.locator('.research-line').textContent())?.trim()).toBe('Checked beyond the Atlas on 28 November 2026.');
    expect(await page.locator('.research-checks').textContent()).toContain('Did the department deny the partnership? — found');
    await page.setViewportSize(PHONE);
    await page.goto(`${BASE()}agency/${DETROIT}/`);
    await page.locator('#who-decides-heading').scrollIntoViewIfNeeded();
    await screenshot(page, 'oversight-detroit-page-nojs-phone');
    await context.close();
  });
});

describe('Find my area', () => {
  it('a county and a place in it say how many of the county’s agencies were researched beyond the Atlas', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    const polk = FEATURES.filter((f) => f.properties.county_fips === '12105');
    const checked = polk.filter((f) => f.properties.research).length;
    const ask = async (q: string) => {
      await page.fill('#area-input', q);
      await page.press('#area-input', 'Enter');
      await page.waitForFunction(() => {
        const r = document.querySelector('#area-result');
        return r && r.textContent && !r.textContent.includes('Looking up');
      }, null, { timeout: 30_000 });
      return ((await page.locator('#area-result .area-research').textContent()) ?? '').trim();
    };
    // The latest day any of the county's agencies was checked, as the card writes dates ("7 December 2026").
    const last = polk.map((f) => f.properties.research?.last_checked ?? '').sort().at(-1)!;
    const [y, mo, d] = last.split('-').map(Number);
    const day = `${d} ${new Date(Date.UTC(y, mo - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`;
    expect(checked).toBeGreaterThan(0);
    const line = `agencies on the map researched beyond the Atlas: ${checked} of ${polk.length}, last checked on ${day}; the others not yet`;
    expect(await ask('Polk County, FL')).toMatch(new RegExp(`^Polk County.*: ${line}`));
    expect(await ask('Lakeland, FL')).toMatch(new RegExp(`^Polk County.*: ${line}`));
    await screenshot(page, 'oversight-area-lakeland-desktop');
    await context.close();
  });
});

describe('About and Spanish', () => {
  it('About gives the counts of agencies and counties checked and not checked, with the coverage caveat', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page);
    await openDialog(page, '#about-button');
    const checked = FEATURES.filter((f) => f.properties.research);
    const fips = (fs: typeof FEATURES) => new Set(fs.map((f) => f.properties.county_fips).filter(Boolean)).size;
    const text = ((await page.locator('#about-dialog .research-counts').textContent()) ?? '').trim();
    expect(text).toBe(CATALOGUES.en.researchAbout(formatInt(checked.length), formatInt(FEATURES.length - checked.length), formatInt(fips(checked)), formatInt(fips(FEATURES))));
    expect(text).toContain('September 2020');
    await page.locator('#about-dialog .research-counts').scrollIntoViewIfNeeded();
    await screenshot(page, 'oversight-about-desktop');
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await context.close();
  });

  it('in Spanish the card says what was checked and who decides in Spanish, dates the Spanish way (phone)', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await openApp(page, '', '?lang=es');
    await findAndOpen(page, 'Detroit Police Department', false);
    const s = await readSections(page);
    expect(s.research[0]).toBe('Verificado en otras fuentes, además del Atlas, el 7 de diciembre de 2026.');
    expect(s.research).toContain('28 de noviembre de 2026: Did the partnership end, pause, or get disputed? — no se encontró ningún informe');
    expect(s.who[0]).toMatch(/^Detroit tiene una ordenanza de supervisión de tecnologías de vigilancia: .*\(aprobada el 25 de mayo de 2021\)\. Fuente/);
    expect({ research: s.research, who: s.who }).toEqual(expected(DETROIT, 'es'));
    // The data's own words (the question, the law's name) are marked as English for screen readers.
    expect(await page.locator('#card .card-research li span[lang="en"]').count()).toBe(props(DETROIT).research!.checks.length);
    await page.locator('#card .card-who-decides').scrollIntoViewIfNeeded();
    await screenshot(page, 'oversight-detroit-card-es-phone');
    expect(await axeSerious(page)).toEqual([]);
    await openById(page, ABILENE);
    expect((await readSections(page)).research[0]).toBe('Aún no se investigó en otras fuentes además del Atlas.');
    await context.close();
  });
});
