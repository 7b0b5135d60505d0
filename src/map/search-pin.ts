/**
 * The searched place's marker: a map pin whose tip touches the place and
 * whose body stands above it, drawn under the agencies so it never hides one.
 * Shaped unlike any agency symbol (dots, hollow dots, clusters).
 */
import type * as maplibregl from 'maplibre-gl';

export const SEARCH_PIN = 'search-pin';

/** Draws the pin into a w × h box (h = 1.4 w), tip at the bottom centre. */
export function drawSearchPin(ctx: CanvasRenderingContext2D, w: number): void {
  const r = w * 0.42, cx = w / 2, cy = r + w * 0.06, tip = w * 1.36;
  ctx.beginPath();
  ctx.moveTo(cx, tip);
  // Two tangents from the tip to the head circle.
  const a = Math.asin(r / (tip - cy));
  ctx.arc(cx, cy, r, Math.PI / 2 + a, Math.PI / 2 - a);
  ctx.closePath();
  ctx.fillStyle = '#23262b';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = w * 0.07;
  ctx.fill();
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(cx, cy, r * 0.42, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
}

export function addSearchPin(map: maplibregl.Map, w = 44): void {
  if (map.hasImage(SEARCH_PIN)) return;
  const c = document.createElement('canvas');
  c.width = w;
  c.height = Math.round(w * 1.4);
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  drawSearchPin(ctx, w);
  map.addImage(SEARCH_PIN, ctx.getImageData(0, 0, c.width, c.height), { pixelRatio: 2 });
}
