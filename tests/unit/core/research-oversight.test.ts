/**
 * What was checked and who decides: the tables behind them, the one rule for
 * each, and a sweep of every agency through the words the card and the agency
 * page use, in both languages.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CollectionSchema } from '../../../src/core/schema';
import { countyResearch, researchByAgency, researchCounts, researchLine, researchRowProblems, splitIds, type ResearchRow } from '../../../src/core/research';
import { oversightCovers, oversightFor, oversightRowProblems, parseOversightRow, OVERSIGHT_COLUMNS } from '../../../src/core/oversight';
import { isStateCode } from '../../../pipeline/lib/states';
import { CATALOGUES } from '../../../src/i18n/messages';
import { oversightWords, researchWords } from '../../../src/story/research-words';
import { researchAndOversightHtml } from '../../../pipeline/pages/research-section';
import { decodePoints, encodeMapData } from '../../../src/data/map-data';
import { countyResearchCount } from '../../../src/search/area-answer';
import { researchAboutCounts } from '../../../src/ui/research-about';

const fc = CollectionSchema.parse(JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')));
const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, 'utf8'), { header: true, skipEmptyLines: true });
const agencyIds = new Set(csv('agencies.csv').data.map((r) => r.id));
const oversight = csv('oversight.csv');
const log = csv('research-log.csv').data;
const props = fc.features.map((f) => f.properties);
const byId = new Map(props.map((p) => [p.id, p]));

/** Wording that would claim something does not exist (en, es). */
const ABSENCE_CLAIM = /\b(no|none|never|nothing)\b[^.]*\bexists?\b|\bdoes(n[’']t| not) exist|\bdid(n[’']t| not) (end|exist)\b|\bno end exists\b|\bno existe\b|\bnunca existi[óo]\b|\bno termin[óo]\b/i;

describe('the oversight table (data/oversight.csv)', () => {
  it('has the documented columns and at least one row per kind', () => {
    expect(oversight.meta.fields).toEqual([...OVERSIGHT_COLUMNS]);
    expect(new Set(oversight.data.map((r) => r.kind))).toEqual(new Set(['ordinance', 'council_vote']));
  });

  it('every row has a source (http(s) link), parseable dates, a known state and a checked date', () => {
    for (const [i, r] of oversight.data.entries()) {
      expect(oversightRowProblems(r, isStateCode, agencyIds), `row ${i + 2} (${r.place})`).toEqual([]);
      expect(r.source_url, `row ${i + 2}`).toMatch(/^https?:\/\/[^\s]+$/);
    }
  });

  it('the checker refuses a row without a source, with a bad date or an unknown state', () => {
    const good = oversight.data[0];
    expect(oversightRowProblems({ ...good, source_url: '' }, isStateCode, agencyIds).join()).toMatch(/source/);
    expect(oversightRowProblems({ ...good, source_url: 'javascript:alert(1)' }, isStateCode, agencyIds).join()).toMatch(/source/);
    expect(oversightRowProblems({ ...good, adopted_on: '2020-02-31' }, isStateCode, agencyIds).join()).toMatch(/adopted_on/);
    expect(oversightRowProblems({ ...good, state: 'XX' }, isStateCode, agencyIds).join()).toMatch(/state/);
    expect(oversightRowProblems({ ...good, agency_ids: 'no-such-agency-zz' }, isStateCode, agencyIds).join()).toMatch(/no-such-agency-zz/);
  });

  it('what each agency publishes is exactly what the one rule gives (every agency swept)', () => {
    const rows = oversight.data.map(parseOversightRow);
    for (const p of props) expect(p.oversight ?? [], p.id).toEqual(oversightFor(rows, p));
    // Each row links to zero or more agencies; the ones on the map today:
    const linked = rows.map((r) => props.filter((p) => oversightCovers(r, p)).map((p) => p.id));
    expect(linked.flat().sort()).toEqual([
      'caddo-parish-commission-la', 'city-of-peoria-il', 'columbus-fire-department-ms', 'columbus-police-department-ms', 'detroit-police-department-mi',
      'madison-police-department-wi', 'mountain-brook-police-department-al', 'new-york-city-police-department-ny', 'st-louis-metropolitan-police-department-mo',
      'west-orange-police-department-nj',
    ]);
    // The table may hold places not on the map (Brook Park's council resolution): they cover no agency.
    expect(linked.filter((l) => l.length === 0).length).toBeGreaterThan(0);
  });

  it('a city row covers that city’s own agencies, not a county-wide agency seated there nor a same-named place elsewhere', () => {
    const row = parseOversightRow({ place: 'St. Louis', state: 'MO', level: 'city', county_fips: '', agency_ids: '', kind: 'ordinance', name: 'X', adopted_on: '', source_url: 'https://example.org', checked_on: '2026-12-07' });
    expect(oversightCovers(row, byId.get('st-louis-metropolitan-police-department-mo')!)).toBe(true);
    expect(oversightCovers(row, byId.get('st-louis-county-police-mo')!)).toBe(false);
    expect(oversightCovers({ ...row, state: 'MN' }, byId.get('st-louis-metropolitan-police-department-mo')!)).toBe(false);
    // Madison's row names the city's police: the Town of Madison's police share the city cell but not the ordinance.
    expect(byId.get('town-of-madison-police-department-wi')!.oversight).toEqual([]);
  });
});

describe('the research log (data/research-log.csv)', () => {
  it('every row names existing agencies, a known scope and result, and a real day', () => {
    for (const [i, r] of log.entries()) expect(researchRowProblems(r, agencyIds), `row ${i + 2} (${r.subject})`).toEqual([]);
  });

  it('checks of the Atlas export or the tables never count as research beyond the Atlas', () => {
    const atlasOnly = log.filter((r) => r.scope === 'atlas' && r.agency_ids);
    expect(atlasOnly.length).toBeGreaterThan(20);
    const rows: ResearchRow[] = atlasOnly.map((r) => ({ searched_on: r.searched_on, question: r.question, result: r.result as ResearchRow['result'], scope: 'atlas', agency_ids: splitIds(r.agency_ids) }));
    expect(researchByAgency(rows).size).toBe(0);
  });

  it('what each agency publishes is exactly what the one rule gives (every agency swept)', () => {
    const rows: ResearchRow[] = log.map((r) => ({ searched_on: r.searched_on, question: r.question, result: r.result as ResearchRow['result'], scope: r.scope as ResearchRow['scope'], agency_ids: splitIds(r.agency_ids) }));
    const want = researchByAgency(rows);
    for (const p of props) expect(p.research ?? null, p.id).toEqual(want.get(p.id) ?? null);
  });

  it('the agencies named in the brief carry their checks', () => {
    expect(byId.get('lakeland-police-department-fl')!.research).toMatchObject({ last_checked: '2026-11-28' });
    expect(byId.get('chicopee-police-department-ma')!.research?.checks.map((c) => c.question)).toContain('Did the department deny the partnership?');
  });

  it('counts per county and overall add up', () => {
    const c = researchCounts(props);
    expect(c.checked + c.notChecked).toBe(props.length);
    expect(c.checked).toBe(props.filter((p) => p.research).length);
    const counties = countyResearch(props);
    expect([...counties.values()].reduce((s, x) => s + x.agencies, 0)).toBe(props.filter((p) => p.county_fips).length);
    expect([...counties.values()].filter((x) => x.checked > 0).length).toBe(c.countiesChecked);
  });
});

describe('every agency, in the card’s and the agency page’s words (en and es)', () => {
  for (const l of ['en', 'es'] as const) {
    const m = CATALOGUES[l];
    it(`${l}: each agency gets the checked line or the not-researched line, never both, and no wording claims absence`, () => {
      let checked = 0;
      for (const p of props) {
        const w = researchWords(p, m, l);
        const text = [w.line, ...w.checks.map((c) => `${c.prefix}${c.question} — ${c.result}`), w.note, ...oversightWords(p, m, l).map((o) => `${o.lead}${o.name}${o.when}`)].join(' ');
        const checkedWords = m.researchChecked('\u0000').split('\u0000')[0];
        expect(w.kind === 'checked', p.id).toBe(researchLine(p.research).kind === 'checked');
        if (w.kind === 'checked') {
          checked++;
          expect(text, p.id).toContain(checkedWords);
          expect(text, p.id).not.toContain(m.researchNotYet);
          expect(w.checks.length, p.id).toBeGreaterThan(0);
        } else {
          expect(text, p.id).toContain(m.researchNotYet);
          expect(text, p.id).not.toContain(checkedWords);
          expect(w.checks, p.id).toEqual([]);
        }
        expect(text, p.id).not.toMatch(ABSENCE_CLAIM);
      }
      expect(checked).toBe(props.filter((p) => p.research).length);
    });
  }

  it('the static page carries exactly one of the two lines for every agency', () => {
    for (const p of props) {
      const html = researchAndOversightHtml(p);
      const yes = html.includes('Checked beyond the Atlas on');
      const no = html.includes(CATALOGUES.en.researchNotYet);
      expect(yes !== no, p.id).toBe(true);
      expect(html, p.id).not.toMatch(ABSENCE_CLAIM);
      if (p.oversight?.length) expect(html, p.id).toMatch(/<a [^>]*href="https:\/\/[^"]+"[^>]*>Source<\/a>/);
    }
  });

  it('the absence check catches the wordings it must', () => {
    for (const bad of ['No end exists.', 'The partnership does not exist.', 'no end ever existed, none exists', 'La asociación no existe.']) expect(bad).toMatch(ABSENCE_CLAIM);
    expect(CATALOGUES.en.researchNote).not.toMatch(ABSENCE_CLAIM);
  });
});

describe('the site’s counts, from the points file the page loads', () => {
  const rows = decodePoints(JSON.parse(JSON.stringify(encodeMapData(fc).points))).rows;

  it('Find my area’s county line agrees with the published research for every county', () => {
    const want = countyResearch(props);
    expect(want.size).toBeGreaterThan(500);
    for (const [fips, c] of want) expect(countyResearchCount(rows, fips), fips).toEqual({ agencies: c.agencies, checked: c.checked, last: c.last_checked });
  });

  it('a checked day that is not a real day (or is markup) reads as not researched', () => {
    const pts = JSON.parse(JSON.stringify(encodeMapData(fc).points));
    pts.checked = { 0: '<img src=x onerror=alert(1)>', 1: '2026-13-45', 2: 20261207, 3: '2026-11-28' };
    const back = decodePoints(pts).rows;
    expect(back.slice(0, 4).map((r) => r.checked_on)).toEqual([null, null, null, '2026-11-28']);
  });

  it('About’s counts agree with the published research', () => {
    const c = researchCounts(props);
    expect(researchAboutCounts(rows)).toEqual({ checked: c.checked, notChecked: c.notChecked, countiesChecked: c.countiesChecked, counties: c.counties });
    expect(c.checked).toBe(97);
  });
});
