/**
 * The one-agency embed, as an advocacy group uses it: the code copied from the
 * Share dialog while an agency's card is open, pasted into a page of another
 * origin, in a column 300 px wide, in English and Spanish; then "Open the
 * map" to the agency in the full map. Hostile and unknown ids get a polite
 * message. Screenshots of the host page at desktop and phone size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DESKTOP, launch, newPage, PHONE, screenshot } from './browser';
import { BASE, openApp, openDialog } from './app';
import { FEATURES } from './dataset';
import { serveDir } from './static-server';
import { CSP } from './csp';
import { readFileSync } from 'node:fs';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

let browser: Browser;
let host: Server;
let hostUrl: string;
/** What the host page holds: the code an editor pasted. */
let pasted = '';

const feature = (id: string) => FEATURES.find((f) => f.properties.id === id)!.properties;
const longest = [...FEATURES].sort((a, b) => b.properties.name.length - a.properties.name.length)[0].properties;

beforeAll(async () => {
  browser = await launch();
  // The host page on another origin: "localhost" while the map is served on 127.0.0.1 (another port too).
  host = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
      <body style="margin:0;font-family:serif"><h1 style="margin:8px">Neighbourhood newsletter</h1>
      <div style="display:flex;gap:16px;flex-wrap:wrap;padding:8px"><article style="flex:1 1 300px;min-width:0">Article text beside the card.</article>
      <aside id="column" style="width:300px;flex:none">${pasted}</aside></div></body></html>`);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  expect(new URL(hostUrl).origin).not.toBe(new URL(BASE()).origin);
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => host.close(() => r()));
});

/** The agency embed code the Share dialog gives while the agency's card is open. */
async function codeFromShare(page: Page, id: string, lang: 'en' | 'es'): Promise<string> {
  await openApp(page, `agency=${id}${lang === 'es' ? '&lang=es' : ''}`);
  await page.locator('#card h2').waitFor();
  await openDialog(page, '#share-button');
  const heading = page.locator('#agency-embed-heading');
  expect(await heading.textContent()).toBe(lang === 'es' ? 'Insertar esta agencia' : 'Embed this agency');
  const code = await page.inputValue('#agency-embed-code');
  await page.locator('#agency-embed-copy').scrollIntoViewIfNeeded();
  await screenshot(page, `agency-embed-share-dialog-${lang}`);
  await page.keyboard.press('Escape');
  // Escape closes the dialog and gives focus back to the Share button.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-button');
  return code;
}

/** The host page with the pasted code, and the card's frame once it has its content. */
async function hostWith(page: Page, code: string): Promise<Frame> {
  pasted = code;
  await page.goto(hostUrl);
  const el = await page.waitForSelector('#column iframe');
  const frame = (await el.contentFrame())!;
  await frame.waitForSelector('#agency-embed h1, #agency-embed [role="status"]', { timeout: 30_000 });
  return frame;
}

/** Everything the card shows is inside its 300 px frame: nothing scrolls sideways, and the frame is tall enough for the credit. */
async function expectWhole(page: Page, frame: Frame): Promise<void> {
  const size = await frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(size.client).toBe(300);
  expect(size.scroll).toBeLessThanOrEqual(size.client);
  // The host's listener sizes the frame to the height the card reports: the whole card, no inner scrolling.
  const docH = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => Math.abs(document.querySelector('#column iframe')!.getBoundingClientRect().height - h) <= 2, docH, { timeout: 20_000 });
  const frameBox = (await page.locator('#column iframe').boundingBox())!;
  for (const sel of ['a.open-map', 'p.credit']) {
    const box = (await frame.locator(sel).boundingBox())!;
    expect(box.x, sel).toBeGreaterThanOrEqual(frameBox.x);
    expect(box.x + box.width, sel).toBeLessThanOrEqual(frameBox.x + frameBox.width + 0.5);
    expect(box.y + box.height, sel).toBeLessThanOrEqual(frameBox.y + frameBox.height + 0.5);
    expect(box.height, sel).toBeGreaterThanOrEqual(24);
  }
}

describe('one-agency embed on another site, 300 px wide', () => {
  it('English: the code from Share names the agency; the card tells its story and opens the full map at the agency in a new tab', async () => {
    const id = 'gwinnett-county-police-department-ga';
    const p = feature(id);
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    const code = await codeFromShare(page, id, 'en');
    expect(code).toContain(`agency-embed.html?id=${id}"`);
    expect(code).toContain(`title="${p.name} and Ring: partnership, perks and records"`);

    const frame = await hostWith(page, code);
    // The frame's title and its description on the host page say what is shown.
    const iframe = page.locator('#column iframe');
    expect(await iframe.getAttribute('title')).toBe(`${p.name} and Ring: partnership, perks and records`);
    const described = (await iframe.getAttribute('aria-describedby'))!;
    const place = [p.city, p.county, p.state].filter(Boolean).join(', ');
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain(`${p.name} (${place}): its partnership with Amazon Ring`);

    expect(await frame.locator('h1').textContent()).toBe(p.name);
    const text = (await frame.locator('#agency-embed').textContent())!;
    expect(text).toContain('Began');
    expect(text).toContain('29 August 2019');
    expect(text).toContain('80'); // devices given, as documented
    expect(text).toContain('$15,920');
    expect(text).toContain('Coverage: Atlas of Surveillance data through Sept 2020');
    // The MOU and records links, as many as the record has (none: said so).
    const docs = new Set([...(p.mou_url ? [p.mou_url] : []), ...p.records_urls]).size;
    expect(await frame.locator('.docs a').count()).toBe(docs);
    if (!docs) expect(text).toContain('None documented');
    expect(await frame.locator('p.source a').getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await frame.locator('p.credit').textContent()).toContain('Data: ');
    await expectWhole(page, frame);
    await screenshot(page, 'agency-embed-host-en-desktop');

    // "Open the map": a new tab with the full map at this agency, its card open.
    const [tab] = await Promise.all([context.waitForEvent('page'), frame.click('a.open-map')]);
    await tab.waitForURL(/#agency=/);
    expect(new URLSearchParams(new URL(tab.url()).hash.slice(1)).get('agency')).toBe(id);
    expect(new URL(tab.url()).origin).toBe(new URL(BASE()).origin);
    await tab.locator('#card h2').waitFor({ timeout: 90_000 });
    expect(await tab.locator('#card h2').textContent()).toBe(p.name);
    await context.close();
  });

  it('Spanish: the card, its title and its link speak Spanish, on a phone too', async () => {
    const id = 'lakeland-police-department-fl';
    const p = feature(id);
    const { context, page } = await newPage(browser, { viewport: PHONE });
    const code = await codeFromShare(page, id, 'es');
    expect(code).toContain(`agency-embed.html?id=${id}&amp;lang=es"`);
    expect(code).toContain(`title="${p.name} y Ring: acuerdo, beneficios y documentos"`);
    const frame = await hostWith(page, code);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('es');
    const text = (await frame.locator('#agency-embed').textContent())!;
    expect(text).toContain('Inicio');
    expect(text).toContain('27 de febrero de 2019');
    expect(text).toContain('Cobertura:');
    // Lakeland's cameras were returned: said in words, never counted as given.
    expect(text.toLowerCase()).toContain('devuel');
    expect(await frame.locator('a.open-map').textContent()).toBe('Abrir el mapa');
    const href = (await frame.locator('a.open-map').getAttribute('href'))!;
    const hash = new URLSearchParams(new URL(href).hash.slice(1));
    expect([hash.get('agency'), hash.get('lang')]).toEqual([id, 'es']);
    expect(await frame.locator('a.open-map').getAttribute('target')).toBe('_blank');
    await expectWhole(page, frame);
    await screenshot(page, 'agency-embed-host-es-phone');
    await context.close();
  });

  it('the longest agency name still fits 300 px in both languages', async () => {
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    for (const lang of ['en', 'es'] as const) {
      const src = `${BASE()}agency-embed.html?id=${longest.id}${lang === 'es' ? '&lang=es' : ''}`;
      const frame = await hostWith(page, `<iframe src="${src}" title="t" width="100%" height="420" style="border:0;width:100%" data-ring-map-autoresize></iframe>
        <script>addEventListener("message",function(e){if(e.data&&e.data.type==="ring-partnerships-map:height")document.querySelector("iframe").style.height=e.data.height+"px"})</script>`);
      expect(await frame.locator('h1').textContent()).toBe(longest.name);
      await expectWhole(page, frame);
      await screenshot(page, `agency-embed-longest-${lang}`);
    }
    await context.close();
  });

  it('passes axe (no serious or critical violations) in both languages', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    for (const q of ['', '&lang=es']) {
      await page.goto(`${BASE()}agency-embed.html?id=gwinnett-county-police-department-ga${q}`);
      await page.locator('#agency-embed h1').waitFor();
      await page.addScriptTag({ content: AXE });
      const v = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.filter((x) => x.impact === 'serious' || x.impact === 'critical' || x.id === 'region').map((x) => x.id);
      });
      expect(v, q).toEqual([]);
    }
    await context.close();
  });

  it('works under the strict policy from the README, with no violation', async () => {
    const server = await serveDir('dist', { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
    const { context, page } = await newPage(browser, { viewport: PHONE });
    try {
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${server.url}agency-embed.html?id=gwinnett-county-police-department-ga&lang=es`);
      await page.locator('#agency-embed h1').waitFor();
      expect(await page.locator('#agency-embed h1').textContent()).toBe('Gwinnett County Police Department');
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('an unknown or hostile id gets a polite message and no markup from the link', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    for (const id of ['no-such-agency-nj', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '..%2Fpoints', '']) {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(`${BASE()}agency-embed.html?id=${id}`);
      await page.locator('[role="status"]').waitFor();
      expect(await page.locator('[role="status"]').textContent()).toBe('This agency is not on the map, or the link to it is incomplete.');
      expect(await page.locator('#agency-embed img').count()).toBe(0);
      expect(await page.locator('a.open-map').textContent()).toBe('Open the map');
      expect(dialogs).toBe(0);
    }
    await screenshot(page, 'agency-embed-unknown-phone');
    await context.close();
  });
});
