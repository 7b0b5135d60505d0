/**
 * Issue 25 (KML imports) and issue 21 (its XML reader): each adversarial
 * case that got through before, now refused or read right. Fixtures are
 * laid out as Google My Maps exports them (Document, Folder, Placemark,
 * ExtendedData with Data/value, a description of "Field: value" lines).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { locator } from '../../../pipeline/import-kml';
import { parseKml, parseKmlDate } from '../../../pipeline/kml/parse';
import { parseXml } from '../../../pipeline/kml/xml';
import { decodeXml } from '../../../pipeline/lib/read-text';
import { mergeKml } from '../../../pipeline/merge/kml';
import { readTables } from '../../../pipeline/tables/io';
import { readAliases } from '../../../pipeline/tables/lookups';
import type { AgencyCollection } from '../../../src/core/contract';
import { isoToday } from '../../../src/core/dates';

const geocoder = sharedGeocoder();
const locate = locator(geocoder);
const committed = readTables('data');
const aliases = readAliases('data');
const collection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
const pointOf = (id: string) => collection.features.find((f) => f.properties.id === id)!.geometry.coordinates;

interface Pm { name: string; date: string; lon: number; lat: number; city?: string; state?: string }
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A Placemark as My Maps writes it: an empty date stays an empty <value/> and an empty "Active Date: " line. */
function placemark(p: Pm): string {
  return `      <Placemark>
        <name>${esc(p.name)}</name>
        <description><![CDATA[Active Date: ${p.date}<br>City: ${p.city ?? ''}<br>State: ${p.state ?? ''}]]></description>
        <styleUrl>#icon-1899-0288D1</styleUrl>
        <ExtendedData>
          <Data name="Active Date">
            <value>${esc(p.date)}</value>
          </Data>
          <Data name="City">
            <value>${esc(p.city ?? '')}</value>
          </Data>
          <Data name="State">
            <value>${esc(p.state ?? '')}</value>
          </Data>
        </ExtendedData>
        <Point>
          <coordinates>
            ${p.lon},${p.lat},0
          </coordinates>
        </Point>
      </Placemark>`;
}

function myMaps(pms: Pm[], declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${declaration}
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>Ring Active Agency Map</name>
    <description/>
    <Style id="icon-1899-0288D1-normal">
      <IconStyle><color>ffd18802</color><scale>1</scale><Icon><href>https://www.gstatic.com/mapspro/images/stock/503-wht-blank_maps.png</href></Icon></IconStyle>
    </Style>
    <Folder>
      <name>Active Agencies</name>
${pms.map(placemark).join('\n')}
    </Folder>
  </Document>
</kml>
`;
}

/** 20 real agencies at their published points; every fourth one undated, as in the map exports. */
const twenty: Pm[] = collection.features
  .filter((f) => f.properties.geocode_precision === 'city' && f.properties.agency_type === 'police' && f.properties.start_date?.length === 10)
  .slice(0, 200)
  .filter((_, k) => k % 10 === 0)
  .map((f, k) => {
    const [y, m, d] = f.properties.start_date!.split('-');
    return {
      name: f.properties.name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], city: f.properties.city ?? '', state: f.properties.state,
      date: k % 4 === 3 ? '' : `${Number(m)}/${Number(d)}/${y}`,
    };
  });

describe('6. a Google My Maps export', () => {
  it('reads all 20 placemarks; the 5 with an empty Active Date are undated, never dated by the next line', () => {
    expect(twenty).toHaveLength(20);
    const r = parseKml(myMaps(twenty), locate);
    expect(r.rejects).toEqual([]);
    expect(r.counts).toMatchObject({ placemarksRead: 20, kept: 20, undated: 5, distinctAgencies: 20 });
    for (const [k, p] of r.placemarks.entries()) expect(p.date === null).toBe(k % 4 === 3);
  });

  it('merges every one into the agency already on the map, listing each change', () => {
    const r = parseKml(myMaps(twenty), locate);
    const m = mergeKml(committed.tables, r.agencies, { exportDate: '2021-03-01', aliases, geocoder });
    expect(m.rejects).toEqual([]);
    expect(m.added).toEqual([]);
    expect(m.merged).toHaveLength(20);
    expect(m.changes.filter((c) => c.field === 'neighbors_portal source_ids')).toHaveLength(20);
    expect(m.changes.every((c) => /^placemark \d+$/.test(c.source))).toBe(true);
  });

  it('the empty-date description alone is undated too (no ExtendedData)', () => {
    const xml = myMaps(twenty.slice(0, 1).map((p) => ({ ...p, date: '' }))).replace(/<ExtendedData>[\s\S]*?<\/ExtendedData>/, '');
    const r = parseKml(xml, locate);
    expect(r.rejects).toEqual([]);
    expect(r.placemarks[0].date).toBeNull();
  });
});

describe('1. same name, other county', () => {
  const [lon, lat] = [-74.7804, 40.7776]; // Long Valley, Washington Township, Morris County NJ
  const gloucester = pointOf('washington-township-police-department-nj');

  it('two same-named placemarks in two counties stay two agencies', () => {
    const r = parseKml(myMaps([
      { name: 'Washington Township Police Department', date: '5/1/2019', lon, lat },
      { name: 'Washington Township Police Department', date: '6/1/2019', lon: gloucester[0], lat: gloucester[1] },
    ]), locate);
    expect(r.agencies.map((a) => [a.county, a.date])).toEqual([['Morris County', '2019-05-01'], ['Gloucester County', '2019-06-01']]);
  });

  it("the Morris County one is not merged into Gloucester County's: it stops with did you mean", () => {
    const r = parseKml(myMaps([{ name: 'Washington Township Police Department', date: '5/1/2019', lon, lat }]), locate);
    const m = mergeKml(committed.tables, r.agencies, { exportDate: '2021-03-01', aliases, geocoder });
    expect(m.rejects.map((x) => x.reason)).toEqual([expect.stringMatching(/^"washington-township-police-department-nj" has this name but is in Gloucester County, not Morris County: did you mean it\?/)]);
    expect(m.changes).toEqual([]);
    expect(m.tables.programs).toEqual(committed.tables.programs);
  });
});

describe('2. encodings a KML declares', () => {
  const canon = (decl: string) => myMaps([{ name: 'Cañon City Police Department', date: '5/1/2019', lon: -105.2425, lat: 38.4408 }], decl);

  it.each([
    ['ISO-8859-1', (s: string) => Buffer.from(s, 'latin1')],
    ['windows-1252', (s: string) => Buffer.from(s, 'latin1')],
    ['UTF-8', (s: string) => Buffer.from(s, 'utf8')],
  ])('encoding="%s" is read as declared', (enc, bytes) => {
    const text = decodeXml(bytes(canon(`<?xml version="1.0" encoding="${enc}"?>`)));
    expect(parseKml(text, locate).placemarks[0].name).toBe('Cañon City Police Department');
  });

  it('UTF-16 with its byte-order mark is read', () => {
    const text = decodeXml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(canon('<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le')]));
    expect(parseKml(text, locate).placemarks[0].name).toBe('Cañon City Police Department');
  });

  it('Latin-1 bytes declared UTF-8, an unknown encoding and a typed U+FFFD stop with their line', () => {
    expect(() => decodeXml(Buffer.from(canon('<?xml version="1.0" encoding="UTF-8"?>'), 'latin1'))).toThrow(/not UTF-8 text \(byte 0xF1\)/);
    expect(() => decodeXml(Buffer.from(canon('<?xml version="1.0" encoding="KOI8-R"?>')))).toThrow(/declares encoding "koi8-r"/);
    try {
      decodeXml(Buffer.from(canon('<?xml version="1.0"?>').replace('Cañon', 'Ca\ufffdon')));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/contains "\ufffd" \(U\+FFFD\)/);
      expect((e as { line: number }).line).toBe(12);
    }
  });
});

describe('5. other spellings of an agency on the map', () => {
  const [lon, lat] = pointOf('los-angeles-police-department-ca');
  it.each(['LAPD', 'L.A. Police Department', 'Los Angeles P\u043elice Department', 'Los Angeles Polise Department', 'Los Angeles Police Department, CA'])(
    '"%s" merges into LAPD or stops, never a second agency',
    (name) => {
      const r = parseKml(myMaps([{ name, date: '5/23/2019', lon, lat }]), locate);
      const m = mergeKml(committed.tables, r.agencies, { exportDate: '2021-03-01', aliases, geocoder });
      expect(m.added).toEqual([]);
      const reasons = [...r.rejects, ...m.rejects].map((x) => x.reason);
      if (reasons.length === 0) expect(m.merged.map((x) => x.id)).toEqual(['los-angeles-police-department-ca']);
      else expect(reasons).toEqual([expect.stringMatching(/did you mean (?:"[a-z-]+" or )*"los-angeles-police-department-ca"|look-alike letters of another script/)]);
    },
  );
});

describe('9–10. long lines in linear time, and reasons', () => {
  const oneLine = (n: number) => myMaps(Array.from({ length: n }, (_, k) => ({ ...twenty[k % 20], name: `${twenty[k % 20].name}`, date: '5/1/2019', city: 'x'.repeat(200) }))).replace(/\n\s*/g, '');

  it('a 4.7 MB one-line file is read in seconds, and twice the size takes about twice the time', () => {
    const a = oneLine(5800);
    expect(a.length).toBeGreaterThan(4_700_000);
    expect(a.includes('\n')).toBe(false);
    let t = performance.now();
    parseXml(a);
    const ta = performance.now() - t;
    const doubled = oneLine(11_600);
    t = performance.now();
    parseXml(doubled);
    const tb = performance.now() - t;
    expect(ta).toBeLessThan(10_000);
    expect(tb / ta).toBeLessThan(3.5);
    // The whole reading, placemarks located and dated included.
    t = performance.now();
    expect(parseKml(a, locate).counts.kept).toBe(5800);
    expect(performance.now() - t).toBeLessThan(30_000);
  }, 180_000);

  it('a long description line is not searched for a date (and a megabyte one costs no more than its length)', () => {
    const huge = ' '.repeat(2_000_000) + ',';
    const t = performance.now();
    const r = parseKml(myMaps([{ ...twenty[0], date: '' }]).replace('Active Date: <br>', `Active Date: <br>${huge}<br>`), locate);
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(r.placemarks[0].date).toBeNull();
  }, 60_000);

  const today = isoToday();
  it.each([
    ['5/1/2031', `date "5/1/2031" is in the future (after ${today})`],
    ['2031-05-01', `date "2031-05-01" is in the future (after ${today})`],
    ['May 2009', 'date "May 2009" is before 2012, when Ring began'],
    ['2/30/2019', 'impossible date "2/30/2019": it does not exist (February 2019 has 28 days)'],
    ['February 30, 2019', 'impossible date "February 30, 2019": it does not exist (February 2019 has 28 days)'],
  ])('%s: %s', (raw, reason) => {
    expect(parseKmlDate(raw)).toEqual({ ok: false, reason });
  });

  it('names: formula, another script, look-alike letters, and a 5,000-character name are refused briefly', () => {
    const [lon, lat] = pointOf('los-angeles-police-department-ca');
    const r = parseKml(myMaps([
      { name: '=HYPERLINK("http://x")', date: '', lon, lat },
      { name: '\t+1', date: '', lon, lat },
      { name: 'Полиция Лос-Анджелеса', date: '', lon, lat },
      { name: 'Los Angeles P\u043elice Department', date: '', lon, lat },
      { name: 'L'.repeat(5000), date: '', lon, lat },
    ]), locate);
    expect(r.rejects.map((x) => x.reason)).toEqual([
      'agency name starts with "=", which a spreadsheet would run as a formula',
      'agency name starts with "+", which a spreadsheet would run as a formula',
      'agency name has no Latin letters or digits to make an id from',
      'agency name mixes Latin letters with look-alike letters of another script',
      'agency name longer than 200 characters',
    ]);
    for (const x of r.rejects) expect(x.name.length).toBeLessThanOrEqual(60);
  });
});

describe('the XML reader (saxes) keeps every refusal', () => {
  it.each([
    ['<!DOCTYPE kml [<!ENTITY a "b">]><kml>&a;</kml>', /line 1: DOCTYPE declarations are not allowed/],
    ['<kml>&xxe;</kml>', /unknown entity/],
    ['<kml>\nAT&T</kml>', /line 2: bare "&"/],
    ['<kml>&#0;</kml>', /not an XML character/],
    ['<kml>\n<a>\n</b></kml>', /line 3: end tag does not match <a> opened on line 2/],
    ['<kml/><kml/>', /more than one root element/],
    ['<kml a="1" a="2"/>', /repeated/],
    ['<kml>\n<Document>\n', /<Document> opened on line 2 is never closed/],
    ['text<kml/>', /text outside the root element/],
  ])('%s', (xml, reason) => {
    expect(() => parseXml(xml)).toThrow(reason);
  });
});

describe('12. the Atlas importer refuses formula names and publishers too (the build judges every import)', () => {
  it('an agency or a link source starting with = + - @ is rejected at its export line', async () => {
    const { parseAtlasExport } = await import('../../../pipeline/atlas/parse');
    const { mergeChecked } = await import('../../../pipeline/merge/checked');
    const { atlasCsv, ringRow, emptyTables } = await import('./helpers');
    const csv = atlasCsv([
      ringRow({ AOSNUMBER: 'AOS1', Agency: '=HYPERLINK("http://x")' }),
      ringRow({ AOSNUMBER: 'AOS2', Agency: 'Brookfield Police Department', City: 'Brookfield', 'Link 1': 'https://news.example.org/b', 'Link 1 Source': '@SUM(A1)' }),
      ringRow({ AOSNUMBER: 'AOS3', Agency: 'Wauwatosa Police Department', City: 'Wauwatosa' }),
    ]);
    const r = mergeChecked(emptyTables(), parseAtlasExport(csv).agencies, {
      exportDate: '2020-10-07', publishers: new Map(), geocoder: sharedGeocoder(), keepGoing: true, exportFile: 'atlas.csv',
    });
    expect(r.messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^atlas\.csv:2: agency name starts with "=", which a spreadsheet would run as a formula/),
      expect.stringMatching(/^atlas\.csv:3: publisher starts with "@", which a spreadsheet would run as a formula/),
    ]));
    expect(r.messages.every((m) => /^atlas\.csv:[23]: /.test(m))).toBe(true);
    expect(r.build.collection.features.map((f) => f.properties.id)).toEqual(['wauwatosa-police-department-wi']);
  });
});
