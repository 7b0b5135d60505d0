/**
 * The static first view (drawn at build time, see render.ts) stays over the
 * live map until the map has drawn its first full frame, then fades out.
 * It is dropped at once when the page opens on anything but the national
 * view (a shared link, an embed), where it would show the wrong picture.
 */
const FADE_MS = 250;

function element(): HTMLElement | null {
  return document.getElementById('first-view');
}

export function dropFirstView(): void {
  element()?.remove();
}

/** Fades the first view out once the page marks the live map ready (or removes it when there is no map). */
export function handOffFirstView(): void {
  const fv = element();
  if (!fv) return;
  const fade = () => {
    fv.classList.add('first-view-out');
    // The fade is CSS; removal follows it (reduced motion: no transition, so at once).
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.setTimeout(() => fv.remove(), reduce ? 0 : FADE_MS + 50);
  };
  const check = (): boolean => {
    const ready = document.body.getAttribute('data-map-ready');
    if (ready === 'true') fade();
    else if (ready === 'false') fv.remove();
    return ready !== null;
  };
  if (check()) return;
  const obs = new MutationObserver(() => {
    if (check()) obs.disconnect();
  });
  obs.observe(document.body, { attributes: true, attributeFilter: ['data-map-ready'] });
}
