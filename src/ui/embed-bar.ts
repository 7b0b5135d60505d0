/** The compact bar of embed mode: what is shown, and a link to the full map with the same state. */
import { h } from './dom';
import { MSG } from '../i18n/messages';
import { languageSwitch, restoreSwitchFocus } from './language-switch';

export class EmbedBar {
  private summary: HTMLElement;
  private open: HTMLAnchorElement;

  constructor(root: HTMLElement) {
    this.summary = h('p', { class: 'embed-summary' });
    this.open = h('a', { class: 'embed-open', target: '_blank', rel: 'noopener' }, MSG.openFullMap);
    // The page's heading in an embed (the header with the page's own heading is not shown there).
    root.replaceChildren(h('h1', { class: 'embed-title' }, MSG.appTitle), this.summary, this.open, languageSwitch('embed-lang'));
    root.hidden = false;
    restoreSwitchFocus();
    // The embed shows a count without the timeline or totals: say what the data covers beside the credit.
    document.querySelector('#credit')?.append(h('span', { class: 'embed-coverage' }, ` ${MSG.coverage}`));
  }

  render(filters: string, count: string, fullUrl: string): void {
    this.summary.textContent = `${filters} · ${count}`;
    this.open.href = fullUrl;
  }
}
