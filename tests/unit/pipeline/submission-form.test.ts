/**
 * Issue 23 item 5 (the contribution form's model): the page's form checks a
 * row with the build's own per-row rules (src/core/submission.ts), so every
 * fixture the build refuses the form refuses too, with the same reason on
 * the cell to fix; and the CSV the form makes is a submission `npm run data`
 * accepts and publishes.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedGeocoder } from '../../../pipeline/dataset/run';
import { buildWithSubmissions } from '../../../pipeline/dataset/with-submissions';
import { parseCsv, stringifyCsv } from '../../../pipeline/lib/csv';
import { SUBMISSION_COLUMNS } from '../../../src/core/submission';
import { mergeSubmissions } from '../../../pipeline/merge/submissions';
import { readTables } from '../../../pipeline/tables/io';
import { readAliases } from '../../../pipeline/tables/lookups';
import { formProblems, submissionCsv, type FormCells } from '../../../src/core/submission-form';

const geocoder = sharedGeocoder();
const committed = readTables('data');
const aliases = readAliases('data');

const good: FormCells = {
  source_url: 'https://news.example.org/zanesville-ring', source_title: 'Zanesville police join Ring app', source_date: '2021-04-02',
  agency_name: 'Zanesville Police Department', agency_type: 'police', city: 'Zanesville', county: 'Muskingum County', state: 'OH',
  start_date: '2021-04', start_precision: 'month', start_is: 'joined',
};

/** Each breaks one per-row rule the build applies; the first with a formula in a field, as a person might type it. */
const bad: [string, FormCells][] = [
  ['a formula in the city', { ...good, city: '=1+2' }],
  ['a formula in the name', { ...good, agency_name: '@SUM(A1)' }],
  ['a formula in the title', { ...good, source_title: '+cmd' }],
  ['a formula in the publisher', { ...good, source_publisher: '-2+3' }],
  ['markup in the title', { ...good, source_title: '<b>Zanesville</b>' }],
  ['U+FFFD in the name', { ...good, agency_name: 'Zanesville Pol\ufffdce Department' }],
  ['look-alike letters', { ...good, agency_name: 'Zanesville P\u043elice Department' }],
  ['no title', { ...good, source_title: '' }],
  ['no name', { ...good, agency_name: '' }],
  ['a javascript: link', { ...good, source_url: 'javascript:alert(1)' }],
  ['an unknown state', { ...good, state: 'Ohioo' }],
  ['an unknown type', { ...good, agency_type: 'militia' }],
  ['a day that does not exist', { ...good, start_date: '2021-02-30', start_precision: 'day' }],
  ['a date in the future', { ...good, start_date: '2099-01', start_precision: 'month' }],
  ['a date before Ring', { ...good, start_date: '2009', start_precision: 'year' }],
  ['a date without its precision', { ...good, start_precision: '' }],
  ['a precision without a date', { ...good, start_date: '' }],
  ['a date less precise than said', { ...good, start_date: '2021', start_precision: 'day' }],
  ['an end before the start', { ...good, end_date: '2020-01' }],
  ['a kind without a summary', { ...good, kind: 'device_donation' }],
  ['an unknown change', { ...good, change: 'delete' }],
  ['a long name', { ...good, agency_name: 'Zanesville '.repeat(30) + 'Police Department' }],
];

/** The cells as a person would save them in a spreadsheet (no apostrophes added), read by the build. */
const viaBuild = (cells: FormCells) =>
  mergeSubmissions(committed.tables, [{ file: 'submissions/form.csv', csv: parseCsv(stringifyCsv(SUBMISSION_COLUMNS, [Object.fromEntries(SUBMISSION_COLUMNS.map((c) => [c, cells[c] ?? ''])) as Record<string, string>])) }], { geocoder, publishers: new Map(), aliases });

describe('the form checks with the build’s rules', () => {
  it('a good entry has no problem, and the build accepts its CSV row', () => {
    expect(formProblems(good)).toEqual({});
    const r = mergeSubmissions(committed.tables, [{ file: 'submissions/form.csv', csv: parseCsv(submissionCsv(good)) }], { geocoder, publishers: new Map(), aliases });
    expect(r.rejects).toEqual([]);
    expect(r.accepted.map((a) => a.agencyId)).toEqual(['zanesville-police-department-oh']);
  });

  it.each(bad)('%s: the form and the build both refuse it, for the same reason', (_, cells) => {
    const problems = Object.values(formProblems(cells));
    expect(problems.length).toBeGreaterThan(0);
    const r = viaBuild(cells);
    expect(r.accepted).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    // The build names one reason per row: the form shows it (on its cell).
    expect(problems).toContain(r.rejects[0].reason);
  });

  it('"=1+2" typed as the city is an error on the city, and the CSV never carries it as a formula', () => {
    expect(formProblems({ ...good, city: '=1+2' })).toEqual({ city: 'city starts with "=", which a spreadsheet would run as a formula' });
    const csv = submissionCsv({ ...good, city: '=1+2', summary: '-a note' });
    expect(parseCsv(csv).records[0].values.city).toBe("'=1+2");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('cells with commas, quotes and line breaks survive the CSV', () => {
    const cells = { ...good, source_title: 'Zanesville, Ohio: "Ring" and the police' };
    expect(parseCsv(submissionCsv(cells)).records[0].values.source_title).toBe(cells.source_title);
    expect(parseCsv(submissionCsv(cells)).header).toEqual(parseCsv(readFileSync('data/submissions/template.csv', 'utf8')).header);
  });
});

describe('a form entry through npm run data', () => {
  it('the CSV the form makes, put in a copy of the tables’ submissions, publishes the agency with its source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'form-'));
    cpSync('data', dir, { recursive: true });
    writeFileSync(join(dir, 'submissions', 'from-the-form.csv'), submissionCsv(good));
    const r = buildWithSubmissions(dir, readTables(dir), { geocoder });
    expect(r.rejects).toEqual([]);
    expect(r.counts['submissions/from-the-form.csv']).toEqual({ read: 1, written: 1, rejected: 0 });
    const f = r.collection.features.find((x) => x.properties.id === 'zanesville-police-department-oh')!;
    expect(f.properties).toMatchObject({ name: 'Zanesville Police Department', city: 'Zanesville', county: 'Muskingum County', state: 'OH', start_date: '2021-04' });
    expect(f.properties.sources.map((s) => s.url)).toContain(good.source_url);
  });
});
