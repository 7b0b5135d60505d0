/**
 * "Suggest a correction" (agency card) and "Report a missing agency" (About,
 * Find my area): the button; the form loads on first use.
 */
import type { ContributeStart } from '../contribute/prefill';
import { MSG } from '../i18n/messages';
import { h } from './dom';

export function contributeButton(start: ContributeStart): HTMLElement {
  const b = h('button', { type: 'button', class: 'records-request-button contribute-button', 'aria-haspopup': 'dialog' },
    start.mode === 'correction' ? MSG.contribute.suggestButton : MSG.contribute.missingButton);
  const status = h('span', { class: 'muted', role: 'status' });
  b.addEventListener('click', async () => {
    if (b.getAttribute('aria-busy') === 'true') return;
    b.setAttribute('aria-busy', 'true');
    status.textContent = '';
    try {
      const m = await import('./contribute-dialog');
      await m.showContributeDialog(start, b);
    } catch {
      status.textContent = MSG.contribute.failed;
    } finally {
      b.removeAttribute('aria-busy');
    }
  });
  return h('p', { class: 'contribute' }, b, status);
}
