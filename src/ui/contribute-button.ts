/**
 * "Suggest a correction" (agency card) and "Report a missing agency" (About,
 * Find my area): the button; the form loads on first use.
 */
import type { ContributeStart } from '../contribute/prefill';
import { MSG } from '../i18n/messages';
import { lazyDialogButton } from './lazy-dialog-button';

export function contributeButton(start: ContributeStart): HTMLElement {
  return lazyDialogButton({
    label: start.mode === 'correction' ? MSG.contribute.suggestButton : MSG.contribute.missingButton,
    buttonClass: 'records-request-button contribute-button',
    wrapClass: 'contribute',
    failed: MSG.contribute.failed,
    open: async (b) => (await import('./contribute-dialog')).showContributeDialog(start, b),
  });
}
