/**
 * A date stamp over the map while a date range is active or Play runs, so a
 * screenshot of any frame says *when* it shows.
 */
import type { Month } from '../core/periods';
import { monthLabel } from '../time/months';
import { h } from './dom';
import { MSG } from '../i18n/messages';

export class MapDate {
  private el: HTMLElement;

  constructor(parent: HTMLElement) {
    this.el = h('p', { id: 'map-date', class: 'map-date', 'aria-hidden': 'true' });
    this.el.hidden = true;
    parent.append(this.el);
  }

  render(from: Month | null, to: Month | null): void {
    this.el.hidden = from === null && to === null;
    if (from !== null) this.el.textContent = MSG.mapDateRange(monthLabel(from), to !== null ? monthLabel(to) : MSG.mapDateLatest);
    else if (to !== null) this.el.textContent = MSG.mapDateAll(monthLabel(to));
  }
}
