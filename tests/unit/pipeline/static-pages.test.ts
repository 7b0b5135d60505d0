import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { AgencyCollection, AgencyFeature, Program, Source } from '../../../src/core/contract';
import { renderAgencyPage, sourceItem } from '../../../pipeline/pages/agency-page';
import { esc, externalLink } from '../../../pipeline/pages/html';
import { agencyPerks, programPerks } from '../../../pipeline/pages/perks';
import { siteUrlFrom, toRoot } from '../../../pipeline/pages/site';
import { renderSitemap } from '../../../pipeline/pages/sitemap';
import { descendants, parseXml } from '../../../pipeline/kml/xml';
import { renderStatePage } from '../../../pipeline/pages/state-page';
import { countsByYear } from '../../../pipeline/pages/year-chart';

const HOSTILE = JSON.parse(readFileSync('tests/fixtures/hostile/hostile.geojson', 'utf8')) as AgencyCollection;
const DATA = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
const byId = (id: string) => DATA.features.find((f) => f.properties.id === id)!;

function program(over: Partial<Program> = {}): Program {
  return {
    kind: 'device_donation', start_date: '2019-05', end_date: null, devices_given: null, perk_value_usd: null, subsidy_usd: null,
    at_least: false, perk_status: null, figures_derived: false, perk_note: null, status: 'active', status_note: null, summary: 'A summary.', sources: [{ url: 'https://example.org/a', publisher: 'Example News', title: null, date: '2019-06-02' }], ...over,
  };
}

function agency(over: Partial<AgencyFeature['properties']> = {}, programs = [program()]): AgencyFeature {
  const sources = programs.flatMap((g) => g.sources);
  return {
    type: 'Feature', id: 'x-police-department-wi', geometry: { type: 'Point', coordinates: [-89.4, 43.07] },
    properties: {
      id: 'x-police-department-wi', name: 'X Police Department', agency_type: 'police', city: 'Madison', county: 'Dane County', state: 'WI',
      geocode_precision: 'city', start_date: '2019-05', start_precision: 'month', end_date: null, status: 'active', programs,
      devices_given: null, perk_value_usd: null, subsidy_usd: null, mou_url: null, records_urls: [], sources, ...over,
    },
  };
}

const page = (f: AgencyFeature, siteUrl: string | null = null) => renderAgencyPage({ feature: f, neighbours: [], siteUrl, dataAsOf: '2026-11-25' });
/** Visible text of a page, tags stripped and entities decoded enough to compare words. */
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);

describe('escaping', () => {
  it('escapes markup and quotes for text and attributes', () => {
    expect(esc(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
  });

  it('links only absolute http(s) URLs; anything else is plain text', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x', 'vbscript:x', '', null]) {
      const html = externalLink(bad, 'label');
      expect(html).not.toContain('href');
      expect(html).toContain('label');
    }
    const ok = externalLink('https://example.org/a?q="><img src=x>', 'A <b>');
    expect(ok).toMatch(/^<a href="https:\/\/example\.org\/a\?q=%22%3E%3Cimg%20src=x%3E" rel="noopener noreferrer external">A &lt;b&gt;<\/a>$/);
  });

  it('renders every hostile name, place, summary, publisher and link as text, with no markup from the data', () => {
    for (const f of HOSTILE.features) {
      const html = page(f);
      for (const tag of ['<script', '<img', '<iframe', '<svg onload', '<b ']) expect(html.toLowerCase()).not.toContain(tag);
      // No event-handler attribute inside any tag (as escaped text, "onerror=" is harmless).
      // (quoted attribute values removed first: escaped data in them cannot close the quote)
      expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+=/i);
      expect(text(html)).toContain(f.properties.name);
      // Within the site, http(s) sources, and the records letter's mail link (no address: the visitor adds it).
      for (const h of hrefs(html)) expect(h.startsWith('http://') || h.startsWith('https://') || /^(\.\.\/)+/.test(h) || h === '#content' || h === 'data:,' || h.startsWith('mailto:?subject=')).toBe(true);
    }
    const f = HOSTILE.features[0];
    const bad = agency({ name: 'Bad <img src=x onerror="window.__pwned=1">', mou_url: 'javascript:alert(1)', records_urls: ['data:text/html,x'] }, [
      program({ summary: '<iframe src="javascript:alert(1)"></iframe>', sources: [{ url: 'javascript:alert(1)', publisher: '<b onclick="x">P</b>', title: '<script>x</script>', date: null }] }),
    ]);
    const html = page(bad);
    expect(hrefs(html).filter((h) => /^(javascript|data:text|vbscript)/i.test(h))).toEqual([]);
    // Untyped (no mou_kind): called a link, neither a document nor an article.
    expect(text(html)).toContain('MOU or agreement (link)');
    expect(html).not.toContain('<iframe');
    expect(text(html)).toContain('<iframe src="javascript:alert(1)"></iframe>');
    expect(f.properties.name).toContain('<script>');
  });

  it('escapes hostile strings inside the head too (title, description, card tags)', () => {
    const html = page(agency({ name: `"><script>alert(1)</script>` }), 'https://example.org/map/');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('<script');
    expect(head).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe('perks', () => {
  it('says "not documented" for every unknown figure, never 0', () => {
    const html = page(agency());
    const t = text(html);
    expect(t).toMatch(/Devices given not documented/);
    expect(t).toMatch(/Value of perks not documented/);
    expect(t).toMatch(/City subsidy not documented/);
    expect(t).not.toMatch(/\$0\b/);
    expect(agencyPerks(agency().properties).every((r) => !r.documented && r.value === 'not documented')).toBe(true);
  });

  it('shows documented floors as "at least", and totals as floors when any program figure is one', () => {
    const lapd = byId('los-angeles-police-department-ca');
    expect(text(page(lapd))).toContain('Value of perks at least $12,000');
    const rows = programPerks(program({ devices_given: 170, at_least: true }));
    expect(rows.find((r) => r.key === 'devices_given')?.value).toBe('at least 170');
    expect(rows.find((r) => r.key === 'subsidy_usd')?.value).toBe('not documented');
  });

  it('a portal listing without figures shows no figures; a zero is a documented zero', () => {
    expect(programPerks(program({ kind: 'neighbors_portal' }))).toEqual([]);
    expect(programPerks(program({ subsidy_usd: 0 })).find((r) => r.key === 'subsidy_usd')?.value).toBe('$0');
  });
});

describe('sources', () => {
  const src = (s: Partial<Source>): Source => ({ url: null, publisher: 'The Guardian', title: null, date: null, ...s });

  it('lists outlet, title and date, linked only when the URL is http(s)', () => {
    expect(sourceItem(src({ url: 'https://example.org/x', title: 'A title', date: '2019-08-30' }))).toBe(
      '<li><a href="https://example.org/x" rel="noopener noreferrer external">The Guardian: A title</a> <span class="muted">(30 August 2019)</span></li>',
    );
    const noUrl = sourceItem(src({ title: 'A report without a link', date: '2019-08' }));
    expect(noUrl).not.toContain('href');
    expect(text(noUrl)).toBe('The Guardian: A report without a link (August 2019) (no link available)');
  });

  it('an agency page lists every source of the agency, once in "All sources" and per arrangement', () => {
    for (const id of ['los-angeles-police-department-ca', 'lakeland-police-department-fl']) {
      const f = byId(id);
      const html = page(f);
      const all = html.slice(html.indexOf('id="sources-heading"'));
      expect(all).toContain(`All sources (${f.properties.sources.length})`);
      for (const s of f.properties.sources) expect(all).toContain(esc(new URL(s.url!).href));
      for (const g of f.properties.programs) expect(text(html)).toContain(g.summary);
    }
  });

  it('a start date says what it is when it is not a start: an announcement, or a report showing it active by then', () => {
    // Every published date kind, through the page the build writes.
    const kinds = new Set(DATA.features.flatMap((f) => f.properties.programs.map((g) => g.start_kind ?? null)));
    expect([...kinds].sort()).toEqual(['active_by', 'announced', 'began', null].sort());
    const corvallis = text(page(byId('corvallis-police-department-or')));
    expect(corvallis).toContain('Neighbors law-enforcement portal: announced in 2020 (year only), an announcement rather than a start');
    expect(corvallis).toContain('2020 (year only): announced then, not a start');
    const salisbury = text(page(byId('salisbury-police-department-ma')));
    expect(salisbury).toContain('reported active by September 2022 (month only), so it may have begun earlier');
    const greenfield = text(page(byId('greenfield-police-department-wi')));
    expect(greenfield).toMatch(/active from 22 March 2018|began on 22 March 2018/);
    expect(greenfield).not.toMatch(/announced then|reported active by/);
  });

  it('a source read only as a copy says so', () => {
    expect(text(sourceItem(src({ url: 'https://web.archive.org/web/2020/https://example.org/', date: '2019-05-31', copy: 'archived' })))).toBe('The Guardian (31 May 2019) — archived copy');
    expect(text(sourceItem(src({ url: 'https://example.org/x', copy: 'syndicated' })))).toBe('The Guardian — copy republished by another outlet');
    const arcadia = byId('city-of-arcadia-ca');
    expect(arcadia.properties.sources.some((s) => s.copy === 'archived')).toBe(true);
    expect(text(page(arcadia))).toContain('— archived copy');
  });

  it('dates carry their precision', () => {
    const t = text(page(agency({ start_date: '2019-05', start_precision: 'month' }, [program({ start_date: '2019', end_date: '2020-01-02' })])));
    expect(t).toContain('Device donation: began in 2019 (year only); ended on 2 January 2020.');
    expect(t).not.toContain('no end documented');
    expect(t).toContain('2019 (year only) – 2 January 2020');
  });
});

describe('head and links', () => {
  it('absolute canonical, og:url and og:image only when SITE_URL is set', () => {
    const f = byId('lakeland-police-department-fl');
    const withUrl = page(f, 'https://example.org/ring-map/');
    expect(withUrl).toContain('<link rel="canonical" href="https://example.org/ring-map/agency/lakeland-police-department-fl/">');
    expect(withUrl).toContain('<meta property="og:url" content="https://example.org/ring-map/agency/lakeland-police-department-fl/">');
    expect(withUrl).toContain('<meta property="og:image" content="https://example.org/ring-map/state/fl/preview.png">');
    expect(withUrl).toContain('<meta name="twitter:card" content="summary_large_image">');
    const without = page(f);
    expect(without).not.toContain('rel="canonical"');
    expect(without).not.toContain('og:url');
    expect(without).not.toContain('og:image');
    expect(without).toContain('<meta property="og:title" content="Lakeland Police Department (Florida): partnership with Amazon Ring">');
    expect(without).toContain('<meta name="twitter:card" content="summary">');
    // Links into the site are relative, so the pages work under any base path.
    expect(without).toContain('href="../../#agency=lakeland-police-department-fl"');
    expect(without).toContain('href="../../pages/pages.css"');
  });

  it('SITE_URL must be an http(s) URL and gains a trailing slash', () => {
    expect(siteUrlFrom('https://example.org/map')).toBe('https://example.org/map/');
    expect(siteUrlFrom(' ')).toBeNull();
    expect(siteUrlFrom(undefined)).toBeNull();
    expect(() => siteUrlFrom('javascript:alert(1)')).toThrow(/SITE_URL/);
    expect(toRoot('agency/x/')).toBe('../../');
    expect(toRoot('state/')).toBe('../');
  });

  it('the sitemap lists every path as an absolute URL, and is well-formed XML of the sitemap protocol', () => {
    const paths = ['', 'state/', 'agency/a&b/', 'state/ca/', 'agency/x<y>/'];
    for (const base of ['https://example.org/m/', 'https://example.org/', 'http://localhost:8080/ring/']) {
      const xml = renderSitemap(paths, base, '2026-11-25');
      const root = parseXml(xml);
      expect(root.name).toBe('urlset');
      expect(root.attrs.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const locs = descendants(root, 'loc').map((l) => l.text);
      expect(locs).toHaveLength(paths.length);
      // Each absolute, http(s), under the base, and never empty.
      for (const l of locs) {
        expect(new URL(l).href).toBe(l);
        expect(l.startsWith(base)).toBe(true);
      }
      expect(locs[0]).toBe(base);
      expect(descendants(root, 'lastmod').map((l) => l.text)).toEqual(paths.map(() => '2026-11-25'));
    }
    expect(renderSitemap(['agency/a&b/'], 'https://example.org/m/', null)).toContain('<loc>https://example.org/m/agency/a&amp;b/</loc>');
  });
});

describe('state page', () => {
  it('counts partnerships per year with gaps as zero and says how many are undated', () => {
    expect(countsByYear([2019, null, 2021, 2019])).toEqual([{ year: 2019, count: 2 }, { year: 2020, count: 0 }, { year: 2021, count: 1 }]);
    const fl = DATA.features.filter((f) => f.properties.state === 'FL');
    const html = renderStatePage({ code: 'FL', features: fl, siteUrl: null, dataAsOf: null });
    for (const f of fl) expect(html).toContain(`href="../../agency/${f.properties.id}/"`);
    const n2019 = fl.filter((f) => f.properties.start_date?.startsWith('2019')).length;
    expect(html).toMatch(new RegExp(`aria-label="Partnerships begun per year in Florida: [^"]*2019: ${n2019}\\b`));
    expect(text(html)).toContain(`${fl.length} agencies in Florida`);
    expect(text(html)).toContain('stops in September 2020');
  });
});

describe('the build step', () => {
  it('without SITE_URL writes no sitemap (nor leaves an old one) and says what to set', () => {
    const out = mkdtempSync(join(tmpdir(), 'pages-'));
    const data = join(out, 'data.geojson');
    writeFileSync(data, JSON.stringify(HOSTILE));
    mkdirSync(join(out, 'site'));
    writeFileSync(join(out, 'site/sitemap.xml'), '<urlset><url><loc></loc></url></urlset>');
    const env: NodeJS.ProcessEnv = { ...process.env, RING_DATA_FILE: data, PAGES_OUT_DIR: join(out, 'site') };
    delete env.SITE_URL;
    const stdout = execFileSync('npx', ['tsx', 'pipeline/static-pages.ts'], { env, stdio: 'pipe' }).toString();
    expect(existsSync(join(out, 'site/sitemap.xml'))).toBe(false);
    expect(stdout).toContain('SITE_URL unset: no sitemap.xml');
    expect(stdout).toMatch(/SITE_URL=https:\/\/\S+ npm run build/);
    // The pages are there all the same, without absolute URLs.
    const html = readFileSync(join(out, 'site/state/index.html'), 'utf8');
    expect(html).not.toContain('og:url');
  });

  it('writes agency, state and index pages, a sitemap and decodable preview images for a dataset', () => {
    const out = mkdtempSync(join(tmpdir(), 'pages-'));
    const data = join(out, 'data.geojson');
    writeFileSync(data, JSON.stringify(HOSTILE));
    execFileSync('npx', ['tsx', 'pipeline/static-pages.ts'], { env: { ...process.env, RING_DATA_FILE: data, PAGES_OUT_DIR: join(out, 'site'), SITE_URL: 'https://example.org/' }, stdio: 'pipe' });
    for (const f of HOSTILE.features) expect(existsSync(join(out, 'site/agency', f.properties.id, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'site/state/index.html'))).toBe(true);
    expect(existsSync(join(out, 'site/state/preview.png'))).toBe(true);
    expect(existsSync(join(out, 'site/pages/pages.css'))).toBe(true);
    const sitemap = readFileSync(join(out, 'site/sitemap.xml'), 'utf8');
    for (const f of HOSTILE.features) expect(sitemap).toContain(`<loc>https://example.org/agency/${f.properties.id}/</loc>`);
    const locs = descendants(parseXml(sitemap), 'loc').map((l) => l.text);
    expect(locs.every((l) => /^https:\/\/example\.org\//.test(l))).toBe(true);
    const states = new Set(HOSTILE.features.map((f) => f.properties.state.toLowerCase()));
    for (const st of states) {
      const png = PNG.sync.read(readFileSync(join(out, `site/state/${st}/preview.png`)));
      expect([png.width, png.height]).toEqual([1200, 630]);
    }
  });
});
