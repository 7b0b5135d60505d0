/**
 * The timeline from the visitor's side: it says what a range selects, Play
 * runs inside the range at a pace a person can follow and puts the range
 * back (controls and link), the count and the list agree at every step, the
 * sliders step by month from the keyboard and stay put under the pointer,
 * nothing covers the date stamp, and large text keeps the controls usable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, PHONE, screenshot, waitForIdle } from './browser';
import { expectCount, linkParam, openApp, waitForLinkParam } from './app';
import { agenciesLabel, countWhere, FEATURES } from './dataset';
import { lastActiveMonth, monthOf } from '../../src/core/periods';

const DESKTOP_1366 = { width: 1366, height: 850 };
const MIN = Math.min(...FEATURES.map((f) => monthOf(f.properties.start_date) ?? Infinity));
const MAX = Math.max(...FEATURES.map((f) => monthOf(f.properties.start_date) ?? -Infinity));
const Y2019 = { from: monthOf('2019-01')!, to: monthOf('2019-12')! };
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const label = (m: number) => `${MONTHS_EN[m % 12]} ${Math.floor(m / 12)}`;
const ym = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** Partnerships active at some time in [from, to], from the published file (undated ones left out). */
const activeIn = (from: number, to: number) =>
  countWhere((p) => {
    const s = monthOf(p.start_date);
    return s !== null && s <= to && lastActiveMonth(p.end_date) >= from;
  });

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser, { viewport: DESKTOP_1366 }));
});
afterAll(async () => browser?.close());

/** The count in the header and the list's "N in view (of M matching)", read in one go. */
async function countAndList(p: Page): Promise<{ count: string; inView: number; matching: number; stamp: string }> {
  const r = await p.evaluate(() => ({
    count: document.querySelector('#count')?.textContent?.trim() ?? '',
    list: document.querySelector('#list .list-summary')?.textContent ?? '',
    stamp: document.querySelector('#map-date')?.textContent ?? '',
  }));
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const m = /^([\d,]+) in view(?: \(of ([\d,]+) matching\))?/.exec(r.list);
  if (!m) return { count: r.count, inView: 0, matching: /No agencies match/.test(r.list) ? 0 : num(/([\d,]+) match/.exec(r.list)?.[1] ?? 'NaN'), stamp: r.stamp };
  return { count: r.count, inView: num(m[1]), matching: m[2] ? num(m[2]) : num(m[1]), stamp: r.stamp };
}

/** Sets the range the way a visitor types it: into the month fields. */
async function typeRange(p: Page, from: string, to: string): Promise<void> {
  await p.fill('#timeline-from-month', from);
  await p.fill('#timeline-to-month', to);
}

async function controls(p: Page) {
  return {
    fromField: await p.inputValue('#timeline-from-month'),
    toField: await p.inputValue('#timeline-to-month'),
    fromSlider: await p.getAttribute('#timeline-from', 'aria-valuetext'),
    toSlider: await p.getAttribute('#timeline-to', 'aria-valuetext'),
  };
}

const Y2019_CONTROLS = { fromField: '2019-01', toField: '2019-12', fromSlider: 'January 2019', toSlider: 'December 2019' };

describe('the range says what it selects', () => {
  it('Jan–Dec 2019 typed into the month fields: active partnerships, said in words, undated ones said to be left out', async () => {
    await openApp(page);
    expect(await page.locator('#timeline h2').textContent()).toBe('Partnerships active over time');
    await typeRange(page, '2019-01', '2019-12');
    const n = activeIn(Y2019.from, Y2019.to);
    await expectCount(page, agenciesLabel(n));
    await waitForLinkParam(page, 'from', '2019-01');
    expect(linkParam(page, 'to')).toBe('2019-12');
    expect(await page.locator('.running').textContent()).toBe(`Partnerships active between January 2019 and December 2019: ${agenciesLabel(n)}.`);
    expect(await page.locator('.timeline-scope').isVisible()).toBe(true);
    expect(await page.locator('.timeline-scope').textContent()).toContain('without a documented start date are left out');
    expect(await controls(page)).toEqual(Y2019_CONTROLS);
    const cl = await countAndList(page);
    expect(cl.matching).toBe(n);
    expect(await page.locator('#map-date').textContent()).toBe('Partnerships active January 2019 – December 2019');
    // More agencies are active in the range than began in it: the words say "active", not "began".
    const began = countWhere((p) => { const s = monthOf(p.start_date); return s !== null && s >= Y2019.from && s <= Y2019.to; });
    expect(n).toBeGreaterThan(began);
    await screenshot(page, 'timeline-range-desktop');
  });

  it('All dates clears the range and its note; every agency is back', async () => {
    await page.getByRole('button', { name: 'All dates' }).click();
    await expectCount(page, agenciesLabel(FEATURES.length));
    expect(await page.locator('.timeline-scope').isVisible()).toBe(false);
    await waitForLinkParam(page, 'from', null);
  });
});

describe('Play within the range', () => {
  /** Records, as the visitor sees them, the stamp, the count and the list on every change while Play runs. */
  async function record(p: Page) {
    await p.evaluate(() => {
      const w = window as unknown as { seen_: { t: number; stamp: string; count: string; list: string; from: string; to: string; url: string }[] };
      w.seen_ = [];
      const read = () => w.seen_.push({
        t: performance.now(),
        stamp: document.querySelector('#map-date')?.textContent ?? '',
        count: document.querySelector('#count')?.textContent?.trim() ?? '',
        list: document.querySelector('#list .list-summary')?.textContent ?? '',
        from: (document.querySelector('#timeline-from-month') as HTMLInputElement).value,
        to: (document.querySelector('#timeline-to-month') as HTMLInputElement).value,
        url: location.hash,
      });
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }
  const seen = (p: Page) => p.evaluate(() => (window as unknown as { seen_: { t: number; stamp: string; count: string; list: string; from: string; to: string; url: string }[] }).seen_);

  it('Jan–Dec 2019: the stamp moves month by month inside 2019 only, at a readable pace; count and list agree at every step; the end puts 2019 back', async () => {
    await openApp(page, 'from=2019-01&to=2019-12');
    const n = activeIn(Y2019.from, Y2019.to);
    await expectCount(page, agenciesLabel(n));
    await record(page);
    await page.getByRole('button', { name: /Play/ }).click();
    await page.getByRole('button', { name: /Stop/ }).waitFor();
    // A few months in (polled by timer: a loaded machine may draw frames seldom).
    await page.waitForFunction(() => /in (March|April|May) 2019/.test(document.querySelector('#map-date')?.textContent ?? ''), null, { polling: 100 });
    await screenshot(page, 'timeline-playing-desktop');
    await page.getByRole('button', { name: /Play/ }).waitFor({ timeout: 30_000 });
    const frames = await seen(page);
    const stamps = [...new Set(frames.map((f) => f.stamp).filter((s) => s.startsWith('Partnerships active in ')))];
    // Twelve months, in order, all of 2019.
    expect(stamps).toEqual(MONTHS_EN.map((m) => `Partnerships active in ${m} 2019`));
    // A pace a person can follow: each month held about 0.3–1.5 s, the run not over in a blink.
    const firstAt = (s: string) => frames.find((f) => f.stamp === s)!.t;
    const gaps = stamps.slice(1).map((s, k) => firstAt(s) - firstAt(stamps[k]));
    for (const g of gaps) expect(g).toBeGreaterThan(250);
    expect(firstAt(stamps.at(-1)!) - firstAt(stamps[0])).toBeGreaterThan(3000);
    // Each month's count is the partnerships active that month, from the file; the list's "of M matching" is the same M.
    for (let k = 0; k < 12; k++) {
      const last = frames.filter((f) => f.stamp === stamps[k]).at(-1)!;
      expect(last.count, stamps[k]).toBe(agenciesLabel(activeIn(Y2019.from + k, Y2019.from + k)));
      const m = /^([\d,]+) in view(?: \(of ([\d,]+) matching\))?/.exec(last.list);
      expect(m, last.list).not.toBeNull();
      expect(Number((m![2] ?? m![1]).replace(/,/g, '')), `${stamps[k]}: ${last.list}`).toBe(activeIn(Y2019.from + k, Y2019.from + k));
      // The controls never showed a single month.
      expect([last.from, last.to]).toEqual(['2019-01', '2019-12']);
    }
    // While it played, the controls and the link kept the chosen range: never a single month.
    for (const f of frames) expect([f.from, f.to]).toEqual(['2019-01', '2019-12']);
    for (const f of frames) expect(f.url).toMatch(/from=2019-01&to=2019-12/);
    // Back as before: controls, link, count, list.
    await expectCount(page, agenciesLabel(n));
    expect(await controls(page)).toEqual(Y2019_CONTROLS);
    expect(await page.locator('.running').textContent()).toContain('back as before');
    expect(linkParam(page, 'from')).toBe('2019-01');
    expect(linkParam(page, 'to')).toBe('2019-12');
    expect((await countAndList(page)).matching).toBe(n);
  });

  it('Stop mid-run restores Jan–Dec 2019 exactly (controls, link, count, list), and no other filter changed', async () => {
    await openApp(page, 'type=police&from=2019-01&to=2019-12');
    const n = countWhere((p) => p.agency_type === 'police' && (() => { const s = monthOf(p.start_date); return s !== null && s <= Y2019.to && lastActiveMonth(p.end_date) >= Y2019.from; })());
    await expectCount(page, agenciesLabel(n));
    // The link's filters (the map position aside, which the page may write once it has framed the selection).
    const filtersOf = (href: string) => { const q = new URLSearchParams(new URL(href).hash.slice(1)); q.delete('map'); return q.toString(); };
    const before = filtersOf(page.url());
    expect(before).toBe('type=police&from=2019-01&to=2019-12');
    await page.getByRole('button', { name: /Play/ }).click();
    await page.waitForFunction(() => /in (March|April|May) 2019/.test(document.querySelector('#map-date')?.textContent ?? ''), null, { polling: 100 });
    // Mid-run, count and list agree.
    const mid = await countAndList(page);
    expect(mid.count).toBe(agenciesLabel(mid.matching));
    await page.getByRole('button', { name: /Stop/ }).click();
    await expectCount(page, agenciesLabel(n));
    expect(await page.getByRole('button', { name: /Play/ }).isVisible()).toBe(true);
    expect(await controls(page)).toEqual(Y2019_CONTROLS);
    expect(await page.isChecked('#type-police')).toBe(true);
    expect(await page.locator('#map-date').textContent()).toBe('Partnerships active January 2019 – December 2019');
    expect(await page.locator('.running').textContent()).toContain('back as before');
    await page.waitForTimeout(600);
    expect(filtersOf(page.url())).toBe(before);
    const after = await countAndList(page);
    expect(after.matching).toBe(n);
    expect(after.count).toBe(agenciesLabel(after.matching));
  });

  it('without a range, Play runs the whole span and ends with every agency back (no hidden end date)', async () => {
    await openApp(page, 'type=city&q=Peoria');
    await record(page);
    await page.getByRole('button', { name: /Play/ }).click();
    await page.getByRole('button', { name: /Stop/ }).waitFor();
    await page.getByRole('button', { name: /Play/ }).waitFor({ timeout: 90_000 });
    const stamps = [...new Set((await seen(page)).map((f) => f.stamp).filter((s) => s.startsWith('Partnerships active in ')))];
    expect(stamps.length).toBe(MAX - MIN + 1);
    expect(stamps[0]).toBe(`Partnerships active in ${label(MIN)}`);
    expect(stamps.at(-1)).toBe(`Partnerships active in ${label(MAX)}`);
    await expectCount(page, agenciesLabel(1));
    expect(linkParam(page, 'from')).toBeNull();
    expect(linkParam(page, 'to')).toBeNull();
    expect(await page.locator('#map-date').isVisible()).toBe(false);
  });

  it('with reduced motion, Play does not animate and the range stays', async () => {
    const { page: calm, context } = await newPage(browser, { viewport: DESKTOP_1366, reducedMotion: 'reduce' });
    await openApp(calm, 'from=2019-01&to=2019-12');
    await calm.getByRole('button', { name: /Play/ }).click();
    expect(await calm.locator('.running').textContent()).toContain('reduced motion');
    await calm.waitForTimeout(1200);
    expect(await calm.locator('#map-date').textContent()).toBe('Partnerships active January 2019 – December 2019');
    expect(await controls(calm)).toEqual(Y2019_CONTROLS);
    await context.close();
  });
});

describe('the sliders and month fields', () => {
  it('step a month per arrow key, and the month field, link and count follow', async () => {
    await openApp(page, 'from=2019-01&to=2019-12');
    await page.focus('#timeline-from');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectCount(page, agenciesLabel(activeIn(Y2019.from + 2, Y2019.to)));
    expect(await page.inputValue('#timeline-from-month')).toBe('2019-03');
    await waitForLinkParam(page, 'from', '2019-03');
    await page.focus('#timeline-to');
    await page.keyboard.press('ArrowLeft');
    await expectCount(page, agenciesLabel(activeIn(Y2019.from + 2, Y2019.to - 1)));
    expect(await page.getAttribute('#timeline-to', 'aria-valuetext')).toBe('November 2019');
    // Moving one end past the other carries the other along, never swapping them.
    await page.keyboard.press('Home');
    expect(await controls(page)).toEqual({ fromField: ym(MIN), toField: ym(MIN), fromSlider: label(MIN), toSlider: label(MIN) });
    await page.getByRole('button', { name: 'All dates' }).click();
    await expectCount(page, agenciesLabel(FEATURES.length));
  });

  it('a month typed from the keyboard into the field applies', async () => {
    await openApp(page);
    await page.focus('#timeline-to-month');
    // Chromium's month field: the month, Tab to the year, the year, Tab out.
    await page.keyboard.type('06');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2019');
    await page.keyboard.press('Tab');
    await expectCount(page, agenciesLabel(activeIn(MIN, monthOf('2019-06')!)));
    await waitForLinkParam(page, 'to', '2019-06');
  });

  it('are large enough to use, and stay put under the pointer while dragged', async () => {
    await openApp(page, 'from=2019-01&to=2019-12');
    for (const id of ['#timeline-from', '#timeline-to']) {
      const box = (await page.locator(id).boundingBox())!;
      // At least 5 px a month, 24 px tall.
      expect(box.width / (MAX - MIN)).toBeGreaterThanOrEqual(5);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    for (const id of ['#timeline-from-month', '#timeline-to-month']) expect((await page.locator(id).boundingBox())!.height).toBeGreaterThanOrEqual(24);
    const slider = page.locator('#timeline-from');
    const box0 = (await slider.boundingBox())!;
    const perMonth = box0.width / (MAX - MIN);
    const xOf = (m: number) => box0.x + 8 + ((box0.width - 16) * (m - MIN)) / (MAX - MIN);
    await page.mouse.move(xOf(Y2019.from), box0.y + box0.height / 2);
    await page.mouse.down();
    const boxes = [];
    for (const m of [Y2019.from - 6, Y2019.from - 12, Y2019.from + 3, Y2019.from + 6]) {
      await page.mouse.move(xOf(m), box0.y + box0.height / 2, { steps: 4 });
      boxes.push((await slider.boundingBox())!);
    }
    await page.mouse.up();
    for (const b of boxes) {
      expect(Math.abs(b.x - box0.x)).toBeLessThan(1);
      expect(Math.abs(b.y - box0.y)).toBeLessThan(1);
      expect(Math.abs(b.width - box0.width)).toBeLessThan(1);
    }
    // The thumb ends on the month under the pointer (give or take one).
    const from = monthOf(await page.inputValue('#timeline-from-month'))!;
    expect(Math.abs(from - (Y2019.from + 6))).toBeLessThanOrEqual(1);
    expect(perMonth).toBeGreaterThan(5);
  });
});

describe('nothing covers the date stamp', () => {
  for (const [name, viewport] of [['desktop', DESKTOP_1366], ['phone', PHONE]] as const) {
    it(`the "Zoom to …" offer sits beside the stamp, not over it (${name})`, async () => {
      const { page: p, context } = await newPage(browser, { viewport });
      // A range and states far from the view: both the stamp and the offer show.
      await openApp(p, 'map=6/34.05/-118.24&state=NJ,NY,PA,CT,MA,RI&from=2019-01&to=2019-12');
      const stamp = p.locator('#map-date');
      const offer = p.locator('#zoom-to-selection');
      await offer.waitFor();
      expect(await stamp.isVisible()).toBe(true);
      const a = (await stamp.boundingBox())!, b = (await offer.boundingBox())!;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `stamp ${JSON.stringify(a)} offer ${JSON.stringify(b)}`).toBe(false);
      // The map's own zoom buttons do not cover either.
      const ctrl = (await p.locator('.maplibregl-ctrl-top-right').boundingBox())!;
      for (const x of [a, b]) expect(x.x + x.width <= ctrl.x || x.y >= ctrl.y + ctrl.height).toBe(true);
      // Both in sight without scrolling, and clear of the legend (folded on phones, open on wide screens).
      for (const x of [a, b]) expect(x.y + x.height).toBeLessThanOrEqual(viewport.height);
      const legend = (await p.locator('#legend').boundingBox())!;
      for (const x of [a, b]) expect(x.x < legend.x + legend.width && legend.x < x.x + x.width && x.y < legend.y + legend.height && legend.y < x.y + x.height).toBe(false);
      // The stamp is on top where it is: the element at its centre is the stamp itself.
      const top = await p.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('#map-date') !== null, { x: a.x + a.width / 2, y: a.y + a.height / 2 });
      expect(top).toBe(true);
      await screenshot(p, `timeline-stamp-offer-${name}`);
      await context.close();
    });
  }
});

describe('on a phone', () => {
  it('the range and Play work, with the controls in reach', async () => {
    const { page: p, context } = await newPage(browser, { viewport: PHONE });
    await openApp(p, 'from=2019-01&to=2019-12');
    await p.locator('#timeline').scrollIntoViewIfNeeded();
    for (const id of ['#timeline-from', '#timeline-to', '#timeline-from-month', '#timeline-to-month']) {
      const box = (await p.locator(id).boundingBox())!;
      expect(box.width).toBeGreaterThan(id.endsWith('month') ? 100 : 250);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await screenshot(p, 'timeline-range-phone');
    await p.locator('#timeline').getByRole('button', { name: /Play/ }).click();
    await p.waitForFunction(() => /in (March|April|May) 2019/.test(document.querySelector('#map-date')?.textContent ?? ''), null, { polling: 100 });
    await screenshot(p, 'timeline-playing-phone');
    await p.locator('#timeline').getByRole('button', { name: /Stop/ }).click();
    expect(await controls(p)).toEqual(Y2019_CONTROLS);
    await context.close();
  });
});

describe('with text at 200%', () => {
  for (const [name, viewport] of [['desktop', DESKTOP_1366], ['phone', PHONE]] as const) {
    it(`the sliders and month fields keep a usable width and still set the range (${name})`, async () => {
      const { page: p, context } = await newPage(browser, { viewport });
      await openApp(p, 'from=2019-01&to=2019-12');
      // Text-only zoom: the page's text size doubled, the viewport unchanged.
      const base = await p.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      await p.addStyleTag({ content: `:root { font-size: ${2 * base}px !important; }` });
      await waitForIdle(p);
      await p.locator('#timeline').scrollIntoViewIfNeeded();
      const right = await p.locator('#timeline').evaluate((el) => el.getBoundingClientRect().right);
      for (const id of ['#timeline-from', '#timeline-to', '#timeline-from-month', '#timeline-to-month']) {
        const box = (await p.locator(id).boundingBox())!;
        expect(box.width, id).toBeGreaterThan(id.endsWith('month') ? 120 : 150);
        expect(box.height, id).toBeGreaterThanOrEqual(24);
        expect(box.x + box.width, id).toBeLessThanOrEqual(right + 1);
      }
      // What the range selects stays readable: a line, not a column one letter wide.
      expect((await p.locator('.running').boundingBox())!.width).toBeGreaterThan(200);
      await p.locator('#timeline-from').scrollIntoViewIfNeeded();
      await screenshot(p, `timeline-text-200-${name}`);
      await p.focus('#timeline-from');
      await p.keyboard.press('ArrowRight');
      await expectCount(p, agenciesLabel(activeIn(Y2019.from + 1, Y2019.to)));
      await context.close();
    });
  }
});

describe('in Spanish', () => {
  it('the title and what the range selects are in Spanish', async () => {
    const { page: p, context } = await newPage(browser, { viewport: DESKTOP_1366 });
    await openApp(p, 'from=2019-01&to=2019-12&lang=es');
    expect(await p.locator('#timeline h2').textContent()).toBe('Acuerdos vigentes a lo largo del tiempo');
    const n = activeIn(Y2019.from, Y2019.to);
    expect(await p.locator('.running').textContent()).toBe(`Acuerdos vigentes entre enero de 2019 y diciembre de 2019: ${n.toLocaleString('en-US')} agencias.`);
    expect(await p.locator('.timeline-scope').textContent()).toContain('sin fecha de inicio documentada quedan fuera');
    await p.getByRole('button', { name: /Reproducir/ }).click();
    await p.getByRole('button', { name: /Detener/ }).click();
    expect(await p.inputValue('#timeline-from-month')).toBe('2019-01');
    await screenshot(p, 'timeline-range-es');
    await context.close();
  });
});
