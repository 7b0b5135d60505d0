/**
 * The static first view: the national map the live map opens on, drawn as
 * SVG from the data at build time (basemap, the same clusters and colours,
 * and the counts), so a visitor sees every agency before WebGL starts.
 * Pure string output; only presentation attributes (no style attributes),
 * so it is allowed under a strict Content-Security-Policy.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { AgencyIndex } from '../data/agency-index';
import { FLAG_RECORDS } from '../data/agency-index';
import { clusterView } from '../map/grid-cluster';
import { startColorScale, VIRIDIS, UNDATED_COLOR } from '../scales/palette';
import { computeTotals } from '../filters/totals';
import { FRAME_PADDING, initialBounds } from '../map/initial-view';
import type { Bounds } from '../map/initial-view';
import { COLORS } from '../map/basemap-colors';
import { MSG } from '../i18n/messages';
import {
  CLUSTER_OPACITY, CLUSTER_STROKE, CLUSTER_STROKE_COLOR, clusterColours, POINT_RADIUS_NATIONAL, UNDATED_STROKE, clusterLabel, clusterRadius,
} from '../map/cluster-style';
import { totalsRows } from '../ui/totals-rows';
import { agenciesLabel } from '../ui/labels';
import { shortMonthLabel } from '../time/months';

/**
 * The zoom the first view is drawn at: the live map's zoom for the
 * contiguous US in a desktop-sized map (its whole-number part decides the
 * clusters, and it is the same on phones and desktops).
 */
export const FIRST_VIEW_ZOOM = 2.75;
const TILE = 512;

export interface Basemap {
  states: FeatureCollection;
  context: FeatureCollection;
  /** Label points: state codes. */
  places: FeatureCollection;
}

export interface FirstView {
  /** The <svg> element. */
  svg: string;
  /** "1,547 agencies", as the live count reads. */
  count: string;
  /** The totals panel's <dt>/<dd> rows, as the live panel renders them. */
  totals: string;
  /** The legend for the default layers. */
  legend: string;
  agencies: number;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const WORLD = TILE * 2 ** FIRST_VIEW_ZOOM;
const px = (lon: number) => ((lon + 180) / 360) * WORLD;
const py = (lat: number) => {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return (0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI) * WORLD;
};
const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The framed bounds in SVG units, unpadded: the box holding the SVG is
 * padded by FRAME_PADDING in screen pixels (first-view.css) and the SVG
 * fits the bounds into what is left, centred, as the live map's fitBounds
 * does, so the two pictures share centre and zoom at any size. What lies
 * outside the bounds is drawn too (overflow visible) and clipped by the box.
 */
function viewBox(b: Bounds): [number, number, number, number] {
  const x0 = px(b[0]), x1 = px(b[2]);
  const y0 = py(b[3]), y1 = py(b[1]);
  return [r1(x0), r1(y0), r1(x1 - x0), r1(y1 - y0)];
}

/** The padding first-view.css must give the picture's box: the live map's frame padding. */
export const FIRST_VIEW_PADDING = FRAME_PADDING;

/** Douglas-Peucker in pixels: outlines keep their shape at this scale in a fraction of the points. */
function simplify(pts: [number, number][], tol: number): [number, number][] {
  if (pts.length < 4) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [i0, i1] = stack.pop()!;
    const [ax, ay] = pts[i0], [bx, by] = pts[i1];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let far = -1, worst = tol;
    for (let k = i0 + 1; k < i1; k++) {
      // A closed ring starts and ends on one point: measure from that point.
      const d = len ? Math.abs(dy * (pts[k][0] - ax) - dx * (pts[k][1] - ay)) / len : Math.hypot(pts[k][0] - ax, pts[k][1] - ay);
      if (d > worst) { worst = d; far = k; }
    }
    if (far > 0) {
      keep[far] = 1;
      stack.push([i0, far], [far, i1]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

/** A polygon path in relative pixel steps, simplified, with rings off the frame or under a pixel dropped. */
function pathOf(g: Geometry | null, clip: [number, number, number, number]): string {
  if (!g) return '';
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const out: string[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const pts = simplify(ring.map(([lon, lat]) => [px(lon), py(lat)] as [number, number]), 0.6);
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (const [x, y] of pts) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      if (pts.length < 4 || maxX - minX < 1.5 || maxY - minY < 1.5) continue;
      if (maxX < clip[0] || minX > clip[2] || maxY < clip[1] || minY > clip[3]) continue;
      let lx = Math.round(pts[0][0]), ly = Math.round(pts[0][1]);
      let d = `M${lx} ${ly}`;
      for (let k = 1; k < pts.length; k++) {
        const x = Math.round(pts[k][0]), y = Math.round(pts[k][1]);
        if (x === lx && y === ly) continue;
        d += `l${x - lx} ${y - ly}`.replace(/ -/g, '-');
        lx = x; ly = y;
      }
      out.push(`${d}z`);
    }
  }
  return out.join('');
}

export function renderFirstView(index: AgencyIndex, basemap: Basemap): FirstView {
  const bounds = initialBounds(index);
  const [vx, vy, vw, vh] = viewBox(bounds);
  // Wide or tall windows show more than the frame, as the live map does: draw a generous margin.
  const clip: [number, number, number, number] = [vx - vw, vy - vh, vx + 2 * vw, vy + 2 * vh];
  const mask = new Uint8Array(index.size).fill(1);
  const { clusters, singles } = clusterView(index, mask, FIRST_VIEW_ZOOM, null, { flagMask: FLAG_RECORDS });
  const colorOfMonth = startColorScale([index.minStart, index.maxStart]);
  const parts: string[] = [];
  parts.push(`<rect x="${r1(clip[0])}" y="${r1(clip[1])}" width="${r1(clip[2] - clip[0])}" height="${r1(clip[3] - clip[1])}" fill="${COLORS.water}"/>`);
  const ctx = basemap.context.features.map((f) => pathOf(f.geometry, clip)).join('');
  const states = basemap.states.features.map((f) => pathOf(f.geometry, clip)).join('');
  parts.push(`<path d="${ctx}" fill="${COLORS.neighbour}" stroke="#bdb8ae" stroke-width="0.6"/>`);
  parts.push(`<path d="${states}" fill="${COLORS.land}" stroke="${COLORS.stateLine}" stroke-width="0.6" stroke-linejoin="round"/>`);
  const labels = basemap.places.features
    .filter((f) => f.properties?.kind === 'state' && f.geometry.type === 'Point')
    .map((f) => {
      const [lon, lat] = (f.geometry as { coordinates: Position }).coordinates;
      return `<text x="${r1(px(lon))}" y="${r1(py(lat))}">${escapeXml(String(f.properties?.code ?? ''))}</text>`;
    });
  parts.push(`<g class="fv-states" font-size="12" fill="#7b776f" stroke="${COLORS.land}" stroke-width="2.4" paint-order="stroke" text-anchor="middle" dominant-baseline="central" letter-spacing="1">${labels.join('')}</g>`);
  // Singles first, clusters above: the live map draws clusters and points in one source, clusters listed first.
  const dots = singles.map((i) => {
    const undated = index.start[i] < 0;
    const fill = colorOfMonth(undated ? null : index.start[i]);
    return `<circle cx="${r1(px(index.lon[i]))}" cy="${r1(py(index.lat[i]))}" r="${POINT_RADIUS_NATIONAL}" fill="${fill}"${undated ? ` stroke="${UNDATED_STROKE}" stroke-width="2"` : ''}/>`;
  });
  parts.push(`<g class="fv-points" stroke="#fff" stroke-width="1.2">${dots.join('')}</g>`);
  // As on the live map: each cluster in the colour of its members' median start date, its count in a readable ink.
  const look = clusters.map((c) => clusterColours(colorOfMonth(c.median >= 0 ? index.start[c.median] : null)));
  const circles = clusters.map((c, k) => `<circle cx="${r1(px(c.lon))}" cy="${r1(py(c.lat))}" r="${r1(clusterRadius(c.count))}" fill="${look[k].color}"/>`);
  parts.push(`<g class="fv-clusters" fill-opacity="${CLUSTER_OPACITY}" stroke="${CLUSTER_STROKE_COLOR}" stroke-width="${CLUSTER_STROKE}">${circles.join('')}</g>`);
  const counts = clusters.map((c, k) => `<text x="${r1(px(c.lon))}" y="${r1(py(c.lat))}" fill="${look[k].ink}">${clusterLabel(c.count)}</text>`);
  parts.push(`<g class="fv-counts" font-size="12" text-anchor="middle" dominant-baseline="central">${counts.join('')}</g>`);
  // The document icon of agencies (and clusters) with an MOU or records.
  const icons: string[] = [];
  for (const c of clusters) if (c.flagged) icons.push(docIcon(px(c.lon) + 20, py(c.lat) - 20));
  for (const i of singles) if (index.flags[i] & FLAG_RECORDS) icons.push(docIcon(px(index.lon[i]) + 9, py(index.lat[i]) - 9));
  parts.push(`<g fill="#fff" stroke="#1b4f72" stroke-width="1.2">${icons.join('')}</g>`);

  const n = index.size;
  const count = agenciesLabel(n);
  const svg =
    `<svg class="first-view-map" viewBox="${vx} ${vy} ${vw} ${vh}" preserveAspectRatio="xMidYMid meet" overflow="visible" role="img" data-agencies="${n}" ` +
    `aria-label="${escapeXml(MSG.firstViewMapLabel(count))}" font-family="system-ui, sans-serif">` +
    parts.join('') + '</svg>';
  return { svg, count, totals: totalsHtml(index, mask), legend: legendHtml(index), agencies: n };
}

function docIcon(cx: number, cy: number): string {
  const x = r1(cx - 4), y = r1(cy - 5);
  return `<path d="M${x} ${y}h6l2 2v8h-8z"/>`;
}

/** The totals panel rows, in the same words as the live panel. */
function totalsHtml(index: AgencyIndex, mask: Uint8Array): string {
  return totalsRows(computeTotals(index, mask))
    .map((r) => `<dt>${escapeXml(r.term)}</dt><dd>${escapeXml(r.value)}${r.note ? `<span class="muted"> ${escapeXml(r.note)}</span>` : ''}</dd>`)
    .join('');
}

/** The legend of the default layers (agencies and records), with SVG swatches. */
function legendHtml(index: AgencyIndex): string {
  const stops = VIRIDIS.map((c, k) => `<stop offset="${(k / (VIRIDIS.length - 1)).toFixed(3)}" stop-color="${c}"/>`).join('');
  const sw = (inner: string, w = 18, h = 18) => `<svg class="fv-swatch" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" aria-hidden="true">${inner}</svg>`;
  return (
    `<div class="legend-block fv-legend"><p class="legend-title">${escapeXml(MSG.legendAgencyTitle)}</p>` +
    `<div class="ramp-row"><span>${escapeXml(shortMonthLabel(index.minStart))}</span>` +
    `<svg class="fv-ramp" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><defs><linearGradient id="fv-ramp">${stops}</linearGradient></defs><rect width="100" height="10" rx="2" fill="url(#fv-ramp)"/></svg>` +
    `<span>${escapeXml(shortMonthLabel(index.maxStart))}</span></div>` +
    `<p class="legend-row">${sw(`<circle cx="9" cy="9" r="5" fill="${UNDATED_COLOR}" fill-opacity="0.2" stroke="${UNDATED_STROKE}" stroke-width="2"/>`)} ${escapeXml(MSG.legendUndated)}</p>` +
    `<p class="legend-row">${sw(`<circle cx="9" cy="9" r="8" fill="${VIRIDIS[Math.floor(VIRIDIS.length / 2)]}" stroke="${CLUSTER_STROKE_COLOR}" stroke-width="1.5"/>`)} ${escapeXml(MSG.clusterLegend)}</p></div>` +
    `<div class="legend-block fv-legend"><p class="legend-row">${sw('<path d="M5 3h6l3 3v9H5z" fill="#fff" stroke="#1b4f72" stroke-width="1.4"/>')} ${escapeXml(MSG.legendRecords)}</p></div>`
  );
}
