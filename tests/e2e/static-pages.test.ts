/**
 * The static pages as a visitor (or a search engine) meets them: every
 * agency and state has its page in the built site, the pages read right
 * without JavaScript under the strict CSP, say what the data says, load
 * nothing from elsewhere, pass axe, and link to and from the live map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { launch, screenshot, waitForMap } from './browser';
import { trackOrigins, waitForCard } from './app';
import { FEATURES } from './dataset';
import { serveDir } from './static-server';
import { US_STATES } from '../../src/geo/us-states';
import type { AgencyFeature } from '../../src/core/contract';
import { CSP } from './csp';
import { partnershipStory } from '../../src/story/partnership-story';

const DIST = 'dist';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const STATES = [...new Set(FEATURES.map((f) => f.properties.state))].sort();
const stateName = (code: string) => US_STATES.find((s) => s.code === code)!.name;
const byId = (id: string) => FEATURES.find((f) => f.properties.id === id)!;
const LAPD = 'los-angeles-police-department-ca';
const LAKELAND = 'lakeland-police-department-fl';
const agencyFile = (id: string) => join(DIST, 'agency', id, 'index.html');
const stateFile = (st: string) => join(DIST, 'state', st.toLowerCase(), 'index.html');

/** A sample across the data's shapes: the two named agencies and the first undated, ended, link-less-source and multi-program ones. */
const SAMPLE: AgencyFeature[] = [
  byId(LAPD),
  byId(LAKELAND),
  FEATURES.find((f) => !f.properties.start_date),
  FEATURES.find((f) => f.properties.end_date),
  FEATURES.find((f) => f.properties.sources.some((s) => !s.url)),
  FEATURES.find((f) => f.properties.programs.length > 2),
].filter((f, i, all): f is AgencyFeature => !!f && all.findIndex((g) => g?.properties.id === f.properties.id) === i);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let plain: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  browser = await launch();
  server = await serveDir(DIST, { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
  // Without a policy, only so axe-core can be injected.
  plain = await serveDir(DIST);
});
afterAll(async () => {
  await server?.close();
  await plain?.close();
  await browser?.close();
});

/** A visitor without JavaScript, with CSP reports and every request recorded. */
async function noScriptPage(viewport = { width: 1366, height: 850 }): Promise<{ context: BrowserContext; page: Page; origins: Set<string>; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, javaScriptEnabled: false });
  const page = await context.newPage();
  const origins = trackOrigins(page);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  return { context, page, origins, consoleErrors };
}

/** Start tags of an HTML file, outside comments. */
function tags(html: string): { name: string; attrs: string; close: boolean; selfClose: boolean }[] {
  return [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>/g)].map((m) => ({
    name: m[2].toLowerCase(), attrs: m[3], close: m[1] === '/', selfClose: m[4] === '/',
  }));
}

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'source', 'wbr']);
const NOT_IN_P = new Set(['p', 'div', 'ul', 'ol', 'dl', 'section', 'article', 'figure', 'table', 'h1', 'h2', 'h3', 'h4', 'header', 'footer', 'nav', 'main']);

/** Structural validity: doctype, lang, title, description, one h1, balanced and properly nested tags, unique ids, no script. */
function structureProblems(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith('<!doctype html>')) problems.push('no doctype');
  if (!/<html lang="en">/.test(html)) problems.push('no lang');
  if (!/<title>[^<]+<\/title>/.test(html)) problems.push('no title');
  if (!/<meta name="description" content="[^"]+">/.test(html)) problems.push('no description');
  if ((html.match(/<h1[\s>]/g) ?? []).length !== 1) problems.push('not exactly one h1');
  if (/<script/i.test(html)) problems.push('script');
  if (/\sstyle="/.test(html)) problems.push('inline style');
  const stack: string[] = [];
  const ids = new Set<string>();
  for (const t of tags(html)) {
    if (!t.close) {
      const id = /\sid="([^"]*)"/.exec(t.attrs)?.[1];
      if (id !== undefined) {
        if (ids.has(id)) problems.push(`duplicate id ${id}`);
        ids.add(id);
      }
      if (stack.at(-1) === 'p' && NOT_IN_P.has(t.name)) problems.push(`<${t.name}> inside <p>`);
      if (t.name === 'li' && !['ul', 'ol'].includes(stack.at(-1) ?? '')) problems.push(`<li> inside <${stack.at(-1)}>`);
      if ((t.name === 'dt' || t.name === 'dd') && !['dl', 'div'].includes(stack.at(-1) ?? '')) problems.push(`<${t.name}> inside <${stack.at(-1)}>`);
      if (!VOID.has(t.name) && !t.selfClose) stack.push(t.name);
    } else if (stack.pop() !== t.name) {
      problems.push(`unbalanced </${t.name}>`);
      break;
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.join(' ')}`);
  for (const m of html.matchAll(/\shref="([^"]*)"/g)) {
    const h = m[1];
    // Within the site, http(s), and the records letter's mail link (no address).
    if (!/^(https?:\/\/|(\.\.\/)+|#|data:,$|mailto:\?subject=)/.test(h)) problems.push(`odd link ${h}`);
  }
  return problems;
}

async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

const text = (page: Page, sel: string) => page.locator(sel).first().innerText().then((s) => s.trim());

/** The value shown beside a term in the page's "At a glance" list. */
const fact = (page: Page, term: string) => text(page, `.facts .fact:has(dt:text-is("${term}")) dd`);

describe('every page is in the build', () => {
  it('an agency page for every agency in data/partnerships.geojson, a state page for every state, and the index', () => {
    const missing = FEATURES.map((f) => f.properties.id).filter((id) => !existsSync(agencyFile(id)));
    expect(missing).toEqual([]);
    expect(STATES.filter((st) => !existsSync(stateFile(st)))).toEqual([]);
    expect(existsSync(join(DIST, 'state', 'index.html'))).toBe(true);
    // Nothing stale: no page for an agency or state the data does not have.
    expect(readdirSync(join(DIST, 'agency')).sort()).toEqual(FEATURES.map((f) => f.properties.id).sort());
    expect(readdirSync(join(DIST, 'state'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()).toEqual(STATES.map((s) => s.toLowerCase()));
  });

  it('every page is structurally valid HTML with its own title, and names its agency in the h1', () => {
    const problems: string[] = [];
    const titles = new Set<string>();
    const check = (file: string, h1?: string) => {
      const html = readFileSync(file, 'utf8');
      for (const p of structureProblems(html)) problems.push(`${file}: ${p}`);
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      if (titles.has(title)) problems.push(`${file}: title used twice: ${title}`);
      titles.add(title);
      if (h1 !== undefined && !html.includes(`<h1>${h1}</h1>`)) problems.push(`${file}: h1 is not ${h1}`);
    };
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const f of FEATURES) check(agencyFile(f.properties.id), escape(f.properties.name));
    for (const st of STATES) check(stateFile(st), escape(stateName(st)));
    check(join(DIST, 'state', 'index.html'));
    expect(problems).toEqual([]);
  });

  it('the sitemap lists the map, the index, every state and every agency page, once each (with SITE_URL; none without)', () => {
    // Without a public address a sitemap could only hold relative or empty <loc>s, which the protocol forbids.
    if (!process.env.SITE_URL) {
      expect(existsSync(join(DIST, 'sitemap.xml'))).toBe(false);
      return;
    }
    const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    const expected = ['', 'state/', ...STATES.map((s) => `state/${s.toLowerCase()}/`), ...FEATURES.map((f) => `agency/${f.properties.id}/`)];
    const base = new URL(process.env.SITE_URL).href.replace(/\/?$/, '/');
    expect(locs.map((l) => l.slice(base.length)).sort()).toEqual(expected.sort());
  });

  it('each state, and the index, has a 1200×630 preview image for link cards', () => {
    const national = PNG.sync.read(readFileSync(join(DIST, 'state', 'preview.png')));
    expect([national.width, national.height]).toEqual([1200, 630]);
    for (const st of STATES) {
      const png = PNG.sync.read(readFileSync(join(DIST, 'state', st.toLowerCase(), 'preview.png')));
      expect([st, png.width, png.height]).toEqual([st, 1200, 630]);
    }
  });
});

describe('agency pages without JavaScript, under the strict CSP', () => {
  it('show what the data says: name, place, dates, perks, MOU and records, every source, placement, link to the live map', async () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(4);
    const { context, page, origins, consoleErrors } = await noScriptPage();
    for (const f of SAMPLE) {
      const p = f.properties;
      const res = await page.goto(`${server.url}agency/${p.id}/`);
      expect(res?.status()).toBe(200);
      expect(await text(page, 'h1')).toBe(p.name);
      // The browser built exactly the elements written: nothing left open, misnested or implied.
      const written = tags(readFileSync(agencyFile(p.id), 'utf8')).filter((t) => !t.close).length;
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBe(written);
      expect(await text(page, '.place')).toBe([p.city, p.county, stateName(p.state)].filter(Boolean).join(', '));
      // The partnership's story, as the card tells it (partnership-story.ts; every agency is swept in the unit tests).
      const story = partnershipStory(p, 'en');
      expect(await text(page, '.story-lead')).toBe(story.lead);
      expect(await page.locator('ul.story li').allTextContents()).toEqual(story.programs.map((g) => g.text));
      const devices = await fact(page, 'Devices given');
      expect(devices).toEqual(p.devices_given === null ? 'not documented' : expect.stringContaining(p.devices_given.toLocaleString('en-US')));
      const value = await fact(page, 'Value of perks');
      expect(value).toEqual(p.perk_value_usd === null ? 'not documented' : expect.stringContaining(`$${p.perk_value_usd.toLocaleString('en-US')}`));
      const subsidy = await fact(page, 'City subsidy');
      expect(subsidy).toEqual(p.subsidy_usd === null ? 'not documented' : expect.stringContaining(`$${p.subsidy_usd.toLocaleString('en-US')}`));
      // MOU and records: exactly the data's links.
      const docs = await page.locator('section:has(#docs-heading) a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const expectedDocs = [...new Set([p.mou_url, ...p.records_urls].filter((u): u is string => !!u))].map((u) => new URL(u).href);
      expect(docs.sort()).toEqual(expectedDocs.sort());
      if (!expectedDocs.length) expect(await text(page, 'section:has(#docs-heading) p')).toBe('None documented.');
      // Every source once under "All sources", linked when it has a URL, named by outlet (and title) always.
      const items = page.locator('section:has(#sources-heading) > ul > li');
      expect(await items.count()).toBe(p.sources.length);
      for (const [k, s] of p.sources.entries()) {
        const li = items.nth(k);
        expect(await li.innerText()).toContain(s.title ? `${s.publisher}: ${s.title}` : s.publisher);
        if (s.url) expect(await li.locator('a').getAttribute('href')).toBe(new URL(s.url).href);
        else expect(await li.innerText()).toContain('no link available');
      }
      expect(await page.locator('li.program').count()).toBe(p.programs.length);
      for (const g of p.programs) expect(await page.locator('li.program p', { hasText: g.summary }).count()).toBe(1);
      expect(await text(page, 'section:has(#placement-heading) p')).toMatch(/^Placed /);
      expect(await page.locator('figure.map-figure svg[role="img"] .map-here').count()).toBe(1);
      const live = await page.getByRole('link', { name: 'Open in the live map' }).evaluate((a) => (a as HTMLAnchorElement).href);
      expect(live).toBe(`${server.url}#agency=${p.id}`);
      // The printable handout of the same agency, from the page without JavaScript.
      const handout = await page.getByRole('link', { name: 'Printable handout (one page)' }).evaluate((a) => (a as HTMLAnchorElement).href);
      expect(handout).toBe(`${server.url}handout.html#agency=${p.id}`);
    }
    expect([...origins]).toEqual([new URL(server.url).origin]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    await context.close();
  });

  it('LAPD and Lakeland: the documented floor, the returned devices said in words and not counted, the MOU', async () => {
    const { context, page } = await noScriptPage();
    await page.goto(`${server.url}agency/${LAPD}/`);
    expect(await page.locator('ul.story li').allTextContents()).toEqual([
      'Incentives to officers: reported active by March 2016 (month only), so it may have begun earlier; ended in 2019 (year only). Given: perks worth at least $12,000.',
      'Neighbors law-enforcement portal: active from 23 May 2019; no end documented.',
    ]);
    expect(await fact(page, 'Value of perks')).toBe('at least $12,000');
    expect(await fact(page, 'Devices given')).toBe('not documented');
    expect(await page.title()).toBe('Los Angeles Police Department (California): partnership with Amazon Ring');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain('active from 23 May 2019');
    await page.goto(`${server.url}agency/${LAKELAND}/`);
    expect(await text(page, '.kicker')).toBe('POLICE · FLORIDA');
    // The 15 cameras were sent back: never counted as given, and the program says so in words.
    expect(await fact(page, 'Devices given')).toBe('not documented');
    expect(await text(page, 'li.program:has(h3:text-is("Device donation"))')).toMatch(/Not counted as given.*returned|Not counted as given.*back/s);
    // Its MOU link is a Vice article about the agreement (typed so in sources.csv): said so, never "document".
    expect(await page.getByRole('link', { name: 'Article about the MOU (Motherboard (Vice))' }).getAttribute('href')).toBe(byId(LAKELAND).properties.mou_url);
    expect(await fact(page, 'MOU or agreement')).toBe('not linked; an article about it is linked below');
    expect(await page.getByRole('link', { name: /MOU or agreement \(document\)/ }).count()).toBe(0);
    await context.close();
  });
});

describe('state pages and the index without JavaScript', () => {
  it('a visitor goes from the index to Florida to Lakeland by links alone; the state page lists every agency and counts per year', async () => {
    const { context, page, origins } = await noScriptPage();
    await page.goto(`${server.url}state/`);
    expect(await text(page, 'h1')).toBe('Partnerships with Amazon Ring by state');
    expect(await page.locator('table.states tbody tr').count()).toBe(STATES.length);
    expect(await text(page, 'table.states tbody tr:has(a:text-is("Florida")) td.num')).toBe(String(FEATURES.filter((f) => f.properties.state === 'FL').length));
    await page.getByRole('link', { name: 'Florida', exact: true }).click();
    await page.waitForURL(/\/state\/fl\/$/);
    const fl = FEATURES.filter((f) => f.properties.state === 'FL');
    expect(await text(page, 'h1')).toBe('Florida');
    expect(await text(page, '.lead')).toContain(`${fl.length} agencies in Florida`);
    expect(await text(page, '.coverage-inline')).toContain('September 2020');
    const links = await page.locator('ul.agency-index a').evaluateAll((as) => as.map((a) => [(a as HTMLAnchorElement).textContent, (a as HTMLAnchorElement).href]));
    expect(links.map(([, h]) => h).sort()).toEqual(fl.map((f) => `${server.url}agency/${f.properties.id}/`).sort());
    expect(links.map(([n]) => n).sort()).toEqual(fl.map((f) => f.properties.name).sort());
    expect(await page.locator('figure.map-figure svg circle').count()).toBe(fl.length);
    const chart = await page.locator('svg.year-chart').getAttribute('aria-label');
    for (const year of new Set(fl.map((f) => f.properties.start_date?.slice(0, 4)).filter(Boolean))) {
      expect(chart).toContain(`${year}: ${fl.filter((f) => f.properties.start_date?.startsWith(year!)).length}`);
    }
    expect(await page.getByRole('link', { name: 'Open Florida in the live map' }).evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${server.url}#state=FL`);
    await page.getByRole('link', { name: 'Lakeland Police Department', exact: true }).click();
    await page.waitForURL(new RegExp(`/agency/${LAKELAND}/$`));
    expect(await text(page, 'h1')).toBe('Lakeland Police Department');
    // The breadcrumb leads back up.
    await page.locator('.breadcrumbs').getByRole('link', { name: 'Florida' }).click();
    await page.waitForURL(/\/state\/fl\/$/);
    expect([...origins]).toEqual([new URL(server.url).origin]);
    await context.close();
  });
});

describe('accessibility and looks', () => {
  it('agency, state and index pages: no serious or critical axe violations; screenshots at desktop and phone', async () => {
    for (const viewport of [{ width: 1366, height: 850 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [path, name] of [[`agency/${LAPD}/`, 'agency-lapd'], [`agency/${LAKELAND}/`, 'agency-lakeland'], ['state/fl/', 'state-fl'], ['state/', 'state-index']]) {
        await page.goto(`${plain.url}${path}`);
        await screenshot(page, `static-${name}-${viewport.width}`);
        await page.screenshot({ path: `tests/artifacts/static-${name}-${viewport.width}-full.png`, fullPage: true });
        expect([path, await axeViolations(page)]).toEqual([path, []]);
        // Nothing wider than the screen on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      }
      await context.close();
    }
  });
});

describe('the live map links to the pages', () => {
  it('the agency card links to the agency page, the header to the states, and the page back to the map with the agency selected', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${server.url}#agency=${LAKELAND}`);
    await waitForMap(page);
    await waitForCard(page);
    await page.locator('#card').getByRole('link', { name: 'Page for this agency' }).click();
    await page.waitForURL(`${server.url}agency/${LAKELAND}/`);
    expect(await text(page, 'h1')).toBe('Lakeland Police Department');
    await page.getByRole('link', { name: 'Open in the live map' }).click();
    await page.waitForURL(`${server.url}#agency=${LAKELAND}`);
    await waitForMap(page);
    await waitForCard(page);
    expect(await text(page, '#card-title')).toBe('Lakeland Police Department');
    await page.getByRole('link', { name: 'Pages by state' }).click();
    await page.waitForURL(`${server.url}state/`);
    expect(await text(page, 'h1')).toBe('Partnerships with Amazon Ring by state');
    await context.close();
  });
});
