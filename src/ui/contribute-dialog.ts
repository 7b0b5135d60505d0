/**
 * The contribution form: labelled fields for the cells of one submission
 * row, each checked with the build's rules as it is typed (the error under
 * the field, tied to it by aria-describedby), the row as CSV, and Download,
 * Copy and — only when the dataset names where — email and a new issue.
 * Nothing is sent by the page itself. Escape or × closes it and focus
 * returns to the button that opened it.
 */
import { formProblemList, submissionCsv, submissionRow, type FormCells } from '../core/submission-form';
import { AGENCY_TYPES, PROGRAM_KINDS } from '../core/vocabulary';
import { JURISDICTIONS } from '../core/jurisdiction';
import { CHANGES, PRECISIONS, REQUIRED, START_IS, type SubmissionColumn } from '../core/submission';
import { UTF8_BOM } from '../core/spreadsheet';
import { US_STATES } from '../geo/us-states';
import { prefill, type ContributeStart } from '../contribute/prefill';
import { issueUrl, mailtoUrl, readSendConfig, type SendConfig } from '../contribute/send-links';
import { MSG } from '../i18n/messages';
import { BASE } from '../map/basemap';
import { download } from '../share/download-data';
import { h } from './dom';
import { trapFocus } from './dialog-focus';
import { copyText } from './copy-text';

let config: Promise<SendConfig> | null = null;

/** Where rows may be sent, from the published dataset.json (none when it cannot be read). */
function loadConfig(): Promise<SendConfig> {
  config ??= fetch(`${BASE}data/dataset.json`, { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}))
    .then(readSendConfig);
  return config;
}

/** The fields in the form's order: the source first, then the agency, then the arrangement. */
const FIELDS: readonly SubmissionColumn[] = [
  'source_url', 'source_title', 'source_publisher', 'source_date',
  'agency_name', 'agency_type', 'jurisdiction', 'city', 'county', 'state',
  'change', 'kind', 'start_date', 'start_precision', 'start_is', 'end_date', 'summary',
];

function choices(col: SubmissionColumn): [string, string][] | null {
  const c = MSG.contribute.choices;
  const list = (xs: readonly string[]) => xs.map((x): [string, string] => [x, c[col]?.[x] ?? x]);
  switch (col) {
    case 'agency_type': return list(AGENCY_TYPES);
    case 'jurisdiction': return list(JURISDICTIONS);
    case 'kind': return list(PROGRAM_KINDS);
    case 'start_precision': return list(PRECISIONS);
    case 'start_is': return list(START_IS);
    case 'change': return list(CHANGES);
    case 'state': return US_STATES.map((s) => [s.code, s.name]);
    default: return null;
  }
}

let dialog: HTMLDialogElement | null = null;
let opener: HTMLElement | null = null;

function theDialog(): HTMLDialogElement {
  if (dialog) return dialog;
  const d = h('dialog', { id: 'contribute-dialog', class: 'dialog contribute-dialog', 'aria-labelledby': 'contribute-title' });
  d.addEventListener('close', () => {
    const back = opener?.isConnected ? opener : document.getElementById('card-title');
    back?.focus();
  });
  trapFocus(d);
  document.body.append(d);
  dialog = d;
  return d;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function control(col: SubmissionColumn, value: string): Control {
  const attrs = { id: `contribute-${col}`, name: col, 'data-col': col };
  const opts = choices(col);
  if (opts) {
    const s = h('select', attrs, h('option', { value: '' }, MSG.contribute.none), ...opts.map(([v, label]) => h('option', { value: v }, label)));
    s.value = opts.some(([v]) => v === value) ? value : '';
    return s;
  }
  if (col === 'summary') {
    const t = h('textarea', { ...attrs, rows: 3 });
    t.value = value;
    return t;
  }
  const i = h('input', { ...attrs, type: col === 'source_url' ? 'url' : 'text', autocomplete: 'off', spellcheck: col === 'source_url' ? 'false' : 'true' });
  i.value = value;
  return i;
}

function fileName(cells: FormCells): string {
  const slug = (cells.agency_name ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `submission-${slug || 'agency'}.csv`;
}

/** Opens the form for a correction or a missing agency. */
export async function showContributeDialog(start: ContributeStart, from: HTMLElement): Promise<void> {
  const w = MSG.contribute;
  const d = theDialog();
  opener = from;
  const send = await loadConfig();
  const cells0 = prefill(start);
  const required = new Set<string>(REQUIRED);
  const controls = new Map<SubmissionColumn, Control>();
  const errors = new Map<SubmissionColumn, HTMLElement>();
  // An error shows once its field was changed, or after a try to send the row.
  const touched = new Set<SubmissionColumn>();
  const rows = FIELDS.map((col) => {
    const c = control(col, cells0[col] ?? '');
    controls.set(col, c);
    const err = h('p', { id: `contribute-${col}-error`, class: 'field-error' });
    err.hidden = true;
    errors.set(col, err);
    const mark = () => { touched.add(col); update(); };
    c.addEventListener('input', mark);
    c.addEventListener('change', mark);
    return h('div', { class: 'contribute-field' },
      h('label', { class: 'field', for: c.id }, w.fields[col], required.has(col) ? h('span', { class: 'muted' }, ` ${w.required}`) : ''),
      c, err);
  });
  const preview = h('textarea', { id: 'contribute-preview', class: 'contribute-preview', readonly: true, rows: 3, spellcheck: 'false' });
  const summary = h('p', { class: 'contribute-state', 'aria-live': 'polite' });
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const cells = (): FormCells => Object.fromEntries([...controls].map(([k, c]) => [k, c.value])) as FormCells;
  const subject = () => w.subject(cells().agency_name || '') + (start.mode === 'correction' ? ` (${start.agency.id})` : '');
  const message = () => ({ subject: subject(), body: w.body(submissionCsv(cells()).trimEnd()), shortBody: w.shortBody });

  const save = h('button', { type: 'button', class: 'find' }, w.download);
  const copyButton = h('button', { type: 'button', class: 'find' }, w.copy);
  const email = h('a', { class: 'find contribute-email' }, w.email);
  const issue = h('a', { class: 'find contribute-issue', target: '_blank', rel: 'noopener noreferrer' }, w.issue);

  function update(): Partial<Record<SubmissionColumn, unknown>> {
    const cs = cells();
    const problems = formProblemList(cs);
    for (const col of FIELDS) {
      const p = problems[col];
      const show = !!p && touched.has(col);
      const c = controls.get(col)!;
      const err = errors.get(col)!;
      err.textContent = show ? w.problems[p.code] : '';
      err.hidden = !show;
      if (show) {
        c.setAttribute('aria-invalid', 'true');
        c.setAttribute('aria-describedby', err.id);
      } else {
        c.removeAttribute('aria-invalid');
        c.removeAttribute('aria-describedby');
      }
    }
    const n = Object.keys(problems).length;
    summary.textContent = n ? w.errorCount(n) : w.ready;
    preview.value = submissionRow(cs);
    const ready = n === 0;
    const mail = ready ? mailtoUrl(send.email, message()) : null;
    const gh = ready ? issueUrl(send.repository, message()) : null;
    // Links stay in place (hidden only when not configured); a row with problems gives none.
    email.hidden = !send.email;
    issue.hidden = !send.repository;
    if (mail) email.href = mail; else email.removeAttribute('href');
    if (gh) issue.href = gh; else issue.removeAttribute('href');
    email.setAttribute('aria-disabled', String(!mail));
    issue.setAttribute('aria-disabled', String(!gh));
    return problems;
  }

  /** True when the row is ready; otherwise every error shows and focus goes to the first. */
  function ready(): boolean {
    const problems = update();
    const bad = FIELDS.filter((c) => problems[c]);
    if (!bad.length) return true;
    for (const c of bad) touched.add(c);
    update();
    status.textContent = w.notReady;
    controls.get(bad[0])!.focus();
    return false;
  }

  save.addEventListener('click', () => {
    if (!ready()) return;
    download(fileName(cells()), 'text/csv;charset=utf-8', UTF8_BOM + submissionCsv(cells()));
  });
  copyButton.addEventListener('click', async () => {
    if (!ready()) return;
    await copyText(submissionCsv(cells()), preview, status);
  });
  for (const a of [email, issue]) a.addEventListener('click', (e) => { if (!a.hasAttribute('href') && !ready()) e.preventDefault(); });

  const close = h('button', { type: 'button', class: 'close', 'aria-label': MSG.close }, '×');
  close.addEventListener('click', () => d.close());
  d.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'contribute-title' }, start.mode === 'correction' ? w.titleCorrection : w.titleMissing), close),
    h('p', { class: 'muted' }, w.intro),
    h('p', { class: 'muted' }, w.onlySource),
    h('div', { class: 'contribute-fields' }, ...rows),
    summary,
    h('label', { class: 'field', for: 'contribute-preview' }, w.preview),
    preview,
    h('div', { class: 'copy-row records-actions' }, save, copyButton, email, issue, status),
  );
  update();
  if (!d.open) d.showModal();
  controls.get('source_url')!.focus();
}
