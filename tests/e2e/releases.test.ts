/**
 * Releases from the visitor's side: the agency card says when the record
 * last changed and lists its history (with the published changelog, and
 * with a later release served in its place); the static agency page says
 * the same without JavaScript and links its state's Atom feed, which the
 * built site serves and a feed reader parses; the map page links the
 * national feed; About says how to cite the release and links its files.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseFeed } from '@rowanmanning/feed-parser';
import { launch, newPage, PHONE, screenshot } from './browser';
import { BASE, openApp, openDialog, waitForCard } from './app';
import { FEATURES } from './dataset';
import { readReleaseState } from '../../pipeline/releases/store';
import { formatPartialDate } from '../../src/time/months';
import { US_STATES } from '../../src/geo/us-states';

const LAPD = 'los-angeles-police-department-ca';
const { releases, changes } = readReleaseState('data');
const last = releases.at(-1)!;
const day = (d: string) => formatPartialDate(d, 'en')!;
const lapd = FEATURES.find((f) => f.properties.id === LAPD)!.properties;
const portalStart = lapd.programs.find((g) => g.kind === 'neighbors_portal')!.start_date!;
const TITLE = JSON.parse(readFileSync('data/dataset.json', 'utf8')).title as string;

/** What the card should say for a record with no change lines since the first release. */
const baselineWords = `Unchanged since release ${releases[0].version} (${day(releases[0].date)}), the first release of the data.`;

/** A later release served in place of the published changelog: LAPD's city corrected, with why and source. */
const LATER = {
  releases: [...releases, { ...last, version: String(Number(last.version) + 1), date: '2026-12-20', corrected: 1, note: '' }],
  changes: [...changes, {
    release: String(Number(last.version) + 1), date: '2026-12-20', agency_id: LAPD, state: 'CA', change: 'corrected', field: 'programs.neighbors_portal.start_date',
    from: portalStart, to: portalStart.slice(0, 7), reason: 'The department’s own announcement gives the day.', source: 'https://example.org/lapd-announcement',
  }],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('record history on the card', () => {
  it('a card says when its record last changed (the published releases)', async () => {
    const { context, page } = await newPage(browser);
    await openApp(page, `agency=${LAPD}`);
    await waitForCard(page);
    const section = page.locator('#card section.card-record-history');
    await section.locator('.record-last').filter({ hasText: /\S/ }).waitFor();
    expect(await section.locator('h3').textContent()).toBe('Record history');
    const hasLines = changes.some((l) => l.agency_id === LAPD);
    if (!hasLines) expect(await section.locator('.record-last').textContent()).toBe(baselineWords);
    await context.close();
  });

  for (const [label, viewport] of [['desktop', { width: 1366, height: 850 }], ['phone', PHONE]] as const) {
    it(`${label}: a later release shows "last changed" and the change with why and its source`, async () => {
      const { context, page } = await newPage(browser, { viewport });
      await page.route('**/data/changelog.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(LATER) }));
      await openApp(page, `agency=${LAPD}`);
      await waitForCard(page);
      const section = page.locator('#card section.card-record-history');
      await section.locator('ul.record-history').waitFor();
      const v = LATER.releases.at(-1)!.version;
      expect(await section.locator('.record-last').textContent()).toBe(`Last changed in release ${v} (${day('2026-12-20')}).`);
      const item = section.locator('ul.record-history > li');
      expect(await item.count()).toBe(1);
      const text = (await item.textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain(`Release ${v} (20 December 2026)`);
      expect(text).toContain(`Corrected: Neighbors law-enforcement portal: start date, ${portalStart} → ${portalStart.slice(0, 7)}.`);
      expect(text).toContain('Why: The department’s own announcement gives the day.');
      const link = item.getByRole('link', { name: 'example.org' });
      expect(await link.getAttribute('href')).toBe('https://example.org/lapd-announcement');
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `releases-card-history-${label}`);
      await context.close();
    });
  }

  it('in Spanish the history speaks Spanish; the reason stays marked as English', async () => {
    const { context, page } = await newPage(browser);
    await page.route('**/data/changelog.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(LATER) }));
    await openApp(page, `agency=${LAPD}`, '?lang=es');
    await waitForCard(page);
    const section = page.locator('#card section.card-record-history');
    await section.locator('ul.record-history').waitFor();
    expect(await section.locator('h3').textContent()).toBe('Historial del registro');
    expect(await section.locator('.record-last').textContent()).toMatch(/^Último cambio en la versión \d+ \(20 de diciembre de 2026\)\.$/);
    expect(await section.textContent()).toContain('Corregido: Portal de Neighbors para las fuerzas del orden: fecha de inicio');
    expect(await section.locator('[lang="en"]').first().textContent()).toBe('The department’s own announcement gives the day.');
    await context.close();
  });

  it('a damaged changelog leaves the card whole and says the history could not be loaded', async () => {
    const { context, page } = await newPage(browser);
    await page.route('**/data/changelog.json', (r) => r.fulfill({ contentType: 'application/json', body: '{"releases": [{"version": "<img src=x>", "date": 5}], "changes": "x"' }));
    await openApp(page, `agency=${LAPD}`);
    await waitForCard(page);
    const last = page.locator('#card section.card-record-history .record-last');
    await last.filter({ hasText: /\S/ }).waitFor();
    expect(await last.textContent()).toBe('The history of releases could not be loaded.');
    expect(await page.locator('#card img').count()).toBe(0);
    expect(await page.locator('#card-title').textContent()).toBe(lapd.name);
    await context.close();
  });
});

describe('static agency page and feeds', () => {
  it('the agency page, without JavaScript, shows its history and links its state’s feed, which the site serves', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${BASE()}agency/${LAPD}/`);
    const section = page.locator('section.record-history');
    expect(await section.locator('h2').textContent()).toBe('Record history');
    if (!changes.some((l) => l.agency_id === LAPD)) expect(await section.locator('.record-last').textContent()).toBe(baselineWords);
    const alt = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await alt.count()).toBe(1);
    expect(await alt.getAttribute('title')).toBe('Police partnerships with Amazon Ring: data releases in California');
    // Follow the visible link to the feed, as a reader would, and read it with a feed parser.
    const feedLink = section.getByRole('link', { name: 'Changes in California as an Atom feed' });
    const href = new URL((await feedLink.getAttribute('href'))!, page.url()).href;
    expect(href).toBe(new URL(`${BASE()}feeds/ca.atom`).href);
    expect(new URL((await alt.getAttribute('href'))!, page.url()).href).toBe(href);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    const feed = parseFeed(await res.text());
    expect(feed.title).toBe('Police partnerships with Amazon Ring: data releases in California');
    expect(feed.items.length).toBeGreaterThanOrEqual(releases.length);
    for (const i of feed.items) expect(i.id && i.title && i.updated && i.url).toBeTruthy();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'releases-agency-page-history');
    await context.close();
  });

  it('the map page links the national feed, and every state page its own', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(BASE());
    const alt = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    const href = new URL((await alt.getAttribute('href'))!, page.url()).href;
    const feed = parseFeed(await (await page.request.get(href)).text());
    expect(feed.title).toBe('Police partnerships with Amazon Ring: data releases');
    expect(feed.items.some((i) => i.title === `Release ${releases[0].version} (${day(releases[0].date)})`)).toBe(true);
    // A sample of states through the built site (every state's feed is parsed in the unit tests).
    for (const st of ['CA', 'FL', 'WI']) {
      await page.goto(`${BASE()}state/${st.toLowerCase()}/`);
      const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      const url = new URL((await link.getAttribute('href'))!, page.url()).href;
      const f = parseFeed(await (await page.request.get(url)).text());
      expect(f.title).toBe(`Police partnerships with Amazon Ring: data releases in ${US_STATES.find((s) => s.code === st)!.name}`);
    }
    await context.close();
  });
});

describe('how to cite', () => {
  it('About gives the citation of the release and links the changelog, feed, data package and citation file', async () => {
    const { context, page } = await newPage(browser);
    await openApp(page);
    await openDialog(page, '#about-button');
    const cite = page.locator('dialog[open] section.cite');
    await cite.locator('q').waitFor();
    expect(await cite.locator('h3').textContent()).toBe('How to cite');
    expect(await cite.locator('q').textContent()).toBe(
      `Police partnerships with Amazon Ring map project. ${TITLE}, release ${last.version} (${last.date}). Data: CC BY 4.0.`,
    );
    const links = await cite.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
    expect(links.map(([t]) => t)).toEqual(['changelog (CSV)', 'changelog (JSON)', 'changes as an Atom feed', 'data package (datapackage.json)', 'citation file (CITATION.cff)']);
    for (const [, href] of links) expect((await page.request.get(href!)).status(), href!).toBe(200);
    // Each link alone on its line: a full 24 px target.
    for (const box of await cite.locator('a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(24);
    const pkg = await (await page.request.get(links[3][1]!)).json();
    expect(pkg.version).toBe(last.version);
    const csv = await (await page.request.get(links[0][1]!)).text();
    expect(csv.startsWith('\ufeffrelease,date,agency_id,state,change,field,from,to,reason,source')).toBe(true);
    await cite.scrollIntoViewIfNeeded();
    await screenshot(page, 'releases-about-cite');
    await context.close();
  });
});
