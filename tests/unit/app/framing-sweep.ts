/**
 * The published data as the page reads it (encoded as the build encodes it,
 * decoded and indexed as the page does), and the map frames the sweeps
 * check: the map's size and the overlays over it, as measured on the page
 * at each size.
 */
import { readFileSync } from 'node:fs';
import type { AgencyCollection } from '../../../src/core/contract';
import { encodeMapData, decodePoints } from '../../../src/data/map-data';
import { buildIndex } from '../../../src/data/agency-index';
import type { Rect } from '../../../src/map/overlay-padding';

export const DATA: AgencyCollection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
export const ENCODED = encodeMapData(DATA);
/** Through JSON, as the page fetches it. */
export const DECODED = decodePoints(JSON.parse(JSON.stringify(ENCODED.points)));
export const INDEX = buildIndex(DECODED.rows);

export interface Frame {
  name: string;
  width: number;
  height: number;
  /** Overlays over the map, in the map's own coordinates. */
  overlays: Rect[];
}

const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });
/** The zoom buttons at the top right, the scale and attribution at the bottom right (as measured on the page). */
const controls = (w: number, h: number): Rect[] => [rect(w - 39, 0, 39, 68), rect(w - 103, h - 76, 103, 76)];
/** The legend folded: its button alone, at the bottom left (top left on phones). */
const foldedLegend = (h: number, top = false): Rect => rect(10, top ? 10 : h - 45, 99, 35);

/** The full map at desktop and phone sizes (overlays as measured), with the agency card (over the map on phones as a sheet). */
export const PAGE_FRAMES: Frame[] = [
  { name: 'desktop 1366×850', width: 676, height: 458, overlays: [...controls(676, 458), rect(10, 318, 300, 130)] },
  { name: 'desktop 1366×850, legend folded', width: 676, height: 458, overlays: [...controls(676, 458), foldedLegend(458)] },
  { name: 'desktop 1366×850, a taller legend (search keys added)', width: 676, height: 458, overlays: [...controls(676, 458), rect(10, 230, 300, 218)] },
  { name: 'laptop 1280×720', width: 590, height: 328, overlays: [...controls(590, 328), foldedLegend(328)] },
  // The map sits under the header and the search; the count and Play bar at its bottom left; the card sheet
  // rises to 55% of the window, over the map's lower part.
  { name: 'phone 390×844', width: 390, height: 358, overlays: [...controls(390, 358), foldedLegend(358, true), rect(8, 310, 209, 40), rect(0, 141, 390, 464)] },
  { name: 'phone 390×844, scrolled (map at the top)', width: 390, height: 358, overlays: [...controls(390, 358), foldedLegend(358, true), rect(8, 310, 209, 40), rect(0, 380, 390, 464)] },
];

/**
 * Embed frames: the builder's presets (the responsive one at a phone's and
 * a wide column's width), less the embed's bar above the map and its credit
 * below. The legend starts folded in small frames (src/controllers/legend.ts).
 */
export const EMBED_FRAMES: { name: string; frame: { width: number; height: number } }[] = [
  { name: 'responsive, phone column', frame: { width: 360, height: 500 } },
  { name: 'responsive, wide column', frame: { width: 1100, height: 500 } },
  { name: 'article', frame: { width: 600, height: 450 } },
  { name: 'small', frame: { width: 480, height: 360 } },
  { name: 'medium', frame: { width: 720, height: 480 } },
  { name: 'large', frame: { width: 960, height: 640 } },
];

/**
 * The map inside an embed frame, with its overlays. The bar and the credit
 * wrap as the frame narrows (as measured: 33 + 33 px at 960 wide, 62 + 46 at
 * 600, 58 + 72 at 360).
 */
export function embedMap(frame: { width: number; height: number }, legendFolded: boolean): Frame {
  const [bar, credit] = frame.width >= 900 ? [33, 33] : frame.width >= 520 ? [62, 46] : [58, 72];
  const width = frame.width, height = frame.height - bar - credit;
  // Open, as drawn beside a phone: 300 × 130 at the bottom left.
  const legend = legendFolded ? rect(10, 10, 99, 35) : rect(10, height - 10 - 130, 300, 130);
  return { name: `${frame.width}×${frame.height}`, width, height, overlays: [...controls(width, height), legend] };
}
