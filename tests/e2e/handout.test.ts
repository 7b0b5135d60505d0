/**
 * The printed handout, from the visitor's side: open it from the agency card
 * or a Find my area answer, print it to PDF in Chromium, and read the PDF
 * back as a resident's phone would read the paper: exactly one page of the
 * chosen size, its text (name, dates, the coverage note), and its QR code
 * decoded from the rendered page, followed back to the same card or answer.
 * The agencies whose handouts are longest (by the same model the page runs)
 * are printed too, on both papers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { ARTIFACTS, DESKTOP, launch, newPage, PHONE, screenshot } from './browser';
import { BASE, openApp, waitForCard } from './app';
import { CSP } from './csp';
import { serveDir } from './static-server';
import { CATALOGUES } from '../../src/i18n/messages';
import type { Locale } from '../../src/i18n/locale';
import type { AgencyCollection } from '../../src/core/contract';
import { agencyHandout, fitToPage, printedLines, type Paper } from '../../src/handout/handout-model';
import { formatPartialDate } from '../../src/time/months';

const PDFJS = 'node_modules/pdfjs-dist/build/';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const SIZES: Record<Paper, [number, number]> = { letter: [612, 792], a4: [595.28, 841.89] };
const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
const LAPD = data.features.find((f) => f.properties.id === 'los-angeles-police-department-ca')!.properties;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface ReadBack {
  pages: number;
  size: [number, number];
  text: string;
  png: Buffer;
}

/**
 * The test's own PDF reader (pdf.js, not part of the site), served on the site's origin:
 * page count and size, page 1's text, and page 1 drawn at 144 dpi.
 */
const READER = `<!doctype html><title>reader</title><script type="module">
import * as pdfjs from './pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.mjs', location.href).href;
window.readPdf = async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data: bytes }).promise;
  const p = await doc.getPage(1);
  const content = await p.getTextContent();
  const viewport = p.getViewport({ scale: 2 });
  const canvas = document.createElement('canvas');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  await p.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  return {
    pages: doc.numPages,
    size: [p.view[2] - p.view[0], p.view[3] - p.view[1]],
    text: content.items.map((i) => (i.str ?? '') + (i.hasEOL ? ' ' : '')).join(''),
    png: canvas.toDataURL('image/png').split(',')[1],
  };
};
document.title = 'ready';
</script>`;

async function readPdf(pdf: Buffer, name: string): Promise<ReadBack> {
  const { context, page } = await newPage(browser);
  try {
    await page.route('**/__pdf/**', (r) => {
      const file = new URL(r.request().url()).pathname.split('/').pop()!;
      if (file === 'reader.html') return r.fulfill({ contentType: 'text/html', body: READER });
      return r.fulfill({ contentType: 'text/javascript', body: readFileSync(join(PDFJS, file)) });
    });
    await page.goto(`${BASE()}__pdf/reader.html`);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 30_000 });
    const out = await page.evaluate((b64) => (window as unknown as { readPdf(b: string): Promise<Omit<ReadBack, 'png'> & { png: string }> }).readPdf(b64), pdf.toString('base64'));
    const png = Buffer.from(out.png, 'base64');
    writeFileSync(join(ARTIFACTS, `${name}-print.png`), png);
    return { ...out, png };
  } finally {
    await context.close();
  }
}

/** The QR code on the printed page, as a phone's reader would decode it from the picture. */
/** How much of the page's height is printed on: the last row with a dark pixel, as a share of the page. */
function filled(png: Buffer): number {
  const img = PNG.sync.read(png);
  for (let y = img.height - 1; y >= 0; y--)
    for (let x = 0; x < img.width; x++) if (img.data[(y * img.width + x) * 4] < 128) return (y + 1) / img.height;
  return 0;
}

function decodeQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null;
}

/** The handout printed as the browser's "Save as PDF" does, honouring the page's own paper size. */
async function printHandout(page: Page, paper: Paper, name: string): Promise<ReadBack> {
  const pdf = await page.pdf({ format: paper === 'a4' ? 'A4' : 'Letter', preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
  return readPdf(pdf, name);
}

const squash = (s: string) => s.replace(/\s+/g, '');

async function waitForSheet(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"] .sheet', { timeout: 60_000 });
}

describe('an agency’s handout (LAPD, English, Letter)', () => {
  it('opens from the card, prints on one Letter page with the name, dates and coverage note, and its QR code opens the same card', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await openApp(page, `agency=${LAPD.id}&lang=en`);
      await waitForCard(page);
      const link = page.locator('#card a.handout-link');
      expect(await link.textContent()).toBe(CATALOGUES.en.handoutAction);
      const [handout] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await waitForSheet(handout);
      await handout.setViewportSize(DESKTOP);
      await screenshot(handout, 'handout-lapd-desktop');
      expect(await handout.locator('#paper').inputValue()).toBe('letter');
      const read = await printHandout(handout, 'letter', 'handout-lapd-letter');
      expect(read.pages).toBe(1);
      expect(read.size[0]).toBeCloseTo(SIZES.letter[0], 0);
      expect(read.size[1]).toBeCloseTo(SIZES.letter[1], 0);
      const text = squash(read.text);
      expect(text).toContain(squash(LAPD.name));
      expect(text).toContain(squash(formatPartialDate(LAPD.start_date, 'en')!));
      expect(text).toContain(squash(CATALOGUES.en.absenceNote));
      expect(text).toContain(squash(CATALOGUES.en.handoutQuestions[0]));
      const url = decodeQr(read.png);
      expect(url).not.toBeNull();
      // The link printed beside the code is the one it holds.
      expect(text).toContain(squash(url!));
      const live = await context.newPage();
      await live.goto(url!);
      await waitForCard(live);
      expect((await live.locator('#card-title').textContent())?.trim()).toBe(LAPD.name);
      expect(await live.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await context.close();
    }
  });
});

describe('a place’s handout (Houston, TX, Spanish, A4)', () => {
  it('opens from the answer, switches to A4, prints on one A4 page in Spanish, and its QR code opens the same answer', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage(browser);
    const es = CATALOGUES.es;
    try {
      await openApp(page, 'lang=es');
      await page.fill('#area-input', 'Houston, TX');
      await page.press('#area-input', 'Enter');
      const link = page.locator('#area-result a.handout-link');
      await link.waitFor({ timeout: 60_000 });
      const answerNames = await page.locator('#area-result button.row-select').allTextContents();
      const [handout] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await waitForSheet(handout);
      await handout.selectOption('#paper', 'a4');
      await handout.waitForURL(/[?&]paper=a4/);
      expect(await handout.evaluate(() => document.documentElement.lang)).toBe('es');
      await handout.setViewportSize(PHONE);
      await screenshot(handout, 'handout-houston-es-phone');
      const read = await printHandout(handout, 'a4', 'handout-houston-es-a4');
      expect(read.pages).toBe(1);
      expect(read.size[0]).toBeCloseTo(SIZES.a4[0], 0);
      expect(read.size[1]).toBeCloseTo(SIZES.a4[1], 0);
      const text = squash(read.text);
      expect(text).toContain(squash(es.handoutPlaceTitle('Houston, TX')));
      expect(text).toContain(squash(es.coverage));
      expect(text).toContain(squash(es.handoutQuestionsTitle));
      expect(answerNames.length).toBeGreaterThan(0);
      for (const n of answerNames) expect(text).toContain(squash(n));
      const url = decodeQr(read.png);
      expect(url).not.toBeNull();
      const live = await context.newPage();
      await live.goto(url!);
      const again = live.locator('#area-result button.row-select');
      await again.first().waitFor({ timeout: 60_000 });
      expect(await again.allTextContents()).toEqual(answerNames);
      expect(await live.locator('#area-input').inputValue()).toBe('Houston, TX');
      expect(await live.evaluate(() => document.documentElement.lang)).toBe('es');
    } finally {
      await context.close();
    }
  });
});

/** The agency whose fitted handout needs the most lines in `l`, by the model the page runs. */
function longest(l: Locale): string {
  let best = { id: '', n: -1 };
  for (const f of data.features) {
    const n = printedLines(fitToPage(agencyHandout(f, { locale: l, dataAsOf: data.metadata?.data_as_of ?? null, link: `${BASE()}#agency=${f.properties.id}&lang=${l}` })));
    if (n > best.n) best = { id: f.properties.id, n };
  }
  return best.id;
}

describe('the longest handouts still print on one page', () => {
  for (const l of ['en', 'es'] as const) {
    it(`the longest agency handout in ${l}, on Letter and on A4`, { timeout: 240_000 }, async () => {
      const id = longest(l);
      const { context, page } = await newPage(browser);
      try {
        for (const paper of ['letter', 'a4'] as const) {
          await page.goto(`${BASE()}handout.html${paper === 'a4' ? '?paper=a4' : ''}#agency=${id}&lang=${l}`);
          await waitForSheet(page);
          const read = await printHandout(page, paper, `handout-longest-${l}-${paper}`);
          expect(read.pages, `${id} ${paper}`).toBe(1);
          console.log(`fullest handout (${l}, ${paper}): ${id}, printed down to ${Math.round(filled(read.png) * 100)}% of the page's height`);
          expect(read.size[1]).toBeCloseTo(SIZES[paper][1], 0);
          expect(decodeQr(read.png)).toBe(new URL(`./#agency=${id}&lang=${l}`, page.url()).href);
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe('a county with many partners prints on one page, the rest counted', () => {
  it('Los Angeles County, CA in Spanish on A4 and in English on Letter', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      for (const [l, paper] of [['es', 'a4'], ['en', 'letter']] as const) {
        await page.goto(`${BASE()}handout.html${paper === 'a4' ? '?paper=a4' : ''}#area=Los Angeles County, CA&lang=${l}`);
        await waitForSheet(page);
        const read = await printHandout(page, paper, `handout-la-county-${l}-${paper}`);
        expect(read.pages, `${l} ${paper}`).toBe(1);
        console.log(`Los Angeles County handout (${l}, ${paper}): printed down to ${Math.round(filled(read.png) * 100)}% of the page's height`);
        const text = squash(read.text);
        // More agencies than a page holds: the sheet says how many more the live map shows.
        expect(text).toMatch(l === 'es' ? /…y\d+másenelmapaenvivo/ : /…and\d+moreonthelivemap/);
        expect(decodeQr(read.png)).toBe(new URL(`./#area=Los+Angeles+County,+CA&lang=${l}`, page.url()).href);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the handout page on screen', () => {
  it('works under the strict policy, passes axe, and its controls are reachable by keyboard and at least 24 px', { timeout: 240_000 }, async () => {
    const server = await serveDir('dist', { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
    const { context, page } = await newPage(browser, { viewport: PHONE });
    try {
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${server.url}handout.html#agency=${LAPD.id}&lang=es`);
      await waitForSheet(page);
      expect(await page.locator('.sheet svg.qr-code path').count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      // Keyboard: back to the map, the paper, Print, in that order.
      for (const sel of ['.handout-controls a', '#paper', '.handout-controls .print']) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, sel), sel).toBe(true);
      }
      expect((await page.locator('.handout-controls a').textContent())?.trim()).toBe(CATALOGUES.es.handoutBack);
      for (const sel of ['.handout-controls a', '#paper', '.handout-controls .print']) {
        const box = (await page.locator(sel).boundingBox())!;
        expect(box.height, sel).toBeGreaterThanOrEqual(24);
      }
      // Under the policy an inline script is refused: run axe from a page without it.
      await page.goto(`${BASE()}handout.html#agency=${LAPD.id}&lang=es`);
      await waitForSheet(page);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region' || v.id === 'page-has-heading-one').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await screenshot(page, 'handout-lapd-es-phone');
    } finally {
      await context.close();
      await server.close();
    }
  });
});

