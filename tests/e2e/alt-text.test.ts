/**
 * Alt text written for the reporter: the export dialog shows what the image
 * shows (area, filters, counts, period, coverage) in a read-only field with a
 * Copy button, and the downloaded PNG carries the same words in its metadata
 * (iTXt, UTF-8), read back here with a parser of the test's own. Three views:
 * the national default, New Jersey police, and one year in California with
 * the perks layer (in Spanish).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { ARTIFACTS, launch, newPage, screenshot } from './browser';
import { openApp, openDialog } from './app';
import { FEATURES, countWhere } from './dataset';
import { monthOf, lastActiveMonth } from '../../src/core/periods';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ context, page } = await newPage(browser));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await browser?.close();
});

/** The text chunks of a PNG (tEXt, iTXt, zTXt), each with its CRC checked: written for this test, apart from the app's code. */
function pngText(buf: Buffer): Record<string, string> {
  expect(buf.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
  const out: Record<string, string> = {};
  let at = 8;
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    expect(crc32(buf.subarray(at + 4, at + 8 + len)) >>> 0, `${type} CRC`).toBe(buf.readUInt32BE(at + 8 + len));
    if (type === 'tEXt' || type === 'iTXt' || type === 'zTXt') {
      const z = data.indexOf(0);
      const key = data.toString('latin1', 0, z);
      if (type === 'tEXt') out[key] = data.toString('latin1', z + 1);
      else if (type === 'zTXt') out[key] = inflateSync(data.subarray(z + 2)).toString('latin1');
      else {
        const compressed = data[z + 1] === 1;
        const langEnd = data.indexOf(0, z + 3);
        const transEnd = data.indexOf(0, langEnd + 1);
        const body = data.subarray(transEnd + 1);
        out[key] = (compressed ? inflateSync(body) : body).toString('utf8');
      }
    }
    if (type === 'IEND') break;
    at += 12 + len;
  }
  return out;
}

const YEARS = (() => {
  const ys = FEATURES.map((f) => f.properties.start_date).filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  return `${Math.min(...ys)}–${Math.max(...ys)}`;
})();
const n = (x: number) => x.toLocaleString('en-US');

/** Opens the export dialog on a view; returns the description it shows, after checking Copy puts it on the clipboard. */
async function dialogAltText(hash: string, shot: string, query = ''): Promise<string> {
  // A new page load each time (the language is chosen when the page starts).
  await page.goto('about:blank');
  await openApp(page, hash, query);
  await openDialog(page, '#export-button');
  const alt = await page.inputValue('#export-alt');
  expect(await page.locator('#export-alt').getAttribute('readonly')).not.toBeNull();
  await page.click('#export-alt-copy');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(alt);
  await page.locator('#export-alt').scrollIntoViewIfNeeded();
  await screenshot(page, shot);
  return alt;
}

/** Exports the 1200 px image and returns its metadata. */
async function exportedText(file: string): Promise<Record<string, string>> {
  await page.check('#export-screen');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('#export-go')]);
  const path = `${ARTIFACTS}/${file}`;
  await dl.saveAs(path);
  const buf = readFileSync(path);
  // Still a PNG every decoder reads, of the chosen width.
  expect(PNG.sync.read(buf).width).toBe(1200);
  await page.keyboard.press('Escape');
  return pngText(buf);
}

describe('alt text of the exported image', () => {
  it('national default: every agency, all dates, the layers and the coverage, in the dialog and in the PNG', async () => {
    const alt = await dialogAltText('', 'alt-text-1-national-dialog');
    const perks = countWhere((p) => p.devices_given !== null || p.perk_value_usd !== null || p.subsidy_usd !== null ||
      p.programs.some((g) => ['device_donation', 'officer_incentives', 'city_subsidy'].includes(g.kind)));
    expect(alt.startsWith(`Map: ${n(FEATURES.length)} agencies in the United States partnered with Ring, all dates ${YEARS}. ${n(perks)} of them have a perk or subsidy on record (given, offered or approved).`), alt).toBe(true);
    expect(alt).toContain('Layers drawn: Agencies (by start date); MOU and public records.');
    expect(alt).toContain('partnerships after Sept 2020 are incomplete');
    const meta = await exportedText('alt-text-national.png');
    expect(meta.Description).toBe(alt);
    expect(meta.Title).toBe('Police partnerships with Amazon Ring');
    expect(meta.Copyright).toContain('Atlas of Surveillance');
    expect(new URL(meta.Source).protocol).toMatch(/^https?:$/);
  });

  it('New Jersey police: "N police agencies in New Jersey"', async () => {
    const nj = countWhere((p) => p.state === 'NJ' && p.agency_type === 'police');
    const alt = await dialogAltText('state=NJ&type=police', 'alt-text-2-nj-police-dialog');
    expect(alt.startsWith(`Map: ${n(nj)} police agencies in New Jersey partnered with Ring, all dates ${YEARS}.`), alt).toBe(true);
    const meta = await exportedText('alt-text-nj-police.png');
    expect(meta.Description).toBe(alt);
    expect(new URLSearchParams(new URL(meta.Source).hash.slice(1)).get('state')).toBe('NJ');
  });

  it('one year in California with the perks layer, in Spanish: the period and the layer in words, UTF-8 in the PNG', async () => {
    const from = monthOf('2019-01')!, to = monthOf('2019-12')!;
    const ca = countWhere((p) => p.state === 'CA' && monthOf(p.start_date) !== null && monthOf(p.start_date)! <= to && lastActiveMonth(p.end_date) >= from);
    const alt = await dialogAltText('state=CA&from=2019-01&to=2019-12&layers=points,perks', 'alt-text-3-ca-2019-es-dialog', '?lang=es');
    expect(alt.startsWith(`Mapa: ${n(ca)} agencias en California con acuerdos con Ring, vigentes entre enero de 2019 y diciembre de 2019.`), alt).toBe(true);
    expect(alt).toContain('Capas dibujadas: Agencias (por fecha de inicio); Beneficios y subsidios.');
    expect(alt).toContain('Cobertura: datos del Atlas of Surveillance hasta septiembre de 2020');
    const meta = await exportedText('alt-text-ca-2019-es.png');
    expect(meta.Description).toBe(alt);
    expect(meta.Description).toContain('están incompletos');
  });
});
