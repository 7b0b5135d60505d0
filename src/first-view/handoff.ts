/**
 * The static first view (drawn at build time, see render.ts) stays over the
 * live map until the map has drawn its first full frame, then gives way in
 * one frame (the two pictures match; a fade would cost software renderers
 * a dozen redrawn frames).
 * It is dropped at once when the page opens on anything but the national
 * view (a shared link, an embed), where it would show the wrong picture;
 * it shows in every interface language.
 */
import { MSG } from '../i18n/messages';
import { agenciesLabel } from '../ui/labels';

function element(): HTMLElement | null {
  return document.getElementById('first-view');
}

/**
 * The picture itself holds no words (numbers and state codes): in another
 * interface language only its accessible name, drawn in English at build
 * time, is said again (its link is translated with the page's text).
 */
export function labelFirstView(): void {
  const svg = element()?.querySelector<SVGSVGElement>('svg[data-agencies]');
  if (svg) svg.setAttribute('aria-label', MSG.firstViewMapLabel(agenciesLabel(Number(svg.dataset.agencies))));
}

export function dropFirstView(): void {
  element()?.remove();
}

/** Removes the first view once the page marks the live map ready (or says there is none). */
export function handOffFirstView(): void {
  const fv = element();
  if (!fv) return;
  const check = (): boolean => {
    const ready = document.body.getAttribute('data-map-ready');
    if (ready !== null) fv.remove();
    return ready !== null;
  };
  if (check()) return;
  const obs = new MutationObserver(() => {
    if (check()) obs.disconnect();
  });
  obs.observe(document.body, { attributes: true, attributeFilter: ['data-map-ready'] });
}
