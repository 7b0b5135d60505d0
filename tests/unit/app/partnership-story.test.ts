/**
 * One story per partnership: what began when, what ended or was denied, what
 * was given or only offered, and the status, in English and Spanish. Swept
 * over every agency the site loads (the published data through the site's
 * own chunks and checks), and through the three places that tell it: the
 * card's words, the agency page and the CSV `summary`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { AgencyCollection, AgencyFeature, Program } from '../../../src/core/contract';
import { agencyStatus } from '../../../src/core/contract';
import { datePrecision } from '../../../src/core/dates';
import { encodeMapData } from '../../../src/data/map-data';
import { isValidFeature } from '../../../src/data/load';
import { CATALOGUES } from '../../../src/i18n/messages';
import { LOCALES, type Locale } from '../../../src/i18n/locale';
import { partnershipStory } from '../../../src/story/partnership-story';
import { formatPartialDate } from '../../../src/time/months';
import { formatCount, formatUsd } from '../../../src/ui/format';
import { PERK_STATUS_WORDS } from '../../../src/ui/agency-card';
import { CSV_COLUMNS, toCsv } from '../../../src/share/download-data';
import { renderAgencyPage } from '../../../pipeline/pages/agency-page';
import { esc } from '../../../pipeline/pages/html';
import { agency, program } from './fixtures';

/** Every agency as the site gets its details: the published chunks, through JSON and the site's record check. */
const published = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
const LOADED: AgencyFeature[] = encodeMapData(published).chunks.flatMap((c) => (JSON.parse(JSON.stringify(c)) as unknown[]).filter(isValidFeature));

/** A date as the story must say it in `l`: its words, and its precision when not a day. */
function dateSaid(d: string, l: Locale): string[] {
  const prec = datePrecision(d);
  return [formatPartialDate(d, l)!, ...(prec === 'day' ? [] : [CATALOGUES[l].precisionWords[prec]])];
}
/** The verb each phrase begins with ("began", "ended", …), from the catalogue itself. */
const verb = (phrase: string) => phrase.split(' ')[0];

function checkProgram(g: Program, line: string, l: Locale): void {
  const m = CATALOGUES[l];
  const w = m.story;
  expect(line.startsWith(`${m.programLabels[g.kind]}: `)).toBe(true);
  if (g.start_date) {
    for (const part of dateSaid(g.start_date, l)) expect(line).toContain(part);
    expect(line).not.toContain(w.noStart);
  } else expect(line).toContain(w.noStart);
  if (g.status === 'denied') {
    expect(line).toContain(w.denied);
    expect(line).not.toContain(verb(w.began('x', 'day')));
    // A denied listing's date is when it was listed, never a start.
    if (g.start_date) expect(line).toContain(w.listedFrom(formatPartialDate(g.start_date, l)!, datePrecision(g.start_date)));
  }
  if (g.end_date) {
    expect(line).toContain(w.ended(formatPartialDate(g.end_date, l)!, datePrecision(g.end_date)));
    expect(line).not.toContain(w.noEnd);
  } else if (g.status === 'ended') {
    expect(line).toContain(w.endedUndated);
    expect(line).not.toContain(w.noEnd);
  } else if (g.status !== 'denied') expect(line).toContain(w.noEnd);
  if (g.perk_status === 'given' || (g.perk_status === null && (g.devices_given ?? g.perk_value_usd ?? g.subsidy_usd) !== null)) {
    if (g.devices_given !== null) expect(line).toContain(formatCount(g.devices_given, g.at_least, l));
    if (g.perk_value_usd !== null) expect(line).toContain(formatUsd(g.perk_value_usd, g.at_least, l));
    if (g.subsidy_usd !== null) expect(line).toContain(formatUsd(g.subsidy_usd, g.at_least, l));
  } else if (g.perk_status) expect(line).toContain(m.perkStatusWords[g.perk_status]);
  else expect(line).not.toContain(w.given([], false).split(/[;:]/)[0]);
  // Never a figure that is not documented, never zero for unknown.
  expect(line).not.toMatch(/\$0\b/);
}

function checkStory(f: AgencyFeature, l: Locale): void {
  const p = f.properties;
  const w = CATALOGUES[l].story;
  const s = partnershipStory(p, l);
  expect(s.status).toBe(p.status);
  expect(s.programs).toHaveLength(p.programs.length);
  p.programs.forEach((g, k) => checkProgram(g, s.programs[k].text, l));
  const began = verb(w.began('x', 'day'));
  switch (p.status) {
    case 'denied':
      expect(s.lead).toBe(w.leadDenied);
      expect(s.lead).not.toContain(began);
      break;
    case 'ended':
      expect(s.lead).toContain(verb(w.ended('x', 'day')));
      if (p.end_date) for (const part of dateSaid(p.end_date, l)) expect(s.lead).toContain(part);
      expect(s.lead).not.toContain(w.noEnd);
      break;
    case 'unknown':
      expect(s.lead).toBe(w.leadUnknown);
      break;
    case 'active': {
      const closed = p.programs.filter((g) => g.status === 'ended' || g.status === 'denied' || g.end_date);
      if (!closed.length) expect(s.lead).toBe(w.leadActive);
      for (const g of closed) {
        expect(s.lead).toContain(CATALOGUES[l].programLabels[g.kind]);
        if (g.end_date) expect(s.lead).toContain(w.ended(formatPartialDate(g.end_date, l)!, datePrecision(g.end_date)));
        if (g.status === 'denied') expect(s.lead).toContain(w.denied);
      }
    }
  }
  expect(s.text).toBe([s.lead, ...s.programs.map((g) => g.text)].join(' '));
}

/** The English catalogue's own words for the story, programs and perks: none may show in Spanish. */
const ENGLISH_WORDS = [
  ...Object.values(CATALOGUES.en.programLabels),
  ...Object.values(CATALOGUES.en.perkStatusWords),
  ...Object.values(CATALOGUES.en.story).filter((v): v is string => typeof v === 'string'),
  'began', 'ended', 'active from', 'listed as a partner', 'at least', 'month only', 'year only', 'Given',
];

describe('the story of every published agency', () => {
  it('loads every agency the data publishes', () => {
    expect(LOADED.length).toBe(published.features.length);
    expect(LOADED.length).toBeGreaterThan(1500);
  });

  for (const l of LOCALES) {
    it(`never contradicts the fields (${l})`, () => {
      for (const f of LOADED) checkStory(f, l);
    });
  }

  it('in Spanish uses none of the English words, and writes dates with Spanish month names', () => {
    for (const f of LOADED) {
      const t = partnershipStory(f.properties, 'es').text;
      for (const e of ENGLISH_WORDS) expect(t, `${f.properties.id}: “${e}”`).not.toContain(e);
      for (const g of f.properties.programs) if (g.start_date && datePrecision(g.start_date) !== 'year') expect(t).toMatch(/(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}/);
    }
  });

  it('is the CSV summary, in the language of the download', () => {
    for (const l of LOCALES) {
      const csv = Papa.parse<string[]>(toCsv(LOADED, { selection: 'all', credit: 'c', locale: l }), { skipEmptyLines: true }).data;
      const col = CSV_COLUMNS.indexOf('summary');
      expect(csv[0][col]).toBe('summary');
      LOADED.forEach((f, k) => expect(csv[k + 1][col]).toBe(partnershipStory(f.properties, l).text));
    }
  });

  it('is what every agency page says, in English', () => {
    for (const f of LOADED) {
      const html = renderAgencyPage({ feature: f, neighbours: [], siteUrl: null, dataAsOf: '2026-11-25' });
      const s = partnershipStory(f.properties, 'en');
      expect(html).toContain(`>${esc(s.lead)}</p>`);
      for (const g of s.programs) expect(html).toContain(`<li>${esc(g.text)}</li>`);
      // Who said an arrangement ended or was denied, as on the card.
      for (const g of f.properties.programs) if (g.status_note) expect(html).toContain(esc(g.status_note));
      // The old single "began" fact beside a list of programs is gone.
      expect(html).not.toContain('<dt>Partnership began</dt>');
    }
  });
});

describe('the stories the issue named', () => {
  const byId = (id: string) => LOADED.find((f) => f.properties.id === id)!;

  it('LAPD: the incentives ended in 2019, the portal has no end documented, and neither is said of the other', () => {
    const s = partnershipStory(byId('los-angeles-police-department-ca').properties, 'en');
    expect(s.lead).toBe('Listed or reported as a partner (Neighbors law-enforcement portal), no end documented; Incentives to officers: ended in 2019 (year only).');
    expect(s.programs.map((g) => g.text)).toEqual([
      'Incentives to officers: reported active by March 2016 (month only), so it may have begun earlier; ended in 2019 (year only). Given: perks worth at least $12,000.',
      'Neighbors law-enforcement portal: active from 23 May 2019; no end documented.',
    ]);
    const es = partnershipStory(byId('los-angeles-police-department-ca').properties, 'es');
    expect(es.programs[0].text).toBe('Incentivos para agentes: activo ya en marzo de 2016 (solo el mes) según un informe, así que pudo empezar antes; terminó en 2019 (solo el año). Entregado: beneficios por un valor de al menos $12,000.');
  });

  it('Chicopee: leads with the denial, and the date is only when it was listed', () => {
    const s = partnershipStory(byId('chicopee-police-department-ma').properties, 'en');
    expect(s.text).toBe('The agency denied this partnership. Neighbors law-enforcement portal: listed as a partner from 9 June 2020; denied by the agency.');
    expect(partnershipStory(byId('chicopee-police-department-ma').properties, 'es').lead).toBe('La agencia niega este acuerdo.');
  });
});

describe('stories of hand-made records', () => {
  const tell = (programs: Program[], l: Locale = 'en') => {
    const f = agency('a', { programs, status: agencyStatus(programs), end_date: programs.every((g) => g.end_date) ? programs.map((g) => g.end_date!).sort().at(-1)! : null });
    return partnershipStory(f.properties, l);
  };

  it('an undated portal says its start is not documented, never a date', () => {
    expect(tell([program()]).text).toBe('Listed or reported as a partner; no end documented. Neighbors law-enforcement portal: start date not documented; no end documented.');
  });

  it('an ended program without an end date says so, and the agency ended', () => {
    const s = tell([program({ kind: 'city_subsidy', start_date: '2019-08', status: 'ended', perk_status: 'given', subsidy_usd: 20600, figures_derived: true })]);
    expect(s.lead).toBe('This partnership ended (date not documented).');
    expect(s.programs[0].text).toBe('City-funded camera subsidy: began in August 2019 (month only); ended (date not documented). Given: a city subsidy of $20,600 spent (derived by the map editors from reported figures).');
  });

  it('an end date without an "ended" status is still an end, never "no end documented"', () => {
    const s = tell([program({ start_date: '2019-05-02', end_date: '2021-06-07', status: 'unknown' })]);
    expect(s.programs[0].text).toBe('Neighbors law-enforcement portal: active from 2 May 2019; ended on 7 June 2021.');
    expect(s.text).not.toContain('no end documented');
  });

  it('one device, several devices, a floor, and perks only offered, bought, returned or declined', () => {
    expect(tell([program({ kind: 'device_donation', start_date: '2019', perk_status: 'given', devices_given: 1, status: 'unknown' })]).programs[0].text)
      .toBe('Device donation: began in 2019 (year only); no end documented. Given: 1 device.');
    expect(tell([program({ kind: 'device_donation', start_date: '2019', perk_status: 'given', devices_given: 1, status: 'unknown' })], 'es').programs[0].text)
      .toBe('Donación de dispositivos: comenzó en 2019 (solo el año); no se documenta un final. Entregado: 1 dispositivo.');
    expect(tell([program({ kind: 'device_donation', perk_status: 'given', devices_given: 1500, at_least: true, perk_value_usd: 150000, status: 'unknown' })], 'es').programs[0].text)
      .toContain('Entregado: al menos 1,500 dispositivos, beneficios por un valor de al menos $150,000.');
    for (const k of ['offered', 'approved', 'bought_by_agency', 'returned', 'declined', 'not_documented'] as const) {
      expect(tell([program({ kind: 'other', perk_status: k, perk_note: 'x', status: 'unknown' })]).programs[0].text).toContain(`${CATALOGUES.en.perkStatusWords[k]}.`);
      expect(tell([program({ kind: 'other', perk_status: k, perk_note: 'x', status: 'unknown' })], 'es').programs[0].text).toContain(`${CATALOGUES.es.perkStatusWords[k]}.`);
    }
    expect(tell([program({ kind: 'device_donation', perk_status: 'given', status: 'unknown' })]).programs[0].text).toContain('Given; figures not documented.');
  });

  it('a denied program beside a listed one: the lead names the denial, the listed one has no end', () => {
    const s = tell([program({ start_date: '2019-05-23' }), program({ kind: 'other', start_date: '2020', status: 'denied' })]);
    expect(s.lead).toBe('Listed or reported as a partner (Neighbors law-enforcement portal), no end documented; Other arrangement: denied by the agency.');
    expect(s.programs[1].text).toBe('Other arrangement: listed as a partner from 2020 (year only); denied by the agency.');
  });

  it('has words for every perk kind', () => {
    expect(Object.keys(PERK_STATUS_WORDS).sort()).toEqual(['approved', 'bought_by_agency', 'declined', 'given', 'not_documented', 'offered', 'returned']);
  });
});

describe('what the partnership allowed, era by era', () => {
  const eraIds = Papa.parse<{ id: string; summary: string; name: string }>(readFileSync('data/eras.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;

  it('every era of data/eras.csv has its words in both catalogues, the English ones being the data’s, the Spanish ones Spanish', () => {
    expect(eraIds.length).toBeGreaterThan(3);
    for (const e of eraIds) {
      expect(CATALOGUES.en.eraTexts[e.id]).toEqual({ name: e.name, summary: e.summary });
      const es = CATALOGUES.es.eraTexts[e.id];
      expect(es.name).not.toBe(e.name);
      expect(es.summary).not.toContain(e.summary);
      for (const other of eraIds) expect(es.name).not.toContain(other.name);
    }
  });
});
