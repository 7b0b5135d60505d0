/**
 * Image export for reporters: renders the current view into an off-screen
 * map at the requested size, then draws the title, the filters in words, the
 * legend, the data date and the credits into the PNG itself.
 */
import type { AgencyIndex } from '../data/agency-index';
import type { LayerId } from '../state/app-state';
import { MapView } from '../map/map-view';
import type { ExportLegend, ExportText } from './export-legend';
import { drawCredit, drawLegend, drawTitle, LEGEND_WIDTH } from './export-legend';

export const EXPORT_SIZES = [
  { id: 'screen', label: 'Screen, 1200 × 800', width: 1200, height: 800, ratio: 1 },
  { id: '2x', label: 'High resolution (2×), 2400 × 1600', width: 2400, height: 1600, ratio: 2 },
  { id: 'print', label: 'Print, 3000 × 2000', width: 3000, height: 2000, ratio: 2 },
] as const;
export type ExportSize = (typeof EXPORT_SIZES)[number];

export interface ExportInput {
  size: ExportSize;
  /** Title band and legend; the credit line is always drawn. */
  chrome: boolean;
  index: AgencyIndex;
  colorOf: (i: number) => string;
  mask: Uint8Array;
  layers: readonly LayerId[];
  selected: number | null;
  bounds: [[number, number], [number, number]];
  text: ExportText;
  legend: ExportLegend;
}

/** Distinct colours in a coarse sample: a blank or single-colour map has very few. */
export function colourVariety(ctx: CanvasRenderingContext2D, w: number, h: number): number {
  const d = ctx.getImageData(0, 0, w, h).data;
  const seen = new Set<number>();
  const step = Math.max(4, Math.floor(d.length / 4 / 20000)) * 4;
  for (let i = 0; i < d.length; i += step) seen.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
  return seen.size;
}

export async function renderExport(o: ExportInput): Promise<HTMLCanvasElement> {
  const { width: W, height: H, ratio } = o.size;
  const holder = document.createElement('div');
  holder.setAttribute('aria-hidden', 'true');
  holder.style.cssText = `position:fixed;left:-${W + 100}px;top:0;width:${W / ratio}px;height:${H / ratio}px;`;
  document.body.append(holder);
  const view = new MapView({ container: holder, view: { lon: 0, lat: 0, zoom: 2 }, embed: false, pixelRatio: ratio, interactive: false });
  try {
    await view.ready;
    view.attach(o.index, o.colorOf);
    const u = W / 1200;
    // Keep the same geography, leaving room for the title band and the legend.
    const css = u / ratio;
    view.map.fitBounds(o.bounds, {
      duration: 0,
      padding: o.chrome ? { top: 64 * css, bottom: 24 * css, left: (LEGEND_WIDTH + 16) * css, right: 8 * css } : { top: 0, bottom: 24 * css, left: 0, right: 0 },
    });
    view.applyLayers(o.mask, o.layers);
    view.setSelected(o.selected);
    await new Promise<void>((resolve) => view.map.once('idle', () => resolve()));
    const out = document.createElement('canvas');
    out.width = W;
    out.height = H;
    const ctx = out.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(view.map.getCanvas(), 0, 0, W, H);
    if (colourVariety(ctx, W, H) < 4) throw new Error('The map could not be drawn for the image (is WebGL available?).');
    if (o.chrome) {
      drawTitle(ctx, W, u, o.text);
      drawLegend(ctx, 12 * u, H - 44 * u, u, o.legend, ratio);
    }
    drawCredit(ctx, W, H, u, o.text.credit);
    return out;
  } finally {
    view.map.remove();
    holder.remove();
  }
}

export function canvasToBlob(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
