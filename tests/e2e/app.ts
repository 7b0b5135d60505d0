/** Page helpers shared by the browser tests. */
import type { Frame, Page, Route } from 'playwright-core';
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

/**
 * Agencies represented on the map right now (clusters + single points).
 * Their number is drawn into the canvas only: the app writes it on the map
 * element (`data-drawn`) when the map settles.
 */
export async function drawnCount(page: Page): Promise<number> {
  await waitForIdle(page);
  return Number((await page.locator('#map').getAttribute('data-drawn')) ?? -1);
}

/** A parameter of the link the page shows now. */
export function linkParam(page: Page, name: string): string | null {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get(name);
}

/** Waits until the page's link carries `name=value` (null: not at all); the app writes the link shortly after a change. */
export async function waitForLinkParam(page: Page, name: string, value: string | null): Promise<void> {
  await page.waitForURL((u) => new URLSearchParams(u.hash.slice(1)).get(name) === value, { timeout: 20_000 });
}

/** Opens a view the way a visitor does who edits or follows a link: by changing the URL's hash. */
export async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await waitForIdle(page);
}

/** The box a map view shows in a map element of this size (Web Mercator, 512 px tiles, no rotation). */
export function viewBounds(view: { zoom: number; lat: number; lon: number }, size: { width: number; height: number }): { w: number; s: number; e: number; n: number } {
  const world = 512 * 2 ** view.zoom;
  const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
  const lat = (py: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - (2 * py) / world))) - 90;
  const cy = y(view.lat);
  const dLon = (size.width / 2 / world) * 360;
  return { w: view.lon - dLon, e: view.lon + dLon, n: lat(cy - size.height / 2), s: lat(cy + size.height / 2) };
}

/** The agency ids listed in the table, in order. */
export function listedIds(page: Page): Promise<string[]> {
  return page.locator('#list button.row-select').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
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

/** Clicks a toolbar button and waits for its dialog: its code loads on first use, so the dialog opens a moment later. */
export async function openDialog(page: Page | Frame, button: string): Promise<void> {
  await page.click(button);
  await page.locator('dialog[open]').waitFor({ timeout: 30_000 });
}

/** Distinct colours in a 64 × 64 reduction of the map canvas; `shift` bins channels (4: 16 levels each). */
export function canvasColours(page: Page | Frame, shift = 0): Promise<string[]> {
  return page.evaluate((sh) => {
    const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
    const probe = document.createElement('canvas');
    probe.width = probe.height = 64;
    const ctx = probe.getContext('2d')!;
    ctx.drawImage(c, 0, 0, 64, 64);
    const d = ctx.getImageData(0, 0, 64, 64).data;
    const seen = new Set<string>();
    for (let i = 0; i < d.length; i += 4) seen.add(`${d[i] >> sh},${d[i + 1] >> sh},${d[i + 2] >> sh}`);
    return [...seen];
  }, shift);
}

/** How many coarse colours the map canvas shows: a blank or single-colour canvas has very few. */
export async function canvasColourCount(page: Page | Frame): Promise<number> {
  return (await canvasColours(page, 4)).length;
}
