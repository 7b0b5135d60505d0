import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../src/i18n/messages';
import { DATE_KINDS, SOURCE_COPIES } from '../../../src/core/vocabulary';
import { partnershipStory } from '../../../src/story/partnership-story';

describe('the card says what a start date is', () => {
  it('has words for each date kind that is not a start, and for each kind of copy, in both languages', () => {
    for (const l of ['en', 'es'] as const) {
      expect(Object.keys(CATALOGUES[l].dateKindWords).sort()).toEqual(DATE_KINDS.filter((k) => k !== 'began').sort());
      expect(Object.keys(CATALOGUES[l].sourceCopyWords).sort()).toEqual([...SOURCE_COPIES].sort());
    }
  });

  it('tells an announcement and a report date apart from a start, in both languages', () => {
    const program = (start_kind: 'began' | 'announced' | 'active_by') => ({
      kind: 'neighbors_portal' as const, start_date: '2020-05', start_kind, end_date: null, status: 'active' as const,
      perk_status: null, devices_given: null, perk_value_usd: null, subsidy_usd: null, at_least: false, figures_derived: false,
    });
    const story = (k: 'began' | 'announced' | 'active_by', l: 'en' | 'es') =>
      partnershipStory({ status: 'active', end_date: null, programs: [program(k)] }, l).text;
    expect(story('announced', 'en')).toMatch(/announced in May 2020 \(month only\), an announcement rather than a start/);
    expect(story('active_by', 'en')).toMatch(/reported active by May 2020 \(month only\), so it may have begun earlier/);
    expect(story('began', 'en')).not.toMatch(/announced|reported active by/);
    expect(story('announced', 'es')).toMatch(/anunciado/);
    expect(story('active_by', 'es')).toMatch(/según un informe/);
  });
});
