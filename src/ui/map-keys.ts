/**
 * Keyboard access to the agencies on the map. With the map focused, the
 * arrow keys move it and + and − zoom (the map library's own keys); the
 * agency nearest the centre (a cross marks it) gets its name shown and
 * announced, and Enter opens its card. Closing the card returns focus to
 * the map.
 */
import type { Map as MapLibre } from 'maplibre-gl';
import type { AgencyIndex } from '../data/agency-index';
import { nearestInBox, toMercator } from '../map/keyboard-pick';
import { TYPE_LABELS } from './labels';
import { h } from './dom';
import { MSG } from '../i18n/messages';

export interface MapKeysHooks {
  /** The agencies shown (passing the filters). */
  mask(): Uint8Array;
  show(i: number): void;
  hide(): void;
  open(i: number): void;
}

export class MapKeys {
  private current: number | null = null;
  private box: HTMLElement;
  private said: HTMLElement;

  constructor(private map: MapLibre, private index: AgencyIndex, wrap: HTMLElement, private hooks: MapKeysHooks) {
    const canvas = map.getCanvas();
    const hint = h('p', { id: 'map-keys-hint', class: 'map-keys-hint' }, MSG.mapKeysHint);
    this.said = h('p', { class: 'map-keys-nearest', role: 'status' });
    this.box = h('div', { class: 'map-keys' }, hint, this.said);
    this.box.hidden = true;
    const cross = h('div', { class: 'map-keys-cross', 'aria-hidden': 'true' });
    wrap.append(this.box, cross);
    canvas.setAttribute('aria-describedby', 'map-keys-hint');
    canvas.addEventListener('focus', () => {
      // A click focuses the map too: the keyboard aids are for keyboard focus only.
      if (!canvas.matches(':focus-visible')) return;
      this.box.hidden = false;
      wrap.classList.add('map-keys-on');
      this.update();
    });
    canvas.addEventListener('blur', () => {
      this.box.hidden = true;
      wrap.classList.remove('map-keys-on');
      if (this.current !== null) this.hooks.hide();
      this.current = null;
    });
    canvas.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || this.box.hidden) return;
      e.preventDefault();
      if (this.current !== null) this.hooks.open(this.current);
    });
    map.on('moveend', () => {
      if (!this.box.hidden) this.update();
    });
  }

  /** The agency nearest the centre of the view now: shown, and said once it changes. */
  private update(): void {
    const c = this.map.getContainer();
    const w = c.clientWidth, h = c.clientHeight;
    const nw = this.map.unproject([0, 0]), se = this.map.unproject([w, h]);
    const [x0, y0] = toMercator(nw.lng, nw.lat), [x1, y1] = toMercator(se.lng, se.lat);
    const i = nearestInBox(this.hooks.mask(), this.index.mx, this.index.my, { x0, y0, x1, y1 });
    if (i === null) {
      if (this.current !== null) this.hooks.hide();
      this.current = null;
      this.said.textContent = MSG.mapKeysNone;
      return;
    }
    this.hooks.show(i);
    if (i === this.current) return;
    this.current = i;
    const r = this.index.rows[i];
    this.said.textContent = MSG.mapKeysNearest(r.name, `${TYPE_LABELS[r.agency_type]}, ${[r.city, r.state].filter(Boolean).join(', ')}`);
  }
}
