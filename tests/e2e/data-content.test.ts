/**
 * What the cards say about perks that were not given and partnerships that
 * were denied, found the way a resident would: typing the agency's name in
 * the search box and opening it from the list.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, PHONE, screenshot, waitForIdle } from './browser';
import { expectCount, openApp, waitForCard } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openCard(page: Page, name: string): Promise<string> {
  await page.fill('#filter-q', name);
  await expectCount(page, agenciesLabel(countWhere((p) => p.name.toLowerCase().includes(name.toLowerCase()))));
  await page.locator('#list button.row-select', { hasText: name }).first().click();
  await waitForCard(page);
  const card = page.locator('#card');
  await expect(card.locator('h2').textContent()).resolves.toBe(name);
  return (await card.textContent()) ?? '';
}

/** Closing the card and clearing the search brings back every agency. */
async function closeCard(page: Page): Promise<void> {
  await page.locator('#card').getByRole('button', { name: 'Close agency details' }).click();
  await page.fill('#filter-q', '');
  await expectCount(page, agenciesLabel(FEATURES.length));
  await page.close();
}

describe('cards say what a perk was and whether the partnership held', () => {
  let page: Page;
  beforeEach(async () => {
    ({ page } = await newPage(browser));
    await openApp(page);
  });

  it("El Monte PD: the 20 cameras were bought by the department, none handed out, and are not counted as given", async () => {
    const text = await openCard(page, 'El Monte Police Department');
    expect(text).toContain('20 cameras bought by the department; none handed out as of August 2019 (Motherboard, 15 August 2019).');
    expect(text).toContain('Bought by the agency itself, not a gift');
    // The headline figure is not 20: devices given are not documented.
    const given = await page.locator('#card dl.facts dt', { hasText: /^Devices given$/ }).locator('xpath=following-sibling::dd[1]').textContent();
    expect(given).toBe('not documented');
    expect(await page.locator('#card dl.facts dt', { hasText: 'Not counted as given' }).count()).toBe(1);
    await waitForIdle(page);
    await screenshot(page, 'data-content-el-monte');
    await closeCard(page);
  });

  it('Chicopee PD: the card says the department denied the partnership in July 2020', async () => {
    const text = await openCard(page, 'Chicopee Police Department');
    const status = page.locator('#card .card-status');
    await expect(status.textContent()).resolves.toBe('The agency denied this partnership.');
    // Who said so, in the arrangement's own words.
    await expect(page.locator('#card .program-status').textContent()).resolves.toMatch(/^Denied by the agency: .*denied the partnership in July 2020/);
    expect(text).toContain('EFF Atlas summary');
    await waitForIdle(page);
    await screenshot(page, 'data-content-chicopee');
    await closeCard(page);
  });

  it('Lakeland PD: the 15 cameras are said to be returned', async () => {
    const text = await openCard(page, 'Lakeland Police Department');
    expect(text).toContain('Returned by the agency');
    expect(text).toMatch(/15 free cameras .* returned/);
    await closeCard(page);
  });
});

describe('on a phone', () => {
  it('the denial reads at the top of the Chicopee card', async () => {
    const { page } = await newPage(browser, { viewport: PHONE });
    await openApp(page);
    await openCard(page, 'Chicopee Police Department');
    const box = await page.locator('#card .card-status').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(200);
    await waitForIdle(page);
    await screenshot(page, 'data-content-chicopee-phone');
    await page.close();
  });
});

describe('cards say what a start date is, and which sources are copies', () => {
  // The whole space in Node: every agency whose start is an announcement or a report's own date (the page sample follows).
  const notStarts = FEATURES.filter((f) => f.properties.start_kind === 'announced' || f.properties.start_kind === 'active_by');

  it('Corvallis PD: 2020 is an announcement, not a start; Caddo Parish SO: reported active by 20 January 2021', async () => {
    expect(notStarts.length).toBeGreaterThan(10);
    // Each card from a fresh page: the list holds only the agencies in view, and a card frames its agency.
    const cardText = async (name: string, shot?: string) => {
      const { page } = await newPage(browser);
      await openApp(page);
      const text = await openCard(page, name);
      if (shot) {
        await waitForIdle(page);
        await screenshot(page, shot);
      }
      await closeCard(page);
      return text;
    };
    expect(await cardText('Corvallis Police Department', 'data-content-corvallis')).toContain('2020 (year only): announced then, not a start');
    expect(await cardText("Caddo Parish Sheriff's Office")).toContain('20 January 2021: reported active by then; the start may be earlier');
    // A date Ring itself gave (the Atlas) reads as a start, with no such words.
    expect(await cardText('Greenfield Police Department')).not.toMatch(/announced then|reported active by/);
  }, 360_000);

  it('City of Arcadia: the archived page is said to be an archived copy', async () => {
    const { page } = await newPage(browser);
    await openApp(page);
    await openCard(page, 'City of Arcadia');
    const details = page.locator('#card details', { hasText: 'archived copy' }).first();
    await details.locator('summary').click();
    await expect(details.locator('.source-copy').first().isVisible()).resolves.toBe(true);
    await expect(details.locator('.source-copy').first().textContent()).resolves.toBe(' — archived copy');
    await closeCard(page);
  });

  it('on a phone, the Corvallis card says it in Spanish too', async () => {
    const { page } = await newPage(browser, { viewport: PHONE });
    await openApp(page, '', '?lang=es');
    await page.fill('#filter-q', 'Corvallis Police Department');
    await page.locator('#list button.row-select', { hasText: 'Corvallis Police Department' }).first().click();
    await waitForCard(page);
    await expect(page.locator('#card').textContent()).resolves.toContain('anunciado entonces, no es un inicio');
    await waitForIdle(page);
    await screenshot(page, 'data-content-corvallis-phone-es');
    await page.close();
  });
});
