/**
 * In embed mode, tells the host page the height the embed would like for its
 * width (bar, a map about 0.62 × as tall as wide, credit), so the host's
 * listener (see embed-code.ts) can size the iframe. The embed itself always
 * fills whatever frame it gets.
 */
import { RESIZE_MESSAGE } from './embed-code';

/** Map height for a frame width: the same proportions as the full map's embed default. */
export function preferredMapHeight(width: number): number {
  return Math.round(Math.min(640, Math.max(300, 0.62 * width)));
}

export function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    let chrome = 0;
    for (const sel of ['#embed-bar', '#notices', '.app-footer']) chrome += document.querySelector(sel)?.getBoundingClientRect().height ?? 0;
    const height = Math.ceil(chrome + preferredMapHeight(window.innerWidth));
    if (height === last) return;
    last = height;
    // The height is not sensitive, and the host's origin is unknown here.
    window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
  };
  new ResizeObserver(send).observe(document.body);
  window.addEventListener('resize', send);
  send();
}
