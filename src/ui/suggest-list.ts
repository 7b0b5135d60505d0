/**
 * The suggestions under a place search box (an ARIA combobox with a
 * listbox), shared by Find my area and its compare box: asked as the person
 * types (only the newest answer shows), arrow keys move through them, a click
 * or Enter chooses one. Choosing, closing or a new search forgets any answer
 * still on its way, so suggestions never open over the answer.
 */
import type { Suggestion } from '../search/area-query';
import { MSG } from '../i18n/messages';
import { h } from './dom';

export class SuggestList {
  readonly list: HTMLUListElement;
  private items: Suggestion[] = [];
  private active = -1;
  private token = 0;

  /** `prefix` names the list and its options (`<prefix>-suggestions`, `<prefix>-opt-N`). */
  constructor(
    private input: HTMLInputElement,
    private prefix: string,
    private ask: (text: string) => Promise<Suggestion[]>,
    private onChoose: (value: string) => void,
  ) {
    this.list = h('ul', { id: `${prefix}-suggestions`, role: 'listbox', class: 'suggestions', 'aria-label': MSG.areaSuggestions });
    this.list.hidden = true;
    input.addEventListener('input', () => void this.update());
    input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
  }

  get isOpen(): boolean {
    return !this.list.hidden;
  }

  /** On submit: the highlighted suggestion (if any) fills the box; the list closes and answers on their way are dropped. */
  take(): void {
    this.token++;
    const chosen = this.active >= 0 ? this.items[this.active]?.value : null;
    if (chosen) this.input.value = chosen;
    this.close();
  }

  private async update(): Promise<void> {
    const token = ++this.token;
    const items = await this.ask(this.input.value);
    if (token !== this.token) return;
    this.items = items;
    this.active = -1;
    this.list.replaceChildren(
      ...items.map((s, k) => {
        const li = h('li', { id: `${this.prefix}-opt-${k}`, role: 'option', 'aria-selected': 'false', class: `opt opt-${s.kind}` }, s.label, h('span', { class: 'muted' }, s.kind === 'place' ? '' : ` · ${MSG.areaKinds[s.kind] ?? s.kind}`));
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          this.token++;
          this.input.value = s.value;
          this.close();
          this.onChoose(s.value);
        });
        return li;
      }),
    );
    const open = items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.input.removeAttribute('aria-activedescendant');
  }

  /** Arrow keys move the highlight (wrapping through "none"); true when the key was used. */
  move(e: KeyboardEvent): boolean {
    if (this.list.hidden || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return false;
    e.preventDefault();
    const n = this.items.length;
    let a = this.active + (e.key === 'ArrowDown' ? 1 : -1);
    if (a >= n) a = -1;
    if (a < -1) a = n - 1;
    this.active = a;
    [...this.list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === this.active)));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.prefix}-opt-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    return true;
  }

  close(): void {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
