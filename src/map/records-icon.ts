/** The document icon that marks agencies with an MOU or public records (map and legend). */
import type * as maplibregl from 'maplibre-gl';

export const RECORD_ICON = 'record-doc';

/** Draws a page with a folded corner and three lines into a square of side s. */
export function drawDocumentIcon(ctx: CanvasRenderingContext2D, s: number): void {
  const w = s * 0.72, x = (s - w) / 2, y = s * 0.08, fold = s * 0.24, hgt = s * 0.84;
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = '#1b4f72';
  ctx.lineWidth = s / 12;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w - fold, y);
  ctx.lineTo(x + w, y + fold);
  ctx.lineTo(x + w, y + hgt);
  ctx.lineTo(x, y + hgt);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.lineWidth = s / 16;
  for (let k = 0; k < 3; k++) {
    const ly = y + hgt * (0.45 + k * 0.17);
    ctx.beginPath();
    ctx.moveTo(x + w * 0.2, ly);
    ctx.lineTo(x + w * 0.8, ly);
    ctx.stroke();
  }
}

export function addRecordIcon(map: maplibregl.Map, size = 36): void {
  if (map.hasImage(RECORD_ICON)) return;
  const c = document.createElement('canvas');
  c.width = c.height = size;
  // A software canvas: reading pixels back from an accelerated one is slow.
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  drawDocumentIcon(ctx, size);
  map.addImage(RECORD_ICON, ctx.getImageData(0, 0, size, size), { pixelRatio: 2 });
}
