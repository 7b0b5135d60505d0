/**
 * Headless Chromium for the browser tests: the system's Debian Chromium,
 * driven by playwright-core (no browser download), rendering WebGL through
 * SwiftShader.
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'tests/artifacts';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  // Browser UI this headless page never shows: Chromium preloads its omnibox popup as a page of its own, whose
  // renderer takes a whole core for seconds after each new window, competing with the page under test.
  '--disable-features=Translate,MediaRouter,OptimizationHints,PreloadTopChromeWebUI,WebUIOmniboxPopup',
];

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

export const DESKTOP = { width: 1360, height: 860 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(browser: Browser, opts: { viewport?: { width: number; height: number }; reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? DESKTOP,
    deviceScaleFactor: 1,
    reducedMotion: opts.reducedMotion ?? 'no-preference',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  return { context, page };
}

/** Waits until the map has drawn its first complete frame. */
export async function waitForMap(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('body[data-map-ready="true"]', { timeout });
}

/**
 * Waits until the map has no pending work (sources loaded, frame drawn).
 * Nothing on screen says so: the app marks the map element with
 * `data-settled` (see src/controllers/live-map.ts), the one hook the tests
 * read besides what a visitor sees.
 */
export async function waitForIdle(page: Page | Frame): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const el = document.querySelector<HTMLElement>('#map');
        if (!el || el.hidden || document.body.getAttribute('data-map-ready') !== 'true') return resolve();
        const done = () => {
          if (el.dataset.settled === 'true') return resolve();
          const o = new MutationObserver(() => {
            if (el.dataset.settled === 'true') {
              o.disconnect();
              resolve();
            }
          });
          o.observe(el, { attributes: true, attributeFilter: ['data-settled'] });
        };
        // Give pending changes a frame to register before asking.
        requestAnimationFrame(() => requestAnimationFrame(done));
      }),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
