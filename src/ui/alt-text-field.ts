/** The export dialog's description of the image: read-only, with a Copy button (the text is the PNG's alt text). */
import { h } from './dom';
import { copyText } from './copy-text';
import { MSG } from '../i18n/messages';

export function altTextField(): { element: HTMLElement; set(text: string): void } {
  const field = h('textarea', { id: 'export-alt', readonly: true, rows: 5, spellcheck: 'false', 'aria-describedby': 'export-alt-note' });
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button', class: 'find', id: 'export-alt-copy' }, MSG.altCopy);
  copy.addEventListener('click', () => void copyText(field.value, field, status));
  const element = h('div', { class: 'alt-text' },
    h('label', { class: 'field', for: 'export-alt' }, MSG.altLabel),
    h('p', { id: 'export-alt-note', class: 'muted' }, MSG.altNote),
    field,
    h('div', { class: 'copy-row' }, copy, status),
  );
  return {
    element,
    set(text: string) {
      field.value = text;
      status.textContent = '';
    },
  };
}
