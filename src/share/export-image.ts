/**
 * Image export for reporters: exactly the map on screen (same centre, zoom
 * and extent, drawn at a higher pixel ratio), with a title band above and a
 * band below carrying the legend, the coverage note and the credits, all
 * drawn into the PNG itself.
 */
import type { AgencyIndex } from '../data/agency-index';
import type { LayerId, View } from '../state/app-state';
import { MapView } from '../map/map-view';
import type { ExportLegend, ExportText } from './export-legend';
import { drawLegend, drawNotes, drawTitle, LEGEND_WIDTH } from './export-legend';
import { MSG } from '../i18n/messages';
import { AreaLayer } from '../map/area-layer';
import type { AreaShape } from '../map/area-layer';

/** Output widths (named in MSG.exportSizes); the height follows the proportions of the map on screen. */
export const EXPORT_SIZES = [
  { id: 'screen', width: 1200 },
  { id: '2x', width: 2400 },
  { id: 'print', width: 3000 },
] as const;
export type ExportSize = (typeof EXPORT_SIZES)[number];

export interface ExportInput {
  size: ExportSize;
  /** Title band and legend; the coverage note and credit are always drawn. */
  chrome: boolean;
  index: AgencyIndex;
  colorOf: (i: number) => string;
  mask: Uint8Array;
  layers: readonly LayerId[];
  selected: number | null;
  /** The on-screen map: its centre and zoom, and its size in CSS pixels. */
  view: View;
  screen: { width: number; height: number };
  text: ExportText;
  /** Coverage note, then credit: always in the image. */
  notes: string[];
  legend: ExportLegend;
  /** Places drawn on the map as the screen shows them (two places compared). */
  areas?: AreaShape[];
}

/** Where each part sits in the output image, in output pixels. */
export interface ExportLayout {
  width: number;
  height: number;
  titleHeight: number;
  mapTop: number;
  mapHeight: number;
  /** Device pixels per CSS pixel of the on-screen map. */
  ratio: number;
}

/** The map area keeps the screen's proportions at the chosen width. */
export function mapArea(size: ExportSize, screen: { width: number; height: number }, chrome: boolean, u = size.width / 1200): Omit<ExportLayout, 'height'> {
  const ratio = size.width / screen.width;
  const titleHeight = chrome ? Math.round(64 * u) : 0;
  return { width: size.width, titleHeight, mapTop: titleHeight, mapHeight: Math.round(screen.height * ratio), ratio };
}

/** Distinct colours in a coarse sample: a blank or single-colour map has very few. */
export function colourVariety(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): number {
  const d = ctx.getImageData(x, y, w, h).data;
  const seen = new Set<number>();
  const step = Math.max(4, Math.floor(d.length / 4 / 20000)) * 4;
  for (let i = 0; i < d.length; i += step) seen.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
  return seen.size;
}

export async function renderExport(o: ExportInput): Promise<HTMLCanvasElement> {
  const W = o.size.width;
  const u = W / 1200;
  const area = mapArea(o.size, o.screen, o.chrome, u);
  const holder = document.createElement('div');
  holder.setAttribute('aria-hidden', 'true');
  // The off-screen map has the on-screen map's CSS size: same clusters, labels and extent, only sharper.
  holder.style.cssText = `position:fixed;left:-${o.screen.width + 100}px;top:0;width:${o.screen.width}px;height:${o.screen.height}px;`;
  document.body.append(holder);
  const view = new MapView({ container: holder, view: o.view, embed: false, pixelRatio: area.ratio, interactive: false });
  try {
    await view.ready;
    view.attach(o.index, o.colorOf);
    view.setView(o.view);
    view.applyLayers(o.mask, o.layers);
    view.setSelected(o.selected);
    // The view is the screen's already: the places are drawn, never framed again.
    if (o.areas?.length) new AreaLayer(view.map, () => ({ top: 0, right: 0, bottom: 0, left: 0 })).showAll(o.areas, false);
    await new Promise<void>((resolve) => view.map.once('idle', () => resolve()));

    // Measure the bottom band: legend on the left, notes beside it (or under it when narrow).
    const scratch = document.createElement('canvas').getContext('2d')!;
    const legendW = LEGEND_WIDTH * u;
    const legendH = o.chrome ? drawLegend(scratch, 0, 0, u, o.legend, area.ratio, true) : 0;
    const pad = 12 * u;
    const notesX = legendH ? pad + legendW + pad : pad;
    const notesW = W - notesX - pad;
    const notesH = drawNotes(scratch, 0, 0, notesW, u, o.notes, true);
    const bandH = Math.ceil(Math.max(legendH ? legendH + 2 * pad : 0, notesH + 2 * pad));
    const H = area.mapTop + area.mapHeight + bandH;

    const out = document.createElement('canvas');
    out.width = W;
    out.height = H;
    const ctx = out.getContext('2d', { willReadFrequently: true })!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
    ctx.drawImage(view.map.getCanvas(), 0, area.mapTop, W, area.mapHeight);
    if (colourVariety(ctx, 0, area.mapTop, W, area.mapHeight) < 4) throw new Error(MSG.exportNotDrawn);
    if (o.chrome) drawTitle(ctx, W, u, o.text);
    const bandTop = area.mapTop + area.mapHeight;
    ctx.fillStyle = '#d9d5ce';
    ctx.fillRect(0, bandTop, W, Math.max(1, u));
    if (legendH) drawLegend(ctx, pad, bandTop + pad + legendH, u, o.legend, area.ratio);
    drawNotes(ctx, notesX, bandTop + pad, notesW, u, o.notes);
    return out;
  } finally {
    view.map.remove();
    holder.remove();
  }
}

export function canvasToBlob(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error(MSG.exportEncodingFailed))), 'image/png'));
}
