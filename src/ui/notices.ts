/** Small dismissible notices (ignored link parameters, invalid records, fallbacks). */
import { h } from './dom';
import { MSG } from '../i18n/messages';

export function notify(root: HTMLElement, text: string, kind: 'info' | 'warning' | 'error' = 'info', action?: { label: string; run: () => void }): HTMLElement {
  const dismiss = h('button', { type: 'button', class: 'dismiss', 'aria-label': MSG.dismissNotice }, '×');
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

/** At most this many parts of a link are named; the rest are counted. */
export const LINK_NOTICE_ITEMS = 5;

/**
 * Everything a link carried that was not used, as one notice: a few named,
 * the rest counted, dismissed at once. A new link replaces the old notice.
 */
export function notifyLink(root: HTMLElement, notices: readonly string[]): HTMLElement | null {
  root.querySelector('.notice-link')?.remove();
  if (!notices.length) return null;
  const unique = [...new Set(notices)];
  const shown = unique.slice(0, LINK_NOTICE_ITEMS);
  const rest = notices.length - shown.length;
  const dismiss = h('button', { type: 'button', class: 'dismiss', 'aria-label': MSG.dismissNotice }, '×');
  const body = unique.length === 1 && notices.length === 1
    ? h('p', {}, unique[0])
    : h('div', { class: 'notice-body' },
        h('p', {}, MSG.linkNoticeSummary(notices.length)),
        h('ul', { class: 'notice-list' }, ...shown.map((t) => h('li', {}, t))),
        rest > 0 ? h('p', { class: 'muted' }, MSG.linkNoticeMore(rest)) : null,
      );
  const note = h('div', { class: 'notice notice-info notice-link' }, body, dismiss);
  dismiss.addEventListener('click', () => note.remove());
  root.append(note);
  return note;
}
