/** The shared domain rules (src/core): each exists once, and the site and the build read them alike. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { isId, isProgramId } from '../../../src/core/ids';
import { cleanText, fold, foldText, hasMarkup } from '../../../src/core/text';
import { dateProblem, datePrecision, earlierDate, isProgramDate } from '../../../src/core/dates';
import { isFloor } from '../../../src/core/figures';
import { countyFromName, coversWholeCounty, isIndependentCity, jurisdictionOf } from '../../../src/core/jurisdiction';
import { FeatureSpec, PropertiesSpec, type AgencyCollection, type AgencyFeature } from '../../../src/core/contract';
import { FeatureSchema } from '../../../src/core/schema';
import { conforms, problem } from '../../../src/core/spec';
import { isValidFeature } from '../../../src/data/load';
import { Boundaries } from '../../../pipeline/geocode/boundaries';
import { program } from '../app/fixtures';

describe('ids', () => {
  it('agency ids are lower-case slugs; program ids may join parts with a double hyphen', () => {
    expect(isId('miami-dade-police-department-fl')).toBe(true);
    for (const bad of ['', '-ca', 'a--b', 'A-b', 'a b', 'a_b', 'x'.repeat(201), 42, null]) expect(isId(bad), String(bad)).toBe(false);
    expect(isProgramId('kenosha-police-department-wi--neighbors-portal')).toBe(true);
    expect(isProgramId('a---b')).toBe(false);
  });
});

describe('text', () => {
  it('one cleaning rule: NFC, invisible and direction-control characters out, spaces collapsed, trimmed, optionally capped', () => {
    expect(cleanText('  Lake\u202eland\u200b   PD \u0000')).toBe('Lakeland PD');
    expect(cleanText('Cafe\u0301')).toBe('Café');
    expect(cleanText('a\tb\nc')).toBe('a b c');
    expect(cleanText('abcdef', 3)).toBe('abc');
    expect(cleanText('plain text')).toBe('plain text');
    expect(hasMarkup('<img src=x>')).toBe(true);
    expect(hasMarkup('a < 3')).toBe(false);
    expect(fold('La Cañada')).toBe('La Canada');
    expect(foldText('Doña Ana ﬁre')).toBe('dona ana fire');
  });
});

describe('dates', () => {
  it('a publishable date is a real partial date from 2012 to the build date', () => {
    expect(dateProblem('2019-02-29', '2026-01-01')).toContain('not a real');
    expect(dateProblem('2011', '2026-01-01')).toContain('before 2012');
    expect(dateProblem('2026-02', '2026-01-15')).toContain('after 2026-01-15');
    expect(isProgramDate('2020-02-29', '2026-01-01')).toBe(true);
    expect(datePrecision('2019-05')).toBe('month');
    expect(earlierDate('2019-05', '2019-05-23')).toBe('2019-05-23');
    expect(earlierDate('2019', '2018-12')).toBe('2018-12');
    expect(earlierDate(null, '2019')).toBe('2019');
  });
});

describe('"at least"', () => {
  it('a total is a floor only when a program’s figure in that total is one', () => {
    const floorDevices = program({ at_least: true, devices_given: 170, perk_status: 'given' });
    const exactValue = program({ perk_value_usd: 500, perk_status: 'given' });
    expect(isFloor([floorDevices, exactValue], ['devices_given'])).toBe(true);
    expect(isFloor([floorDevices, exactValue], ['perk_value_usd', 'subsidy_usd'])).toBe(false);
    expect(isFloor([floorDevices, exactValue])).toBe(true);
    expect(isFloor([exactValue])).toBe(false);
  });
});

describe('jurisdiction', () => {
  it('sheriffs and county agencies cover their county; the table decides the rest', () => {
    expect(jurisdictionOf('sheriff', '')).toBe('county');
    expect(jurisdictionOf('police', 'county')).toBe('county');
    expect(jurisdictionOf('police', 'municipal')).toBe('municipal');
    expect(jurisdictionOf('other', '')).toBeNull();
    expect(coversWholeCounty('police', 'county')).toBe(true);
    expect(coversWholeCounty('police', 'regional')).toBe(false);
    expect(countyFromName('Caddo Parish Commission')).toBe('Caddo Parish');
  });
  it('independent cities are Virginia’s, Baltimore, St. Louis and Carson City — not Texas counties numbered 501–507', () => {
    for (const f of ['51760', '51510', '24510', '29510', '32510']) expect(isIndependentCity(f), f).toBe(true);
    for (const f of ['48503', '48507', '24005', '29189', '51059', '02290']) expect(isIndependentCity(f), f).toBe(false);
    // The build's boundary lookup uses the same rule: "Young County" is a county of Texas.
    const b = Boundaries.load();
    expect(b.findCounties('TX', 'Young County').map((a) => a.id)).toEqual(['48503']);
    expect(b.findCounties('VA', 'Richmond city').map((a) => a.id)).toEqual(['51760']);
  });
});

describe('the published contract, declared once', () => {
  const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  const sample = data.features.slice(0, 40);
  /** Broken copies of a feature, one fault each. */
  const faults: [string, (f: AgencyFeature) => void][] = [
    ['at_least missing', (f) => delete (f.properties.programs[0] as Partial<AgencyFeature['properties']['programs'][0]>).at_least],
    ['bad id', (f) => (f.properties.id = 'Bad Id')],
    ['negative figure', (f) => (f.properties.devices_given = -1)],
    ['impossible date', (f) => (f.properties.start_date = '2019-02-30')],
    ['date before Ring', (f) => (f.properties.start_date = '2009')],
    ['javascript link', (f) => (f.properties.mou_url = 'javascript:alert(1)')],
    ['no sources', (f) => (f.properties.sources = [])],
    ['blank name', (f) => (f.properties.name = '   ')],
    ['unknown jurisdiction', (f) => ((f.properties as Record<string, unknown>).jurisdiction = 'planet')],
    ['bad county FIPS', (f) => (f.properties.county_fips = '123')],
    ['longitude out of range', (f) => (f.geometry.coordinates[0] = 200)],
    ['string figure', (f) => ((f.properties.programs[0] as Record<string, unknown>).perk_value_usd = '100')],
  ];

  it('zod (the build) and the light checker (the site) accept every committed feature', () => {
    for (const f of data.features) {
      expect(problem(FeatureSpec, f), f.properties.id).toBeNull();
      expect(isValidFeature(f)).toBe(true);
    }
    for (const f of sample) expect(FeatureSchema.safeParse(f).success).toBe(true);
  });

  it('both refuse the same broken records, the site’s included (it used to skip at_least)', () => {
    for (const [what, breakIt] of faults) {
      for (const orig of sample.slice(0, 5)) {
        const f = structuredClone(orig);
        breakIt(f);
        expect(FeatureSchema.safeParse(f).success, what).toBe(false);
        expect(conforms(FeatureSpec, f), what).toBe(false);
        expect(isValidFeature(f), what).toBe(false);
      }
    }
  });

  it('the README’s data dictionary lists exactly the published agency properties', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Agency (feature `properties`'), readme.indexOf('### Program ('));
    const listed = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(PropertiesSpec.shape));
    expect(Object.keys(data.features[0].properties)).toEqual(Object.keys(PropertiesSpec.shape));
  });
});

describe('src/core stays portable', () => {
  it('uses no DOM and no file system, so the pipeline and the site can both run it', () => {
    for (const file of readdirSync('src/core')) {
      const code = readFileSync(`src/core/${file}`, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        // String literals are data, not uses of the DOM.
        .replace(/'[^'\n]*'/g, "''");
      expect(code, file).not.toMatch(/\b(document|window|HTMLElement|localStorage)\b|from 'node:|from 'fs'/);
      expect(code, file).not.toMatch(/from '\.\.\//);
    }
  });
});
