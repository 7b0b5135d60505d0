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
/** The zoom buttons at the top right, the scale and attribution at the bottom right. */
const controls = (w: number, h: number): Rect[] => [rect(w - 39, 10, 29, 58), rect(w - 110, h - 50, 100, 40)];
/** The legend folded: its button alone, at the bottom left (top left on phones). */
const foldedLegend = (h: number, top = false): Rect => rect(10, top ? 10 : h - 42, 100, 32);

/** The full map at desktop and phone sizes, with the agency card (over the map on phones as a sheet). */
export const PAGE_FRAMES: Frame[] = [
  { name: 'desktop 1366×850', width: 676, height: 548, overlays: [...controls(676, 548), foldedLegend(548)] },
  { name: 'laptop 1280×720', width: 590, height: 418, overlays: [...controls(590, 418), foldedLegend(418)] },
  // The card sheet rises to 55% of the window; the map sits under the search and the header.
  { name: 'phone 390×844', width: 390, height: 371, overlays: [...controls(390, 371), foldedLegend(371, true), rect(0, 210, 390, 464)] },
];
