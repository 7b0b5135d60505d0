/**
 * The record history in words, through the same code the card and the
 * agency pages run: every field the changelog can name (every field of every
 * published record) has words in both languages, every kind of change reads
 * right, and a damaged or hostile changelog.json is dropped line by line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, decodeChangelog, snapshotOf, type ChangeLine } from '../../../src/core/releases';
import { changeSources, changeText, fieldLabel } from '../../../src/story/record-history';

const fc = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
const fields = [...new Set(Object.values(snapshotOf(fc.features)).flatMap((r) => Object.keys(r)))];

const line = (o: Partial<ChangeLine>): ChangeLine => ({
  release: '2', date: '2026-12-20', agency_id: 'a-police-department-wi', state: 'WI', change: 'corrected', field: 'city', from: 'A', to: 'B', reason: '', source: '', ...o,
});

describe('record history words', () => {
  it(`every one of the ${fields.length} fields a release can name has words in English and Spanish`, () => {
    expect(fields.length).toBeGreaterThan(40);
    for (const f of fields) {
      for (const l of ['en', 'es'] as const) {
        const w = fieldLabel(f, l);
        expect(w, `${f} (${l})`).not.toMatch(/_|programs\.|#/);
        expect(w.length).toBeGreaterThan(2);
      }
    }
  });

  it('says each kind of change, an empty side as "not documented"', () => {
    const said = CHANGE_KINDS.map((change) => changeText(line({ change, from: change === 'documented' ? '' : 'A' }), 'en'));
    expect(said).toEqual(['Added to the data.', 'Newly documented: city, not documented → B.', 'Corrected: city, A → B.', 'Ended: city, A → B.', 'Removed from the data.']);
    expect(changeText(line({ field: 'programs.device_donation#2.devices_given', from: '', to: '10', change: 'documented' }), 'es')).toBe(
      'Documentado por primera vez: Donación de dispositivos (2): dispositivos entregados, sin documentar → 10.',
    );
  });

  it('links only http(s) sources', () => {
    expect(changeSources(line({ source: 'https://a.example/x javascript:alert(1) http://b.example/ data:text/html,x' }))).toEqual(['https://a.example/x', 'http://b.example/']);
  });
});

describe('decodeChangelog', () => {
  const good = { releases: [{ version: '1', date: '2026-12-07' }, { version: '2', date: '2026-12-20' }], changes: [line({})] };
  it('keeps well-formed releases and lines', () => {
    expect(decodeChangelog(good).changes).toHaveLength(1);
    expect(decodeChangelog(good).releases).toHaveLength(2);
  });
  it('drops anything malformed, never throws', () => {
    for (const bad of [null, 5, 'x', [], { releases: 'x' }, { releases: [{ version: '<b>', date: '2026-12-07' }] }, { releases: [{ version: '1', date: 5 }] }]) {
      expect(decodeChangelog(bad).releases).toEqual([]);
    }
    const log = decodeChangelog({
      ...good,
      changes: [line({ change: 'exploded' as ChangeLine['change'] }), line({ release: '9' }), { ...line({}), reason: 5 }, line({ reason: 'x'.repeat(30_000) }), line({ field: 'state' })],
    });
    expect(log.changes.map((l) => l.field)).toEqual(['state']);
  });
});
