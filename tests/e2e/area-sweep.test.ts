/**
 * Find my area over the whole space, through the page: a sample of the
 * 300-city sweep typed into the box (each answer's agencies compared with
 * the answer computed in Node from the same data and code), New York City
 * and its boroughs, county answers (Miami-Dade, Harris County, in Spanish
 * too), suggestions that close on the answer, the typo said, and the
 * previous agency's card closing on a new search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { launch, newPage, screenshot, waitForIdle } from './browser';
import { linkParam, openApp, waitForLinkParam } from './app';
import { buildGazetteer } from '../../pipeline/gazetteer';
import { decodeGazetteer } from '../../src/search/gazetteer';
import { buildCounties } from '../../src/search/counties';
import type { County } from '../../src/search/counties';
import { answerArea, answerContext } from '../../src/search/area-answer';
import type { AnswerContext } from '../../src/search/area-answer';
import { decodePoints, encodeMapData } from '../../src/data/map-data';
import { buildIndex } from '../../src/data/agency-index';
import type { AgencyCollection } from '../../src/core/contract';
import { DEFAULT_FILTERS } from '../../src/filters/filters';
import { setLocale } from '../../src/i18n/messages';

const require = createRequire(import.meta.url);
const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };
const NYPD = 'new-york-city-police-department-ny';

let browser: Browser;
let page: Page;
let ctx: AnswerContext;
let counties: County[];
let all: Uint8Array;
let sample: string[];

/** Types a search as a person does and waits for the answer. */
async function search(p: Page, q: string): Promise<string> {
  await p.click('#area-input');
  await p.fill('#area-input', q);
  await p.press('#area-input', 'Enter');
  await p.waitForFunction(() => {
    const t = document.querySelector('#area-result')?.textContent ?? '';
    return t && !t.includes('Looking up') && !t.includes('Buscando');
  }, null, { timeout: 30_000 });
  await waitForIdle(p);
  return (await p.locator('#area-result').textContent()) ?? '';
}

/** The agencies the answer lists (ids), as buttons a person can press. */
const listed = (p: Page, sel = '#area-result') => p.locator(`${sel} button[data-id]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));

/** The same answer computed in Node: its agencies and the county it names. */
function expected(q: string): { ids: string[]; county: string | null; label: string } {
  const a = answerArea(q, ctx, all, 10, DEFAULT_FILTERS);
  if (!a.ok) throw new Error(`${q}: ${a.message}`);
  const v = a.view;
  const rows = [...v.inside, ...v.covering, ...v.spanning, ...v.within, ...(v.withinCount ? [] : v.nearest ? [v.nearest] : [])];
  return { ids: rows.map((r) => r.id), county: v.county, label: v.label };
}

beforeAll(async () => {
  setLocale('en');
  const gazetteer = decodeGazetteer(JSON.parse(JSON.stringify(buildGazetteer())));
  const topo = require('us-atlas/counties-10m.json') as Topology;
  counties = buildCounties(feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection);
  const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  const rows = decodePoints(JSON.parse(JSON.stringify(encodeMapData(data).points))).rows;
  ctx = answerContext({ gazetteer, counties }, buildIndex(rows));
  all = new Uint8Array(rows.length).fill(1);
  // Every 12th of the 300 largest places: 25 cities from New York City down to the smallest of the sweep.
  const largest = [...gazetteer.places].sort((a, b) => b.population - a.population).slice(0, 300);
  sample = largest.filter((_, k) => k % 12 === 0).map((p) => `${p.name}, ${p.state}`);
  browser = await launch();
  ({ page } = await newPage(browser, { viewport: DESKTOP }));
  await openApp(page);
}, 120_000);
afterAll(async () => browser?.close());

describe('Find my area over the whole space, in the page', () => {
  it('25 of the 300 largest cities answer in the page exactly as the sweep computed: the county and every agency', async () => {
    expect(sample).toHaveLength(25);
    const failures: string[] = [];
    for (const q of sample) {
      const want = expected(q);
      const text = await search(page, q);
      if (!text.includes(want.label)) failures.push(`${q}: the answer does not name ${want.label}`);
      if (want.county && !text.includes(want.county)) failures.push(`${q}: the answer does not name ${want.county}`);
      const got = await listed(page);
      if (JSON.stringify([...got].sort()) !== JSON.stringify([...want.ids].sort())) failures.push(`${q}: lists ${got.join(' ')}; expected ${want.ids.join(' ')}`);
    }
    console.log(`page sweep: ${sample.length} cities, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 300_000);

  it('New York: "New York, NY" is the city in Manhattan, and NYPD covers Brooklyn and Staten Island', async () => {
    let text = await search(page, 'New York, NY');
    expect(text).toContain('New York City, NY — New York County, NY');
    expect(await listed(page)).toContain(NYPD);
    expect(text).not.toContain('No partnered agency within');
    for (const [q, county] of [['Brooklyn, NY', 'Kings County, NY'], ['Staten Island', 'Richmond County, NY'], ['NYC', 'New York County, NY']]) {
      text = await search(page, q);
      expect(text, q).toContain(county);
      expect(await listed(page), q).toContain(NYPD);
    }
    // Staten Island: NYPD under the county's own heading, not lost among New Jersey's departments.
    await search(page, 'Staten Island');
    expect(await listed(page, '#area-result .spanning')).toEqual([NYPD]);
    expect(await page.locator('#area-result h3', { hasText: 'Also serving Richmond County, NY' }).count()).toBe(1);
    await search(page, 'Brooklyn, NY');
    await screenshot(page, 'area-sweep-nyc-desktop');
  }, 120_000);

  it('"Miami-Dade County" lists the 13 partnered agencies inside it and the map frames the county, not a circle', async () => {
    const text = await search(page, 'Miami-Dade County');
    expect(text).toContain('13 partnered agencies in Miami-Dade County, FL (the whole county)');
    const ids = await listed(page, '#area-result .inside');
    expect(ids).toHaveLength(13);
    for (const id of ['miami-beach-police-department-fl', 'coral-gables-police-department-fl', 'doral-police-department-fl', 'miami-dade-police-department-fl']) expect(ids).toContain(id);
    expect(text).not.toMatch(/within \d+ miles/);
    const legend = (await page.locator('#legend').textContent()) ?? '';
    expect(legend).toContain('Searched county');
    expect(legend).not.toContain('Within 10 miles');
    expect(legend).not.toContain('Searched place');
    // The view the link records is centred in the county, at a zoom that holds it.
    // The app writes the link shortly after the map settles: wait for the view to arrive, then check it.
    const [w, s, e, n] = counties.find((c) => c.fips === '12086')!.bbox;
    const inCounty = (v: string | null) => {
      const [, la, lo] = (v ?? '').split('/').map(Number);
      return lo > w && lo < e && la > s && la < n;
    };
    await page.waitForURL((u) => inCounty(new URLSearchParams(u.hash.slice(1)).get('map')), { timeout: 20_000 }).catch(() => undefined);
    const [z, lat, lon] = (linkParam(page, 'map') ?? '').split('/').map(Number);
    expect(lon).toBeGreaterThan(w);
    expect(lon).toBeLessThan(e);
    expect(lat).toBeGreaterThan(s);
    expect(lat).toBeLessThan(n);
    expect(z).toBeGreaterThan(7);
    await screenshot(page, 'area-sweep-county-desktop');
  }, 120_000);

  it('typing "Harris County, TX" offers Harris County first; the suggestions close when the answer shows', async () => {
    await page.fill('#area-input', '');
    await page.type('#area-input', 'Harris County, TX', { delay: 15 });
    await page.waitForFunction(() => document.querySelector('#area-suggestions li')?.textContent?.startsWith('Harris County, TX'), null, { timeout: 20_000 });
    await page.press('#area-input', 'Enter');
    await page.waitForFunction(() => document.querySelector('#area-result')?.textContent?.includes('(the whole county)'), null, { timeout: 30_000 });
    expect(await listed(page, '#area-result .inside')).toHaveLength(6);
    expect(await page.locator('#area-result').textContent()).toContain('Houston Police Department');
    // Suggestions that were still on their way never open over the answer.
    await page.waitForTimeout(800);
    expect(await page.locator('#area-suggestions').isHidden()).toBe(true);
    expect(await page.getAttribute('#area-input', 'aria-expanded')).toBe('false');
  }, 60_000);

  it('a corrected typo is said in the answer', async () => {
    const text = await search(page, 'Huston TX');
    expect(await page.locator('#area-result .area-note').textContent()).toBe('Showing results for Houston, TX: no place is called “Huston”.');
    expect(text).toContain('Houston Police Department');
  }, 60_000);

  it('a new search closes the card of the agency picked before', async () => {
    await search(page, 'Houston, TX');
    await page.locator('#area-result button[data-id="houston-police-department-tx"]').first().click();
    await page.locator('#card').waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelector('#card-title')?.textContent?.includes('Houston Police Department'));
    await search(page, 'Lakeland, FL');
    await page.locator('#card').waitFor({ state: 'hidden', timeout: 10_000 });
    await waitForLinkParam(page, 'agency', null);
    expect(linkParam(page, 'agency')).toBeNull();
    expect(await page.locator('#area-result').textContent()).toContain('Lakeland Police Department');
  }, 60_000);

  it('in Spanish, "Condado de Miami-Dade" is the county', async () => {
    const { page: es } = await newPage(browser, { viewport: DESKTOP });
    await openApp(es, 'lang=es');
    const text = await search(es, 'Condado de Miami-Dade');
    expect(text).toContain('13 agencias asociadas en Miami-Dade County, FL (todo el condado)');
    expect(await listed(es, '#area-result .inside')).toHaveLength(13);
    await es.close();
  }, 120_000);

  it('on a phone, a county answer and the New York answer (screenshots)', async () => {
    const { page: phone } = await newPage(browser, { viewport: PHONE });
    await openApp(phone);
    let text = await search(phone, 'Harris County, TX');
    expect(text).toContain('6 partnered agencies in Harris County, TX');
    await screenshot(phone, 'area-sweep-county-phone');
    text = await search(phone, 'New York, NY');
    expect(await listed(phone)).toContain(NYPD);
    await screenshot(phone, 'area-sweep-nyc-phone');
    await phone.close();
  }, 120_000);
});
