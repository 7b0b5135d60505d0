/**
 * A partnership is a period: the date filter and Play show the partnerships
 * active at the time, an ended one leaves the map after its end, and the card,
 * the timeline and the download say what the program allowed when.
 * Journeys from the user's side: links, clicks, the page's text, the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { ARTIFACTS, launch, newPage, PHONE, screenshot } from './browser';
import { expectCount, openApp, openDialog, waitForCard } from './app';
import { agenciesLabel } from './dataset';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
});
afterAll(async () => browser?.close());

describe('an ended partnership', () => {
  // The City of Peoria (IL) co-funded Ring cameras from 2019; the program ended in February 2020.
  it('is shown in a range while it was active, and not in a range after its end', async () => {
    await openApp(page, 'type=city&q=Peoria&from=2019-06&to=2019-12');
    await expectCount(page, agenciesLabel(1));
    await expect(page.locator('#list').textContent()).resolves.toContain('City of Peoria');
    await openApp(page, 'type=city&q=Peoria&from=2020-06&to=2020-12');
    await expectCount(page, agenciesLabel(0));
    await screenshot(page, 'lifecycle-after-end');
  });

  it('Play shows it month by month: present while active, gone after its end', async () => {
    await openApp(page, 'type=city&q=Peoria');
    // Record what each frame of the animation says on the map and in the count.
    await page.evaluate(() => {
      const seen: [string, string][] = [];
      (window as unknown as { frames_: [string, string][] }).frames_ = seen;
      const read = () => seen.push([document.querySelector('#map-date')?.textContent ?? '', document.querySelector('#count')?.textContent ?? '']);
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: /Play/ }).click();
    await page.waitForFunction(() => document.querySelector('.play')?.textContent?.includes('Play'), null, { timeout: 90_000 });
    const frames = await page.evaluate(() => (window as unknown as { frames_: [string, string][] }).frames_);
    const countIn = (month: string) => frames.filter(([stamp]) => stamp === `Partnerships active in ${month}`).map(([, c]) => c.trim()).at(-1);
    expect(countIn('June 2019')).toBe(agenciesLabel(1));
    expect(countIn('January 2020')).toBe(agenciesLabel(1));
    expect(countIn('June 2020')).toBe(agenciesLabel(0));
    // After Play, the filters are as before.
    await expectCount(page, agenciesLabel(1));
  });
});

describe('what a partnership allowed, era by era', () => {
  it('the card of a 2019 partner lists private video requests and Request for Assistance, with their dates', async () => {
    await openApp(page, 'agency=los-angeles-police-department-ca');
    await waitForCard(page);
    const eras = page.locator('#card .card-eras');
    await expect(eras.locator('h3').textContent()).resolves.toBe('What the partnership allowed over time');
    const text = (await eras.textContent()) ?? '';
    expect(text).toContain('Private video requests');
    expect(text).toContain('7 June 2021');
    expect(text).toContain('Request for Assistance');
    expect(text).toContain('24 January 2024');
    // The cancelled Flock integration is never listed as something a partnership allowed.
    expect(text).not.toContain('Flock');
    await screenshot(page, 'lifecycle-card-eras');
  });

  it('a partnership begun in 2022 never had private requests; a denied one lists no era', async () => {
    await openApp(page, 'agency=kenosha-police-department-wi');
    await waitForCard(page);
    const text = (await page.locator('#card .card-eras').textContent()) ?? '';
    expect(text).toContain('Request for Assistance');
    expect(text).not.toContain('Private video requests');
    await openApp(page, 'agency=chicopee-police-department-ma');
    await waitForCard(page);
    await expect(page.locator('#card').textContent()).resolves.toMatch(/Denied/);
    expect(await page.locator('#card .card-eras').count()).toBe(0);
  });

  it('a listing that reports put in doubt says so on the card; agencies the Atlas merged are apart, and a dissolved town has ended', async () => {
    await openApp(page, 'agency=washington-county-sheriffs-office-or');
    await waitForCard(page);
    await expect(page.locator('#card .status-note').textContent()).resolves.toMatch(/Also reported:.*decided against it.*KPTV/);
    await openApp(page, 'agency=town-of-madison-police-department-wi');
    await waitForCard(page);
    const town = (await page.locator('#card').textContent()) ?? '';
    expect(town).toMatch(/Town of Madison Police Department/);
    expect(town).toMatch(/Ended: The Town of Madison ceased to exist on 31 October 2022/);
    await openApp(page, 'q=Kalamazoo');
    const rows = await page.locator('#list').textContent();
    expect(rows).toMatch(/Kalamazoo Department of Public Safety/);
    expect(rows).toMatch(/Kalamazoo Township Police Department/);
  });

  it('the download names the eras each partnership spans', async () => {
    await openApp(page, 'q=Kenosha Police');
    await expectCount(page, agenciesLabel(1));
    await openDialog(page, '#download-button');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const path = `${ARTIFACTS}/lifecycle-kenosha.csv`;
    await dl.saveAs(path);
    const [header, row] = Papa.parse<string[]>(readFileSync(path, 'utf8')).data;
    expect(row[header.indexOf('name')]).toBe('Kenosha Police Department');
    expect(row[header.indexOf('eras')]).toBe('Neighbors law-enforcement portal | Request for Assistance | Community Requests through Axon');
    expect(row[header.indexOf('status')]).toBe('active');
  });
});

describe('the timeline beside the published totals', () => {
  it('shows the totals Ring, the press and EFF reported next to what the map holds, with sources', async () => {
    await openApp(page);
    await page.locator('.coverage-details summary').click();
    const table = page.locator('.coverage-table');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('703 joined that year');
    expect(text).toMatch(/more than 2,600 partners/);
    expect(await table.locator('a[href^="https://"]').count()).toBeGreaterThan(5);
    expect(await page.locator('.coverage-plot .reported-mark').count()).toBeGreaterThan(3);
    await screenshot(page, 'lifecycle-timeline-totals');
  });

  it('on a phone too', async () => {
    const { page: phone, context } = await newPage(browser, { viewport: PHONE });
    await openApp(phone);
    await phone.locator('.coverage-chart').scrollIntoViewIfNeeded();
    expect(await phone.locator('.coverage-chart').isVisible()).toBe(true);
    // The chart stretches to the narrow width; its marks stay round, not ellipses.
    const mark = (await phone.locator('.coverage-plot .reported-mark:not(.at-least)').first().boundingBox())!;
    expect(Math.abs(mark.width - mark.height)).toBeLessThan(0.5);
    await screenshot(phone, 'lifecycle-timeline-totals-phone');
    await context.close();
  });
});
