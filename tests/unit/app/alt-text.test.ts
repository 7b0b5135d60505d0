/**
 * The alt text of a view (src/share/alt-text.ts): what the exported PNG and
 * the embed code say is shown. Swept over every state of the published data,
 * in both languages, through the same index, filters and counts the page uses.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AgencyCollection } from '../../../src/core/contract';
import { buildIndex } from '../../../src/data/agency-index';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../../src/filters/filters';
import { altText, countSelection, dataYears } from '../../../src/share/alt-text';
import { iframeCode } from '../../../src/share/embed-code';
import { US_STATES } from '../../../src/geo/us-states';
import { CATALOGUES } from '../../../src/i18n/messages';
import { monthOf } from '../../../src/core/periods';
import { AGENCY_TYPES } from '../../../src/core/vocabulary';
import type { Locale } from '../../../src/i18n/locale';
import type { LayerId } from '../../../src/state/app-state';
import { rowsOf } from './fixtures';

const DATA: AgencyCollection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
const INDEX = buildIndex(rowsOf(DATA.features));
const STATES = [...new Set(DATA.features.map((f) => f.properties.state))].sort();
const NAME = new Map(US_STATES.map((s) => [s.code, s.name]));
const SPANISH: Record<string, string> = { NJ: 'Nueva Jersey', NY: 'Nueva York', PA: 'Pensilvania', NC: 'Carolina del Norte', LA: 'Luisiana', MO: 'Misuri' };
const YEARS = dataYears(INDEX);

function filters(p: Partial<Filters>): Filters {
  return { ...DEFAULT_FILTERS, types: [], states: [], ...p };
}

/** The alt text as the page builds it: filters → mask → counts → words. */
function describeView(f: Filters, l: Locale, layers: LayerId[] = ['points', 'records']) {
  const { mask } = applyFilters(INDEX, f);
  return altText({ ...countSelection(INDEX, mask), filters: f, layers, years: YEARS, locale: l });
}

/** "1,234" in either language's number format. */
const num = (n: number) => n.toLocaleString('en-US');

describe('alt text for every state’s embed, both languages', () => {
  it('covers every state with agencies', () => {
    expect(STATES.length).toBeGreaterThanOrEqual(40);
  });

  for (const l of ['en', 'es'] as const) {
    it(`${l}: names the state and the count of its agencies in the data, and the embed code carries both`, () => {
      const m = CATALOGUES[l];
      for (const st of STATES) {
        const expected = DATA.features.filter((f) => f.properties.state === st).length;
        const alt = describeView(filters({ states: [st] }), l);
        const name = l === 'es' ? (SPANISH[st] ?? m.altStateName(st, NAME.get(st)!)) : NAME.get(st)!;
        expect(alt.headline, st).toContain(` ${name} `);
        expect(alt.headline.startsWith(`${num(expected)} `), `${st}: ${alt.headline}`).toBe(true);
        expect(alt.description, st).toContain(m.coverage);
        expect(alt.description).toContain(m.altAllDates(String(YEARS[0]), String(YEARS[1])));
        const code = iframeCode({ mapUrl: `https://map.example.org/#state=${st}`, title: m.embedTitleFor(alt.headline), width: '100%', height: 500, autoResize: false, description: alt.description });
        const title = /title="([^"]*)"/.exec(code)![1];
        expect(title).toContain(name);
        expect(title).toContain(num(expected));
        const described = /aria-describedby="([^"]+)"/.exec(code)![1];
        expect(code).toContain(`<p id="${described}"`);
      }
    });
  }

  it('counts by type in every state as the data does (police, sheriff, …)', () => {
    let cases = 0;
    for (const st of STATES) for (const t of AGENCY_TYPES) {
      const expected = DATA.features.filter((f) => f.properties.state === st && f.properties.agency_type === t).length;
      if (!expected) continue;
      cases++;
      const alt = describeView(filters({ states: [st], types: [t] }), 'en');
      expect(alt.headline.startsWith(`${num(expected)} `), alt.headline).toBe(true);
    }
    expect(cases).toBeGreaterThan(STATES.length);
  });
});

describe('alt text content', () => {
  it('national default: every agency, the years of the data, the layers and the coverage note', () => {
    const alt = describeView(filters({}), 'en');
    const perks = DATA.features.filter((f) => INDEX.flags[INDEX.byId.get(f.properties.id)!] & 1).length;
    expect(alt.headline).toBe(`${num(DATA.features.length)} agencies in the United States partnered with Ring, all dates ${YEARS[0]}–${YEARS[1]}`);
    expect(alt.description).toContain(`${num(perks)} of them have a perk or subsidy on record (given, offered or approved).`);
    expect(alt.description).toContain('Layers drawn: Agencies (by start date); MOU and public records.');
    expect(alt.description).toContain('partnerships after Sept 2020 are incomplete');
  });

  it('New Jersey police: the example of the issue', () => {
    const n = DATA.features.filter((f) => f.properties.state === 'NJ' && f.properties.agency_type === 'police').length;
    expect(describeView(filters({ states: ['NJ'], types: ['police'] }), 'en').headline).toBe(`${n} police agencies in New Jersey partnered with Ring, all dates ${YEARS[0]}–${YEARS[1]}`);
    expect(describeView(filters({ states: ['NJ'], types: ['police'] }), 'es').headline).toBe(`${n} agencias de policía en Nueva Jersey con acuerdos con Ring, todas las fechas, ${YEARS[0]}–${YEARS[1]}`);
  });

  it('a one-year range with a state and the perks layer says the period and the layer', () => {
    const f = filters({ states: ['CA'], from: monthOf('2019-01'), to: monthOf('2019-12') });
    const alt = describeView(f, 'en', ['points', 'perks']);
    expect(alt.headline).toMatch(/^\d+ agencies in California partnered with Ring, active between January 2019 and December 2019$/);
    expect(alt.description).toContain('Perks and subsidies');
    const es = describeView(f, 'es', ['points', 'perks']);
    expect(es.headline).toMatch(/^\d+ agencias en California con acuerdos con Ring, vigentes entre enero de 2019 y diciembre de 2019$/);
    expect(es.description).toContain('Beneficios');
  });

  it('several states: named, and counted beyond four', () => {
    expect(describeView(filters({ states: ['NJ', 'NY', 'PA'] }), 'en').headline).toContain('in New Jersey, New York, and Pennsylvania');
    expect(describeView(filters({ states: ['NJ', 'NY', 'PA', 'CT', 'DE', 'MD'] }), 'en').headline).toContain('in New Jersey, New York, Pennsylvania, and 3 other states');
  });

  it('a map view holding part of the selection says how many are in the picture, and around which states', () => {
    const f = filters({});
    const { mask } = applyFilters(INDEX, f);
    const inView = new Uint8Array(mask.length);
    for (let i = 0; i < INDEX.size; i++) if (mask[i] && INDEX.states[INDEX.state[i]] === 'NJ') inView[i] = 1;
    const nj = DATA.features.filter((x) => x.properties.state === 'NJ').length;
    const alt = altText({ ...countSelection(INDEX, mask, inView), filters: f, layers: ['points'], years: YEARS, locale: 'en' });
    expect(alt.description).toContain(`The picture shows the ${num(nj)} of them in the map view, around New Jersey.`);
  });

  it('a selection with nothing says so without a perk count, and never a made-up zero perk figure', () => {
    const alt = describeView(filters({ q: 'no agency has this name zzz' }), 'en');
    expect(alt.headline.startsWith('0 agencies')).toBe(true);
    expect(alt.description).toContain('Only names or places matching “no agency has this name zzz” are counted.');
    expect(alt.description).not.toContain('of them');
  });
});
