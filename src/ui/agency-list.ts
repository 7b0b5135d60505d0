/**
 * The list alternative to the map: the agencies that pass the filters and
 * lie in the current view, as a sortable table. Selecting a row selects the
 * agency on the map. Rows are paged so it stays fast with very large data.
 */
import type { AgencyIndex } from '../data/agency-index';
import { FLAG_AT_LEAST } from '../data/agency-index';
import { formatPartialDate } from '../time/months';
import { h } from './dom';
import { compareText, ellipsize, formatInt, formatUsd } from './format';
import { TYPE_LABELS } from './labels';
import { MSG } from '../i18n/messages';
import { compactMonthLabel } from '../time/months';
import { monthOf } from '../core/periods';

/** "Jun 2019" (or "2019"): the list's short form; the card gives the full date and its precision. */
function compactDate(date: string | null): string | null {
  if (!formatPartialDate(date)) return null;
  return /^\d{4}$/.test(date!) ? date : compactMonthLabel(monthOf(date)!);
}

export type SortKey = 'name' | 'place' | 'start' | 'value';
const PAGE = 100;

const COLUMNS: readonly SortKey[] = ['name', 'place', 'start', 'value'];

export class AgencyList {
  private sort: SortKey = 'name';
  private desc = false;
  private orders = new Map<string, Uint32Array>();
  private limit = PAGE;
  private selected: number | null = null;
  /**
   * Each agency's row, built once: a filter click or a Play step re-lists up to a page of rows
   * in the click's own task, and building them anew was half of that task's time.
   */
  private rows = new Map<number, HTMLTableRowElement>();

  constructor(
    private root: HTMLElement,
    private index: AgencyIndex,
    private onSelect: (i: number) => void,
  ) {}

  /** Indices sorted by a key, computed once per key. */
  private order(): Uint32Array {
    const key = `${this.sort}:${this.desc ? 'd' : 'a'}`;
    let o = this.orders.get(key);
    if (o) return o;
    const idx = this.index;
    const r = idx.rows;
    const name = (i: number) => r[i].name;
    const place = (i: number) => `${r[i].state} ${r[i].city ?? r[i].county ?? ''}`;
    const arr = Array.from({ length: idx.size }, (_, i) => i);
    const cmp: Record<SortKey, (a: number, b: number) => number> = {
      name: (a, b) => compareText(name(a), name(b)),
      place: (a, b) => compareText(place(a), place(b)) || compareText(name(a), name(b)),
      // Undocumented dates and values always sort last.
      start: (a, b) => ((idx.start[a] < 0 ? 1 : 0) - (idx.start[b] < 0 ? 1 : 0)) || (idx.start[a] - idx.start[b]) * (this.desc ? -1 : 1) || compareText(name(a), name(b)),
      value: (a, b) => (Number.isNaN(idx.value[a]) ? 1 : 0) - (Number.isNaN(idx.value[b]) ? 1 : 0) || ((idx.value[a] || 0) - (idx.value[b] || 0)) * (this.desc ? -1 : 1) || compareText(name(a), name(b)),
    };
    arr.sort(cmp[this.sort]);
    if (this.desc && (this.sort === 'name' || this.sort === 'place')) arr.reverse();
    o = Uint32Array.from(arr);
    this.orders.set(key, o);
    return o;
  }

  /** Back to the first page (the filters changed). */
  resetPaging(): void {
    this.limit = PAGE;
  }

  /** `inView[i]` = 1 when agency i passes the filters and is inside the view. */
  render(inView: Uint8Array, total: number, selected: number | null): void {
    // The list re-renders as the map moves: keep keyboard focus on the same agency. Read first:
    // moving a reused row into the new table takes focus off it.
    const focused = this.root.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id : undefined;
    this.selected = selected;
    const order = this.order();
    const rows: number[] = [];
    let count = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (!inView[i]) continue;
      count++;
      if (rows.length < this.limit) rows.push(i);
    }
    const table = h('table', { class: 'agency-table' },
      h('caption', { class: 'visually-hidden' }, MSG.listCaption),
      h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => this.header(c, MSG.listColumns[c])))),
      h('tbody', {}, ...rows.map((i) => this.cachedRow(i))),
    );
    const summary = h('p', { class: 'list-summary' },
      count === 0
        ? total === 0 ? MSG.listNoneMatch : MSG.listNoneInView(formatInt(total))
        : `${MSG.listInView(formatInt(count), count < total ? formatInt(total) : null, count > rows.length ? formatInt(rows.length) : null)} ${MSG.listDashKey}`,
    );
    const parts: Node[] = [summary];
    if (count) parts.push(h('div', { class: 'table-scroll' }, table));
    if (count > rows.length) {
      const more = h('button', { type: 'button', class: 'more' }, MSG.listMore(formatInt(Math.min(PAGE, count - rows.length))));
      more.addEventListener('click', () => {
        this.limit += PAGE;
        this.render(inView, total, this.selected);
        (this.root.querySelectorAll('tbody tr')[this.limit - PAGE]?.querySelector('button') as HTMLElement | null)?.focus();
      });
      parts.push(more);
    }
    this.root.replaceChildren(...parts);
    if (focused) this.root.querySelector<HTMLElement>(`button[data-id="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
  }

  private header(key: SortKey, label: string): HTMLTableCellElement {
    const active = this.sort === key;
    const btn = h('button', { type: 'button', class: 'sort' }, label, h('span', { 'aria-hidden': 'true' }, active ? (this.desc ? ' ▼' : ' ▲') : ''));
    btn.addEventListener('click', () => {
      if (this.sort === key) this.desc = !this.desc;
      else {
        this.sort = key;
        this.desc = key === 'value';
      }
      this.limit = PAGE;
      this.rerender?.();
      (this.root.querySelector(`th[data-key="${key}"] button`) as HTMLElement | null)?.focus();
    });
    return h('th', { scope: 'col', 'data-key': key, 'aria-sort': active ? (this.desc ? 'descending' : 'ascending') : 'none' }, btn);
  }

  /** Set by the owner: re-runs render with the current view. */
  rerender?: () => void;

  /** The agency's row, marked as selected or not. */
  private cachedRow(i: number): HTMLTableRowElement {
    let tr = this.rows.get(i);
    if (!tr) {
      // Bounded: paging through very large data keeps at most a few pages of rows.
      if (this.rows.size >= 20 * PAGE) this.rows.clear();
      tr = this.row(i);
      this.rows.set(i, tr);
    }
    const selected = this.selected === i;
    if (tr.classList.contains('selected') !== selected) {
      if (selected) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
      tr.classList.toggle('selected', selected);
    }
    return tr;
  }

  private row(i: number): HTMLTableRowElement {
    const p = this.index.rows[i];
    const btn = h('button', { type: 'button', class: 'row-select', 'data-id': p.id }, ellipsize(p.name));
    btn.addEventListener('click', () => this.onSelect(i));
    const place = [p.city ?? p.county, p.state].filter(Boolean).join(', ');
    const v = this.index.value[i];
    return h('tr', { 'aria-current': this.selected === i ? 'true' : null, class: this.selected === i ? 'selected' : null },
      // The type is in the name almost always ("… Police Department"); screen readers still hear it.
      h('th', { scope: 'row' }, btn, h('span', { class: 'visually-hidden' }, `, ${TYPE_LABELS[p.agency_type]}`)),
      h('td', {}, ellipsize(place, 60)),
      h('td', { class: p.start_date ? 'date' : 'muted', title: formatPartialDate(p.start_date) ?? null }, compactDate(p.start_date) ?? MSG.notDocumented),
      // Undocumented reads "not documented" (never zero); a dash keeps the column narrow, keyed above the table.
      Number.isNaN(v)
        ? h('td', { class: 'muted nd', title: MSG.notDocumented }, h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, MSG.notDocumented))
        : h('td', {}, formatUsd(v, (this.index.flags[i] & FLAG_AT_LEAST) !== 0)),
    );
  }

}
