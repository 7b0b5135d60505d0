/** The compact bar of embed mode: what is shown, and a link to the full map with the same state. */
import { h } from './dom';

export class EmbedBar {
  private summary: HTMLElement;
  private open: HTMLAnchorElement;

  constructor(root: HTMLElement) {
    this.summary = h('p', { class: 'embed-summary' });
    this.open = h('a', { class: 'embed-open', target: '_blank', rel: 'noopener' }, 'Open full map ↗');
    root.replaceChildren(h('p', { class: 'embed-title' }, 'Police partnerships with Amazon Ring'), this.summary, this.open);
    root.hidden = false;
  }

  render(filters: string, count: string, fullUrl: string): void {
    this.summary.textContent = `${filters} · ${count}`;
    this.open.href = fullUrl;
  }
}
