/** The program's eras and reported totals: every row published or rejected with file, line and reason. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory, ERA_COLUMNS, TOTAL_COLUMNS } from '../../../pipeline/history';
import { stringifyCsv } from '../../../pipeline/lib/csv';
import { decodeHistory, erasSpanned, partnerTotalsByMonth } from '../../../src/time/history';
import { monthOf } from '../../../src/core/periods';

type Row = Record<string, string>;
const era = (r: Row = {}): Row => ({
  id: 'private-video-requests', name: 'Private video requests', start_date: '2018', end_date: '2021-06-07', launched: 'true',
  summary: 'could ask residents privately for video', source_urls: 'https://example.org/a', source_publishers: 'Example', note: '', ...r,
});
const total = (r: Row = {}): Row => ({
  id: 'ring-2019-08-28', as_of: '2019-08-28', metric: 'partners_total', value: '405', at_least: 'false', scope: 'agencies on the map',
  source_url: 'https://example.org/b', publisher: 'Example', title: '', pub_date: '2019-08-28', quote: 'partnered with 405', ...r,
});
function dir(eras: Row[], totals: Row[]): string {
  const d = mkdtempSync(join(tmpdir(), 'history-'));
  writeFileSync(join(d, 'eras.csv'), stringifyCsv(ERA_COLUMNS, eras as Record<(typeof ERA_COLUMNS)[number], string>[]));
  writeFileSync(join(d, 'reported-totals.csv'), stringifyCsv(TOTAL_COLUMNS, totals as Record<(typeof TOTAL_COLUMNS)[number], string>[]));
  return d;
}

describe('history tables', () => {
  it('publishes valid rows', () => {
    const { history, rejects } = readHistory(dir([era()], [total()]), '2026-11-28');
    expect(rejects).toEqual([]);
    expect(history.eras[0]).toMatchObject({ id: 'private-video-requests', end_date: '2021-06-07', launched: true, sources: [{ url: 'https://example.org/a', publisher: 'Example' }] });
    expect(history.totals[0]).toMatchObject({ value: 405, at_least: false, source: { publisher: 'Example', title: null } });
  });

  it('rejects each bad row with its line and reason, and keeps the good ones', () => {
    const { history, rejects } = readHistory(
      dir(
        [era(), era({ id: 'x', start_date: '2099-01' }), era({ id: 'y', source_urls: 'javascript:alert(1)' }), era({ id: 'z', source_publishers: '' }), era({ id: 'w', end_date: '2017' })],
        [total(), total({ id: 't2', value: '1,189' }), total({ id: 't3', quote: '' }), total({ id: 't4', metric: 'guess' }), total()],
      ),
      '2026-11-28',
    );
    expect(history.eras.map((e) => e.id)).toEqual(['private-video-requests']);
    expect(history.totals.map((t) => t.id)).toEqual(['ring-2019-08-28']);
    expect(rejects).toEqual([
      { file: 'eras.csv', line: 3, reason: 'start_date 2099-01 is after the build date' },
      { file: 'eras.csv', line: 4, reason: 'source URL "javascript:alert(1)" is not http(s)' },
      { file: 'eras.csv', line: 5, reason: '1 source URL(s) but 0 publisher(s)' },
      { file: 'eras.csv', line: 6, reason: 'end_date 2017 is before start_date 2018' },
      { file: 'reported-totals.csv', line: 3, reason: 'value "1,189" is not a whole number' },
      { file: 'reported-totals.csv', line: 4, reason: 'missing quote: a reported total is kept only with the words that state it' },
      { file: 'reported-totals.csv', line: 5, reason: 'metric "guess" is not one of partners_total, joined_in_year, atlas_rows_removed' },
      { file: 'reported-totals.csv', line: 6, reason: 'duplicate id ring-2019-08-28' },
    ]);
  });

  it('a missing column is reported once, as the cause', () => {
    const d = dir([era()], [total()]);
    writeFileSync(join(d, 'eras.csv'), 'id,name\nx,y\nz,w\n');
    expect(readHistory(d, '2026-11-28').rejects).toEqual([
      { file: 'eras.csv', line: 1, reason: 'missing column(s): start_date, end_date, launched, summary, source_urls, source_publishers, note' },
    ]);
  });
});

describe('eras a partnership spans', () => {
  const eras = decodeHistory({
    eras: [
      { id: 'portal', name: 'Portal', start_date: '2018-05', end_date: null, summary: 's', launched: true, sources: [{ url: 'https://e.org', publisher: 'E' }] },
      { id: 'private', name: 'Private requests', start_date: '2018', end_date: '2021-06-07', summary: 's', launched: true, sources: [{ url: 'https://e.org', publisher: 'E' }] },
      { id: 'rfa', name: 'Request for Assistance', start_date: '2021-06-07', end_date: '2024-01-24', summary: 's', launched: true, sources: [{ url: 'https://e.org', publisher: 'E' }] },
      { id: 'flock', name: 'Flock', start_date: '2025-10-16', end_date: '2026-02-12', summary: 's', launched: false, sources: [{ url: 'https://e.org', publisher: 'E' }] },
      { id: 'bad', name: 'Bad', start_date: '2025', end_date: null, summary: 's', launched: true, sources: [{ url: 'javascript:x', publisher: 'E' }] },
    ],
  }).eras;
  const ids = (s: string | null, e: string | null) => erasSpanned(s, e, eras).map((x) => x.id);

  it('drops entries that fail the checks at load', () => {
    expect(eras.map((e) => e.id)).toEqual(['portal', 'private', 'rfa', 'flock']);
  });
  it('an open partnership from 2019 spans every launched era, never the cancelled one', () => {
    expect(ids('2019-05-23', null)).toEqual(['portal', 'private', 'rfa']);
  });
  it('a partnership that ended in 2020 never had public requests', () => {
    expect(ids('2019-05', '2020-07')).toEqual(['portal', 'private']);
  });
  it('a partnership from 2022 began after private requests ended', () => {
    expect(ids('2022', null)).toEqual(['portal', 'rfa']);
  });
  it('an undated partnership is placed in no era', () => {
    expect(ids(null, null)).toEqual([]);
  });
  it('reported partner totals sort by month', () => {
    const totals = decodeHistory({ totals: [
      { id: 'b', as_of: '2022-11', metric: 'partners_total', value: 2000, at_least: true, scope: 's', source: { url: 'https://e.org', publisher: 'E', title: null, date: null } },
      { id: 'a', as_of: '2019-08-28', metric: 'partners_total', value: 405, at_least: false, scope: 's', source: { url: 'https://e.org', publisher: 'E', title: null, date: null } },
      { id: 'c', as_of: '2019', metric: 'joined_in_year', value: 703, at_least: false, scope: 's', source: { url: 'https://e.org', publisher: 'E', title: null, date: null } },
    ] }).totals;
    expect(partnerTotalsByMonth(totals).map((t) => [t.month, t.value])).toEqual([[monthOf('2019-08'), 405], [monthOf('2022-11'), 2000]]);
  });
});

describe('the committed history tables', () => {
  it('read with no reject, and carry the program’s documented turns', () => {
    const { history, rejects } = readHistory('data');
    expect(rejects).toEqual([]);
    const era = (id: string) => history.eras.find((e) => e.id === id);
    expect(era('private-video-requests')?.end_date).toBe('2021-06-07');
    expect(era('request-for-assistance')).toMatchObject({ start_date: '2021-06-07', end_date: '2024-01-24', launched: true });
    expect(era('flock-integration')).toMatchObject({ start_date: '2025-10-16', end_date: '2026-02-12', launched: false });
    expect(history.totals.filter((t) => t.metric === 'joined_in_year').map((t) => [t.as_of, t.value])).toEqual([['2018', 40], ['2019', 703], ['2020', 1189]]);
  });
});
