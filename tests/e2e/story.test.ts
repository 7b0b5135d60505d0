/**
 * One story per partnership, from the reader's side: the card and the
 * agency page tell LAPD's the same way; Chicopee's card leads with the
 * denial; the Spanish card says it all in Spanish (programs, what the
 * partnership allowed, numbers and dates written the Spanish way), and so
 * does the downloaded CSV. A sample of agencies across every status and
 * kind of perk is opened in both languages and read against the same story
 * code in Node (the unit tests sweep every agency).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { launch, newPage, PHONE, screenshot, waitForIdle } from './browser';
import { goToHash, openApp, openDialog, waitForCard } from './app';
import { FEATURES } from './dataset';
import { CATALOGUES } from '../../src/i18n/messages';
import type { Locale } from '../../src/i18n/locale';
import { partnershipStory } from '../../src/story/partnership-story';

const LAPD = 'los-angeles-police-department-ca';
const CHICOPEE = 'chicopee-police-department-ma';
const DESKTOP = { width: 1366, height: 850 };
const byId = (id: string) => FEATURES.find((f) => f.properties.id === id)!.properties;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** The card's story as a reader sees it: the status line, then one line per arrangement. */
async function cardStory(page: Page): Promise<{ lead: string; lines: string[] }> {
  return {
    lead: ((await page.locator('#card .card-status').textContent()) ?? '').trim(),
    lines: (await page.locator('#card .card-story li').allTextContents()).map((t) => t.trim()),
  };
}

/** The card's visible words outside the data's own (English) words, which the page marks lang="en". */
function ownWords(page: Page): Promise<string> {
  return page.locator('#card').evaluate((card) => {
    const copy = card.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[lang="en"], .sources, .perk-status, .program-status').forEach((e) => e.remove());
    return copy.textContent ?? '';
  });
}

async function openCard(page: Page, id: string): Promise<void> {
  await goToHash(page, `agency=${id}`);
  await page.waitForFunction((id) => document.querySelector('#card:not([hidden]):not([aria-busy]) .page-link a')?.getAttribute('href')?.includes(id), id, { timeout: 20_000 });
  await waitForCard(page);
}

const expectedStory = (id: string, l: Locale) => {
  const s = partnershipStory(byId(id), l);
  return { lead: s.lead, lines: s.programs.map((g) => g.text) };
};

describe("LAPD's story", () => {
  it('the card and the agency page tell the same story: the incentives ended in 2019, the portal has no end documented', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page, `agency=${LAPD}`);
    await waitForCard(page);
    const card = await cardStory(page);
    expect(card).toEqual({
      lead: 'Listed or reported as a partner (Neighbors law-enforcement portal), no end documented; Incentives to officers: ended in 2019 (year only).',
      lines: [
        'Incentives to officers: reported active by March 2016 (month only), so it may have begun earlier; ended in 2019 (year only). Given: perks worth at least $12,000.',
        'Neighbors law-enforcement portal: active from 23 May 2019; no end documented.',
      ],
    });
    await screenshot(page, 'story-lapd-card-en-desktop');
    // Follow the card's link to the agency's own page.
    await page.locator('#card').getByRole('link', { name: 'Page for this agency' }).click();
    await page.waitForURL(/agency\/los-angeles-police-department-ca\/$/);
    expect(((await page.locator('.story-lead').textContent()) ?? '').trim()).toBe(card.lead);
    expect((await page.locator('ul.story li').allTextContents()).map((t) => t.trim())).toEqual(card.lines);
    expect(await page.locator('.facts').textContent()).not.toContain('Partnership began');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'story-lapd-page-en-desktop');
    await context.close();
  });
});

describe("Chicopee's story", () => {
  for (const [l, lead] of [['en', 'The agency denied this partnership.'], ['es', 'La agencia niega este acuerdo.']] as const) {
    it(`the card leads with the denial, on a desktop and on a phone (${l})`, async () => {
      for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        const { context, page } = await newPage(browser, { viewport });
        await openApp(page, `agency=${CHICOPEE}`, `?lang=${l}`);
        await waitForCard(page);
        // The first thing said after the agency's name and place is the denial, before any date.
        const order = await page.locator('#card > *').evaluateAll((els) => els.map((e) => e.className));
        expect(order.slice(0, 3)).toEqual(['card-head', 'place', `card-status status-denied`]);
        expect((await cardStory(page)).lead).toBe(lead);
        const words = await ownWords(page);
        expect(words).not.toMatch(/Partnership began|\bbegan\b|Inicio del acuerdo|comenzó/);
        // Read without scrolling the card.
        const box = (await page.locator('#card .card-status').boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        expect(box.width).toBeGreaterThan(200);
        await waitForIdle(page);
        await screenshot(page, `story-chicopee-card-${l}-${size}`);
        await context.close();
      }
    });
  }
});

describe('the Spanish card', () => {
  /** The English catalogue's words for programs, perks, statuses, the story and the eras: none may show. */
  const en = CATALOGUES.en;
  const english = [
    ...Object.values(en.programLabels), ...Object.values(en.perkStatusWords), ...Object.values(en.statusWords),
    ...Object.values(en.story).filter((v): v is string => typeof v === 'string'),
    ...Object.values(en.eraTexts).flatMap((e) => [e.name, e.summary]),
    en.erasTitle, en.storyTitle, en.notDocumented, en.atLeast.trim(),
  ];

  it('says LAPD’s story, its programs and what the partnership allowed in Spanish, with Spanish numbers and dates', async () => {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { context, page } = await newPage(browser, { viewport });
      await openApp(page, `agency=${LAPD}`, '?lang=es');
      await waitForCard(page);
      expect(await cardStory(page)).toEqual(expectedStory(LAPD, 'es'));
      const words = await ownWords(page);
      for (const e of english) expect(words, `English “${e}” on the Spanish card`).not.toContain(e);
      // What the partnership allowed: the Spanish catalogue's words, by era.
      const eras = (await page.locator('#card .card-eras').textContent()) ?? '';
      expect(eras).toContain(CATALOGUES.es.erasTitle);
      for (const id of ['neighbors-portal', 'private-video-requests', 'request-for-assistance']) {
        expect(eras).toContain(CATALOGUES.es.eraTexts[id].name);
        expect(eras).toContain(CATALOGUES.es.eraTexts[id].summary);
      }
      expect(await page.locator('#card .card-eras [lang="en"]').count()).toBe(0);
      // Dollars and dates as Intl writes them for US Spanish.
      const usd = new Intl.NumberFormat('es-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(12000);
      const day = new Intl.DateTimeFormat('es-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2019, 4, 23)));
      const value = page.locator('#card dl.facts dt', { hasText: /^Valor de los beneficios$/ }).locator('xpath=following-sibling::dd[1]');
      expect(await value.textContent()).toBe(`${CATALOGUES.es.atLeast}${usd}`);
      expect(words).toContain(`activo desde el ${day}`);
      expect(eras).toContain('7 de junio de 2021');
      await screenshot(page, `story-lapd-card-es-${size}`);
      await context.close();
    }
    // The English card on a phone, beside the Spanish one (the desktop one is saved above).
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await openApp(page, `agency=${LAPD}`);
    await waitForCard(page);
    await screenshot(page, 'story-lapd-card-en-phone');
    await context.close();
  });

  it('the Spanish download’s summary is the Spanish story', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await openApp(page, 'q=Chicopee', '?lang=es');
    await openDialog(page, '#download-button');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await dl.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const chicopee = rows.find((r) => r.id === CHICOPEE)!;
    expect(chicopee.summary).toBe(partnershipStory(byId(CHICOPEE), 'es').text);
    await context.close();
  });
});

describe('a sample across every status and kind of perk, in both languages', () => {
  const undated = FEATURES.find((f) => !f.properties.start_date)!.properties.id;
  const SAMPLE = [
    LAPD, CHICOPEE, undated,
    'city-of-peoria-il', 'town-of-madison-police-department-wi', 'lakeland-police-department-fl', 'el-monte-police-department-ca',
    'winnebago-county-board-il', 'ewing-police-department-nj', 'kenosha-police-department-wi', 'chula-vista-police-department-ca',
    'rockford-fire-department-il', 'alhambra-police-department-ca', 'berkeley-township-police-department-nj',
  ];

  it('covers every status and every perk status the data holds', () => {
    const ps = SAMPLE.map(byId);
    expect(new Set(ps.map((p) => p.status))).toEqual(new Set(FEATURES.map((f) => f.properties.status)));
    expect(new Set(ps.flatMap((p) => p.programs.map((g) => g.perk_status)))).toEqual(new Set(FEATURES.flatMap((f) => f.properties.programs.map((g) => g.perk_status))));
  });

  for (const l of ['en', 'es'] as const) {
    it(`each card tells the story the story code tells (${l})`, async () => {
      const { context, page } = await newPage(browser, { viewport: DESKTOP });
      await openApp(page, '', `?lang=${l}`);
      for (const id of SAMPLE) {
        await openCard(page, id);
        expect(await cardStory(page), id).toEqual(expectedStory(id, l));
      }
      await context.close();
    });
  }
});
