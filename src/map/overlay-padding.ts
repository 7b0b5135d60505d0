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

/**
 * Pure: the map's rectangle and the overlays' rectangles (same coordinates).
 * `aspect` (width / height of what is framed, on screen) picks, for each
 * overlay, the side that leaves the framed thing biggest; without it, the
 * side that keeps the largest share of the map.
 */
export function paddingFor(map: Rect, overlays: Rect[], base = 24, gap = 10, aspect?: number, minShare = 1 / 3): Padding {
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
    const scale = (side: keyof Padding, px: number) => {
      const p = { ...pad, [side]: Math.max(pad[side], px) };
      return Math.min((width - p.left - p.right) / aspect!, height - p.top - p.bottom);
    };
    if (aspect && Number.isFinite(aspect) && aspect > 0) cuts.sort((x, y) => scale(y[0], y[1]) - scale(x[0], x[1]));
    else cuts.sort((x, y) => x[1] / x[2] - y[1] / y[2]);
    const [side, px] = cuts[0];
    pad[side] = Math.max(pad[side], px);
  }
  // Never pad the frame away: keep at least a third of each dimension.
  const fit = (a: keyof Padding, b: keyof Padding, size: number) => {
    const room = size - pad[a] - pad[b];
    const min = size * minShare;
    if (room < min && pad[a] + pad[b] > 0) {
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
export function overlayPadding(container: HTMLElement, selectors: readonly string[], base = 24, aspect?: number, minShare?: number): Padding {
  const map = container.getBoundingClientRect();
  // Parts of the map below or above the window are as hidden as parts under an overlay.
  const rects: Rect[] = [
    { left: map.left, right: map.right, top: window.innerHeight, bottom: Math.max(map.bottom, window.innerHeight) },
    { left: map.left, right: map.right, top: Math.min(map.top, 0), bottom: 0 },
  ];
  for (const sel of selectors) {
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.hidden || !el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      const r = el.getBoundingClientRect();
      if (r.width && r.height) rects.push(r);
    }
  }
  return paddingFor(map, rects, base, 10, aspect, minShare);
}

/** What floats over the map: the legend, the map's controls, the phone's count and Play bar, and the sheets on phones. */
export const MAP_OVERLAYS = ['#legend', '.maplibregl-ctrl-top-right', '.maplibregl-ctrl-bottom-right', '#map-bar', '#area-result', '#card'] as const;

/** Width / height on screen (Web Mercator) of a [west, south, east, north] box. */
export function screenAspect([w, s, e, n]: [number, number, number, number]): number {
  const y = (lat: number) => {
    const t = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
    return (0.25 * Math.log((1 + t) / (1 - t))) / Math.PI;
  };
  const h = y(n) - y(s);
  return h > 0 ? (e - w) / 360 / h : 1;
}
