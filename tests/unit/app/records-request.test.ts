/**
 * Records requests: the law table (every state and DC once, each row with
 * its source, law name and citation, published as the pipeline compiles it)
 * and the letter, swept over every agency on the map and every state's law,
 * in English and Spanish, through the same builder the card, Find my area
 * and the agency pages use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { AgencyCollection } from '../../../src/core/contract';
import { checkRecordsLaws, LAW_STATES, readRecordsLaws, RECORDS_LAW_COLUMNS, type RecordsLaw } from '../../../src/core/records-law';
import { agencyLetter, letterText, mailtoLink, MAILTO_MAX, placeLetter, stateFullName } from '../../../src/action/records-request';
import { LOCALES } from '../../../src/i18n/locale';
import { compileRecordsLaws } from '../../../pipeline/records-laws';
import { formatPartialDate } from '../../../src/time/months';

const csv = readFileSync('data/records-laws.csv', 'utf8');
const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
const laws = readRecordsLaws(JSON.parse(readFileSync('data/records-laws.json', 'utf8')));
const fc = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
const BAD_WORDS = /undefined|NaN|\bnull\b|\[object /;

describe('the law table', () => {
  it('has 51 rows: every state and DC exactly once, with the expected columns', () => {
    expect(rows.meta.fields).toEqual([...RECORDS_LAW_COLUMNS]);
    expect(rows.data).toHaveLength(51);
    expect(LAW_STATES).toHaveLength(51);
    expect(LAW_STATES).toContain('DC');
    const states = rows.data.map((r) => r.state);
    expect(new Set(states).size).toBe(51);
    expect([...states].sort()).toEqual([...LAW_STATES].sort());
  });

  it('gives every row a source URL, a law name and a citation, and a check date', () => {
    for (const r of rows.data) {
      expect(r.source_url, r.state).toMatch(/^https?:\/\/\S+$/);
      expect(r.law_name.trim(), r.state).not.toBe('');
      expect(r.citation.trim(), r.state).not.toBe('');
      expect(r.checked_on, r.state).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['yes', 'no', ''], r.state).toContain(r.residents_only);
    }
  });

  it('is published as the pipeline compiles it (npm run laws), with no problem', () => {
    const c = compileRecordsLaws(csv);
    expect(c.problems).toEqual([]);
    expect(readFileSync('data/records-laws.json', 'utf8')).toBe(c.json);
    expect(laws.size).toBe(51);
  });

  it('refuses a table with a state missing, twice, unknown, or a row without source, law or citation', () => {
    const good = rows.data.map((r) => ({ ...r }));
    expect(checkRecordsLaws(good).issues).toEqual([]);
    const issues = (t: Record<string, string>[]) => checkRecordsLaws(t).issues.map((i) => i.reason).join('; ');
    expect(issues(good.slice(1))).toMatch(/has no row/);
    expect(issues([...good, { ...good[0] }])).toMatch(/appears twice/);
    expect(issues([...good, { ...good[0], state: 'PR' }])).toMatch(/unknown state/);
    expect(issues(good.map((r, k) => (k === 3 ? { ...r, source_url: 'javascript:alert(1)' } : r)))).toMatch(/source_url/);
    expect(issues(good.map((r, k) => (k === 3 ? { ...r, law_name: ' ' } : r)))).toMatch(/law_name is empty/);
    expect(issues(good.map((r, k) => (k === 3 ? { ...r, citation: '' } : r)))).toMatch(/citation is empty/);
    expect(issues(good.map((r, k) => (k === 3 ? { ...r, law_name: '<img src=x onerror=alert(1)>' } : r)))).toMatch(/markup/);
  });

  it('drops a published row the site cannot trust (no law, no citation, a non-http source)', () => {
    const json = JSON.parse(readFileSync('data/records-laws.json', 'utf8')) as RecordsLaw[];
    const hostile = [{ ...json[0], source_url: 'javascript:alert(1)' }, { ...json[1], law_name: '' }, { ...json[2], state: 'XX' }, null, 7, ...json.slice(3)];
    const read = readRecordsLaws(hostile);
    expect(read.size).toBe(48);
    expect(readRecordsLaws({ not: 'a list' }).size).toBe(0);
  });
});

describe('the letter to every agency on the map', () => {
  const feats = fc.features;

  it('covers every agency, in both languages, naming the agency, its state’s law and citation, never "undefined", "NaN" or "null"', () => {
    expect(feats.length).toBeGreaterThan(1000);
    let letters = 0;
    for (const f of feats) {
      const p = f.properties;
      const law = laws.get(p.state);
      expect(law, p.id).toBeDefined();
      for (const l of LOCALES) {
        const x = agencyLetter(p, law!, l);
        const text = letterText(x, l);
        expect(text, p.id).toContain(p.name);
        expect(x.body, p.id).toContain(law!.law_name);
        expect(x.body, p.id).toContain(law!.citation);
        expect(x.subject, p.id).toContain(law!.law_name);
        expect(text, `${p.id} ${l}`).not.toMatch(BAD_WORDS);
        expect(x.fileName, p.id).toMatch(/^[a-z0-9_-]+\.txt$/);
        // The five kinds of records, numbered.
        expect(x.body.match(/^\d\. /gm), p.id).toHaveLength(5);
        letters++;
      }
    }
    expect(letters).toBe(feats.length * LOCALES.length);
  });

  it('asks for the partnership’s dates where known, "from <earliest start> to <end or the present>"', () => {
    let dated = 0;
    for (const f of feats) {
      const p = f.properties;
      const law = laws.get(p.state)!;
      const en = agencyLetter(p, law, 'en').body;
      const es = agencyLetter(p, law, 'es').body;
      const starts = [p.start_date, ...p.programs.map((g) => g.start_date)].filter((d): d is string => !!d).sort();
      if (starts.length) {
        dated++;
        const from = formatPartialDate(starts[0], 'en')!;
        const to = p.end_date ? formatPartialDate(p.end_date, 'en')! : 'the present';
        expect(en, p.id).toContain(`from ${from} to ${to}.`);
        const esFrom = formatPartialDate(starts[0], 'es')!;
        expect(es, p.id).toContain(`desde ${starts[0].length === 10 ? `el ${esFrom}` : esFrom} hasta`);
        // Never later than the agency's own published start.
        if (p.start_date) expect(starts[0] <= p.start_date, p.id).toBe(true);
      } else {
        expect(en, p.id).toContain('for the whole time of any such arrangement');
        expect(en, p.id).not.toMatch(/Please search records from /);
      }
    }
    expect(dated).toBeGreaterThan(900);
  });

  it('writes the LAPD letter under the California Public Records Act', () => {
    const lapd = feats.find((f) => f.properties.id === 'los-angeles-police-department-ca')!.properties;
    const x = agencyLetter(lapd, laws.get('CA')!, 'en');
    expect(x.subject).toBe('Public records request under the California Public Records Act: Los Angeles Police Department and Amazon Ring');
    expect(x.body).toContain('Under the California Public Records Act (Cal. Gov. Code § 7920.000 et seq.), I request copies of the following records held by Los Angeles Police Department:');
    expect(x.body).toContain('Neighbors portal');
    expect(x.body).toContain('Requests for Assistance');
    expect(x.body).toContain('Community Requests');
    expect(x.body).toMatch(/within the time the law sets \(10 days; Cal\. Gov\. Code/);
    // LAPD's officer incentives (reported by March 2016) predate its portal listing (May 2019).
    expect(x.body).toContain('Please search records from March 2016 to the present.');
  });

  it('keeps the statute’s own name in the Spanish letter', () => {
    const lapd = feats.find((f) => f.properties.id === 'los-angeles-police-department-ca')!.properties;
    const x = agencyLetter(lapd, laws.get('CA')!, 'es');
    expect(x.subject).toMatch(/^Solicitud de registros públicos según la California Public Records Act/);
    expect(x.body).toContain('Según la California Public Records Act (Cal. Gov. Code § 7920.000 et seq.), solicito copias');
    expect(x.body).toContain('Atentamente,');
  });
});

describe('the letter for a place with no partner on the map, every state', () => {
  it('asks the local police and the sheriff whether they have or had an arrangement, under each state’s law', () => {
    for (const st of LAW_STATES) {
      const law = laws.get(st)!;
      for (const l of LOCALES) {
        const x = placeLetter({ place: `Springfield, ${st}`, county: 'Greene County', state: st }, law, l);
        const text = letterText(x, l);
        expect(text).not.toMatch(BAD_WORDS);
        expect(x.body).toContain(law.law_name);
        expect(x.body).toContain(law.citation);
        if (l === 'en') {
          expect(x.body).toContain(`The police department serving Springfield, ${st}`);
          expect(x.body).toContain(`The sheriff’s office of Greene County, ${stateFullName(st)}`);
          expect(x.body).toContain('whether your agency has or had any agreement, partnership or other arrangement with Ring LLC, Amazon.com, Inc.');
        } else {
          expect(x.body).toContain(`La oficina del sheriff de Greene County, ${stateFullName(st)}`);
          expect(x.body).toContain('si su agencia tiene o tuvo algún acuerdo');
        }
        // A deadline is said only where the table has one; never invented.
        if (law.response_deadline) expect(x.body).toContain(law.response_deadline);
        else expect(x.body).toMatch(/as the law requires|como lo exige la ley/);
        // Residency is a note beside the letter, only where the table says so.
        const residency = x.notes.some((n) => /residents|residentes/.test(n));
        expect(residency, st).toBe(law.residents_only === true);
        expect(x.notes.join(' ')).toContain(law.source_url);
      }
    }
  });
});

describe('the email link', () => {
  it('carries the subject and the letter, within its length, saying so when the letter is cut', () => {
    const law = laws.get('NY')!;
    const x = placeLetter({ place: 'Hamlet, NY', county: 'Essex County', state: 'NY' }, law, 'en');
    const link = mailtoLink(x, 'en');
    expect(link.startsWith('mailto:?subject=')).toBe(true);
    expect(link.length).toBeLessThanOrEqual(MAILTO_MAX);
    const body = decodeURIComponent(link.split('&body=')[1]);
    expect(decodeURIComponent(link.split('&body=')[0].slice('mailto:?subject='.length))).toBe(x.subject);
    expect(x.body.startsWith(body.replace(/\n\n\[The letter is cut[^\]]*\]$/, ''))).toBe(true);
    const long = { ...x, body: `${x.body}\n${'x '.repeat(3000)}` };
    const cut = decodeURIComponent(mailtoLink(long, 'en').split('&body=')[1]);
    expect(mailtoLink(long, 'en').length).toBeLessThanOrEqual(MAILTO_MAX);
    expect(cut).toMatch(/use Copy or Download for the whole text/);
  });
});

describe('the static agency page', () => {
  it('carries the letter as text in a <details>, with the law’s source, for a sample of agencies; none without a law', async () => {
    const { renderAgencyPage } = await import('../../../pipeline/pages/agency-page');
    const { esc } = await import('../../../pipeline/pages/html');
    // A sample of agencies through the whole page (rendering is slow); the letter itself is swept above.
    const sample = fc.features.filter((_, k) => k % 50 === 0);
    for (const f of sample) {
      const law = laws.get(f.properties.state)!;
      const html = renderAgencyPage({ feature: f, neighbours: [], siteUrl: null, dataAsOf: '2026-11-25', law });
      const start = html.indexOf('<section class="records-request"');
      const section = html.slice(start, html.indexOf('</section>', start));
      expect(section, f.properties.id).toMatch(/^<section class="records-request" aria-labelledby="request-heading">\n<h2 id="request-heading">Request the records<\/h2>/);
      expect(section).toContain('<details class="records-letter-details">');
      expect(section).toContain(`<pre class="records-letter">${esc(letterText(agencyLetter(f.properties, law, 'en'), 'en'))}</pre>`);
      expect(section).toContain(esc(law.source_url));
      // Its one link opens the same letter in the visitor's mail program, with no address (the visitor adds it).
      expect([...section.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([esc(mailtoLink(agencyLetter(f.properties, law, 'en'), 'en'))]);
      expect(section).toContain('href="mailto:?subject=');
      expect(section).not.toContain('<script');
      const without = renderAgencyPage({ feature: f, neighbours: [], siteUrl: null, dataAsOf: '2026-11-25' });
      expect(without).not.toContain('records-request');
    }
  });

  it('stays valid HTML with the letter in it', async () => {
    const { HtmlValidate } = await import('html-validate');
    const { renderAgencyPage } = await import('../../../pipeline/pages/agency-page');
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
    for (const id of ['los-angeles-police-department-ca', fc.features[0].properties.id]) {
      const f = fc.features.find((x) => x.properties.id === id)!;
      const html = renderAgencyPage({ feature: f, neighbours: [], siteUrl: null, dataAsOf: '2026-11-25', law: laws.get(f.properties.state) });
      const report = await validator.validateString(html, 'index.html');
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), id).toEqual([]);
    }
  });
});
