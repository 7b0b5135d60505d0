/** Page helpers shared by the browser tests. */
import type { Page, Route } from 'playwright-core';
import type { AgencyCollection } from '../../src/core/contract';
import { encodeMapData } from '../../src/data/map-data';
import { inject } from 'vitest';
import { waitForIdle, waitForMap } from './browser';

export const BASE = (): string => inject('baseUrl');

export async function openApp(page: Page, hash = '', query = ''): Promise<void> {
  await page.goto(`${BASE()}${query}${hash ? `#${hash.replace(/^#/, '')}` : ''}`);
  await waitForMap(page);
  await waitForIdle(page);
}

export async function countText(page: Page): Promise<string> {
  return (await page.locator('#count').textContent())?.trim() ?? '';
}

/** Waits for the live count to read `text`, then for the map to settle. */
export async function expectCount(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('#count')?.textContent?.trim() === t, text, { timeout: 20_000 }).catch(async () => {
    throw new Error(`count is "${await countText(page)}", expected "${text}"`);
  });
  await waitForIdle(page);
}

/** Agencies represented on the map right now (clusters + single points). */
export function drawnCount(page: Page): Promise<number> {
  return page.evaluate(() => window.ringMap?.mapView?.agencies.drawnCount ?? -1);
}

export function appState(page: Page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.ringMap!.store.state)));
}

/** Every origin the page contacted. */
export function trackOrigins(page: Page): Set<string> {
  const origins = new Set<string>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'http:' || u.protocol === 'https:') origins.add(u.origin);
  });
  return origins;
}

/** Serves another dataset to the page, encoded exactly as the build encodes it. */
export async function routeDataset(page: Page, collection: AgencyCollection | { type: string; features: unknown[] }): Promise<void> {
  const { points, chunks } = encodeMapData(collection as AgencyCollection);
  await page.route('**/generated/map/points.json', (r: Route) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(points) }));
  await page.route('**/generated/map/details-*.json', (r: Route) => {
    const k = Number(/details-(\d+)\.json/.exec(r.request().url())?.[1]);
    return chunks[k] ? r.fulfill({ contentType: 'application/json', body: JSON.stringify(chunks[k]) }) : r.fulfill({ status: 404, body: '' });
  });
}

/** Waits until the agency card shows its full record. */
export async function waitForCard(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const c = document.querySelector('#card');
    return c && !(c as HTMLElement).hidden && !c.hasAttribute('aria-busy');
  }, null, { timeout: 20_000 });
}
