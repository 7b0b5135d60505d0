/**
 * "Request the records": the button the agency card and Find my area show.
 * The dialog, the letter builder and the law table load on first use.
 */
import type { RequestTarget } from '../action/records-request';
import { MSG } from '../i18n/messages';
import { h } from './dom';

export function recordsRequestButton(target: RequestTarget): HTMLElement {
  const b = h('button', { type: 'button', class: 'records-request-button', 'aria-haspopup': 'dialog' },
    target.kind === 'agency' ? MSG.recordsRequest.button : MSG.recordsRequest.buttonPlace);
  const status = h('span', { class: 'muted', role: 'status' });
  b.addEventListener('click', async () => {
    if (b.getAttribute('aria-busy') === 'true') return;
    b.setAttribute('aria-busy', 'true');
    status.textContent = '';
    try {
      const m = await import('./records-dialog');
      await m.showRecordsDialog(target, b);
    } catch {
      status.textContent = MSG.recordsRequest.failed;
    } finally {
      b.removeAttribute('aria-busy');
    }
  });
  return h('p', { class: 'records-request' }, b, status);
}
