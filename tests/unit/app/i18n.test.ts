import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATALOGUES, MSG, setLocale } from '../../../src/i18n/messages';
import { formatCount, formatInt, formatUsd, plural } from '../../../src/ui/format';
import { agenciesLabel, TYPE_LABELS } from '../../../src/ui/labels';
import { formatPartialDate, monthLabel, shortMonthLabel } from '../../../src/time/months';
import { monthOf } from '../../../src/core/periods';
import { linkLang, parseLang, pickLocale } from '../../../src/i18n/locale';
import { formatUrlState, parseUrlState } from '../../../src/state/url-state';
import { describeFilters, DEFAULT_FILTERS } from '../../../src/filters/filters';
import { languageToFollow, urlWithLang } from '../../../src/ui/language-switch';
import { classLabels } from '../../../src/scales/density';
import { formatMiles } from '../../../src/search/nearby';

afterEach(() => setLocale('en'));

const { en, es } = CATALOGUES;

describe('the catalogues', () => {
  it('have the same keys, the same kinds of value and the same table keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      const s = (es as Record<string, unknown>)[k];
      expect(typeof s, k).toBe(typeof v);
      if (typeof v === 'function') expect((s as (...a: unknown[]) => unknown).length, k).toBe(v.length);
      if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'maplibre') expect(Object.keys(s as object).sort(), k).toEqual(Object.keys(v).sort());
    }
  });

  it('leave no Spanish text empty, and no English text left in place of a Spanish one', () => {
    const same = ['correctionsFile', 'aboutAtlasLink'];
    for (const [k, v] of Object.entries(es)) {
      if (typeof v === 'string') expect(v.trim(), k).not.toBe('');
      if (Array.isArray(v)) for (const t of v) expect(t.trim(), k).not.toBe('');
      const e = (en as Record<string, unknown>)[k];
      // A handful of strings may read alike (a file name, a unit); long ones never.
      if (typeof v === 'string' && v.length > 12 && !same.includes(k)) expect(v, k).not.toBe(e);
    }
    expect(es.aboutCovers).toHaveLength(en.aboutCovers.length);
    // MapLibre's own control strings are given in Spanish.
    expect(es.maplibre['NavigationControl.ZoomIn']).toBe('Acercar');
  });

  it('name every text of the page (index.html) in both languages', () => {
    const keys = [...readFileSync('index.html', 'utf8').matchAll(/data-i18n(?:-aria-label|-content)?="([^"]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) {
      expect(typeof (en as Record<string, unknown>)[k], k).toBe('string');
      expect(typeof (es as Record<string, unknown>)[k], k).toBe('string');
    }
  });

  it('fill MSG, its tables and the coverage words for the chosen language', () => {
    const typeTable = TYPE_LABELS;
    setLocale('es');
    expect(MSG.appTitle).toBe('Acuerdos de la policía con Amazon Ring');
    // A module that kept a table reads the new language.
    expect(typeTable.fire).toBe('Bomberos');
    expect(MSG.coverage).toBe(es.coverage);
    setLocale('en');
    expect(typeTable.fire).toBe('Fire');
    expect(MSG.coverage).toBe(en.coverage);
    // English is never overwritten by switching.
    expect(CATALOGUES.en.typeLabels.fire).toBe('Fire');
  });
});

describe('plurals, numbers and dates', () => {
  it('counts with the plural rules of each language', () => {
    expect([0, 1, 2, 1547].map(agenciesLabel)).toEqual(['0 agencies', '1 agency', '2 agencies', '1,547 agencies']);
    expect(plural(1, 'state')).toBe('1 state');
    setLocale('es');
    expect([0, 1, 2, 1547].map(agenciesLabel)).toEqual(['0 agencias', '1 agencia', '2 agencias', '1,547 agencias']);
    expect(MSG.linkNoticeSummary(1)).toBe('No se usó una parte del enlace:');
    expect(MSG.linkNoticeSummary(3)).toBe('No se usaron 3 partes del enlace:');
    expect(MSG.areaWithinCount('1', 1, 10)).toBe('1 agencia asociada a 10 millas o menos');
  });

  it('formats numbers and dollars as US Spanish reads them, and says "not documented" in words', () => {
    expect(formatUsd(12500)).toBe('$12,500');
    expect(formatUsd(null)).toBe('not documented');
    setLocale('es');
    expect(formatUsd(12500)).toBe('$12,500');
    expect(formatUsd(1200, true)).toBe('al menos $1,200');
    expect(formatInt(1547)).toBe('1,547');
    expect(formatUsd(null)).toBe('sin documentar');
    expect(formatCount(Number.NaN)).toBe('sin documentar');
    expect(formatMiles(2.54)).toBe('2.5 mi');
    expect(classLabels([1, 3, 6])).toEqual(['1–2', '3–5', '6 o más']);
  });

  it('writes months and dates with Intl in each language, at their precision', () => {
    const may2019 = monthOf('2019-05')!;
    expect(monthLabel(may2019)).toBe('May 2019');
    expect(shortMonthLabel(monthOf('2019-09')!)).toBe('Sep ’19');
    expect(formatPartialDate('2019-05-23')).toBe('23 May 2019');
    setLocale('es');
    expect(monthLabel(may2019)).toBe('mayo de 2019');
    expect(formatPartialDate('2019-05-23')).toBe('23 de mayo de 2019');
    expect(formatPartialDate('2019-05')).toBe('mayo de 2019');
    expect(formatPartialDate('2019')).toBe('2019');
    expect(shortMonthLabel(monthOf('2019-01')!)).toBe('ene ’19');
    expect(formatPartialDate('2019-02-31')).toBeNull();
  });

  it('describes the filters in the chosen language', () => {
    const f = { ...DEFAULT_FILTERS, types: ['police' as const, 'fire' as const], states: ['TX'], perks: true, from: monthOf('2019-01'), to: monthOf('2019-12') };
    expect(describeFilters(f, monthLabel)).toBe('police, fire agencies · in TX · active January 2019 – December 2019 · with documented perks');
    setLocale('es');
    expect(describeFilters(f, monthLabel)).toBe('agencias de policía, bomberos · en TX · vigentes de enero de 2019 a diciembre de 2019 · con beneficios documentados');
    expect(describeFilters({ ...DEFAULT_FILTERS, types: [], states: [] }, monthLabel)).toBe('Todas las agencias');
  });
});

describe('choosing the language', () => {
  it('reads lang from the link, else the browser, else English', () => {
    expect(parseLang('es')).toBe('es');
    expect(parseLang('ES-mx')).toBe('es');
    expect(parseLang('fr')).toBeNull();
    expect(parseLang('es<script>')).toBeNull();
    expect(pickLocale(null, ['fr-FR', 'es-419', 'en'])).toBe('es');
    expect(pickLocale('en', ['es-MX'])).toBe('en');
    expect(pickLocale('xx', ['de'])).toBe('en');
    expect(linkLang('?lang=es', '')).toBe('es');
    expect(linkLang('?lang=es', '#type=police&lang=en')).toBe('en');
  });

  it('keeps lang in the link state, from the hash or the query string, and says when it is not one we speak', () => {
    expect(parseUrlState('', '?lang=es').state.lang).toBe('es');
    const { state, notices } = parseUrlState('#lang=es&type=police');
    expect(state.lang).toBe('es');
    expect(notices).toEqual([]);
    expect(formatUrlState(state)).toBe('#type=police&lang=es');
    expect(formatUrlState(parseUrlState('#type=police').state)).toBe('#type=police');
    const bad = parseUrlState('#lang=klingon');
    expect(bad.state.lang).toBeNull();
    expect(bad.notices).toEqual(['Ignored “lang” in the link.']);
  });

  it('the switch puts the language in the hash and drops it from the query', () => {
    expect(urlWithLang('https://x.org/map/?lang=en&embed=1#type=police&map=4/39/-98', 'es')).toBe('https://x.org/map/?embed=1#type=police&map=4/39/-98&lang=es');
    expect(urlWithLang('https://x.org/#lang=es', 'en')).toBe('https://x.org/#lang=en');
  });

  it('a link changed only in its hash is followed when it opens in another language', () => {
    const en = ['en-US'], es = ['es-MX', 'en'];
    expect(languageToFollow('', '#type=police&lang=es', en, 'en')).toBe('es');
    expect(languageToFollow('', '#lang=ES-mx', en, 'en')).toBe('es');
    expect(languageToFollow('?lang=es', '#type=police', en, 'en')).toBe('es');
    // The hash wins over the query, as when the page starts.
    expect(languageToFollow('?lang=es', '#lang=en', en, 'en')).toBeNull();
    // Already in it: the page stays.
    expect(languageToFollow('', '#lang=es', en, 'es')).toBeNull();
    // None named, or one we do not speak: the browser's language, as the link opened afresh.
    expect(languageToFollow('', '#type=police', en, 'es')).toBe('en');
    expect(languageToFollow('', '#type=police', es, 'es')).toBeNull();
    expect(languageToFollow('', '#lang=fr', en, 'en')).toBeNull();
    expect(languageToFollow('', '#lang=fr', es, 'en')).toBe('es');
    expect(languageToFollow('', '#lang=%E0%A4', en, 'en')).toBeNull();
  });
});
