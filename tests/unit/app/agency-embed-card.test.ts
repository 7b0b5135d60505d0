/**
 * The one-agency card's words (src/agency-embed/render.ts, what the page
 * renders), for every agency of the published data in both languages:
 * unknown stays "not documented", figures are the data's, the story is the
 * card's, and "Open the map" leads to the agency in the full map.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AgencyCollection } from '../../../src/core/contract';
import { agencyCardText } from '../../../src/agency-embed/render';
import { CATALOGUES, setLocale } from '../../../src/i18n/messages';
import { partnershipStory } from '../../../src/story/partnership-story';
import { formatPartialDate } from '../../../src/time/months';
import { formatCount, formatUsd } from '../../../src/ui/format';
import { isFloor } from '../../../src/core/figures';

const DATA: AgencyCollection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
const META = { credit: 'Example credit (CC BY 4.0)', data_as_of: '2026-11-25' };
const BASE = 'https://map.example.org/ring/agency-embed.html?id=x&lang=es';

afterAll(() => setLocale('en'));

describe('the one-agency card for every agency', () => {
  for (const l of ['en', 'es'] as const) {
    it(`${l}: every agency's card says what the data says, and nothing it does not`, () => {
      setLocale(l);
      const m = CATALOGUES[l];
      let cases = 0;
      for (const f of DATA.features) {
        const p = f.properties;
        const t = agencyCardText(f, META, BASE);
        // Every word shown (links' addresses apart): no placeholder leaks into the text.
        const shown = [t.name, t.place, t.status, t.began, t.ended, t.perks, ...t.story, ...t.docs.map((d) => d.label),
          t.source?.label, t.source?.date, t.source?.more, t.coverage, t.open.label, t.open.text, t.credit].filter((x) => x !== null && x !== undefined).join(' | ');
        expect(shown, p.id).not.toMatch(/undefined|\bnull\b|NaN|\[object/);
        expect(t.name).toBe(p.name);
        expect(t.place).toContain(p.state);
        expect(t.status).toBe(partnershipStory(p, l).lead);
        expect(t.story).toEqual(partnershipStory(p, l).programs.map((g) => g.text));
        // Dates in words at their precision; unknown reads "not documented", never a made-up date.
        if (p.start_date) expect(t.began, p.id).toContain(formatPartialDate(p.start_date, l)!);
        else expect(t.began, p.id).toBe(m.notDocumented);
        if (p.end_date) expect(t.ended, p.id).toContain(formatPartialDate(p.end_date, l)!);
        else expect(t.ended, p.id).toBe(m.notDocumented);
        // Figures only as documented (floors said so); no figure and no perk in words: "No perk documented".
        if (p.devices_given !== null) expect(t.perks, p.id).toContain(formatCount(p.devices_given, isFloor(p.programs, ['devices_given']), l));
        if (p.perk_value_usd !== null) expect(t.perks, p.id).toContain(formatUsd(p.perk_value_usd, isFloor(p.programs, ['perk_value_usd']), l));
        if (p.subsidy_usd !== null) expect(t.perks, p.id).toContain(formatUsd(p.subsidy_usd, isFloor(p.programs, ['subsidy_usd']), l));
        const words = p.programs.some((g) => g.perk_status && !['given', 'not_documented'].includes(g.perk_status));
        if (p.devices_given === null && p.perk_value_usd === null && p.subsidy_usd === null && !words) expect(t.perks, p.id).toBe(m.agencyEmbedNoPerks);
        if (p.perk_value_usd === null && p.subsidy_usd === null) expect(t.perks, p.id).not.toContain('$');
        // Documents: the MOU and each other record, once.
        expect(t.docs.length, p.id).toBe(new Set([...(p.mou_url ? [p.mou_url] : []), ...p.records_urls]).size);
        // One source, with a public link when any source has one; the rest counted.
        expect(t.source, p.id).not.toBeNull();
        if (p.sources.some((s) => s.url)) expect(t.source!.url, p.id).toMatch(/^https?:\/\//);
        expect(t.source!.more !== null).toBe(p.sources.length > 1);
        // "Open the map": the full map beside the embed page, at this agency, in this language.
        const open = new URL(t.open.href);
        expect(open.origin + open.pathname).toBe('https://map.example.org/ring/');
        expect(open.search).toBe('');
        const hash = new URLSearchParams(open.hash.slice(1));
        expect(hash.get('agency')).toBe(p.id);
        expect(hash.get('lang')).toBe(l === 'es' ? 'es' : null);
        expect(t.coverage).toBe(m.coverage);
        expect(t.credit).toContain('Example credit (CC BY 4.0)');
        cases++;
      }
      expect(cases).toBe(DATA.features.length);
    });
  }
});
