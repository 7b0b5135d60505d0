/**
 * The printed handout over the whole space, in Node, through the same code
 * the handout page runs: every agency's handout in English and Spanish, and
 * the handouts of the 300 largest places and of every county holding a
 * partnered agency, each built, fitted to the one-page line budget and read
 * for leaks ("undefined", "NaN"); every QR code decoded back to its link;
 * hostile handout links.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import jsQR from 'jsqr';
import { buildGazetteer } from '../../../pipeline/gazetteer';
import { decodeGazetteer } from '../../../src/search/gazetteer';
import { buildCounties } from '../../../src/search/counties';
import { answerArea, answerContext, type AnswerContext } from '../../../src/search/area-answer';
import { decodePoints, encodeMapData } from '../../../src/data/map-data';
import { buildIndex } from '../../../src/data/agency-index';
import type { AgencyCollection, AgencyFeature } from '../../../src/core/contract';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { CATALOGUES, setLocale } from '../../../src/i18n/messages';
import { LOCALES, type Locale } from '../../../src/i18n/locale';
import { partnershipStory } from '../../../src/story/partnership-story';
import { parseUrlState } from '../../../src/state/url-state';
import { formatPartialDate } from '../../../src/time/months';
import { agencyHandout, fitToPage, LINES_PER_PAGE, placeHandout, printedLines, type Handout } from '../../../src/handout/handout-model';
import { handoutHref, liveLink, parseHandoutLink, type Subject } from '../../../src/handout/handout-link';
import { QUIET, qrShape } from '../../../src/handout/qr';

const require = createRequire(import.meta.url);
const SITE = 'https://example.org/ring-map/handout.html';
const RADIUS = 10;

let data: AgencyCollection;
let ctx: AnswerContext;
let all: Uint8Array;
let placeQueries: string[];
let countyQueries: string[];

beforeAll(() => {
  setLocale('en');
  data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  const gazetteer = decodeGazetteer(JSON.parse(JSON.stringify(buildGazetteer())));
  const topo = require('us-atlas/counties-10m.json') as Topology;
  const counties = buildCounties(feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection);
  const rows = decodePoints(JSON.parse(JSON.stringify(encodeMapData(data).points))).rows;
  ctx = answerContext({ gazetteer, counties }, buildIndex(rows));
  all = new Uint8Array(rows.length).fill(1);
  placeQueries = [...gazetteer.places].sort((a, b) => b.population - a.population).slice(0, 300).map((p) => `${p.name}, ${p.state}`);
  const fips = new Set(data.features.map((f) => f.properties.county_fips).filter((x): x is string => !!x));
  countyQueries = counties.filter((c) => fips.has(c.fips)).map((c) => `${c.name}, ${c.state}`);
}, 60_000);

/** Every word the sheet prints. */
function printed(h: Handout): string[] {
  return [h.kicker, h.title, h.subtitle, h.lead, h.coverage, h.questionsTitle, ...h.questions, h.asOf, h.credit, h.qrCaption, h.link,
    ...h.sections.flatMap((s) => [s.heading ?? '', ...s.items.flatMap((i) => [i.text, i.url ?? '']), s.more ? s.moreText(s.more) : ''])];
}

/** What is wrong with a fitted handout: leaks of absent values, an empty title, more than a page. */
function problems(h: Handout, what: string): string[] {
  const out: string[] = [];
  for (const t of printed(h)) if (/\bundefined\b|\bNaN\b|\bnull\b|\[object /.test(t)) out.push(`${what}: prints "${t}"`);
  if (!h.title.trim()) out.push(`${what}: no title`);
  if (printedLines(h) > LINES_PER_PAGE) out.push(`${what}: ${printedLines(h)} lines > ${LINES_PER_PAGE}`);
  if (h.questions.length < 4 || h.questions.length > 6) out.push(`${what}: ${h.questions.length} questions`);
  return out;
}

const agencyLink = (f: AgencyFeature, l: Locale) => liveLink(SITE, { agency: f.properties.id }, l);

describe('every agency’s handout, in English and Spanish', () => {
  it('builds, fits one page, tells the card’s story and keeps or counts every source', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let built = 0, trimmed = 0, maxLines = 0;
    for (const l of LOCALES) {
      const m = CATALOGUES[l];
      for (const f of data.features) {
        const p = f.properties;
        const full = agencyHandout(f, { locale: l, dataAsOf: data.metadata?.data_as_of ?? null, link: agencyLink(f, l) });
        const h = fitToPage(full);
        built++;
        maxLines = Math.max(maxLines, printedLines(h));
        failures.push(...problems(h, `${p.id} (${l})`));
        const story = partnershipStory(p, l);
        if (h.title !== p.name) failures.push(`${p.id} (${l}): title ${h.title}`);
        if (h.lead !== story.lead) failures.push(`${p.id} (${l}): lead differs from the card's story`);
        const storyLines = h.sections.find((s) => s.id === 'story')!.items.map((i) => i.text);
        if (storyLines.join('|') !== story.programs.map((g) => g.text).join('|')) failures.push(`${p.id} (${l}): story lines differ from the card's`);
        // The start date as the story words it, at its precision: never left out.
        const start = formatPartialDate(p.start_date, l);
        if (start && !printed(h).some((t) => t.includes(start))) failures.push(`${p.id} (${l}): start ${start} not printed`);
        const sources = h.sections.find((s) => s.id === 'sources')!;
        if (sources.items.length + sources.more !== p.sources.length) failures.push(`${p.id} (${l}): ${sources.items.length} + ${sources.more} sources of ${p.sources.length}`);
        if (sources.more) trimmed++;
        for (const s of p.sources.slice(0, sources.items.length)) if (s.url && !sources.items.some((i) => i.url === s.url)) failures.push(`${p.id} (${l}): source ${s.url} not printed`);
        // Unknown figures read "not documented", never zero.
        const perks = h.sections.find((s) => s.id === 'perks')!.items.map((i) => i.text);
        if (p.perk_value_usd === null && !perks.some((t) => t === `${m.cardPerkValue}: ${m.notDocumented}`)) failures.push(`${p.id} (${l}): unknown perk value not said so`);
        if (p.mou_url && !h.sections.find((s) => s.id === 'records')!.items.some((i) => i.url === p.mou_url)) failures.push(`${p.id} (${l}): MOU not printed`);
        if (h.coverage !== m.absenceNote) failures.push(`${p.id} (${l}): no coverage note`);
      }
    }
    console.log(`handout sweep: ${built} agency handouts (${data.features.length} agencies × ${LOCALES.length} languages), longest ${maxLines.toFixed(1)} of ${LINES_PER_PAGE} lines, ${trimmed} with sources left to the live card`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(built).toBe(data.features.length * 2);
  });
});

describe('place handouts: the 300 largest places and every county holding a partner', () => {
  it('build from Find my area’s own answer, fit one page and carry the coverage note', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let built = 0, maxLines = 0;
    for (const l of LOCALES) {
      setLocale(l);
      const m = CATALOGUES[l];
      for (const q of [...placeQueries, ...countyQueries]) {
        const a = answerArea(q, ctx, all, RADIUS, DEFAULT_FILTERS);
        if (!a.ok) { failures.push(`${q}: ${a.message}`); continue; }
        const v = a.view;
        const h = fitToPage(placeHandout(v, { locale: l, dataAsOf: '2026-11-25', link: liveLink(SITE, { area: q, radius: RADIUS }, l) }));
        built++;
        maxLines = Math.max(maxLines, printedLines(h));
        failures.push(...problems(h, `${q} (${l})`));
        if (h.coverage !== m.coverage && h.coverage !== m.absenceNote) failures.push(`${q} (${l}): no coverage note`);
        // Every agency the answer names is printed or counted toward "more on the live map".
        const named = v.inside.length + v.covering.length + v.spanning.length + v.withinCount;
        const kept = h.sections.filter((s) => ['inside', 'covering', 'spanning', 'within'].includes(s.id)).reduce((n, s) => n + s.items.length + s.more, 0);
        if (kept !== named) failures.push(`${q} (${l}): ${kept} agencies printed or counted of ${named}`);
        for (const r of [...v.covering, ...v.spanning]) if (!printed(h).some((t) => t.startsWith(`${r.name} — `))) failures.push(`${q} (${l}): ${r.name} covers it but is not printed`);
      }
    }
    setLocale('en');
    console.log(`handout sweep: ${built} place handouts (${placeQueries.length} places + ${countyQueries.length} counties × 2 languages), longest ${maxLines.toFixed(1)} of ${LINES_PER_PAGE} lines`);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

/** The symbol drawn as the page draws it (dark modules on white, quiet zone), `scale` pixels a module, read by jsQR. */
function decode(text: string, scale = 4): string | null {
  const q = qrShape(text);
  const side = q.box * scale;
  const px = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const m of q.d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [x0, y0, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let y = y0 * scale; y < (y0 + 1) * scale; y++)
      for (let x = x0 * scale; x < (x0 + run) * scale; x++) px.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
  }
  return jsQR(px, side, side)?.data ?? null;
}

describe('the QR code', () => {
  it('decodes back to the live link of every agency, and of the longest place a link can carry', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    const links = [...data.features.map((f) => agencyLink(f, 'es')), liveLink(SITE, { area: `${'Ñandú '.repeat(40)}`.trim().slice(0, 200), radius: 50 }, 'es')];
    for (const link of links) {
      const got = decode(link);
      if (got !== link) failures.push(`${link}: decoded ${got}`);
    }
    console.log(`QR sweep: ${links.length} links decoded`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(qrShape(links[0]).box).toBe(qrShape(links[0]).size + 2 * QUIET);
  });
});

describe('handout links', () => {
  const subjects: Subject[] = [{ agency: 'los-angeles-police-department-ca' }, { area: 'Houston, TX', radius: 25 }, { area: 'Condado de Miami-Dade', radius: 10 }];
  it('read back the subject, language and paper they were written with; the live link opens the same card or answer', () => {
    for (const s of subjects) for (const l of LOCALES) for (const paper of ['letter', 'a4'] as const) {
      const href = new URL(handoutHref(s, l, paper), SITE);
      expect(parseHandoutLink(href.search, href.hash)).toEqual({ subject: s, lang: l, paper: paper === 'letter' ? null : paper });
      const live = new URL(liveLink(href.href, s, l));
      expect(live.pathname).toBe('/ring-map/');
      const st = parseUrlState(live.hash, live.search).state;
      expect('agency' in s ? st.agency : st.area).toBe('agency' in s ? s.agency : s.area);
      expect(st.lang).toBe(l);
    }
  });

  it('name nothing when hostile: markup for an id, an unknown paper, a script URL', () => {
    expect(parseHandoutLink('', '#agency=<img src=x onerror=alert(1)>').subject).toBeNull();
    expect(parseHandoutLink('?paper=legal', '#agency=x-ca').paper).toBeNull();
    expect(parseHandoutLink('?paper=%E0%A4%A', '').paper).toBeNull();
    expect(parseHandoutLink('', '#area=javascript:alert(1)').subject).toEqual({ area: 'javascript:alert(1)', radius: 10 });
    // A place name is only ever searched and printed as text; the live link stays on the site.
    expect(new URL(liveLink(SITE, { area: 'javascript:alert(1)', radius: 10 }, null)).origin).toBe('https://example.org');
    expect(parseHandoutLink('', '').subject).toBeNull();
  });
});
