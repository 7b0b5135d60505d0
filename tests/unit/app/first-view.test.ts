/** The static first view drawn at build time: every agency, the live map's clusters and colours, safe markup. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { agency, rowsOf } from './fixtures';
import { buildIndex } from '../../../src/data/agency-index';
import { FLAG_RECORDS } from '../../../src/data/agency-index';
import { clusterView } from '../../../src/map/grid-cluster';
import { startColorScale } from '../../../src/scales/palette';
import { FIRST_VIEW_ZOOM, escapeXml, renderFirstView } from '../../../src/first-view/render';
import { clusterRadius } from '../../../src/map/cluster-style';
import { FRAME_PADDING } from '../../../src/map/initial-view';
import { injectFirstView } from '../../../pipeline/first-view';
import { HtmlValidate } from 'html-validate';
import type { ConfigData } from 'html-validate';

const square = (lon: number, lat: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + 5, lat], [lon + 5, lat + 5], [lon, lat + 5], [lon, lat]]] } }],
});
const BASEMAP = {
  states: square(-100, 35),
  context: square(-110, 50),
  places: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'state', code: 'KS' }, geometry: { type: 'Point', coordinates: [-98, 38] } }] } as FeatureCollection,
};

function fixture() {
  const features = [
    agency('a', { lon: -97.0, lat: 38.0 }),
    agency('b', { lon: -97.01, lat: 38.01, start_date: null, start_precision: null }),
    agency('c', { lon: -97.02, lat: 38.02, mou_url: 'https://example.org/mou' }),
    agency('far', { lon: -80, lat: 30, name: 'Far <b>&</b> "Away" Police' }),
    agency('alaska', { lon: -149.9, lat: 61.2, state: 'AK' }),
  ];
  return buildIndex(rowsOf(features));
}

describe('first view', () => {
  it('draws every agency: the live clustering at the first-view zoom, with its radii and colours', () => {
    const index = fixture();
    const fv = renderFirstView(index, BASEMAP);
    const all = new Uint8Array(index.size).fill(1);
    const { clusters, singles } = clusterView(index, all, FIRST_VIEW_ZOOM, null, { flagMask: FLAG_RECORDS });
    expect(clusters.reduce((a, c) => a + c.count, 0) + singles.length).toBe(index.size);
    const counts = [...fv.svg.matchAll(/<g class="fv-counts"[^>]*>(.*?)<\/g>/g)][0][1];
    expect([...counts.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]))).toEqual(clusters.map((c) => c.count));
    expect(fv.svg).toContain(`r="${Math.round(clusterRadius(3) * 10) / 10}"`);
    const points = [...fv.svg.matchAll(/<g class="fv-points"[^>]*>(.*?)<\/g>/g)][0][1];
    expect((points.match(/<circle/g) ?? []).length).toBe(singles.length);
    const color = startColorScale([index.minStart, index.maxStart]);
    for (const i of singles) expect(points).toContain(`fill="${color(index.start[i] < 0 ? null : index.start[i])}"`);
    expect(fv.count).toBe('5 agencies');
    expect(fv.totals).toContain('<dt>Agencies shown</dt><dd>5');
  });

  it('frames the contiguous US when agencies lie outside it, as the live map does', () => {
    const fv = renderFirstView(fixture(), BASEMAP);
    const [, , w, h] = (fv.svg.match(/viewBox="([^"]+)"/)![1]).split(' ').map(Number);
    // The lower 48 at the first-view zoom: much wider than tall, not stretched to Alaska.
    expect(w / h).toBeGreaterThan(1.4);
    expect(w / h).toBeLessThan(1.9);
  });

  it('uses no style attribute, script or event handler (strict CSP), and escapes text', () => {
    const fv = renderFirstView(fixture(), BASEMAP);
    for (const part of [fv.svg, fv.totals, fv.legend]) {
      expect(part).not.toMatch(/\sstyle=|<script|\son[a-z]+=/i);
    }
    const index = buildIndex(rowsOf([agency('x', { state: 'KS' })]));
    const hostile = renderFirstView(index, { ...BASEMAP, places: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'state', code: '<img src=x onerror=alert(1)>' }, geometry: { type: 'Point', coordinates: [-98, 38] } }] } });
    expect(hostile.svg).not.toContain('<img');
    expect(hostile.svg).toContain('&lt;img');
  });

  it('goes into the page once, and can be redrawn from other data', () => {
    const page = readFileSync('index.html', 'utf8');
    const fv = renderFirstView(fixture(), BASEMAP);
    const once = injectFirstView(page, fv);
    expect(once).toContain('<p id="count" class="count" role="status" aria-live="polite">5 agencies</p>');
    expect(once).toContain('href="state/"');
    expect(once).toContain('noscript.css');
    const other = renderFirstView(buildIndex(rowsOf([agency('solo')])), BASEMAP);
    const twice = injectFirstView(once, other);
    expect(twice).toContain('>1 agency</p>');
    expect(twice.match(/<svg class="first-view-map"/g)).toHaveLength(1);
    expect(twice.match(/noscript\.css/g)).toHaveLength(1);
    expect(() => injectFirstView('<html><body></body></html>', fv)).toThrow(/not found/);
  });

  it('carries any dollar figure into the page as written, and the page stays valid HTML', async () => {
    // Every replacement pattern String.replace knows ($1…$9, $&, $`, $', $$, $<n>) after a dollar sign.
    const patterns = [...'0123456789', '&', '`', "'", '$', '<n>'].map((p) => `$${p}`);
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData);
    const page = readFileSync('index.html', 'utf8');
    for (const p of patterns) {
      const fv = { ...renderFirstView(fixture(), BASEMAP), count: `${p}95 agencies` };
      fv.totals = fv.totals.replace('<dd>5', () => `<dd>${escapeXml(p)}95,100`);
      const out = injectFirstView(page, fv);
      expect(out, p).toContain(`<dd>${escapeXml(p)}95,100`);
      expect(out, p).toContain(`>${escapeXml(p)}95 agencies</p>`);
      expect(out.match(/id="totals"/g), p).toHaveLength(1);
      const report = await validator.validateString(out, 'index.html');
      expect(report.valid, `${p}: ${JSON.stringify(report.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.message}`)))}`).toBe(true);
    }
  });

  it('the real perks total reaches the page whole (not read as a back-reference)', () => {
    const index = buildIndex(rowsOf([agency('rich', { perk_value_usd: 195100 }), agency('other', { lon: -90, lat: 35 })]));
    const out = injectFirstView(readFileSync('index.html', 'utf8'), renderFirstView(index, BASEMAP));
    const totals = /<dl id="totals"[^>]*>([\s\S]*?)<\/dl>/.exec(out)![1];
    expect(totals).toContain('$195,100');
    expect(totals).not.toContain('<dl');
  });

  it('a validator catches the nested list the back-reference made', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData);
    const page = readFileSync('index.html', 'utf8');
    const broken = page.replace('<dl id="totals" class="totals"></dl>', () => '<dl id="totals" class="totals"><dt>Perks</dt><dd>at least <dl id="totals" class="totals">95,100</dd></dl>');
    expect(broken).not.toBe(page);
    expect((await validator.validateString(broken, 'index.html')).valid).toBe(false);
  });

  it('its box is padded by the live map\'s frame padding, so it fits the bounds as fitBounds does', () => {
    const css = readFileSync('src/first-view/first-view.css', 'utf8');
    const m = /\.first-view \{ padding: (\d+)px (\d+)px (\d+)px (\d+)px;/.exec(css)!;
    expect(m).not.toBeNull();
    expect(m.slice(1).map(Number)).toEqual([FRAME_PADDING.top, FRAME_PADDING.right, FRAME_PADDING.bottom, FRAME_PADDING.left]);
    // The viewBox is the framed bounds, unpadded; the drawing reaches beyond it.
    const fv = renderFirstView(fixture(), BASEMAP);
    expect(fv.svg).toContain('overflow="visible"');
  });
});
