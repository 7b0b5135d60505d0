/**
 * A filter click draws the map in the legend's colours at once: the colour
 * ramp spans the start dates of the agencies a filter keeps, and the map's
 * dots and clusters after the click must look exactly as the same link
 * opened afresh, not keep the previous ramp until the map next moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, screenshot } from './browser';
import { agenciesLabel, countWhere, FEATURES } from './dataset';
import { canvasColours, expectCount, openApp } from './app';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const VIEW = 'map=4/38/-96';
/** The months of the documented start dates an agency type spans. */
const span = (keep: (t: string) => boolean) => {
  const months = FEATURES.filter((f) => keep(f.properties.agency_type) && f.properties.start_date).map((f) => f.properties.start_date!.slice(0, 7)).sort();
  return `${months[0]}–${months.at(-1)}`;
};

describe('the colours after a filter click', () => {
  it('are those of the same link opened afresh (the ramp follows before the map draws)', async () => {
    // The check can fail only if the filter changes the ramp's span.
    expect(span((t) => t === 'sheriff')).not.toBe(span(() => true));
    const { page } = await newPage(browser);
    await openApp(page, VIEW);
    await page.locator('#type-sheriff').click();
    await expectCount(page, agenciesLabel(countWhere((p) => p.agency_type === 'sheriff')));
    const clicked = (await canvasColours(page)).sort();
    await screenshot(page, 'filter-colours-clicked');

    const fresh = await newPage(browser);
    await openApp(fresh.page, `${VIEW}&type=sheriff`);
    const opened = (await canvasColours(fresh.page)).sort();
    expect(clicked).toEqual(opened);
    await page.close();
    await fresh.page.close();
  });
});
