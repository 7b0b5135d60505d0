/**
 * "Compare with another place": a button that opens a second search box (an
 * ARIA combobox with suggestions, like Find my area's own) and "Clear
 * compare". Shown only while Find my area shows a place.
 */
import type { Suggestion } from '../search/area-query';
import { MSG } from '../i18n/messages';
import { h } from './dom';
import { SuggestList } from './suggest-list';

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
  private suggestions: SuggestList;
  private clear: HTMLButtonElement;
  private comparing = false;

  constructor(cb: CompareBoxCallbacks) {
    this.open = h('button', { type: 'button', class: 'link-button compare-open', 'aria-expanded': 'false', 'aria-controls': 'compare-form' }, MSG.compareOpen);
    this.input = h('input', {
      id: 'compare-input', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', maxlength: 100,
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'compare-suggestions', placeholder: MSG.compareExample,
    });
    this.suggestions = new SuggestList(this.input, 'compare', (t) => cb.suggest(t), (v) => cb.onCompare(v));
    this.clear = h('button', { type: 'button', class: 'link-button compare-clear' }, MSG.compareClear);
    this.form = h('form', { id: 'compare-form', role: 'search', class: 'area-form compare-form', 'aria-label': MSG.compareFormLabel },
      h('label', { for: 'compare-input', class: 'field' }, MSG.compareField),
      h('div', { class: 'combo' }, this.input, h('button', { type: 'submit', class: 'find' }, MSG.compareGo), this.suggestions.list),
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
      this.suggestions.take();
      const q = this.input.value.trim();
      if (q) cb.onCompare(q);
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
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

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      // Escape closes what is open: the suggestions first, then a box opened but not yet used.
      if (this.suggestions.isOpen) this.close();
      else if (!this.comparing) {
        this.showForm(false);
        this.open.focus();
      }
      e.stopPropagation();
      return;
    }
    this.suggestions.move(e);
  }

  /** Closes the suggestions (an answer showing never has them open over it). */
  close(): void {
    this.suggestions.close();
  }
}
