import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../pipeline/lib/csv';
import { AgencyMatcher, looseAgencyName, normalizeAgencyName } from '../../../pipeline/merge/names';
import { countyWithSuffix, mergeReporting } from '../../../pipeline/merge/reporting';
import { agency, dateFieldProblems, emptyTables, program, source } from './helpers';

const cand = (id: string, name: string, state: string, agency_type = 'police') => ({ id, name, state, agency_type });

describe('agency name normalisation', () => {
  it('treats "Twp." as "Township" and "Dept." as "Department"', () => {
    expect(normalizeAgencyName('Kalamazoo Twp. Police Dept.')).toBe(normalizeAgencyName('Kalamazoo Township Police Department'));
  });
  it("treats Sheriff's Office, Sheriff's Department and Sheriffs Office alike", () => {
    const n = normalizeAgencyName("Ventura County Sheriff's Office");
    expect(normalizeAgencyName("Ventura County Sheriff's Department")).toBe(n);
    expect(normalizeAgencyName('Ventura County Sheriffs Office')).toBe(n);
    expect(normalizeAgencyName('Ventura County Sheriff\u2019s Dept.')).toBe(n);
  });
  it('drops a leading "City of", and reads St./Saint, Mt./Mount and PD alike', () => {
    expect(normalizeAgencyName('City of Miami Beach Police Department')).toBe(normalizeAgencyName('Miami Beach Police Department'));
    expect(normalizeAgencyName('Saint Tammany Parish Sheriff\u2019s Office')).toBe(normalizeAgencyName("St. Tammany Parish Sheriff's Office"));
    expect(normalizeAgencyName('Mt. Juliet PD')).toBe(normalizeAgencyName('Mount Juliet Police Department'));
  });
  it('keeps different places different', () => {
    expect(normalizeAgencyName('Ocean City Police Department')).not.toBe(normalizeAgencyName('Ocean Township Police Department'));
    expect(normalizeAgencyName('Greenfield Police Department')).not.toBe(normalizeAgencyName('Greenfield Fire Department'));
    expect(looseAgencyName('Berkeley Township Police Department')).toBe(looseAgencyName('Berkeley Police Department'));
  });
});

describe('matching', () => {
  const m = new AgencyMatcher([
    cand('addison-police-department-il', 'Addison Police Department', 'IL'),
    cand('addison-police-department-tx', 'Addison Police Department', 'TX'),
    cand('ocean-city-police-department-nj', 'Ocean City Police Department', 'NJ'),
    cand('ocean-township-police-department-nj', 'Ocean Township Police Department', 'NJ'),
    cand('berkeley-township-police-department-nj', 'Berkeley Township Police Department', 'NJ'),
    cand('ventura-county-sheriffs-office-ca', "Ventura County Sheriff's Office", 'CA', 'sheriff'),
  ]);

  it('keeps the same name in different states apart', () => {
    expect(m.match('Addison Police Department', 'IL')?.item.id).toBe('addison-police-department-il');
    expect(m.match('Addison Police Department', 'TX')?.item.id).toBe('addison-police-department-tx');
    expect(m.match('Addison Police Department', 'NY')).toBeUndefined();
  });
  it("matches Sheriff's Department to Sheriff's Office exactly", () => {
    expect(m.match("Ventura County Sheriff's Department", 'CA')).toMatchObject({ how: 'exact', item: { id: 'ventura-county-sheriffs-office-ca' } });
  });
  it('uses the loose key only when asked, only when unique, and only for the same type', () => {
    expect(m.match('Berkeley Police Department', 'NJ')).toBeUndefined();
    expect(m.match('Berkeley Police Department', 'NJ', { loose: true })).toMatchObject({ how: 'loose', item: { id: 'berkeley-township-police-department-nj' } });
    // "Ocean" fits both Ocean City and Ocean Township: ambiguous, so no match.
    expect(m.match('Ocean Police Department', 'NJ', { loose: true })).toBeUndefined();
    expect(m.match('Berkeley Police Department', 'NJ', { loose: true, agencyType: 'fire' })).toBeUndefined();
  });
  it('honours curated aliases', () => {
    const m2 = new AgencyMatcher([cand('kansas-city-police-department-mo', 'Kansas City Police Department', 'MO')]);
    expect(m2.match('Kansas City Missouri Police Department', 'MO', { loose: true })).toBeUndefined();
    m2.addAlias('Kansas City Missouri Police Department', 'MO', 'kansas-city-police-department-mo');
    expect(m2.match('Kansas City Missouri Police Department', 'MO')).toMatchObject({ how: 'alias' });
  });
});

describe('merging agencies named in news reports', () => {
  const header = 'agency,agency_type,city,county,state,start_date,source_url,source_date\n';
  const records = (rows: string) => parseCsv(header + rows).records;
  const base = () => {
    const t = emptyTables();
    t.agencies.push(agency({ id: 'wichita-police-department-ks', name: 'Wichita Police Department', state: 'KS', city: 'Wichita' }));
    t.programs.push(program({ id: 'wichita-police-department-ks--neighbors-portal', agency_id: 'wichita-police-department-ks', start_date: '2019-04-09', source_ids: 'atlas' }));
    t.sources.push(source({ id: 'atlas', type: 'dataset' }));
    return t;
  };

  it('adds the report as a source of the existing agency, keeping its date and noting the conflict', () => {
    const r = mergeReporting(base(), records('Wichita Police Department,police,Wichita,,KS,2019-02,https://www.kansas.com/news/a.html,2019-08-29\n'), { publishers: new Map([['kansas.com', 'The Wichita Eagle']]) });
    const p = r.tables.programs[0];
    expect(p.start_date).toBe('2019-04-09');
    expect(p.source_ids.split('; ')).toHaveLength(2);
    expect(r.tables.sources.find((s) => s.url === 'https://www.kansas.com/news/a.html')).toMatchObject({ publisher: 'The Wichita Eagle', type: 'news', date: '2019-08-29' });
    expect(r.dateConflicts).toEqual([{ id: 'wichita-police-department-ks', kept: '2019-04-09', reported: '2019-02' }]);
  });

  it('adds an unknown agency with a dated portal program, county suffixed, and reuses a known URL', () => {
    const r = mergeReporting(base(), records(
      'Weld County Sheriff\'s Office,sheriff,,Weld,CO,,https://example.org/weld,\n' +
      'Caddo Parish Sheriff\'s Office,sheriff,,Caddo,LA,2021-01,https://example.org/weld,\n',
    ), { publishers: new Map() });
    expect(r.added).toEqual(['weld-county-sheriffs-office-co', 'caddo-parish-sheriffs-office-la']);
    expect(r.tables.agencies.find((a) => a.id === 'caddo-parish-sheriffs-office-la')).toMatchObject({ county: 'Caddo Parish', jurisdiction: 'county' });
    expect(r.tables.sources.filter((s) => s.url === 'https://example.org/weld')).toHaveLength(1);
    expect(r.tables.programs.find((p) => p.agency_id === 'caddo-parish-sheriffs-office-la')).toMatchObject({ start_date: '2021-01', start_kind: 'began' });
    expect(r.tables.programs.find((p) => p.agency_id === 'weld-county-sheriffs-office-co')).toMatchObject({ start_date: '', start_kind: '' });
    expect(dateFieldProblems(r.tables.programs.filter((p) => r.added.includes(p.agency_id)))).toEqual([]);
    expect(countyWithSuffix('Madison', 'AL')).toBe('Madison County');
  });

  it('rejects bad report rows with their line', () => {
    const r = mergeReporting(base(), records(
      ',police,X,,KS,,https://example.org/a,\n' +
      'Y Police Department,police,Y,,QQ,,https://example.org/b,\n' +
      'Z Police Department,police,Z,,KS,2019-02-30,https://example.org/c,\n' +
      'W Police Department,police,W,,KS,,javascript:alert(1),\n',
    ), { publishers: new Map() });
    expect(r.rejects.map((x) => x.line)).toEqual([2, 3, 4, 5]);
    expect(r.added).toEqual([]);
  });

  it('is idempotent', () => {
    const rows = records('Wichita Police Department,police,Wichita,,KS,,https://www.kansas.com/news/a.html,\nNew Police Department,police,Newton,,KS,2019,https://example.org/n,\n');
    const once = mergeReporting(base(), rows, { publishers: new Map() }).tables;
    expect(mergeReporting(once, rows, { publishers: new Map() }).tables).toEqual(once);
  });
});
