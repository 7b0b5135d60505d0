/** Small dismissible notices (ignored link parameters, invalid records, fallbacks). */
import { h } from './dom';

export function notify(root: HTMLElement, text: string, kind: 'info' | 'warning' | 'error' = 'info', action?: { label: string; run: () => void }): HTMLElement {
  const dismiss = h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss notice' }, '×');
  const note = h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null }, h('p', {}, text));
  if (action) {
    const b = h('button', { type: 'button', class: 'notice-action' }, action.label);
    b.addEventListener('click', action.run);
    note.append(b);
  }
  note.append(dismiss);
  dismiss.addEventListener('click', () => note.remove());
  root.append(note);
  return note;
}
