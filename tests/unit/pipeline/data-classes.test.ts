/**
 * Classes of errors an audit found (issue 21): each fixed case, and a sweep
 * of the whole committed dataset for every other member of its class, through
 * the same rules the build and the site use (src/core).
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATE_KINDS } from '../../../src/core/vocabulary';
import { coversWholeCounty, jurisdictionOf, namedMunicipality } from '../../../src/core/jurisdiction';
import { CollectionSchema } from '../../../src/core/schema';
import { summaryContradiction } from '../../../src/core/summary-check';

const fc = CollectionSchema.parse(JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')));
const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
const agencies = new Map(csv('agencies.csv').map((r) => [r.id, r]));
const byId = new Map(fc.features.map((f) => [f.properties.id, f.properties]));
const programs = fc.features.flatMap((f) => f.properties.programs.map((g) => ({ id: f.properties.id, g })));
const ATLAS = '../shared/sources/aos-2020-10-07-as130/ring_neighbors_rows_only.csv';

describe('a place is the agency’s jurisdiction, not its mailing town', () => {
  it('names a township, town or borough the way the rule reads them', () => {
    expect(namedMunicipality('Berkeley Township Police Department')).toBe('Berkeley Township');
    expect(namedMunicipality('Ramapo Town Police Department')).toBe('Ramapo');
    expect(namedMunicipality('Town of Ramapo Police')).toBe('Ramapo');
    expect(namedMunicipality('Township of Ocean Police Department')).toBe('Ocean Township');
    expect(namedMunicipality('Blakely Borough Police Department')).toBe('Blakely');
    expect(namedMunicipality('Suffern Police Department')).toBeUndefined();
    expect(namedMunicipality('Rockland County Sheriff’s Office')).toBeUndefined();
  });

  /** Left as they are, each with the reason (logged in research-log.csv). */
  const UNRESOLVED: Record<string, string> = {
    'manheim-lancaster-township-police-department-pa': 'combined name of two townships; needs a source before its place changes',
  };

  it('every township, town or borough police department has that municipality as its place', () => {
    const named = fc.features.map((f) => f.properties).filter((p) => namedMunicipality(p.name) !== undefined);
    // The sweep covers every such department on the map, not a sample.
    expect(named.length).toBeGreaterThan(80);
    const bare = (s: string) => s.toLowerCase().replace(/\s+(township|town|borough|boro)$/, '').trim();
    const wrong = named
      .filter((p) => !UNRESOLVED[p.id] && bare(p.city ?? '') !== bare(namedMunicipality(p.name)!))
      .map((p) => `${p.id}: ${p.city}`);
    expect(wrong).toEqual([]);
  });

  it('the departments the audit named carry their township or town, each correction with its reason', () => {
    expect(byId.get('ramapo-town-police-department-ny')?.city).toBe('Ramapo');
    expect(byId.get('berkeley-township-police-department-nj')?.city).toBe('Berkeley Township');
    expect(byId.get('mount-olive-township-police-department-nj')?.city).toBe('Mount Olive Township');
    expect(byId.get('west-windsor-township-police-department-nj')?.city).toBe('West Windsor Township');
    expect(byId.get('woodbury-town-police-department-ny')?.city).toBe('Woodbury');
    const corrected = new Set(csv('place_corrections.csv').filter((r) => r.field === 'city').map((r) => r.agency_id));
    for (const id of ['ramapo-town-police-department-ny', 'berkeley-township-police-department-nj', 'kalamazoo-township-police-department-mi']) expect(corrected.has(id), id).toBe(true);
  });

  it('a name that is also another municipality’s (Kalamazoo, Freehold) is written as the township', () => {
    expect(byId.get('kalamazoo-township-police-department-mi')?.city).toBe('Kalamazoo Township');
    expect(byId.get('freehold-township-police-department-nj')?.city).toBe('Freehold Township');
  });
});

describe('a contract station covers its contract city only', () => {
  it('one rule, whatever the agency is called: contract is never county-wide, a sheriff otherwise is', () => {
    expect(jurisdictionOf('sheriff', 'contract')).toBe('contract');
    expect(coversWholeCounty('sheriff', 'contract')).toBe(false);
    expect(coversWholeCounty('police', 'contract')).toBe(false);
    expect(coversWholeCounty('sheriff', '')).toBe(true);
    expect(coversWholeCounty('sheriff', 'municipal')).toBe(true);
  });

  it('every published agency’s county_wide is the rule applied to its table row', () => {
    // Agencies from volunteers' submissions have no table row; the build applies the same rule to them.
    const rows = fc.features.map((f) => [f.properties, agencies.get(f.properties.id)] as const).filter(([, row]) => row);
    expect(rows.length).toBeGreaterThan(1500);
    for (const [p, row] of rows) {
      if (!row) continue;
      expect(p.county_wide, p.id).toBe(coversWholeCounty(row.agency_type, row.jurisdiction));
      expect(p.jurisdiction, p.id).toBe(jurisdictionOf(row.agency_type, row.jurisdiction));
    }
  });

  it('Aliso Viejo, Chino Hills and Dublin are contract stations of their city, never listed for the whole county', () => {
    for (const id of ['orange-county-sheriffs-department-aliso-viejo-police-services-ca', 'chino-hills-police-department-ca', 'dublin-police-department-ca']) {
      expect(byId.get(id), id).toMatchObject({ jurisdiction: 'contract', county_wide: false });
    }
    expect(byId.get('orange-county-sheriffs-department-aliso-viejo-police-services-ca')?.geocode_precision).toBe('city');
  });

  it('any agency named or noted as police services or a contract is typed contract', () => {
    const looks = [...agencies.values()].filter((a) => /police services/i.test(a.name) || /\bcontract (city|station)\b|\bunder contract\b/i.test(a.note));
    expect(looks.length).toBeGreaterThanOrEqual(3);
    expect(looks.filter((a) => a.jurisdiction !== 'contract').map((a) => a.id)).toEqual([]);
  });
});

describe('a date is recorded with what it is', () => {
  it('every dated program says whether it began, was announced, or was reported active by then; no undated one does', () => {
    const dated = programs.filter(({ g }) => g.start_date);
    expect(dated.length).toBeGreaterThan(1500);
    expect(dated.filter(({ g }) => !g.start_kind || !DATE_KINDS.includes(g.start_kind)).map(({ id }) => id)).toEqual([]);
    expect(programs.filter(({ g }) => !g.start_date && g.start_kind).map(({ id }) => id)).toEqual([]);
  });

  it('an agency’s start says what its date is: the kind of the program it comes from', () => {
    for (const f of fc.features) {
      const p = f.properties;
      if (!p.start_date) {
        expect(p.start_kind ?? null, p.id).toBeNull();
        continue;
      }
      const kinds = p.programs.filter((g) => g.start_date === p.start_date).map((g) => g.start_kind);
      expect(kinds, p.id).toContain(p.start_kind);
    }
  });

  it('the audited dates: Corvallis announced, Bakersfield FD began in February 2021, Trenton began in January 2021, Salisbury reported active by September 2022', () => {
    expect(byId.get('corvallis-police-department-or')).toMatchObject({ start_date: '2020', start_kind: 'announced' });
    expect(byId.get('bakersfield-fire-department-ca')).toMatchObject({ start_date: '2021-02', start_precision: 'month', start_kind: 'began' });
    expect(byId.get('trenton-police-department-mi')).toMatchObject({ start_date: '2021-01', start_kind: 'began' });
    expect(byId.get('salisbury-police-department-ma')).toMatchObject({ start_date: '2022-09', start_kind: 'active_by' });
    // The Atlas's dates are Ring's own activation dates.
    expect(byId.get('greenfield-police-department-wi')?.start_kind).toBe('began');
  });
});

describe('a summary never contradicts its fields', () => {
  it('the rule catches each kind of contradiction', () => {
    expect(summaryContradiction({ start_date: '2022-09', start_kind: 'active_by', summary: 'Named in a report; the report gives no start date.' })).toMatch(/no start date/);
    expect(summaryContradiction({ start_date: null, summary: 'Listed on the map, active from this date.' })).toMatch(/empty/);
    expect(summaryContradiction({ start_date: '2020', start_kind: null, summary: 'Joined.' })).toMatch(/no start_kind/);
    expect(summaryContradiction({ start_date: '2020', start_kind: 'active_by', summary: 'Joined in 2020.' })).toMatch(/upper bound/);
    expect(summaryContradiction({ start_date: '2020', start_kind: 'announced', summary: 'Joined in 2020.' })).toMatch(/announced/);
    expect(summaryContradiction({ start_date: '2020', start_kind: 'began', summary: 'The date is an upper bound.' })).toMatch(/began/);
    expect(summaryContradiction({ start_date: '2020', start_kind: 'active_by', summary: 'The date is the report’s, so it began then or earlier.' })).toBeNull();
  });

  it('no published program’s summary contradicts its date fields', () => {
    expect(programs.length).toBeGreaterThan(1550);
    const bad = programs.map(({ id, g }) => [id, summaryContradiction(g)]).filter(([, why]) => why);
    expect(bad).toEqual([]);
  });
});

describe('perks: what the sources say was given is given', () => {
  it('Gwinnett County’s 80 doorbells worth $15,920 were donated (Motherboard) and count in the totals', () => {
    expect(byId.get('gwinnett-county-police-department-ga')).toMatchObject({ devices_given: 80, perk_value_usd: 15920 });
  });

  it('Winnebago County held its first giveaway (WIFR, 29 October 2022): given, count not documented', () => {
    const g = byId.get('winnebago-county-board-il')!.programs.find((x) => x.kind === 'city_subsidy')!;
    expect(g).toMatchObject({ perk_status: 'given', devices_given: null, perk_value_usd: null, subsidy_usd: null });
    expect(g.perk_note).toMatch(/count not documented/);
  });
});

describe('subsidies the Atlas summaries describe are programs', () => {
  /** Atlas rows whose subsidy is recorded under the city's own program (the city ran it, not its police). */
  const UNDER_CITY: Record<string, string> = { AOS3839: 'city-of-peoria-il', AOS3854: 'city-of-hammond-in', AOS3861: 'city-of-arcadia-ca' };
  const SUBSIDY = /subsid|discount|rebate|\$|free (?:ring|camera|doorbell|device)|donat|giveaway|promo code|coupon|voucher/i;

  it.skipIf(!existsSync(ATLAS))('every Atlas summary with subsidy wording has a subsidy program, or the city’s', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(ATLAS, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const byAtlas = new Map<string, string>();
    for (const a of agencies.values()) for (const x of a.atlas_ids.split(';').map((s) => s.trim()).filter(Boolean)) byAtlas.set(x, a.id);
    const withSubsidy = rows.filter((r) => SUBSIDY.test(r.Summary));
    expect(withSubsidy.length).toBe(14);
    const missing = withSubsidy.filter((r) => {
      const id = UNDER_CITY[r.AOSNUMBER] ?? byAtlas.get(r.AOSNUMBER);
      return !id || !byId.get(id)?.programs.some((g) => g.kind === 'city_subsidy');
    });
    expect(missing.map((r) => `${r.AOSNUMBER} ${r.Agency}`)).toEqual([]);
  });

  it('the three added: Berkeley Township and Columbine Valley offered, Redondo Beach approved, none counted', () => {
    const sub = (id: string) => byId.get(id)!.programs.find((g) => g.kind === 'city_subsidy')!;
    expect(sub('berkeley-township-police-department-nj')).toMatchObject({ perk_status: 'offered', subsidy_usd: null });
    expect(sub('columbine-valley-police-department-co')).toMatchObject({ perk_status: 'offered', subsidy_usd: null });
    expect(sub('redondo-beach-police-department-ca')).toMatchObject({ perk_status: 'approved', subsidy_usd: null, start_date: '2017-04', start_kind: 'announced' });
  });
});

describe('an agency named only through its city is not on the map', () => {
  it('Eugene PD is gone (the source names the city; Ring’s map showed the Lane County Sheriff’s Office there)', () => {
    expect(byId.has('eugene-police-department-or')).toBe(false);
    expect(byId.get('lane-county-sheriffs-office-or')?.city).toBe('Eugene');
  });
});

describe('a source read only as a copy says so', () => {
  const sources = csv('sources.csv');

  it('every archive link is marked archived, every publisher naming a copy is marked syndicated', () => {
    const archives = sources.filter((s) => /^https?:\/\/(web\.archive\.org|archive\.(is|ph|today))\//.test(s.url));
    expect(archives.length).toBeGreaterThan(0);
    expect(archives.filter((s) => s.copy !== 'archived').map((s) => s.id)).toEqual([]);
    const copies = sources.filter((s) => /\(copy\b|\bcopy (on|of)\b|\bvia\b|\breprint\b|\bmirror\b/i.test(s.publisher));
    expect(copies.length).toBeGreaterThan(5);
    expect(copies.filter((s) => !s.copy).map((s) => s.id)).toEqual([]);
  });

  it('the published sources carry the flag', () => {
    const flagged = fc.features.flatMap((f) => f.properties.sources).filter((s) => s.copy);
    expect(flagged.length).toBeGreaterThan(5);
    expect(flagged.every((s) => s.copy === 'archived' || s.copy === 'syndicated')).toBe(true);
  });
});

describe('reported totals', () => {
  it('Consumer Reports’ end of March 2021 figure (La Opinión, 7 June 2021) is recorded with its quote', () => {
    const t = csv('reported-totals.csv').find((r) => r.id === 'cr-2021-03-law-1700')!;
    expect(t).toMatchObject({ as_of: '2021-03', metric: 'partners_total', value: '1700', at_least: 'true', pub_date: '2021-06-07' });
    expect(t.quote).toContain('1,700');
    expect(t.quote).toContain('300 departamentos de bomberos');
    expect(t.source_url).toMatch(/^https:\/\/laopinion\.com\//);
  });
});
