/**
 * The phone's compact bar over the map: the count and a small Play button,
 * so what the map shows is counted and can be played without scrolling to
 * the timeline or losing the map while filters change below it. It adds
 * no state of its own: the count is the panel's count, and Play presses
 * the timeline's own Play button (whose label it repeats).
 */
import { h } from './dom';
import { MSG } from '../i18n/messages';

export function mountMapBar(wrap: HTMLElement, count: HTMLElement, timeline: HTMLElement): HTMLElement {
  // The count is announced by the panel's own live region: the copy is for the eyes only.
  const shown = h('p', { class: 'map-bar-count', 'aria-hidden': 'true' });
  const play = h('button', { type: 'button', class: 'map-bar-play' });
  const bar = h('div', { id: 'map-bar', class: 'map-bar', role: 'group', 'aria-label': MSG.mapBarLabel }, shown, play);
  const timelinePlay = () => timeline.querySelector<HTMLButtonElement>('button.play');
  const sync = () => {
    shown.textContent = count.textContent;
    const p = timelinePlay();
    play.textContent = p?.textContent ?? MSG.play;
    play.hidden = !p || p.hidden;
    play.disabled = Boolean(p?.disabled);
  };
  play.addEventListener('click', () => {
    timelinePlay()?.click();
    sync();
  });
  const watch = { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'disabled'] };
  new MutationObserver(sync).observe(count, watch);
  new MutationObserver(sync).observe(timeline, watch);
  sync();
  wrap.append(bar);
  return bar;
}
