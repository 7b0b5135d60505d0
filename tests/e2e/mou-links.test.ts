/**
 * The agency card names each MOU link for what the data says it is: the
 * agreement itself ("document") or an article about it, by its publisher;
 * in English and Spanish. Every link in the data is swept in
 * tests/unit/app/mou-link.test.ts; here a sample through the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, screenshot } from './browser';
import { openApp, waitForCard } from './app';
import { FEATURES } from './dataset';

const url = (id: string) => FEATURES.find((f) => f.properties.id === id)!.properties.mou_url;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('MOU links on the agency card', () => {
  const cases = [
    { id: 'lakeland-police-department-fl', lang: '', name: 'Article about the MOU (Motherboard (Vice))' },
    { id: 'lakeland-police-department-fl', lang: '?lang=es', name: 'Artículo sobre el MOU (Motherboard (Vice))' },
    { id: 'miami-beach-police-department-fl', lang: '', name: 'MOU or agreement (document)' },
    { id: 'monroe-county-sheriffs-office-fl', lang: '?lang=es', name: 'MOU o acuerdo (documento)' },
  ];
  for (const c of cases) {
    it(`${c.id}${c.lang}: “${c.name}”`, async () => {
      const { page, context } = await newPage(browser);
      await openApp(page, `agency=${c.id}`, c.lang);
      await waitForCard(page);
      const link = page.locator('#card').getByRole('link', { name: c.name, exact: true });
      expect(await link.getAttribute('href')).toBe(url(c.id));
      // Nothing else on the card calls the article a document.
      if (c.name.startsWith('Art')) expect(await page.locator('#card').getByRole('link', { name: /document/i }).count()).toBe(0);
      if (c.id.startsWith('lakeland') && !c.lang) await screenshot(page, 'card-mou-article');
      await context.close();
    });
  }
});
