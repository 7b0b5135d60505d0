/**
 * The link-preview image of a state (1200×630 PNG, the size Open Graph and
 * Twitter cards expect): its outline and every agency point, rasterised
 * here with pngjs because no rasteriser for SVG is bundled. Without a font
 * rasteriser the image carries no text; the page's title and description
 * travel beside it in the card.
 */
import { PNG } from 'pngjs';
import { CONTIGUOUS, projectState, projectStates } from './state-shapes';
import type { Projection } from './state-shapes';
import type { MapPoint } from './svg-map';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

type Rgb = [number, number, number];
const BG: Rgb = [246, 244, 240];
const LAND: Rgb = [223, 230, 238];
const EDGE: Rgb = [27, 79, 114];
const DOT: Rgb = [27, 79, 114];
const HALO: Rgb = [255, 255, 255];

class Canvas {
  readonly png = new PNG({ width: OG_WIDTH, height: OG_HEIGHT });
  constructor() {
    for (let i = 0; i < this.png.data.length; i += 4) this.set(i, BG);
  }
  private set(i: number, c: Rgb): void {
    this.png.data[i] = c[0];
    this.png.data[i + 1] = c[1];
    this.png.data[i + 2] = c[2];
    this.png.data[i + 3] = 255;
  }
  pixel(x: number, y: number, c: Rgb): void {
    if (x < 0 || y < 0 || x >= OG_WIDTH || y >= OG_HEIGHT) return;
    this.set((y * OG_WIDTH + x) * 4, c);
  }
  /** Even-odd scanline fill of every ring together (holes stay empty). */
  fill(rings: number[][][], c: Rgb): void {
    for (let y = 0; y < OG_HEIGHT; y++) {
      const sy = y + 0.5;
      const xs: number[] = [];
      for (const r of rings) {
        for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
          const [ax, ay] = r[j];
          const [bx, by] = r[i];
          if ((ay <= sy) !== (by <= sy)) xs.push(ax + ((sy - ay) / (by - ay)) * (bx - ax));
        }
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        for (let x = Math.max(0, Math.round(xs[k])); x < Math.min(OG_WIDTH, Math.round(xs[k + 1])); x++) this.pixel(x, y, c);
      }
    }
  }
  disc(cx: number, cy: number, r: number, c: Rgb): void {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) this.pixel(x, y, c);
      }
    }
  }
  line(rings: number[][][], width: number, c: Rgb): void {
    for (const r of rings) {
      for (let i = 1; i < r.length; i++) {
        const [ax, ay] = r[i - 1];
        const [bx, by] = r[i];
        const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) * 2));
        for (let s = 0; s <= steps; s++) this.disc(ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps, width / 2, c);
      }
    }
  }
}

/** The state's preview image as PNG bytes. */
export function statePreviewPng(code: string, points: MapPoint[]): Buffer {
  return previewPng(projectState(code, OG_WIDTH, { height: OG_HEIGHT, pad: 48, tolerance: 0.8 }), points, points.length > 80 ? 6 : 8);
}

/** The contiguous states with every agency in them, for the index of states. */
export function nationalPreviewPng(points: MapPoint[]): Buffer {
  return previewPng(projectStates(CONTIGUOUS(), OG_WIDTH, { height: OG_HEIGHT, pad: 32, tolerance: 0.8 }), points, 4);
}

function previewPng(proj: Projection, points: MapPoint[], r: number): Buffer {
  const canvas = new Canvas();
  canvas.fill(proj.rings, LAND);
  canvas.line(proj.rings, proj.rings.length > 200 ? 1.5 : 2.5, EDGE);
  for (const p of points) {
    const [x, y] = proj.project(p.lon, p.lat);
    canvas.disc(x, y, r + (r > 4 ? 2 : 1), HALO);
    canvas.disc(x, y, r, DOT);
  }
  return PNG.sync.write(canvas.png, { colorType: 2, inputHasAlpha: true, filterType: 1, deflateLevel: 6 });
}
