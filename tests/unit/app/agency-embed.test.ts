/** The one-agency embed: its address, its iframe code, and the per-agency record it reads (untrusted). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AgencyCollection } from '../../../src/core/contract';
import { agencyEmbedUrl, agencyIframeCode } from '../../../src/share/agency-embed-code';
import { agencyRecordPath, decodeAgencyRecord, encodeAgencyRecords, isAgencyId } from '../../../src/data/agency-record';
import { CATALOGUES } from '../../../src/i18n/messages';

const DATA: AgencyCollection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));

describe('agencyEmbedUrl', () => {
  it('is the embed page beside the map, with the id and the language, whatever the map link carries', () => {
    expect(agencyEmbedUrl('https://ex.org/ring/?lang=es#state=NJ&agency=x', 'trenton-police-department-nj', 'es')).toBe('https://ex.org/ring/agency-embed.html?id=trenton-police-department-nj&lang=es');
    expect(agencyEmbedUrl('https://ex.org/ring/index.html', 'a-b-nj', 'en')).toBe('https://ex.org/ring/agency-embed.html?id=a-b-nj');
  });
});

describe('agencyIframeCode', () => {
  const m = CATALOGUES.en;
  const code = agencyIframeCode({
    mapUrl: 'https://ex.org/ring/', id: 'x-nj', locale: 'en',
    title: m.agencyEmbedTitle('"><script>alert(1)</script>'), description: m.agencyEmbedDescription('<b>A</b> & B', 'Town, NJ'),
  });

  it('names the frame after the agency, describes it in a paragraph it points to, escaping both', () => {
    expect(code).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; and Ring: partnership, perks and records"');
    const id = /aria-describedby="([^"]+)"/.exec(code)![1];
    expect(code).toContain(`<p id="${id}"`);
    expect(code).toContain('&lt;b&gt;A&lt;/b&gt; &amp; B (Town, NJ): its partnership with Amazon Ring');
    expect(code).not.toContain('<script>alert');
  });

  it('is sandboxed, resizes from the map’s origin only, and fits 300 px and up', () => {
    expect(code).toMatch(/sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"/);
    expect(code).toContain('var ORIGIN = "https://ex.org";');
    expect(code).toContain('width:100%;max-width:480px;');
  });
});

describe('the per-agency record', () => {
  it('round-trips every published agency, each under its own path', () => {
    const files = encodeAgencyRecords(DATA);
    expect(files).toHaveLength(DATA.features.length);
    expect(new Set(files.map((f) => agencyRecordPath(f.feature.properties.id))).size).toBe(files.length);
    for (const f of files) {
      const id = f.feature.properties.id;
      expect(isAgencyId(id), id).toBe(true);
      const back = decodeAgencyRecord(JSON.parse(JSON.stringify(f)), id);
      expect(back?.feature, id).toEqual(f.feature);
    }
  });

  it('refuses another agency’s record, another version, a damaged record and non-objects', () => {
    const [f] = encodeAgencyRecords(DATA);
    const id = f.feature.properties.id;
    expect(decodeAgencyRecord(f, 'another-agency-nj')).toBeNull();
    expect(decodeAgencyRecord({ ...f, version: 99 }, id)).toBeNull();
    expect(decodeAgencyRecord({ ...f, feature: { ...f.feature, properties: { ...f.feature.properties, start_date: '2019-13-45' } } }, id)).toBeNull();
    expect(decodeAgencyRecord({ ...f, feature: { ...f.feature, properties: { ...f.feature.properties, mou_url: 'javascript:alert(1)' } } }, id)).toBeNull();
    for (const bad of [null, 'x', 3, [], {}]) expect(decodeAgencyRecord(bad, id)).toBeNull();
  });

  it('fetches only ids the contract accepts: no path, markup or empty id', () => {
    for (const bad of ['', '../points', 'a/b', '<script>', 'A-B-NJ', 'x y', '%2e%2e', null, undefined, 'a'.repeat(300)]) expect(isAgencyId(bad), String(bad)).toBe(false);
  });
});
