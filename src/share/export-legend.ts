/**
 * Draws the title band, legend, coverage note and credit of an exported image onto a
 * 2D canvas. Everything is drawn (no DOM), so the PNG carries its own key and
 * attribution wherever it is published.
 */
import { VIRIDIS, UNDATED_COLOR } from '../scales/palette';
import { DENSITY_COLORS } from '../scales/density';
import { PERK_COLOR } from '../map/perks-layer';
import { drawDocumentIcon } from '../map/records-icon';
import type { LayerId } from '../state/app-state';
import { MSG } from '../i18n/messages';

export interface ExportText {
  title: string;
  subtitle: string;
}

export interface ExportLegend {
  layers: readonly LayerId[];
  dateLabels: [string, string];
  perkExamples: { label: string; r: number }[];
  densityTitle: string;
  densityLabels: string[];
}

/** Legend box width at 1200 px image width. */
export const LEGEND_WIDTH = 285;

const FONT = 'system-ui, "DejaVu Sans", "Noto Sans", Arial, sans-serif';

function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let t = text;
  while (t.length > 4 && ctx.measureText(t + '…').width > maxWidth) t = t.slice(0, -1);
  return t + '…';
}

/** Wraps text into lines no wider than maxWidth. */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (ctx.measureText(next).width > maxWidth && line) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function drawTitle(ctx: CanvasRenderingContext2D, W: number, u: number, t: ExportText): void {
  const h = 64 * u;
  ctx.fillStyle = 'rgba(255,255,255,0.93)';
  ctx.fillRect(0, 0, W, h);
  ctx.fillStyle = '#1f2328';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `700 ${24 * u}px ${FONT}`;
  ctx.fillText(fitText(ctx, t.title, W - 32 * u), 16 * u, 30 * u);
  ctx.font = `${14 * u}px ${FONT}`;
  ctx.fillStyle = '#4a4f57';
  ctx.fillText(fitText(ctx, t.subtitle, W - 32 * u), 16 * u, 52 * u);
}

/**
 * Paragraphs of small text (coverage note, credit) wrapped into `width`,
 * top-left at (x, y). Returns the height used; `dry` only measures.
 */
export function drawNotes(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, u: number, paragraphs: string[], dry = false): number {
  ctx.font = `${12 * u}px ${FONT}`;
  ctx.textBaseline = 'alphabetic';
  let line = 0;
  for (const [k, p] of paragraphs.entries()) {
    ctx.font = `${k === 0 ? 600 : 400} ${12 * u}px ${FONT}`;
    for (const l of wrap(ctx, p, width)) {
      if (!dry) {
        ctx.fillStyle = '#2f343b';
        ctx.fillText(l, x, y + (16 * line + 13) * u);
      }
      line++;
    }
    line += 0.4;
  }
  return (16 * line + 4) * u;
}

/** Draws the legend box with its bottom-left corner at (x, bottom). Returns its height. */
/** `symbolScale` is the map's pixel ratio, so example circles match the map's circles exactly. */
export function drawLegend(ctx: CanvasRenderingContext2D, x: number, bottom: number, u: number, lg: ExportLegend, symbolScale = u, dry = false): number {
  const rows: { h: number; draw: (y: number) => void }[] = [];
  const text = (s: string, tx: number, ty: number, bold = false) => {
    ctx.font = `${bold ? 700 : 400} ${12 * u}px ${FONT}`;
    ctx.fillStyle = '#1f2328';
    ctx.fillText(s, tx, ty);
  };
  const W = LEGEND_WIDTH * u;
  if (lg.layers.includes('points')) {
    rows.push({ h: 18 * u, draw: (y) => text(MSG.legendAgencyTitle, x + 10 * u, y + 13 * u, true) });
    rows.push({
      h: 20 * u,
      draw: (y) => {
        text(lg.dateLabels[0], x + 10 * u, y + 14 * u);
        const gx = x + 64 * u, gw = 110 * u;
        const g = ctx.createLinearGradient(gx, 0, gx + gw, 0);
        VIRIDIS.forEach((c, k) => g.addColorStop(k / (VIRIDIS.length - 1), c));
        ctx.fillStyle = g;
        ctx.fillRect(gx, y + 4 * u, gw, 11 * u);
        text(lg.dateLabels[1], gx + gw + 6 * u, y + 14 * u);
      },
    });
    rows.push({
      h: 18 * u,
      draw: (y) => {
        ctx.beginPath();
        ctx.arc(x + 16 * u, y + 9 * u, 5 * u, 0, Math.PI * 2);
        ctx.fillStyle = `${UNDATED_COLOR}55`;
        ctx.fill();
        ctx.lineWidth = 2 * u;
        ctx.strokeStyle = '#5f6368';
        ctx.stroke();
        text(MSG.legendUndated, x + 28 * u, y + 13 * u);
      },
    });
    rows.push({
      h: 20 * u,
      draw: (y) => {
        ctx.beginPath();
        ctx.arc(x + 16 * u, y + 10 * u, 8 * u, 0, Math.PI * 2);
        ctx.fillStyle = VIRIDIS[4];
        ctx.fill();
        ctx.lineWidth = 1.5 * u;
        ctx.strokeStyle = '#2b2d42';
        ctx.stroke();
        ctx.font = `${9 * u}px ${FONT}`;
        ctx.fillStyle = '#fff';
        ctx.textAlign = 'center';
        ctx.fillText('12', x + 16 * u, y + 13 * u);
        ctx.textAlign = 'left';
        text(MSG.clusterLegendShort, x + 28 * u, y + 14 * u);
      },
    });
  }
  if (lg.layers.includes('perks')) {
    rows.push({ h: 18 * u, draw: (y) => text(MSG.legendPerksTitleShort, x + 10 * u, y + 13 * u, true) });
    for (const e of lg.perkExamples) {
      const r = e.r * symbolScale;
      rows.push({
        h: Math.max(18 * u, 2 * r + 4 * u),
        draw: (y) => {
          ctx.beginPath();
          ctx.arc(x + 10 * u + 28 * u, y + r + 2 * u, r, 0, Math.PI * 2);
          ctx.fillStyle = `${PERK_COLOR}73`;
          ctx.fill();
          ctx.lineWidth = 1.5 * u;
          ctx.strokeStyle = '#7f3500';
          ctx.stroke();
          text(e.label, x + 72 * u, y + r + 6 * u);
        },
      });
    }
    rows.push({
      h: 20 * u,
      draw: (y) => {
        ctx.beginPath();
        ctx.arc(x + 38 * u, y + 10 * u, 8 * u, 0, Math.PI * 2);
        ctx.lineWidth = 1.5 * u;
        ctx.strokeStyle = '#7f3500';
        ctx.stroke();
        text(MSG.legendPerkNoValueShort, x + 72 * u, y + 14 * u);
      },
    });
  }
  if (lg.layers.includes('records')) {
    rows.push({
      h: 20 * u,
      draw: (y) => {
        ctx.save();
        ctx.translate(x + 8 * u, y + 1 * u);
        drawDocumentIcon(ctx, 17 * u);
        ctx.restore();
        text(MSG.legendRecords, x + 28 * u, y + 14 * u);
      },
    });
  }
  if (lg.layers.includes('density')) {
    rows.push({ h: 18 * u, draw: (y) => text(lg.densityTitle, x + 10 * u, y + 13 * u, true) });
    DENSITY_COLORS.forEach((c, k) =>
      rows.push({
        h: 17 * u,
        draw: (y) => {
          ctx.fillStyle = c;
          ctx.fillRect(x + 10 * u, y + 3 * u, 18 * u, 11 * u);
          ctx.strokeStyle = '#999';
          ctx.lineWidth = u;
          ctx.strokeRect(x + 10 * u, y + 3 * u, 18 * u, 11 * u);
          text(lg.densityLabels[k] ?? '', x + 36 * u, y + 13 * u);
        },
      }),
    );
  }
  if (!rows.length) return 0;
  const H = rows.reduce((n, r) => n + r.h, 0) + 14 * u;
  if (dry) return H;
  const top = bottom - H;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.strokeStyle = '#c9c5be';
  ctx.lineWidth = u;
  ctx.fillRect(x, top, W, H);
  ctx.strokeRect(x, top, W, H);
  let y = top + 7 * u;
  for (const r of rows) {
    r.draw(y);
    y += r.h;
  }
  return H;
}
