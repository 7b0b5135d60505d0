/**
 * The timeline's range and Play, through the functions the page runs: a
 * typed month, setting one end, the months Play steps through and its pace.
 * Swept over every range of the published data's months.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AgencyCollection } from '../../../src/core/contract';
import { monthOf } from '../../../src/core/periods';
import { formatMonth } from '../../../src/time/months';
import { editRange, parseMonthInput, playMonths, playStepMs, type MonthRange } from '../../../src/time/range';

const DATA: AgencyCollection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
const starts = DATA.features.map((f) => monthOf(f.properties.start_date)).filter((m): m is number => m !== null);
const MIN = Math.min(...starts);
const MAX = Math.max(...starts);

/** Every range the controls can set: open or closed at each end, from ≤ to. */
function allRanges(): MonthRange[] {
  const out: MonthRange[] = [];
  const ends = [null, ...Array.from({ length: MAX - MIN + 1 }, (_, k) => MIN + k)];
  for (const from of ends) for (const to of ends) if (from === null || to === null || from <= to) out.push({ from, to });
  return out;
}

describe('a typed month', () => {
  it('reads every month of the data back from its field value', () => {
    for (let m = MIN; m <= MAX; m++) expect(parseMonthInput(formatMonth(m))).toBe(m);
  });
  it('refuses what is not a month', () => {
    for (const bad of ['', '2019', '2019-13', '2019-00', '19-05', '2019-05-01', '=2019-05', 'May 2019', '2019/05', '2019-5x', '-2019-05']) {
      expect(parseMonthInput(bad), bad).toBeNull();
    }
    expect(parseMonthInput(' 2019-5 ')).toBe(monthOf('2019-05'));
  });
});

describe('setting one end of the range', () => {
  it(`keeps from ≤ to inside the data's months, the moved end where it was put (every range × every value × both ends)`, () => {
    const ranges = allRanges();
    const bad: string[] = [];
    let checked = 0;
    for (const current of ranges) {
      for (const end of ['from', 'to'] as const) {
        for (let v = MIN - 2; v <= MAX + 2; v++) {
          const r = editRange(end, v, current, MIN, MAX);
          const from = r.from ?? MIN, to = r.to ?? MAX;
          const want = Math.min(MAX, Math.max(MIN, v));
          const other = end === 'from' ? current.to ?? MAX : current.from ?? MIN;
          const passed = end === 'from' ? want > other : want < other;
          const ok =
            from <= to && from >= MIN && to <= MAX &&
            // The moved end is where it was put; the other moves only when passed.
            (end === 'from' ? from : to) === want &&
            (end === 'from' ? to : from) === (passed ? want : other) &&
            // An end at the data's edge is open, so a link of the whole span carries no dates.
            (r.from === null) === (from === MIN) && (r.to === null) === (to === MAX);
          if (!ok) bad.push(`${JSON.stringify(current)} ${end}=${v} → ${JSON.stringify(r)}`);
          checked++;
        }
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(checked).toBe(ranges.length * 2 * (MAX - MIN + 5));
  });
});

describe('Play', () => {
  it('steps through every month of the chosen range, in order, and never outside it', () => {
    const bad: string[] = [];
    for (const r of allRanges()) {
      const months = playMonths(r, MIN, MAX);
      const lo = r.from ?? MIN, hi = r.to ?? MAX;
      if (months.length !== hi - lo + 1 || months.some((m, k) => m !== lo + k)) bad.push(JSON.stringify(r));
    }
    expect(bad).toEqual([]);
  });

  it('January–December 2019 plays the twelve months of 2019', () => {
    const months = playMonths({ from: monthOf('2019-01'), to: monthOf('2019-12') }, MIN, MAX);
    expect(months.map(formatMonth)).toEqual(Array.from({ length: 12 }, (_, k) => `2019-${String(k + 1).padStart(2, '0')}`));
    expect(playMonths({ from: null, to: null }, MIN, MAX).length).toBe(MAX - MIN + 1);
  });

  it('a range beyond the data has nothing to play', () => {
    expect(playMonths({ from: MAX + 1, to: MAX + 5 }, MIN, MAX)).toEqual([]);
    expect(playMonths({ from: MIN - 5, to: MIN - 1 }, MIN, MAX)).toEqual([]);
  });

  it('goes at a pace a person can follow: 300–1500 ms a month, a run of at least 3 s, the whole span in under a minute', () => {
    for (let n = 1; n <= 400; n++) {
      const ms = playStepMs(n);
      expect(ms).toBeGreaterThanOrEqual(300);
      expect(ms).toBeLessThanOrEqual(1500);
      expect(n * ms).toBeGreaterThanOrEqual(Math.min(3000, n * 1500));
    }
    const year = playStepMs(12);
    expect(year).toBeGreaterThanOrEqual(300);
    expect(year).toBeLessThanOrEqual(500);
    const all = MAX - MIN + 1;
    expect(all * playStepMs(all)).toBeLessThan(60_000);
  });
});
