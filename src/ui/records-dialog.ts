/**
 * The records-request dialog: the letter in a read-only field, and Copy,
 * Download (.txt), Print and Email (a mailto: link). Everything happens in
 * the page; nothing is sent anywhere. Escape or × closes it and focus
 * returns to the button that opened it.
 */
import { letterFor, letterText, mailtoLink, targetState, type RequestTarget } from '../action/records-request';
import { readRecordsLaws, type RecordsLaw } from '../core/records-law';
import { currentLocale } from '../i18n/locale';
import { MSG } from '../i18n/messages';
import { BASE } from '../map/basemap';
import { download } from '../share/download-data';
import { h } from './dom';
import { trapFocus } from './dialog-focus';
import { copyText as copy } from './copy-text';

let laws: Promise<Map<string, RecordsLaw>> | null = null;

/** The published law table, fetched once from the site itself (a failed fetch is tried again next time). */
function loadLaws(): Promise<Map<string, RecordsLaw>> {
  laws ??= fetch(`${BASE}data/records-laws.json`, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error(`records-laws: HTTP ${r.status}`);
    return r.json();
  }).then(readRecordsLaws);
  laws.catch(() => (laws = null));
  return laws;
}

let dialog: HTMLDialogElement | null = null;
let opener: HTMLElement | null = null;

function theDialog(): HTMLDialogElement {
  if (dialog) return dialog;
  const d = h('dialog', { id: 'records-dialog', class: 'dialog records-dialog', 'aria-labelledby': 'records-title' });
  d.addEventListener('close', () => {
    document.documentElement.classList.remove('printing-letter');
    // Back to the button that opened it (or, if the card was redrawn meanwhile, to the card's title).
    const back = opener?.isConnected ? opener : document.getElementById('card-title');
    back?.focus();
  });
  trapFocus(d);
  document.body.append(d);
  dialog = d;
  return d;
}

function head(): HTMLElement {
  const close = h('button', { type: 'button', class: 'close', 'aria-label': MSG.close }, '×');
  close.addEventListener('click', () => dialog?.close());
  return h('div', { class: 'dialog-head' }, h('h2', { id: 'records-title' }, MSG.recordsRequest.dialogTitle), close);
}

function printLetter(): void {
  const root = document.documentElement;
  root.classList.add('printing-letter');
  window.addEventListener('afterprint', () => root.classList.remove('printing-letter'), { once: true });
  window.print();
}

function renderLetter(d: HTMLDialogElement, target: RequestTarget, law: RecordsLaw): HTMLTextAreaElement {
  const l = currentLocale();
  const w = MSG.recordsRequest;
  const letter = letterFor(target, law, l);
  const text = letterText(letter, l);
  const field = h('textarea', { id: 'records-letter', class: 'records-letter', readonly: true, rows: 16, spellcheck: 'false', 'aria-describedby': 'records-notes' });
  field.value = text;
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copyButton = h('button', { type: 'button', class: 'find' }, w.copy);
  copyButton.addEventListener('click', () => void copy(text, field, status));
  const save = h('button', { type: 'button', class: 'find' }, w.download);
  save.addEventListener('click', () => download(letter.fileName, 'text/plain;charset=utf-8', text));
  const print = h('button', { type: 'button', class: 'find' }, w.print);
  print.addEventListener('click', printLetter);
  const email = h('a', { class: 'find email-letter', 'aria-describedby': 'records-email-note' }, w.email);
  email.href = mailtoLink(letter, l);
  d.replaceChildren(
    head(),
    h('p', { class: 'muted' }, w.intro),
    h('label', { class: 'field', for: 'records-letter' }, w.letterLabel),
    field,
    // Printed instead of the field, which would clip the letter on paper.
    h('pre', { class: 'letter-print', 'aria-hidden': 'true' }, text),
    h('div', { class: 'copy-row records-actions' }, copyButton, save, print, email, status),
    h('p', { id: 'records-email-note', class: 'muted' }, w.emailNote),
    h('ul', { id: 'records-notes', class: 'records-notes muted' }, ...letter.notes.map((n) => h('li', {}, n))),
  );
  return field;
}

/** Opens the dialog with the letter for `target`, once the law table is in. */
export async function showRecordsDialog(target: RequestTarget, from: HTMLElement): Promise<void> {
  const d = theDialog();
  opener = from;
  d.replaceChildren(head(), h('p', { class: 'muted', role: 'status' }, MSG.recordsRequest.loading));
  if (!d.open) d.showModal();
  let table: Map<string, RecordsLaw>;
  try {
    table = await loadLaws();
  } catch {
    const again = h('button', { type: 'button', class: 'retry' }, MSG.tryAgain);
    again.addEventListener('click', () => void showRecordsDialog(target, from));
    d.replaceChildren(head(), h('p', { role: 'alert' }, MSG.recordsRequest.failed), again);
    again.focus();
    return;
  }
  const law = table.get(targetState(target));
  if (!law) {
    d.replaceChildren(head(), h('p', { role: 'alert' }, MSG.recordsRequest.noLaw));
    return;
  }
  const field = renderLetter(d, target, law);
  field.focus();
  // The letter is read from its start (focus would leave the caret, and the view, at its end).
  field.setSelectionRange(0, 0);
  field.scrollTop = 0;
}
