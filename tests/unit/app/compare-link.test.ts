/** The compare link: `area=<q1>&compare=<q2>`, parsed and formatted as pure, hostile-input-safe functions. */
import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState, MAX_TEXT } from '../../../src/state/url-state';
import { defaultState } from '../../../src/state/app-state';
import { fullMapUrl } from '../../../src/controllers/url-sync';
import { MSG, setLocale } from '../../../src/i18n/messages';

setLocale('en');
const both = (area: string, compare: string) => ({ ...defaultState(), area, compare });

describe('compare link', () => {
  it('round-trips two places, with the radius and filters beside them', () => {
    const s = { ...both('Houston, TX', 'Miami-Dade County'), radius: 25, filters: { ...defaultState().filters, types: ['police' as const] } };
    const hash = formatUrlState(s);
    expect(hash).toBe('#type=police&area=Houston,+TX&compare=Miami-Dade+County&radius=25');
    const back = parseUrlState(hash);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('keeps Spanish county names, accents and ZIP codes as typed (cleaned)', () => {
    for (const [a, c] of [['Condado de Miami-Dade', 'Condado de Harris'], ['90012', 'San José, CA'], ['Cañon City, CO', '@34.05,-118.24']]) {
      const back = parseUrlState(formatUrlState(both(a, c)));
      expect(back.state.area).toBe(a);
      expect(back.state.compare).toBe(c);
    }
  });

  it('a compare without a place to compare is ignored, and said so; never written', () => {
    const { state, notices } = parseUrlState('#compare=Miami');
    expect(state.compare).toBeNull();
    expect(notices).toEqual([MSG.linkIgnored('compare')]);
    expect(formatUrlState({ ...defaultState(), compare: 'Miami' })).toBe('');
  });

  it('hostile values stay plain text of bounded length, and an empty one is no comparison', () => {
    const hostile = ['<script>alert(1)</script>', '=HYPERLINK("http://x")', 'a&area=b', '#lang=es', '\u202Eevil\u0000', 'x'.repeat(5000), '%E0%A4%A', '   ', '\n\t'];
    for (const h of hostile) {
      const hash = `#area=Houston&compare=${encodeURIComponent(h)}`;
      const { state } = parseUrlState(hash);
      expect(state.area).toBe('Houston');
      if (state.compare !== null) {
        expect(state.compare.length).toBeLessThanOrEqual(MAX_TEXT);
        expect(state.compare).not.toMatch(/[\u0000-\u001f\u202e]/);
        // What is written back reads back the same: no parameter can be smuggled through a value.
        const again = parseUrlState(formatUrlState(state));
        expect(again.state).toEqual(state);
        expect(again.notices).toEqual([]);
      } else expect(h.trim() === '' || /^[\s\n\t]+$/.test(h)).toBe(true);
    }
    // A raw, undecodable or repeated parameter: the first one counts, nothing throws.
    expect(parseUrlState('#area=a&compare=%E0%A4%A&compare=b').state.compare).toBe('\uFFFD%A');
    expect(parseUrlState('#area=a&compare=one&compare=two').state.compare).toBe('one');
  });

  it('shared links leave out the visitor\'s own location on either side', () => {
    const href = 'https://example.org/map/';
    expect(new URL(fullMapUrl(href, both('Houston, TX', '@25.76,-80.19'))).hash).toBe('#area=Houston,+TX');
    // Without the first place, the comparison goes too.
    expect(new URL(fullMapUrl(href, both('@29.76,-95.37', 'Miami-Dade County'))).hash).toBe('');
    expect(new URL(fullMapUrl(href, both('Houston, TX', 'Miami-Dade County'))).hash).toBe('#area=Houston,+TX&compare=Miami-Dade+County');
  });

  it('random strings on both sides round-trip', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [...'aZ09 ,.-&=#%+/@?;:\'"<>ñéü‐—\u00a0\u200b😀'];
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let k = 0; k < 500; k++) {
      const first = parseUrlState(`#area=${encodeURIComponent(word())}&compare=${encodeURIComponent(word())}`).state;
      const again = parseUrlState(formatUrlState(first));
      expect(again.state).toEqual(first);
    }
  });
});
