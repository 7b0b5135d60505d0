/** The card's status line: denied, ended and disputed partnerships are said in words. */
import { describe, expect, it } from 'vitest';
import { statusText, PERK_STATUS_WORDS } from '../../../src/ui/agency-card';
import { agencyStatus } from '../../../src/core/contract';
import { program } from './fixtures';

describe('statusText', () => {
  it('says nothing extra for a listed partnership with no end', () => {
    const programs = [program()];
    expect(statusText({ status: agencyStatus(programs), programs })).toBeNull();
  });

  it('says a denial with who said it', () => {
    const programs = [program({ status: 'denied', status_note: 'The department denied the partnership in July 2020 (EFF Atlas summary).' })];
    expect(agencyStatus(programs)).toBe('denied');
    expect(statusText({ status: 'denied', programs })).toBe('Denied by the agency: The department denied the partnership in July 2020 (EFF Atlas summary).');
  });

  it('names an ended arrangement of an agency that is still listed', () => {
    const programs = [program(), program({ kind: 'officer_incentives', status: 'ended', status_note: 'Ring says it ended in 2019.' })];
    expect(agencyStatus(programs)).toBe('active');
    expect(statusText({ status: 'active', programs })).toBe('Partnership listed; incentives to officers ended');
  });

  it('an agency whose every program ended has ended', () => {
    const programs = [program({ kind: 'city_subsidy', status: 'ended', status_note: 'Ring stopped co-funding.' })];
    expect(agencyStatus(programs)).toBe('ended');
    expect(statusText({ status: 'ended', programs })).toBe('Ended: Ring stopped co-funding.');
  });

  it('has words for every perk kind', () => {
    expect(Object.keys(PERK_STATUS_WORDS).sort()).toEqual(['approved', 'bought_by_agency', 'declined', 'given', 'not_documented', 'offered', 'returned']);
  });
});

describe('the card says what a start date is', () => {
  it('has words for each date kind that is not a start, and for each kind of copy, in both languages', async () => {
    const { CATALOGUES } = await import('../../../src/i18n/messages');
    const { DATE_KINDS, SOURCE_COPIES } = await import('../../../src/core/contract');
    for (const l of ['en', 'es'] as const) {
      expect(Object.keys(CATALOGUES[l].dateKindWords).sort()).toEqual(DATE_KINDS.filter((k) => k !== 'began').sort());
      expect(Object.keys(CATALOGUES[l].sourceCopyWords).sort()).toEqual([...SOURCE_COPIES].sort());
    }
  });
});
