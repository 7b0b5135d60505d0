/**
 * Contribute without a server, from the user's side: LAPD's card →
 * Suggest a correction → typed by keyboard → "=1+2" as the city shows its
 * error and is fixed → Download → the downloaded CSV, put in a copy of the
 * tables' submissions, goes through the code `npm run data` runs and the
 * end of LAPD's portal access is published. "Report a missing agency" from
 * Find my area in Spanish on a phone; Escape returns focus; email and issue
 * links only when the dataset names where (a served override of
 * data/dataset.json; the committed one names none).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, DESKTOP, launch, newPage, PHONE, screenshot, waitForIdle } from './browser';
import { openApp, waitForCard } from './app';
import { buildFromDir } from '../../pipeline/dataset/run';
import { SUBMISSION_COLUMNS } from '../../src/core/submission';

let browser: Browser;
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const LAPD = 'los-angeles-police-department-ca';

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return { text: (a?.textContent ?? '').trim(), id: a?.id ?? '', inDialog: !!a?.closest('#contribute-dialog') };
});

/** The error the person sees under a field, and whether the field is tied to it. */
const fieldError = (page: Page, col: string) => page.evaluate((c) => {
  const f = document.getElementById(`contribute-${c}`)!;
  const e = document.getElementById(`contribute-${c}-error`)!;
  return { invalid: f.getAttribute('aria-invalid'), describedBy: f.getAttribute('aria-describedby'), text: e.hidden ? '' : (e.textContent ?? '') };
}, col);

async function search(page: Page, q: string): Promise<void> {
  await page.fill('#area-input', q);
  await page.press('#area-input', 'Enter');
  await page.waitForFunction(() => {
    const r = document.querySelector('#area-result');
    return r && r.textContent && /County|Condado/.test(r.textContent);
  }, null, { timeout: 30_000 });
  await waitForIdle(page);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('suggest a correction', () => {
  it('from LAPD’s card: typed by keyboard, a formula city refused then fixed, downloaded, and published by the data build', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    try {
      await openApp(page, `agency=${LAPD}`);
      await waitForCard(page);
      const open = page.locator('#card').getByRole('button', { name: 'Suggest a correction' });
      await open.scrollIntoViewIfNeeded();
      await open.click();
      await page.locator('#contribute-dialog[open] #contribute-source_url').waitFor({ timeout: 30_000 });
      // Pre-filled with the agency as published; focus in the first field.
      expect(await page.inputValue('#contribute-agency_name')).toBe('Los Angeles Police Department');
      expect(await page.inputValue('#contribute-state')).toBe('CA');
      expect(await page.inputValue('#contribute-county')).toBe('Los Angeles County');
      expect((await focused(page)).id).toBe('contribute-source_url');
      // No place to send to is configured in the committed data: no email or issue link.
      expect(await page.locator('#contribute-dialog').getByRole('link').count()).toBe(0);

      await page.keyboard.type('https://news.example.org/lapd-ring-ends');
      await page.keyboard.press('Tab');
      await page.keyboard.type('LAPD ends its Ring portal access');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Example News');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2023-01-15');
      // The city, typed as a formula: the error shows under it as typed, tied to the field.
      await page.focus('#contribute-city');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('=1+2');
      expect(await fieldError(page, 'city')).toEqual({ invalid: 'true', describedBy: 'contribute-city-error', text: 'Starts with = + - or @, which a spreadsheet would run as a formula: start with a letter or digit.' });
      await screenshot(page, 'contribute-error-desktop');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Los Angeles');
      expect(await fieldError(page, 'city')).toEqual({ invalid: null, describedBy: null, text: '' });
      await page.selectOption('#contribute-change', 'end');
      await page.focus('#contribute-end_date');
      await page.keyboard.type('2023-01');
      expect(await page.locator('.contribute-state').textContent()).toBe('The row is ready to send.');
      const preview = await page.inputValue('#contribute-preview');
      expect(preview).toContain('https://news.example.org/lapd-ring-ends,LAPD ends its Ring portal access,Example News,2023-01-15,Los Angeles Police Department,police');
      await screenshot(page, 'contribute-ready-desktop');
      await page.getByRole('button', { name: 'Download (.csv)' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'contribute-actions-desktop');
      expect(await axeViolations(page)).toEqual([]);
      const small = await page.locator('#contribute-dialog button, #contribute-dialog a, #contribute-dialog input, #contribute-dialog select').evaluateAll((els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24).length);
      expect(small).toBe(0);

      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download (.csv)' }).click()]);
      expect(dl.suggestedFilename()).toBe('submission-los-angeles-police-department.csv');
      const path = `${ARTIFACTS}/contribute-lapd.csv`;
      await dl.saveAs(path);
      const csv = readFileSync(path, 'utf8');
      expect(csv.startsWith('\ufeff')).toBe(true);
      expect(csv.slice(1).split('\n')[0]).toBe(SUBMISSION_COLUMNS.join(','));

      // The file as a volunteer would add it: in the submissions folder of a copy of the tables, through the data build.
      const dir = mkdtempSync(join(tmpdir(), 'contribute-'));
      cpSync('data', dir, { recursive: true });
      writeFileSync(join(dir, 'submissions', 'from-the-page.csv'), readFileSync(path));
      const r = buildFromDir(dir);
      expect(r.rejects).toEqual([]);
      expect(r.counts['submissions/from-the-page.csv']).toEqual({ read: 1, written: 1, rejected: 0 });
      const f = r.collection.features.find((x) => x.properties.id === LAPD)!;
      const portal = f.properties.programs.find((p) => p.kind === 'neighbors_portal')!;
      expect(portal).toMatchObject({ end_date: '2023-01', status: 'ended' });
      expect(f.properties.sources.map((s) => s.url)).toContain('https://news.example.org/lapd-ring-ends');
      expect(r.changes.map((c) => `${c.agency} ${c.field}`)).toEqual(expect.arrayContaining([`${LAPD} neighbors_portal end_date`]));

      // Escape closes it and gives focus back to the button.
      await page.keyboard.press('Escape');
      expect(await page.locator('#contribute-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      expect((await focused(page)).text).toBe('Suggest a correction');
    } finally {
      await context.close();
    }
  });
});

describe('report a missing agency', () => {
  it('from Find my area in Spanish, on a phone: the place is filled in, errors in Spanish, Escape returns focus; nothing wider than 320 px', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    try {
      await openApp(page, '', '?lang=es');
      await search(page, 'Malone, NY');
      const open = page.locator('#area-result').getByRole('button', { name: 'Informar de una agencia que falta' });
      await open.scrollIntoViewIfNeeded();
      await open.click();
      await page.locator('#contribute-dialog[open] #contribute-source_url').waitFor({ timeout: 30_000 });
      expect(await page.locator('#contribute-title').textContent()).toBe('Informar de una agencia que falta');
      expect(await page.inputValue('#contribute-city')).toBe('Malone');
      expect(await page.inputValue('#contribute-county')).toBe('Franklin County');
      expect(await page.inputValue('#contribute-state')).toBe('NY');
      await page.focus('#contribute-agency_name');
      await page.keyboard.type('@Malone');
      expect((await fieldError(page, 'agency_name')).text).toBe('Comienza con = + - o @, que una hoja de cálculo ejecutaría como fórmula: comience con una letra o un dígito.');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Malone Police Department');
      expect((await fieldError(page, 'agency_name')).text).toBe('');
      // Download with a required field empty: every error shows, focus goes to the first.
      await page.getByRole('button', { name: 'Descargar (.csv)' }).click();
      expect((await focused(page)).id).toBe('contribute-source_url');
      expect((await fieldError(page, 'source_url')).text).toBe('Obligatorio.');
      expect((await fieldError(page, 'source_title')).text).toBe('Obligatorio.');
      expect((await fieldError(page, 'agency_type')).text).toBe('Obligatorio.');
      await screenshot(page, 'contribute-missing-es-phone');
      await page.getByRole('button', { name: 'Copiar la fila (con su encabezado)' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'contribute-actions-es-phone');
      await page.focus('#contribute-source_url');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect((await focused(page)).text).toBe('Informar de una agencia que falta');
      // At 320 px the form fits.
      await page.setViewportSize({ width: 320, height: 700 });
      await open.click();
      await page.locator('#contribute-dialog[open]').waitFor();
      expect(await page.locator('#contribute-dialog').evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
      await screenshot(page, 'contribute-missing-es-320');
    } finally {
      await context.close();
    }
  });

  it('from About, with a configured address and repository: email and issue links carry the row', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    try {
      await page.route('**/data/dataset.json', async (route) => {
        const real = await (await route.fetch()).json();
        await route.fulfill({ json: { ...real, contribute_email: 'maps@example.org', contribute_repository: 'example-org/ring-map' } });
      });
      await openApp(page);
      await page.click('#about-button');
      const open = page.locator('dialog[open]').getByRole('button', { name: 'Report a missing agency' });
      await open.scrollIntoViewIfNeeded();
      await open.click();
      await page.locator('#contribute-dialog[open] #contribute-source_url').waitFor({ timeout: 30_000 });
      await page.keyboard.type('https://news.example.org/zanesville-ring');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Zanesville police join Ring app, "Neighbors"');
      await page.fill('#contribute-agency_name', 'Zanesville Police Department');
      await page.selectOption('#contribute-agency_type', 'police');
      await page.fill('#contribute-city', 'Zanesville');
      await page.selectOption('#contribute-state', 'OH');
      const row = await page.inputValue('#contribute-preview');
      const email = page.locator('#contribute-dialog').getByRole('link', { name: 'Send by email' });
      const href = (await email.getAttribute('href')) ?? '';
      expect(href.startsWith('mailto:maps@example.org?subject=')).toBe(true);
      const q = new URLSearchParams(href.slice(href.indexOf('?') + 1));
      expect(q.get('subject')).toBe('Map submission: Zanesville Police Department');
      expect(q.get('body')).toContain(row);
      const issue = new URL((await page.locator('#contribute-dialog').getByRole('link', { name: 'Open an issue' }).getAttribute('href')) ?? '');
      expect(issue.origin + issue.pathname).toBe('https://github.com/example-org/ring-map/issues/new');
      expect(issue.searchParams.get('title')).toBe('Map submission: Zanesville Police Department');
      expect(issue.searchParams.get('body')).toContain(row);
      await screenshot(page, 'contribute-configured-desktop');
      await page.keyboard.press('Escape');
      expect((await focused(page)).text).toBe('Report a missing agency');
    } finally {
      await context.close();
    }
  });
});
