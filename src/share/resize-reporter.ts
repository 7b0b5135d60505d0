/**
 * In embed mode, tells the host page how tall the map's page is, so the
 * host's listener (see embed-code.ts) can size the iframe to fit.
 */
import { RESIZE_MESSAGE } from './embed-code';

export function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    // The height is not sensitive, and the host's origin is unknown here.
    window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}
