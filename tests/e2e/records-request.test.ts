/**
 * "Request the records" from the user's side: LAPD's card drafts a letter
 * under the California Public Records Act that Download saves and Copy puts
 * on the clipboard as the same text; a New York place with no partner on the
 * map asks its police and sheriff; the letter in Spanish; keyboard only
 * (open, Tab through, Escape returns focus); the static agency page carries
 * the letter without JavaScript. Screenshots at desktop and phone size.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, DESKTOP, launch, newPage, PHONE, screenshot, waitForIdle } from './browser';
import { BASE, openApp, waitForCard } from './app';

let browser: Browser;
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Serious or critical axe-core violations on the page as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const LAPD = 'los-angeles-police-department-ca';

/** Opens the letter from the button in `scope` and returns the letter's text once it shows. */
async function openLetter(page: Page, scope: string, button: string): Promise<string> {
  await page.locator(scope).getByRole('button', { name: button }).click();
  const field = page.locator('#records-dialog[open] textarea#records-letter');
  await field.waitFor({ timeout: 30_000 });
  return field.inputValue();
}

async function focusedText(page: Page): Promise<{ text: string; inDialog: boolean; tag: string }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return { text: (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim(), inDialog: !!a?.closest('#records-dialog'), tag: a?.tagName ?? '' };
  });
}

async function search(page: Page, q: string): Promise<string> {
  await page.fill('#area-input', q);
  await page.press('#area-input', 'Enter');
  await page.waitForFunction(() => {
    const r = document.querySelector('#area-result');
    return r && r.textContent && !r.textContent.includes('Looking up');
  }, null, { timeout: 30_000 });
  await waitForIdle(page);
  return (await page.locator('#area-result').textContent()) ?? '';
}

describe('request the records', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage(browser, { viewport: DESKTOP }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE()).origin });
  });
  afterAll(async () => context?.close());

  it('LAPD’s card drafts the letter under the California Public Records Act; Download and Copy give the same text', async () => {
    await openApp(page, `agency=${LAPD}`);
    await waitForCard(page);
    const text = await openLetter(page, '#card', 'Request the records');
    expect(text).toMatch(/^Subject: Public records request under the California Public Records Act: Los Angeles Police Department and Amazon Ring\n/);
    expect(text).toContain('Under the California Public Records Act (Cal. Gov. Code § 7920.000 et seq.), I request copies of the following records held by Los Angeles Police Department:');
    for (const item of ['memorandum of understanding (MOU)', 'Emails, letters, text messages', 'Ring devices donated', 'Requests for Assistance, Community Requests', 'sharing video from residents’ cameras']) {
      expect(text).toContain(item);
    }
    expect(text).toContain('Please search records from March 2016 to the present.');
    expect(text).not.toMatch(/undefined|NaN|null/);
    // The source of the law is said beside the letter.
    expect(await page.locator('#records-notes').textContent()).toContain('https://leginfo.legislature.ca.gov/');
    await screenshot(page, 'records-request-lapd-desktop');
    expect(await axeViolations(page)).toEqual([]);
    // Every control of the dialog is a target of at least 24 × 24 px.
    const small = await page.locator('#records-dialog button, #records-dialog a').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24).length);
    expect(small).toBe(0);

    // Download: a .txt with exactly the letter.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download (.txt)' }).click()]);
    expect(dl.suggestedFilename()).toBe(`records-request_${LAPD}.txt`);
    const path = `${ARTIFACTS}/records-request-lapd.txt`;
    await dl.saveAs(path);
    expect(readFileSync(path, 'utf8')).toBe(text);

    // Copy: the same text on the clipboard, and the dialog says so.
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.locator('#records-dialog').getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // Email: a mailto: link with the subject and the letter, to no address (none is guessed).
    const href = (await page.locator('#records-dialog').getByRole('link', { name: 'Email', exact: true }).getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    const params = new URLSearchParams(href.slice('mailto:?'.length).replace(/\+/g, '%2B'));
    expect(params.get('subject')).toBe('Public records request under the California Public Records Act: Los Angeles Police Department and Amazon Ring');
    expect(text).toContain(params.get('body')!.split('\n').slice(0, 12).join('\n'));

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await page.locator('#records-dialog[open]').waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await page.locator('#records-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect((await focusedText(page)).text).toBe('Request the records');
  });

  it('keyboard only: Tab to the button, Enter opens the letter, Tab goes through its actions, Escape returns focus', async () => {
    await openApp(page, `agency=${LAPD}`);
    await waitForCard(page);
    await page.focus('#card-title');
    let reached = false;
    const path: string[] = [];
    for (let k = 0; k < 150 && !reached; k++) {
      await page.keyboard.press('Tab');
      const f = await focusedText(page);
      path.push(`${f.tag}:${f.text.slice(0, 30)}`);
      reached = f.text === 'Request the records';
    }
    expect(reached, path.join(' | ')).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('#records-dialog[open] textarea#records-letter').waitFor({ timeout: 30_000 });
    expect((await focusedText(page)).tag).toBe('TEXTAREA');
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      await page.keyboard.press('Tab');
      const f = await focusedText(page);
      // Focus stays in the dialog while it is open.
      expect(f.inDialog, `Tab ${k + 1} left the dialog for "${f.text}"`).toBe(true);
      seen.push(f.text);
    }
    // From the field through its actions, then round to the close button.
    expect(seen).toEqual(['Copy', 'Download (.txt)', 'Print', 'Email', 'Close']);
    await page.keyboard.press('Shift+Tab');
    expect((await focusedText(page)).text).toBe('Email');
    await page.keyboard.press('Escape');
    expect((await focusedText(page)).text).toBe('Request the records');
  });

  it('a New York place with no partner on the map: the letter asks its police and the sheriff whether they have or had an arrangement', async () => {
    await openApp(page);
    const answer = await search(page, 'Malone, NY');
    expect(answer).toContain('Franklin County');
    // No agency on the map covers Franklin County: the answer offers the letter to the police and the sheriff.
    expect(await page.locator('#area-result .area-agencies.covering').count()).toBe(0);
    const text = await openLetter(page, '#area-result', 'Request the records from the local police and sheriff');
    expect(text).toContain('The police department serving Malone, NY');
    expect(text).toContain('The sheriff’s office of Franklin County, New York');
    expect(text).toContain('Under the New York Freedom of Information Law (N.Y. Public Officers Law §§ 84-90), I request records showing whether your agency has or had any agreement, partnership or other arrangement with Ring LLC, Amazon.com, Inc.');
    expect(text).toContain('within the time the law sets (5 business days');
    await screenshot(page, 'records-request-place-ny-desktop');
    await page.keyboard.press('Escape');
    expect((await focusedText(page)).text).toBe('Request the records from the local police and sheriff');
  });
});

describe('in Spanish, on a phone', () => {
  it('the letter is in Spanish and keeps the statute’s name', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    try {
      await openApp(page, `agency=${LAPD}&lang=es`);
      await waitForCard(page);
      await page.locator('#card').getByRole('button', { name: 'Pedir los registros' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'records-request-card-es-phone');
      const text = await openLetter(page, '#card', 'Pedir los registros');
      expect(text).toMatch(/^Asunto: Solicitud de registros públicos según la California Public Records Act: Los Angeles Police Department y Amazon Ring\n/);
      expect(text).toContain('Según la California Public Records Act (Cal. Gov. Code § 7920.000 et seq.), solicito copias de los siguientes registros en poder de Los Angeles Police Department:');
      expect(text).toContain('Les pido buscar registros desde marzo de 2016 hasta el presente.');
      expect(text).toContain('Atentamente,');
      expect(await page.getByRole('button', { name: 'Descargar (.txt)' }).count()).toBe(1);
      await screenshot(page, 'records-request-lapd-es-phone');
    } finally {
      await context.close();
    }
  });
});

describe('the static agency page, without JavaScript', () => {
  it('carries the request: the letter opens from a <details>, the law’s source beside it; nothing wider than a phone', async () => {
    for (const [viewport, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${BASE()}agency/${LAPD}/`);
        const section = page.locator('section.records-request');
        expect(await section.getByRole('heading', { name: 'Request the records' }).count()).toBe(1);
        const letter = section.locator('pre.records-letter');
        expect(await letter.isVisible()).toBe(false);
        await section.locator('summary').click();
        expect(await letter.isVisible()).toBe(true);
        const text = (await letter.textContent()) ?? '';
        expect(text).toContain('Under the California Public Records Act (Cal. Gov. Code § 7920.000 et seq.), I request copies of the following records held by Los Angeles Police Department:');
        expect(text).toContain('Please search records from March 2016 to the present.');
        expect(await section.textContent()).toContain('https://leginfo.legislature.ca.gov/');
        // "Email this letter" opens the same letter in the visitor's mail program: its subject and its first lines, no address.
        const mail = new URL((await section.getByRole('link', { name: 'Email this letter' }).getAttribute('href'))!);
        expect(mail.protocol).toBe('mailto:');
        expect(mail.pathname).toBe('');
        const subject = /^Subject: (.*)$/m.exec(text)![1];
        expect(mail.searchParams.get('subject')).toBe(subject);
        expect(text).toContain(mail.searchParams.get('body')!.split('\n').slice(0, 3).join('\n'));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await section.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${ARTIFACTS}/records-request-static-page-${name}.png` });
      } finally {
        await context.close();
      }
    }
  });
});
