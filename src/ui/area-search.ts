/**
 * "Find my area": a search box with suggestions (an ARIA combobox), the
 * radius, "Use my location", and the result: the county and the agencies
 * covering it, and the partnered agencies nearby. Everything runs in the
 * page; nothing typed is sent anywhere.
 */
import { RADII_MILES } from '../state/app-state';
import type { Choice, Suggestion } from '../search/area-query';
import { MSG } from '../i18n/messages';
import { formatMiles } from '../search/nearby';
import { formatPartialDate } from '../time/months';
import { h } from './dom';
import { SuggestList } from './suggest-list';
import { formatInt, ellipsize } from './format';
import { TYPE_LABELS } from './labels';
import type { AgencyType } from '../core/vocabulary';
import { handoutAction } from '../handout/handout-action';
import type { LetterPlace } from '../action/records-request';
import { recordsRequestButton } from './records-button';
import { researchAreaLine } from './research-area';
import { contributeButton } from './contribute-button';

export interface AreaRow {
  i: number;
  id: string;
  name: string;
  type: AgencyType;
  state: string;
  start: string | null;
  miles: number;
  /** The agency covers its whole county (as published). */
  countyWide?: boolean;
  /** How many counties its jurisdiction spans (as published). */
  spans?: number;
}

export type AreaView =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'error'; message: string; choices?: Choice[]; cleared?: boolean }
  | {
      status: 'found';
      label: string;
      county: string | null;
      /** The search was a county: `inside` lists every partnered agency in it, and no radius applies. */
      whole: boolean;
      inside: AreaRow[];
      radius: number;
      covering: AreaRow[];
      /** Agencies whose jurisdiction reaches into this county from their own (as published). */
      spanning: AreaRow[];
      within: AreaRow[];
      withinCount: number;
      nearest: AreaRow | null;
      filtered: boolean;
      /** Said when the place shown is not exactly what was typed (a corrected typo). */
      note?: string;
      /** No agency on the map covers the place: its police and sheriff can be asked (records request). */
      request?: LetterPlace | null;
      /** The county's agencies on the map and how many were researched beyond the Atlas. */
      research?: { agencies: number; checked: number; last: string | null } | null;
    };

export interface AreaCallbacks {
  onSearch(query: string | null): void;
  onRadius(miles: number): void;
  onLocate(): void;
  onSelect(i: number): void;
  suggest(text: string): Promise<Suggestion[]>;
}

export class AreaSearch {
  private input: HTMLInputElement;
  private suggestions: SuggestList;
  private radius: HTMLSelectElement;
  private result: HTMLElement;
  /** The search shown (as the link holds it): what its printable handout is of. */
  private asked: { area: string; radius: number } | null = null;

  constructor(root: HTMLElement, private cb: AreaCallbacks) {
    root.hidden = false;
    this.input = h('input', {
      id: 'area-input', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', maxlength: 100,
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'area-suggestions', placeholder: MSG.areaExample,
      'aria-describedby': 'area-hint',
    });
    this.suggestions = new SuggestList(this.input, 'area', (t) => cb.suggest(t), (v) => cb.onSearch(v));
    this.radius = h('select', { id: 'area-radius' }, ...RADII_MILES.map((r) => h('option', { value: r }, MSG.areaRadius(r))));
    this.result = h('div', { id: 'area-result', class: 'area-result', 'aria-live': 'polite' });
    const form = h('form', { role: 'search', class: 'area-form', 'aria-label': MSG.areaFormLabel },
      h('label', { for: 'area-input', class: 'field' }, MSG.areaField),
      h('div', { class: 'combo' }, this.input, h('button', { type: 'submit', class: 'find' }, MSG.areaFind), this.suggestions.list),
      h('p', { id: 'area-hint', class: 'hint muted' }, MSG.areaHint),
    );
    const locate = h('button', { type: 'button', class: 'link-button locate' }, MSG.areaLocate);
    locate.addEventListener('click', () => cb.onLocate());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      // Suggestions still on their way for what was typed must not open over the answer.
      this.suggestions.take();
      cb.onSearch(this.input.value);
    });
    this.input.addEventListener('keydown', (e) => {
      if (!this.suggestions.move(e) && e.key === 'Escape' && this.suggestions.isOpen) this.close();
    });
    this.radius.addEventListener('change', () => cb.onRadius(Number(this.radius.value)));
    root.replaceChildren(
      h('h2', { class: 'panel-title' }, MSG.findMyArea),
      form,
      h('div', { class: 'area-controls' }, h('label', { for: 'area-radius' }, MSG.areaWithin), this.radius, locate),
      this.result,
    );
  }

  private close(): void {
    this.suggestions.close();
  }

  setQuery(q: string | null, radius: number): void {
    this.asked = q ? { area: q, radius } : null;
    if (document.activeElement !== this.input) this.input.value = q ?? '';
    this.radius.value = String(radius);
  }

  /** Shows another answer in the answer box (two places compared), suggestions closed. */
  show(nodes: Node[]): void {
    this.close();
    this.result.replaceChildren(...nodes);
  }

  private agencyItem(r: AreaRow, showDistance: boolean): HTMLLIElement {
    const b = h('button', { type: 'button', class: 'row-select', 'data-id': r.id }, ellipsize(r.name));
    b.addEventListener('click', () => this.cb.onSelect(r.i));
    const began = r.start ? MSG.areaSince(formatPartialDate(r.start) ?? r.start) : MSG.areaStartUnknown;
    const reach = r.countyWide ? ` · ${MSG.areaRowCountyWide}` : (r.spans ?? 0) > 1 ? ` · ${MSG.areaRowSpans(r.spans!)}` : '';
    return h('li', {}, b, h('span', { class: 'muted' }, ` ${TYPE_LABELS[r.type]}, ${r.state} · ${began}${reach}${showDistance ? ` · ${formatMiles(r.miles)}` : ''}`));
  }

  render(v: AreaView): void {
    if (v.status === 'idle') return this.result.replaceChildren();
    if (v.status === 'loading') return this.result.replaceChildren(h('p', { class: 'muted' }, MSG.areaLookingUp));
    // An answer (or a question back) is showing: the suggestions never stay open over it.
    this.close();
    // The result box is a live region already: no role="alert" on top (it would be announced twice).
    if (v.status === 'error') {
      const parts: Node[] = [];
      if (v.choices?.length) {
        // Not an error: a question, with the places as buttons.
        parts.push(h('p', { class: 'area-ask' }, v.message),
          h('ul', { class: 'area-choices', 'aria-label': MSG.areaChooseList }, ...v.choices.map((c) => {
            const b = h('button', { type: 'button', class: 'choice' }, c.label);
            b.addEventListener('click', () => {
              this.input.value = c.value;
              this.cb.onSearch(c.value);
            });
            return h('li', {}, b);
          })));
      } else parts.push(h('p', { class: 'area-error' }, v.message));
      if (v.cleared) parts.push(h('p', { class: 'muted' }, MSG.areaFailedCleared));
      return this.result.replaceChildren(...parts);
    }
    const clear = h('button', { type: 'button', class: 'link-button' }, MSG.areaClear);
    clear.addEventListener('click', () => {
      this.input.value = '';
      this.cb.onSearch(null);
      this.input.focus();
    });
    const parts: Node[] = [];
    // A corrected typo is said first, before the answer it changed.
    if (v.note) parts.push(h('p', { class: 'area-note' }, v.note));
    parts.push(h('p', { class: 'area-place' }, h('strong', {}, v.label), v.county && v.county !== v.label ? ` — ${v.county}` : ''));
    if (v.whole) {
      const county = v.county ?? v.label;
      if (v.inside.length) {
        parts.push(
          h('h3', {}, MSG.areaCountyInside(formatInt(v.inside.length), v.inside.length, county)),
          h('ul', { class: 'area-agencies inside' }, ...v.inside.map((r) => this.agencyItem(r, false))),
        );
      } else {
        parts.push(h('p', { class: 'area-none' }, MSG.areaCountyNoneInside(county), v.nearest ? MSG.areaNearest(v.nearest.name, v.nearest.state, formatMiles(v.nearest.miles)) : '.'));
        if (v.nearest) parts.push(h('ul', { class: 'area-agencies' }, this.agencyItem(v.nearest, true)));
      }
    } else {
      this.renderPlace(v, parts);
    }
    if (v.request) parts.push(recordsRequestButton({ kind: 'place', place: v.request }));
    if (v.filtered) parts.push(h('p', { class: 'muted' }, MSG.areaFiltered));
    parts.push(...researchAreaLine(v.county, v.research));
    parts.push(contributeButton({ mode: 'missing', place: { label: v.label, county: v.county, whole: v.whole } }));
    // What the data covers, beside every count and absence.
    parts.push(h('p', { class: 'muted coverage-note' }, (v.whole ? v.inside.length : v.withinCount && v.covering.length) ? MSG.coverage : MSG.absenceNote));
    if (this.asked) parts.push(handoutAction(this.asked));
    parts.push(clear);
    this.result.replaceChildren(...parts);
  }

  private renderPlace(v: Extract<AreaView, { status: 'found' }>, parts: Node[]): void {
    if (v.covering.length) {
      parts.push(
        h('h3', {}, MSG.areaCovering(v.county)),
        h('ul', { class: 'area-agencies covering' }, ...v.covering.map((r) => this.agencyItem(r, false))),
      );
    }
    if (!v.covering.length && v.county) parts.push(h('p', { class: 'muted' }, MSG.areaNoCounty(v.county)));
    if (v.spanning.length && v.county) {
      parts.push(
        h('h3', {}, MSG.areaSpanning(v.county)),
        h('ul', { class: 'area-agencies spanning' }, ...v.spanning.map((r) => this.agencyItem(r, false))),
      );
    }
    if (v.withinCount) {
      parts.push(
        h('h3', {}, MSG.areaWithinCount(formatInt(v.withinCount), v.withinCount, v.radius)),
        h('ol', { class: 'area-agencies' }, ...v.within.map((r) => this.agencyItem(r, true))),
      );
      if (v.withinCount > v.within.length) parts.push(h('p', { class: 'muted' }, MSG.areaShowingNearest(v.within.length)));
    } else {
      parts.push(
        h('p', { class: 'area-none' },
          MSG.areaNone(v.radius, v.label),
          v.nearest ? MSG.areaNearest(v.nearest.name, v.nearest.state, formatMiles(v.nearest.miles)) : '.',
        ),
      );
      if (v.nearest) parts.push(h('ul', { class: 'area-agencies' }, this.agencyItem(v.nearest, true)));
    }
  }
}
