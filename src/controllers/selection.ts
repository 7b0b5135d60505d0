/**
 * The selected agency: its card (loaded from the details chunks, with a
 * retry when they fail), its mark on the map, focus in and out of the card,
 * and a link to an agency this map does not hold.
 */
import type { AppState } from '../state/app-state';
import { colocated } from '../data/colocated';
import { renderCard, renderCardError, renderCardLoading } from '../ui/agency-card';
import { notify } from '../ui/notices';
import { $ } from '../ui/dom';
import { MSG } from '../i18n/messages';
import type { AppContext } from './context';

type SelectionContext = Pick<AppContext, 'store' | 'index' | 'details' | 'history' | 'mapView' | 'derived' | 'set'>;

export class Selection {
  /** What had focus when the card opened: closing it goes back there. */
  private opener: HTMLElement | null = null;
  private token = 0;

  constructor(
    private ctx: SelectionContext,
    private card: HTMLElement,
    private notices: HTMLElement,
  ) {
    // Escape closes the agency card (dialogs close themselves).
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]') && !card.hidden) {
        (card.querySelector('.close') as HTMLButtonElement | null)?.click();
      }
    });
  }

  index(s: AppState): number | null {
    return s.agency === null ? null : (this.ctx.index.byId.get(s.agency) ?? null);
  }

  select(i: number | null, opts: { reveal?: boolean } = {}): void {
    const active = document.activeElement as HTMLElement | null;
    if (i !== null && active && !this.card.contains(active) && active !== document.body) this.opener = active;
    this.ctx.set({ agency: i === null ? null : this.ctx.index.ids[i] });
    if (i !== null && opts.reveal) this.ctx.mapView?.reveal(i);
    if (i !== null) {
      // An embed shows the card over its map: never scroll the host page.
      if (!this.ctx.store.state.embed) {
        // A card that rises over the map as a sheet (phones, zoomed pages): when the map is out of sight (the row was
        // chosen in the list below it), bring it into view, where the agency is kept clear of the sheet.
        if (getComputedStyle(this.card).position === 'fixed') this.mapIntoView();
        else this.card.scrollIntoView?.({ block: 'nearest' });
      }
      ($('#card-title', this.card) as HTMLElement).focus({ preventScroll: true });
    }
  }

  /** Scrolls the map into view when less than a strip of it shows above the card's sheet. */
  private mapIntoView(): void {
    const wrap = document.querySelector('.map-wrap');
    if (!wrap) return;
    const m = wrap.getBoundingClientRect();
    const shown = Math.min(m.bottom, this.card.getBoundingClientRect().top) - Math.max(m.top, 0);
    if (shown < 120) wrap.scrollIntoView?.({ block: 'start' });
  }

  render(s: AppState, prev: AppState | null): void {
    if (prev && prev.agency === s.agency) return;
    this.show(s);
    if (s.agency !== null && this.index(s) === null) this.missing(s.agency);
  }

  /** A link to an agency this map does not hold (merged, renamed or removed): say so, point to the list, drop it from the link. */
  private missing(id: string): void {
    this.notices.querySelector('.notice-missing-agency')?.remove();
    const note = notify(this.notices, MSG.agencyMissing(id), 'warning', {
      label: MSG.agencyMissingList,
      run: () => {
        const list = $('#agency-list');
        list.scrollIntoView?.({ block: 'start' });
        list.focus();
      },
    });
    note.classList.add('notice-missing-agency');
    // Not from inside the store's listeners: after them.
    queueMicrotask(() => {
      if (this.ctx.store.state.agency === id) this.ctx.set({ agency: null }, { replace: true });
    });
  }

  private show(s: AppState): void {
    const i = this.index(s);
    const card = this.card;
    const token = ++this.token;
    if (i === null) {
      if (!card.hidden) {
        card.hidden = true;
        card.replaceChildren();
      }
    } else {
      const close = () => this.close(i);
      const row = this.ctx.index.rows[i];
      const retry = () => this.show(this.ctx.store.state);
      renderCardLoading(card, row, close);
      card.hidden = false;
      void Promise.all([this.ctx.details.get(row), this.ctx.history.get()]).then(
        ([f, hst]) => {
          if (token !== this.token) return;
          const focused = document.activeElement?.id === 'card-title';
          if (f) renderCard(card, f, close, this.colocated(i), hst.eras);
          else renderCardError(card, row, close, null);
          if (focused) ($('#card-title', card) as HTMLElement).focus({ preventScroll: true });
          // On phones the card rises over the map: keep the agency's dot above it.
          requestAnimationFrame(() => this.ctx.mapView?.keepClear(i, card));
          document.body.setAttribute('data-card-ready', row.id);
        },
        () => {
          if (token === this.token) renderCardError(card, row, close, retry);
        },
      );
    }
    document.body.classList.toggle('has-card', i !== null);
    this.ctx.mapView?.setSelected(i);
  }

  private close(i: number): void {
    this.select(null);
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected && opener.offsetParent) return opener.focus();
    // Back to the agency's row, or to the list when the row is not shown.
    const rowButton = document.querySelector<HTMLElement>(`#list button[data-id="${this.ctx.index.ids[i]}"]`);
    if (rowButton?.offsetParent) rowButton.focus();
    else $('#agency-list').focus();
  }

  /** "Also at this point": the other agencies at its point that pass the filters. */
  private colocated(i: number): { id: string; name: string; select: () => void }[] {
    const { ids, rows } = this.ctx.index;
    return colocated(this.ctx.index, this.ctx.derived.mask, i).map((k) => ({ id: ids[k], name: rows[k].name, select: () => this.select(k, { reveal: true }) }));
  }
}
