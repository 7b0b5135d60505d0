/** The compact bar of embed mode: what is shown, and a link to the full map with the same state. */
import { h } from './dom';
import { COVERAGE_NOTE } from '../data/coverage';

export class EmbedBar {
  private summary: HTMLElement;
  private open: HTMLAnchorElement;

  constructor(root: HTMLElement) {
    this.summary = h('p', { class: 'embed-summary' });
    this.open = h('a', { class: 'embed-open', target: '_blank', rel: 'noopener' }, 'Open full map ↗');
    root.replaceChildren(h('p', { class: 'embed-title' }, 'Police partnerships with Amazon Ring'), this.summary, this.open);
    root.hidden = false;
    // The embed shows a count without the timeline or totals: say what the data covers beside the credit.
    document.querySelector('#credit')?.append(h('span', { class: 'embed-coverage' }, ` ${COVERAGE_NOTE}`));
  }

  render(filters: string, count: string, fullUrl: string): void {
    this.summary.textContent = `${filters} · ${count}`;
    this.open.href = fullUrl;
  }
}
