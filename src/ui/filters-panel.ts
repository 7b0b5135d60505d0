/** The filter form: agency type, state, perks, records and name search. */
import type { AgencyIndex } from '../data/agency-index';
import type { AgencyType } from '../core/vocabulary';
import { AGENCY_TYPES } from '../core/vocabulary';
import type { Filters } from '../filters/filters';
import { DEFAULT_FILTERS } from '../filters/filters';
import { STATE_BY_CODE, US_STATES } from '../geo/us-states';
import { MSG } from '../i18n/messages';
import { h } from './dom';
import { formatInt } from './format';
import { TYPE_LABELS } from './labels';


export class FiltersPanel {
  private typeBoxes = new Map<AgencyType, HTMLInputElement>();
  private stateSelect: HTMLSelectElement;
  private several: HTMLOptionElement;
  private stateChips: HTMLElement;
  private addState: HTMLSelectElement;
  private states: string[] = [];
  private perks: HTMLInputElement;
  private records: HTMLInputElement;
  private q: HTMLInputElement;
  private qTimer = 0;

  constructor(form: HTMLFormElement, index: AgencyIndex, onChange: (patch: Partial<Filters>) => void) {
    const typeCounts = new Array(AGENCY_TYPES.length).fill(0);
    for (let i = 0; i < index.size; i++) typeCounts[index.type[i]]++;
    const types = h('fieldset', { class: 'types' }, h('legend', {}, MSG.agencyType));
    // Every type and state is offered, with its count (0 included): a link may ask for any of them.
    AGENCY_TYPES.forEach((t, k) => {
      const box = h('input', { type: 'checkbox', name: 'type', value: t, id: `type-${t}` });
      this.typeBoxes.set(t, box);
      types.append(
        h('label', { class: 'check', for: `type-${t}` }, box, ` ${TYPE_LABELS[t]} `, h('span', { class: 'muted' }, `(${formatInt(typeCounts[k])})`)),
      );
    });
    types.addEventListener('change', () => {
      const selected = AGENCY_TYPES.filter((t) => this.typeBoxes.get(t)?.checked);
      onChange({ types: selected });
    });

    const stateCounts = new Map<string, number>();
    for (let i = 0; i < index.size; i++) {
      const code = index.states[index.state[i]];
      stateCounts.set(code, (stateCounts.get(code) ?? 0) + 1);
    }
    this.stateSelect = h('select', { id: 'filter-state', name: 'state' }, h('option', { value: '' }, MSG.allStates));
    [...US_STATES]
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((st) => {
        this.stateSelect.append(h('option', { value: st.code }, `${st.name} (${formatInt(stateCounts.get(st.code) ?? 0)})`));
      });
    // The first select picks one state (or all); "Add a state" extends the choice (state=NJ,NY,PA).
    this.several = h('option', { value: '*', hidden: true, disabled: true }, '');
    this.stateSelect.append(this.several);
    this.stateSelect.addEventListener('change', () => onChange({ states: this.stateSelect.value ? [this.stateSelect.value] : [] }));
    this.addState = h('select', { id: 'filter-state-add', 'aria-label': MSG.addStateLabel }, h('option', { value: '' }, MSG.addStatePrompt));
    [...US_STATES]
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((st) => this.addState.append(h('option', { value: st.code }, `${st.name} (${formatInt(stateCounts.get(st.code) ?? 0)})`)));
    this.addState.addEventListener('change', () => {
      const code = this.addState.value;
      if (code && !this.states.includes(code)) onChange({ states: [...this.states, code].sort() });
    });
    this.stateChips = h('ul', { class: 'state-chips', 'aria-label': MSG.chosenStates });
    this.stateChips.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-state]');
      if (b) onChange({ states: this.states.filter((c) => c !== b.dataset.state) });
    });

    this.perks = h('input', { type: 'checkbox', id: 'filter-perks', name: 'perks' });
    this.perks.addEventListener('change', () => onChange({ perks: this.perks.checked }));
    this.records = h('input', { type: 'checkbox', id: 'filter-records', name: 'records' });
    this.records.addEventListener('change', () => onChange({ records: this.records.checked }));

    this.q = h('input', { type: 'search', id: 'filter-q', name: 'q', maxlength: 200, autocomplete: 'off', placeholder: MSG.nameSearchExample });
    this.q.addEventListener('input', () => {
      this.cancelPending();
      this.qTimer = window.setTimeout(() => onChange({ q: this.q.value.slice(0, 200) }), 200);
    });

    const reset = h('button', { type: 'button', class: 'link-button' }, MSG.clearFilters);
    reset.addEventListener('click', () => {
      this.cancelPending();
      onChange({ ...DEFAULT_FILTERS, types: [], states: [] });
    });

    form.addEventListener('submit', (e) => e.preventDefault());
    form.replaceChildren(
      types,
      h('label', { class: 'field', for: 'filter-state' }, MSG.stateLabel),
      this.stateSelect,
      this.stateChips,
      this.addState,
      h('fieldset', { class: 'flags' },
        h('legend', {}, MSG.evidence),
        h('label', { class: 'check', for: 'filter-perks' }, this.perks, ` ${MSG.perksDocumented}`),
        h('label', { class: 'check', for: 'filter-records' }, this.records, ` ${MSG.mouOrRecords}`),
      ),
      h('label', { class: 'field', for: 'filter-q' }, MSG.nameSearch),
      this.q,
      reset,
    );
  }

  /** Drops a typed search not yet applied (the state was replaced meanwhile). */
  cancelPending(): void {
    window.clearTimeout(this.qTimer);
  }

  render(f: Filters): void {
    for (const [t, box] of this.typeBoxes) box.checked = f.types.includes(t);
    this.states = f.states;
    this.several.textContent = MSG.severalStates(f.states.length);
    this.stateSelect.value = f.states.length === 0 ? '' : f.states.length === 1 ? f.states[0] : '*';
    this.stateChips.replaceChildren(
      ...(f.states.length > 1
        ? f.states.map((c) => h('li', {}, h('span', {}, c), h('button', { type: 'button', class: 'chip-remove', 'data-state': c, 'aria-label': MSG.removeState(STATE_BY_CODE.get(c)?.name ?? c) }, '×')))
        : []),
    );
    this.stateChips.hidden = f.states.length < 2;
    this.addState.hidden = f.states.length === 0;
    this.addState.value = '';
    for (const o of this.addState.options) if (o.value) o.disabled = f.states.includes(o.value);
    this.perks.checked = f.perks;
    this.records.checked = f.records;
    if (document.activeElement !== this.q) this.q.value = f.q;
  }
}
