/**
 * A button whose dialog (and what the dialog needs) loads on first use: it
 * says it is busy while loading, ignores repeated presses meanwhile, and says
 * so beside itself when the code could not be loaded.
 */
import { h } from './dom';

export function lazyDialogButton(o: { label: string; buttonClass: string; wrapClass: string; failed: string; open: (opener: HTMLButtonElement) => Promise<void> }): HTMLElement {
  const b = h('button', { type: 'button', class: o.buttonClass, 'aria-haspopup': 'dialog' }, o.label);
  const status = h('span', { class: 'muted', role: 'status' });
  b.addEventListener('click', async () => {
    if (b.getAttribute('aria-busy') === 'true') return;
    b.setAttribute('aria-busy', 'true');
    status.textContent = '';
    try {
      await o.open(b);
    } catch {
      status.textContent = o.failed;
    } finally {
      b.removeAttribute('aria-busy');
    }
  });
  return h('p', { class: o.wrapClass }, b, status);
}
