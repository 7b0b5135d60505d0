/**
 * "Request the records": the button the agency card and Find my area show.
 * The dialog, the letter builder and the law table load on first use.
 */
import type { RequestTarget } from '../action/records-request';
import { MSG } from '../i18n/messages';
import { lazyDialogButton } from './lazy-dialog-button';

export function recordsRequestButton(target: RequestTarget): HTMLElement {
  return lazyDialogButton({
    label: target.kind === 'agency' ? MSG.recordsRequest.button : MSG.recordsRequest.buttonPlace,
    buttonClass: 'records-request-button',
    wrapClass: 'records-request',
    failed: MSG.recordsRequest.failed,
    open: async (b) => (await import('./records-dialog')).showRecordsDialog(target, b),
  });
}
