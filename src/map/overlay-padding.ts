/**
 * Padding for framing the map so nothing framed ends up under an overlay
 * (the legend, map controls, a bottom sheet on phones). Each overlay that
 * covers part of the map pushes the frame in from the side where it costs
 * the least room.
 */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pure: the map's rectangle and the overlays' rectangles (same coordinates). */
export function paddingFor(map: Rect, overlays: Rect[], base = 24, gap = 10): Padding {
  const pad: Padding = { top: base, right: base, bottom: base, left: base };
  const width = map.right - map.left, height = map.bottom - map.top;
  for (const o of overlays) {
    const l = Math.max(o.left, map.left), r = Math.min(o.right, map.right);
    const t = Math.max(o.top, map.top), b = Math.min(o.bottom, map.bottom);
    if (r - l < 2 || b - t < 2) continue;
    const cuts: [keyof Padding, number, number][] = [
      ['left', r - map.left + gap, width],
      ['right', map.right - l + gap, width],
      ['top', b - map.top + gap, height],
      ['bottom', map.bottom - t + gap, height],
    ];
    // The side that keeps the largest share of the map.
    cuts.sort((x, y) => x[1] / x[2] - y[1] / y[2]);
    const [side, px] = cuts[0];
    pad[side] = Math.max(pad[side], px);
  }
  // Never pad the frame away: keep at least a third of each dimension.
  const fit = (a: keyof Padding, b: keyof Padding, size: number) => {
    const room = size - pad[a] - pad[b];
    const min = size / 3;
    if (room < min) {
      const k = (size - min) / (pad[a] + pad[b]);
      pad[a] = Math.floor(pad[a] * k);
      pad[b] = Math.floor(pad[b] * k);
    }
  };
  fit('left', 'right', width);
  fit('top', 'bottom', height);
  return pad;
}

/** The overlays on screen now, measured against the map container. */
export function overlayPadding(container: HTMLElement, selectors: readonly string[], base = 24): Padding {
  const map = container.getBoundingClientRect();
  const rects: Rect[] = [];
  for (const sel of selectors) {
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.hidden || !el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      const r = el.getBoundingClientRect();
      if (r.width && r.height) rects.push(r);
    }
  }
  return paddingFor(map, rects, base);
}

/** What floats over the map: the legend, the map's controls, and the sheets on phones. */
export const MAP_OVERLAYS = ['#legend', '.maplibregl-ctrl-top-right', '.maplibregl-ctrl-bottom-right', '#area-result', '#card'] as const;
