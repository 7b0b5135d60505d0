/**
 * The list after filter clicks: it keeps each agency's row between changes
 * (a click re-lists rows it built before), so what it shows must still be
 * exactly the filtered agencies, in order, with the selected one marked and
 * no other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, screenshot } from './browser';
import { expectCount, listedIds, openApp, waitForCard, waitForLinkParam } from './app';
import { FEATURES, agenciesLabel, countWhere } from './dataset';
import { AGENCY_TYPES } from '../../src/core/vocabulary';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const TYPE_OF = new Map(FEATURES.map((f) => [f.properties.id, f.properties.agency_type]));
const POS = new Map(FEATURES.map((f) => [f.properties.id, f.geometry.coordinates as [number, number]]));

/** The rows marked as the selected agency. */
const marked = (page: Page) => page.locator('#list tbody tr[aria-current="true"] button.row-select').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));

describe('the list follows filter clicks', () => {
  it('lists exactly each type after its click, the same rows again after the reset, and marks only the selected agency', async () => {
    const { page } = await newPage(browser);
    await openApp(page);
    const all = await listedIds(page);
    expect(all).toHaveLength(100);

    // Every type, checked then unchecked (those with no agency too: the list then says none match).
    for (const t of AGENCY_TYPES) {
      const n = countWhere((p) => p.agency_type === t);
      await page.locator(`#type-${t}`).click();
      await expectCount(page, agenciesLabel(n));
      await waitForLinkParam(page, 'type', t);
      const ids = await listedIds(page);
      // Only that type, a page at most (the list holds those in the map's view).
      expect(ids.length).toBeLessThanOrEqual(Math.min(n, 100));
      if (n >= 100) expect(ids).toHaveLength(100);
      expect(ids.every((id) => TYPE_OF.get(id) === t), `type ${t}`).toBe(true);
      await page.locator(`#type-${t}`).click();
      await expectCount(page, agenciesLabel(FEATURES.length));
      await waitForLinkParam(page, 'type', null);
      // The same rows in the same order: reused rows put back where they belong.
      expect(await listedIds(page)).toEqual(all);
    }

    // Select an agency from the list: its row alone is marked. One with close neighbours, so the list
    // at the city scale the map zooms to still holds another agency to pick next.
    const near = (id: string) => {
      const [x, y] = POS.get(id)!;
      return FEATURES.filter((f) => Math.abs(f.geometry.coordinates[0] - x) < 0.03 && Math.abs(f.geometry.coordinates[1] - y) < 0.03).length;
    };
    const first = [...all].sort((a, b) => near(b) - near(a))[0];
    expect(near(first)).toBeGreaterThan(1);
    await page.locator(`#list button.row-select[data-id="${first}"]`).click();
    await waitForLinkParam(page, 'agency', first);
    await waitForCard(page);
    expect(await marked(page)).toEqual([first]);
    await page.keyboard.press('Escape');

    // A type that leaves it out, then back: still marked, and still alone.
    const other = AGENCY_TYPES.find((t) => t !== TYPE_OF.get(first) && countWhere((p) => p.agency_type === t) > 0)!;
    await page.locator(`#type-${other}`).click();
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === other)));
    expect(await listedIds(page)).not.toContain(first);
    expect(await marked(page)).toEqual([]);
    await page.locator(`#type-${other}`).click();
    await expectCount(page, agenciesLabel(FEATURES.length));
    const back = await listedIds(page);
    expect(back).toContain(first);
    expect(await marked(page)).toEqual(linkOf(page) === first ? [first] : []);

    // Another agency: the mark moves.
    const second = back.find((id) => id !== first) ?? null;
    expect(second).not.toBeNull();
    await page.locator(`#list button.row-select[data-id="${second}"]`).click();
    await waitForLinkParam(page, 'agency', second!);
    expect(await marked(page)).toEqual([second!]);
    await screenshot(page, 'list-follows-desktop');
    await page.close();
  });
});

function linkOf(page: Page): string | null {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get('agency');
}
