/** "Find my area" in a real browser: ZIP, city, far-away ZIP, unknown ZIP, hostile input, link state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, screenshot, waitForIdle } from './browser';
import { BASE, openApp, trackOrigins, waitForLinkParam } from './app';

let browser: Browser;
let page: Page;
let origins: Set<string>;

async function search(q: string): Promise<string> {
  await page.fill('#area-input', q);
  await page.press('#area-input', 'Enter');
  await page.waitForFunction(() => {
    const r = document.querySelector('#area-result');
    return r && r.textContent && !r.textContent.includes('Looking up');
  }, null, { timeout: 30_000 });
  await waitForIdle(page);
  return (await page.locator('#area-result').textContent()) ?? '';
}

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  origins = trackOrigins(page);
  await openApp(page);
});
afterAll(async () => browser?.close());

describe('find my area', () => {
  it('ZIP 90012 lists LAPD among the nearest and the LA County sheriff as covering the county', async () => {
    const text = await search('90012');
    expect(text).toContain('Los Angeles County, CA');
    const covering = await page.locator('.area-agencies.covering li').allTextContents();
    expect(covering.some((t) => t.includes('Los Angeles County Sheriff'))).toBe(true);
    const nearest = await page.locator('ol.area-agencies li').allTextContents();
    expect(nearest.slice(0, 3).some((t) => t.includes('Los Angeles Police Department'))).toBe(true);
    expect(nearest[0]).toMatch(/\d+(\.\d)? mi/);
    // The map flew there and draws the radius and the county outline.
    // The map flew there (its link now says how close) and its legend keys the place, the radius and the county.
    await page.waitForURL((u) => Number(new URLSearchParams(u.hash.slice(1)).get('map')?.split('/')[0]) > 8, { timeout: 20_000 });
    const legend = (await page.locator('#legend').textContent()) ?? '';
    for (const key of ['Searched place', 'Within 10 miles', 'County of the searched place']) expect(legend).toContain(key);
    await waitForLinkParam(page, 'area', '90012');
    expect(page.url()).toContain('area=90012');
    await screenshot(page, 'area-90012');
  });

  it('a Miami ZIP lists Miami-Dade Police, a county police department, as covering Miami-Dade County', async () => {
    const text = await search('33125');
    expect(text).toContain('Miami-Dade County, FL');
    const covering = await page.locator('.area-agencies.covering li').allTextContents();
    expect(covering.some((t) => t.includes('Miami-Dade Police Department'))).toBe(true);
  });

  it('a sheriff’s contract station covers its city only: a search for Irvine does not list Aliso Viejo Police Services as covering Orange County', async () => {
    const text = await search('Irvine, CA');
    expect(text).toContain('Orange County, CA');
    const covering = await page.locator('.area-agencies.covering li').allTextContents();
    expect(covering.some((t) => t.includes('Aliso Viejo'))).toBe(false);
    // Chino Hills (the same arrangement in San Bernardino County) is never listed as covering its county either.
    await search('Rancho Cucamonga, CA');
    const sb = await page.locator('.area-agencies.covering li').allTextContents();
    expect(sb.some((t) => t.includes('Chino Hills'))).toBe(false);
  });

  it('"Lakeland, FL" finds Lakeland PD', async () => {
    const text = await search('Lakeland, FL');
    expect(text).toContain('Lakeland Police Department');
    expect(text).toContain('Polk County, FL');
  });

  it('a ZIP far from any partner reports the nearest one with its distance', async () => {
    const text = await search('59801');
    expect(text).toMatch(/No partnered agency within 10 miles of 59801 \(Missoula, MT\) — nearest: .+ \(\d+ mi\)/);
  });

  it('a bigger radius finds more', async () => {
    await search('90012');
    const at10 = await page.locator('ol.area-agencies li').count();
    await page.selectOption('#area-radius', '25');
    await page.waitForFunction((n) => document.querySelectorAll('ol.area-agencies li').length > n, at10);
    await page.waitForURL(/radius=25/);
  });

  it('an unknown ZIP, empty input and injected markup get a polite message and no markup', async () => {
    expect(await search('00000')).toContain('could not find the ZIP code 00000');
    expect(await search('')).toContain('Type a ZIP code');
    const evil = '<img src=x onerror="window.__pwned=1">';
    const text = await search(evil);
    expect(text).toContain('could not find');
    expect(await page.locator('#area-result img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The box takes at most 100 characters; longer text never reaches the lookup.
    expect(await search('x'.repeat(300))).toMatch(/could not find “x{100}”/);
  });

  it('suggests places as you type, keyboard-selectable', async () => {
    await page.fill('#area-input', '');
    await page.type('#area-input', 'Lakela', { delay: 20 });
    await page.waitForSelector('#area-suggestions li');
    await page.press('#area-input', 'ArrowDown');
    expect(await page.getAttribute('#area-input', 'aria-activedescendant')).toBe('area-opt-0');
    await page.press('#area-input', 'Enter');
    await page.waitForFunction(() => document.querySelector('#area-result')?.textContent?.includes('Lakeland'));
  });

  it('restores the search from the link and sent nothing to other origins', async () => {
    const { page: p2 } = await newPage(browser);
    const o2 = trackOrigins(p2);
    await openApp(p2, 'area=Lakeland%2C%20FL&radius=25');
    await p2.waitForFunction(() => document.querySelector('#area-result')?.textContent?.includes('Lakeland Police Department'));
    expect(await p2.inputValue('#area-input')).toBe('Lakeland, FL');
    expect(await p2.inputValue('#area-radius')).toBe('25');
    expect([...o2]).toEqual([new URL(BASE()).origin]);
    expect([...origins]).toEqual([new URL(BASE()).origin]);
    await p2.close();
  });
});
