/**
 * MOU links say what they are, from the data: every agency's link in the
 * published dataset, through the card's own labelling, in both languages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { AgencyCollection } from '../../../src/core/contract';
import { mouLink } from '../../../src/core/mou-link';
import { mouLabel } from '../../../src/ui/agency-card';
import { setLocale } from '../../../src/i18n/messages';

const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
const sources = Papa.parse<Record<string, string>>(readFileSync('data/sources.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
/** The types sources.csv gives each URL. */
const typesOf = (url: string) => new Set(sources.filter((s) => s.url === url).map((s) => s.type));
const withMou = data.features.filter((f) => f.properties.mou_url);

describe('MOU links', () => {
  afterAll(() => setLocale('en'));

  it(`labels every MOU link in the data by its source's type (${withMou.length} agencies), in English and Spanish`, () => {
    expect(withMou.length).toBeGreaterThan(0);
    for (const f of withMou) {
      const m = mouLink(f.properties)!;
      const types = typesOf(m.url);
      // The published kind is the type of the source it came from.
      expect(m.kind, f.properties.id).toBe(types.has('mou') ? 'agreement' : types.has('mou_article') ? 'article' : 'no such source');
      setLocale('en');
      const en = mouLabel(m);
      setLocale('es');
      const es = mouLabel(m);
      if (m.kind === 'agreement') {
        expect(en, f.properties.id).toBe('MOU or agreement (document)');
        expect(es, f.properties.id).toBe('MOU o acuerdo (documento)');
      } else {
        expect(en, f.properties.id).toBe(`Article about the MOU (${m.publisher})`);
        expect(es, f.properties.id).toBe(`Artículo sobre el MOU (${m.publisher})`);
        expect(en).not.toMatch(/document/i);
      }
    }
  });

  it('Lakeland: the Vice link is an article about the MOU, named by its publisher', () => {
    setLocale('en');
    const lakeland = data.features.find((f) => f.properties.id === 'lakeland-police-department-fl')!;
    expect(mouLabel(mouLink(lakeland.properties)!)).toBe('Article about the MOU (Motherboard (Vice))');
  });

  it('an untyped link (older data) is called a link, neither document nor article', () => {
    setLocale('en');
    const m = mouLink({ mou_url: 'https://example.org/x', sources: [] })!;
    expect(m.kind).toBeNull();
    expect(mouLabel(m)).toBe('MOU or agreement (link)');
    expect(mouLink({ mou_url: null, mou_kind: null, sources: [] })).toBeNull();
  });
});
