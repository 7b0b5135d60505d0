/**
 * "Compare with another place": a button that opens a second search box (an
 * ARIA combobox with suggestions, like Find my area's own) and "Clear
 * compare". Shown only while Find my area shows a place.
 */
import type { Suggestion } from '../search/area-query';
import { MSG } from '../i18n/messages';
import { h } from './dom';

export interface CompareBoxCallbacks {
  /** A place to compare with (null: stop comparing). */
  onCompare(query: string | null): void;
  suggest(text: string): Promise<Suggestion[]>;
}

export class CompareBox {
  readonly el: HTMLElement;
  private open: HTMLButtonElement;
  private form: HTMLFormElement;
  private input: HTMLInputElement;
  private list: HTMLUListElement;
  private clear: HTMLButtonElement;
  private items: Suggestion[] = [];
  private active = -1;
  private token = 0;
  private comparing = false;

  constructor(private cb: CompareBoxCallbacks) {
    this.open = h('button', { type: 'button', class: 'link-button compare-open', 'aria-expanded': 'false', 'aria-controls': 'compare-form' }, MSG.compareOpen);
    this.input = h('input', {
      id: 'compare-input', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', maxlength: 100,
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'compare-suggestions', placeholder: MSG.compareExample,
    });
    this.list = h('ul', { id: 'compare-suggestions', role: 'listbox', class: 'suggestions', 'aria-label': MSG.areaSuggestions });
    this.list.hidden = true;
    this.clear = h('button', { type: 'button', class: 'link-button compare-clear' }, MSG.compareClear);
    this.form = h('form', { id: 'compare-form', role: 'search', class: 'area-form compare-form', 'aria-label': MSG.compareFormLabel },
      h('label', { for: 'compare-input', class: 'field' }, MSG.compareField),
      h('div', { class: 'combo' }, this.input, h('button', { type: 'submit', class: 'find' }, MSG.compareGo), this.list),
      this.clear,
    );
    this.form.hidden = true;
    this.el = h('div', { class: 'compare-box' }, this.open, this.form);
    this.el.hidden = true;

    this.open.addEventListener('click', () => {
      this.showForm(true);
      this.input.focus();
    });
    this.clear.addEventListener('click', () => {
      this.input.value = '';
      this.close();
      this.showForm(false);
      cb.onCompare(null);
      // Focus goes back to what opened the box, never lost with the hidden form.
      this.open.focus();
    });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.token++;
      const chosen = this.active >= 0 ? this.items[this.active]?.value : null;
      if (chosen) this.input.value = chosen;
      this.close();
      const q = this.input.value.trim();
      if (q) cb.onCompare(q);
    });
    this.input.addEventListener('input', () => void this.updateSuggestions());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
  }

  /** Follows the state: shown with a place found, the box open (and filled) while comparing. */
  sync(area: string | null, compare: string | null): void {
    this.el.hidden = !area;
    this.comparing = !!(area && compare);
    if (document.activeElement !== this.input) this.input.value = compare ?? '';
    if (this.comparing) this.showForm(true);
    else if (!area) this.showForm(false);
    this.clear.hidden = !this.comparing;
  }

  private showForm(on: boolean): void {
    this.form.hidden = !on;
    this.open.hidden = on;
    this.open.setAttribute('aria-expanded', String(on));
  }

  private async updateSuggestions(): Promise<void> {
    const token = ++this.token;
    const items = await this.cb.suggest(this.input.value);
    if (token !== this.token) return;
    this.items = items;
    this.active = -1;
    this.list.replaceChildren(
      ...items.map((s, k) => {
        const li = h('li', { id: `compare-opt-${k}`, role: 'option', 'aria-selected': 'false', class: `opt opt-${s.kind}` }, s.label, h('span', { class: 'muted' }, s.kind === 'place' ? '' : ` · ${MSG.areaKinds[s.kind] ?? s.kind}`));
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          this.token++;
          this.input.value = s.value;
          this.close();
          this.cb.onCompare(s.value);
        });
        return li;
      }),
    );
    const open = items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      // Escape closes what is open: the suggestions first, then a box opened but not yet used.
      if (!this.list.hidden) this.close();
      else if (!this.comparing) {
        this.showForm(false);
        this.open.focus();
      }
      e.stopPropagation();
      return;
    }
    if (this.list.hidden || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const n = this.items.length;
    let a = this.active + (e.key === 'ArrowDown' ? 1 : -1);
    if (a >= n) a = -1;
    if (a < -1) a = n - 1;
    this.active = a;
    [...this.list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === this.active)));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `compare-opt-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  /** Closes the suggestions (an answer showing never has them open over it). */
  close(): void {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
