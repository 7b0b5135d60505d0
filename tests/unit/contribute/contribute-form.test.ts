/**
 * Issue 23 item 5 (the page side of the contribution form): every rule the
 * build applies to a submission row has its words in English and Spanish;
 * a row the form accepts round-trips through its CSV unchanged; formula-like
 * cells are errors, never silently neutralised; the send links encode,
 * stay short and ignore a hostile configuration.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/messages-en';
import { es } from '../../../src/i18n/messages-es';
import { parseCsv } from '../../../pipeline/lib/csv';
import { CHANGES, PROBLEM_CODES, SUBMISSION_COLUMNS, type ProblemCode } from '../../../src/core/submission';
import { formProblemList, formProblems, submissionCsv, type FormCells } from '../../../src/core/submission-form';
import { AGENCY_TYPES, PROGRAM_KINDS } from '../../../src/core/vocabulary';
import { JURISDICTIONS } from '../../../src/core/jurisdiction';
import { cleanText } from '../../../src/core/text';
import { issueUrl, mailtoUrl, MAX_ISSUE_URL, MAX_MAILTO, readSendConfig } from '../../../src/contribute/send-links';
import { prefill } from '../../../src/contribute/prefill';

const good: FormCells = {
  source_url: 'https://news.example.org/zanesville-ring', source_title: 'Zanesville police join Ring app', source_date: '2021-04-02',
  agency_name: 'Zanesville Police Department', agency_type: 'police', city: 'Zanesville', county: 'Muskingum County', state: 'OH',
  start_date: '2021-04', start_precision: 'month', start_is: 'joined',
};

/** One entry per rule: the code the form must give for it. */
const byRule: [ProblemCode, FormCells][] = [
  ['missing', { ...good, source_title: '' }],
  ['url', { ...good, source_url: 'javascript:alert(1)' }],
  ['state', { ...good, state: 'Ohioo' }],
  ['agency_type', { ...good, agency_type: 'militia' }],
  ['jurisdiction', { ...good, jurisdiction: 'galactic' }],
  ['kind', { ...good, kind: 'bribe' }],
  ['start_precision', { ...good, start_precision: 'hour' }],
  ['start_is', { ...good, start_is: 'maybe' }],
  ['change', { ...good, change: 'delete' }],
  ['change_new_agency_alone', { ...good, change: 'new_agency;start' }],
  ['date', { ...good, start_date: '2021-02-30', start_precision: 'day' }],
  ['date_less_precise', { ...good, start_date: '2021', start_precision: 'day' }],
  ['precision_required', { ...good, start_precision: '' }],
  ['start_is_required', { ...good, start_is: '' }],
  ['date_missing', { ...good, start_date: '' }],
  ['end_before_start', { ...good, end_date: '2020-01' }],
  ['summary_required', { ...good, kind: 'device_donation' }],
  ['too_long', { ...good, agency_name: 'Zanesville '.repeat(30) + 'Police Department' }],
  ['mixed_scripts', { ...good, agency_name: 'Zanesville P\u043elice Department' }],
  ['no_latin', { ...good, agency_name: '警察' }],
  ['markup', { ...good, source_title: '<b>Zanesville</b>' }],
  ['formula', { ...good, city: '=1+2' }],
  ['replacement', { ...good, source_title: 'Zanesville Pol\ufffdce' }],
];

describe('every rule in both languages', () => {
  it('each rule code has its own words in English and in Spanish', () => {
    for (const code of PROBLEM_CODES) {
      expect(en.contribute.problems[code], code).toMatch(/\S/);
      expect(es.contribute.problems[code], code).toMatch(/\S/);
      expect(es.contribute.problems[code], code).not.toBe(en.contribute.problems[code]);
    }
    expect(Object.keys(en.contribute.problems).sort()).toEqual([...PROBLEM_CODES].sort());
    expect(Object.keys(es.contribute.problems).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it('each rule is reached by an entry that breaks it, with that code', () => {
    expect(byRule.map(([c]) => c).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const [code, cells] of byRule) expect(Object.values(formProblemList(cells)).map((p) => p!.code), code).toContain(code);
  });

  it('every empty required cell is marked, not only the first', () => {
    const p = formProblemList({ city: 'Malone', state: 'NY' });
    expect(Object.entries(p).filter(([, v]) => v!.code === 'missing').map(([k]) => k).sort()).toEqual(['agency_name', 'agency_type', 'source_title', 'source_url']);
  });

  it('every field and choice of the form has a label in both languages', () => {
    for (const col of SUBMISSION_COLUMNS) for (const m of [en, es]) expect(m.contribute.fields[col], col).toMatch(/\S/);
    const lists: [string, readonly string[]][] = [['agency_type', AGENCY_TYPES], ['jurisdiction', JURISDICTIONS], ['kind', PROGRAM_KINDS], ['change', CHANGES], ['start_precision', ['day', 'month', 'year']], ['start_is', ['joined', 'on_or_before']]];
    for (const [col, xs] of lists) for (const x of xs) for (const m of [en, es]) expect(m.contribute.choices[col][x], `${col} ${x}`).toMatch(/\S/);
  });
});

describe('what the form writes is what the build reads', () => {
  it('sweep: every agency type × jurisdiction × kind × change × precision, hostile text included, round-trips unchanged when the form accepts it', () => {
    const texts = ['Zanesville, Ohio: "Ring" and the police', 'Line one\nline two', 'Ñandú ‘quoted’ — dash', '  padded  '];
    let accepted = 0, refused = 0;
    for (const agency_type of AGENCY_TYPES) for (const jurisdiction of ['', ...JURISDICTIONS]) for (const kind of PROGRAM_KINDS) for (const change of ['', ...CHANGES]) for (const [start_date, start_precision] of [['2021-04-02', 'day'], ['2021-04', 'month'], ['2021', 'year']]) for (const t of texts) {
      const cells: FormCells = { ...good, agency_type, jurisdiction, kind, change, start_date, start_precision, source_title: t, summary: kind === 'neighbors_portal' ? '' : `A ${kind} documented by ${t}` };
      const problems = formProblems(cells);
      if (Object.keys(problems).length) { refused++; continue; }
      accepted++;
      const back = parseCsv(submissionCsv(cells)).records[0].values;
      for (const c of SUBMISSION_COLUMNS) expect(back[c], c).toBe(cleanText(cells[c] ?? ''));
    }
    // 5 types × 5 jurisdictions × 5 kinds × 5 changes × 3 dates × 4 texts.
    expect(accepted + refused).toBe(7500);
    expect(accepted).toBeGreaterThan(5000);
  });

  it('a cell starting like a formula is an error on that cell in every column (a summary "-…" too), not a silently guarded cell', () => {
    for (const col of SUBMISSION_COLUMNS) for (const lead of ['=', '+', '-', '@', '\uff1d', ' =']) {
      const p = formProblemList({ ...good, [col]: `${lead}1+2` })[col];
      expect(p, `${col} ${lead}`).toBeDefined();
    }
    expect(formProblemList({ ...good, summary: '- joined in 2021' }).summary?.code).toBe('formula');
    expect(formProblemList({ ...good, summary: 'Joined in 2021 - as reported' })).toEqual({});
  });
});

const msg = { subject: 'Map submission: Zanesville Police Department', body: 'row: a,b,"c & d"\n#1 ?x=y', shortBody: 'attach the file' };

describe('send links', () => {
  it('none without a configured place; a hostile configuration gives none', () => {
    expect(mailtoUrl(null, msg)).toBeNull();
    expect(issueUrl(null, msg)).toBeNull();
    expect(readSendConfig({ contribute_email: '', contribute_repository: '' })).toEqual({ email: null, repository: null });
    for (const bad of ['javascript:alert(1)', 'a@b.c?cc=x@y.z', 'a@b.c\nBcc: x@y.z', 'a b@c.d', '<a@b.c>', 'a@b', '@b.c', 'a@b.c&body=x']) {
      expect(readSendConfig({ contribute_email: bad }).email, bad).toBeNull();
    }
    for (const bad of ['owner', 'owner/repo/issues', '../x', 'owner/..', 'https://github.com/o/r', 'o/r?x=1', 'o/r#x', 'o /r', 'o/.r']) {
      expect(readSendConfig({ contribute_repository: bad }).repository, bad).toBeNull();
    }
    expect(readSendConfig(null)).toEqual({ email: null, repository: null });
    expect(readSendConfig({ contribute_email: 42, contribute_repository: ['o/r'] })).toEqual({ email: null, repository: null });
  });

  it('encode subject and body, with the row in the body', () => {
    const m = mailtoUrl('maps@example.org', msg)!;
    expect(m.startsWith('mailto:maps@example.org?subject=')).toBe(true);
    const q = new URLSearchParams(m.slice(m.indexOf('?') + 1));
    expect(q.get('subject')).toBe(msg.subject);
    expect(q.get('body')).toBe(msg.body);
    expect(m).not.toMatch(/[\s"<>]|\+/);
    const g = new URL(issueUrl('example-org/ring-map', msg)!);
    expect(g.origin + g.pathname).toBe('https://github.com/example-org/ring-map/issues/new');
    expect(g.searchParams.get('title')).toBe(msg.subject);
    expect(g.searchParams.get('body')).toBe(msg.body);
  });

  it('cap their length: a row too long for a link asks for the file instead', () => {
    const long = { ...msg, body: 'é'.repeat(5000) };
    const m = mailtoUrl('maps@example.org', long)!;
    expect(m.length).toBeLessThanOrEqual(MAX_MAILTO);
    expect(new URLSearchParams(m.slice(m.indexOf('?') + 1)).get('body')).toBe(msg.shortBody);
    const g = issueUrl('o/r', long)!;
    expect(g.length).toBeLessThanOrEqual(MAX_ISSUE_URL);
    expect(new URL(g).searchParams.get('body')).toBe(msg.shortBody);
    expect(mailtoUrl('maps@example.org', { subject: 'x'.repeat(10_000), body: 'y'.repeat(10_000), shortBody: 'z'.repeat(10_000) })).toBeNull();
  });
});

describe('pre-filled cells', () => {
  it('a correction starts from the agency as published; a missing agency from the place searched', () => {
    expect(prefill({ mode: 'correction', agency: { id: 'x-oh', name: 'Zanesville Police Department', agency_type: 'police', city: 'Zanesville', county: null, state: 'OH' } }))
      .toEqual({ agency_name: 'Zanesville Police Department', agency_type: 'police', city: 'Zanesville', county: '', state: 'OH' });
    expect(prefill({ mode: 'missing', place: { label: 'Lakeland, FL', county: 'Polk County', whole: false } })).toEqual({ city: 'Lakeland', county: 'Polk County', state: 'FL' });
    expect(prefill({ mode: 'missing', place: { label: 'Malone, NY', county: 'Franklin County, NY', whole: false } })).toEqual({ city: 'Malone', county: 'Franklin County', state: 'NY' });
    expect(prefill({ mode: 'missing', place: { label: 'Harris County, TX', county: null, whole: true } })).toEqual({ city: '', county: 'Harris County', state: 'TX' });
    expect(prefill({ mode: 'missing', place: { label: 'Nowhere, Atlantis', county: null, whole: false } })).toEqual({ city: 'Nowhere, Atlantis', county: '', state: '' });
    expect(prefill({ mode: 'missing', place: null })).toEqual({});
  });
});
