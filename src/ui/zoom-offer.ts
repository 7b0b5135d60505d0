/**
 * "Zoom to NJ": offered over the map when the filtered agencies are not all
 * in view (after choosing a state, say), instead of moving the map unasked.
 */
import { h } from './dom';
import { MSG } from '../i18n/messages';

export class ZoomOffer {
  private button: HTMLButtonElement;

  constructor(parent: HTMLElement, onZoom: () => void) {
    this.button = h('button', { type: 'button', id: 'zoom-to-selection', class: 'zoom-offer', title: MSG.zoomToSelectionHint });
    this.button.hidden = true;
    this.button.addEventListener('click', () => {
      this.button.hidden = true;
      onZoom();
    });
    parent.append(this.button);
  }

  /** `what`: the selection in words ("NJ, NY, PA"); null hides the offer. */
  render(what: string | null): void {
    this.button.hidden = what === null;
    if (what !== null) this.button.textContent = MSG.zoomToSelection(what);
  }
}
