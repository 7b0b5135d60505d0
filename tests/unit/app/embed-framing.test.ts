/**
 * Every state's embed, through the code the page runs: the Share dialog's
 * embed code for a map filtered to that state (without a map position, as
 * the builder writes it by default), its iframe's link parsed as the embed
 * parses it, the filter applied, and the embed's framing computed at each
 * preset size. The frame must hold every agency of the state clear of the
 * overlays, fit them closely, and look at the state.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { defaultState } from '../../../src/state/app-state';
import { parseUrlState } from '../../../src/state/url-state';
import { fullMapUrl } from '../../../src/controllers/url-sync';
import { EMBED_PRESETS, iframeCode } from '../../../src/share/embed-code';
import { applyFilters } from '../../../src/filters/filters';
import { MASK_MAX_ZOOM, maskMargin, selectionBounds } from '../../../src/map/initial-view';
import { boxOf, cameraForBox, inFreeArea } from '../../../src/map/framing';
import { paddingFor, screenAspect } from '../../../src/map/overlay-padding';
import { startsFolded } from '../../../src/ui/legend-fold';
import { STATE_BY_FIPS } from '../../../src/geo/us-states';
import { DATA, EMBED_FRAMES, INDEX, embedMap } from './framing-sweep';

const require = createRequire(import.meta.url);

/** Each state's [west, south, east, north] from the bundled boundaries (Alaska kept in one piece). */
function stateBoxes(): Map<string, [number, number, number, number]> {
  const topo = JSON.parse(readFileSync(require.resolve('us-atlas/states-10m.json'), 'utf8')) as Topology;
  const fc = feature(topo, topo.objects.states as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;
  const out = new Map<string, [number, number, number, number]>();
  for (const f of fc.features) {
    const code = STATE_BY_FIPS.get(String(f.id))?.code;
    if (!code || !f.geometry) continue;
    const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const [x0, y] of poly[0]) {
      const x = code === 'AK' && x0 > 0 ? x0 - 360 : x0;
      b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
    }
    out.set(code, b);
  }
  return out;
}

const SITE = 'https://maps.example.org/ring-map/';
const STATES = [...new Set(DATA.features.map((f) => f.properties.state))].sort();
/** The open legend as the page draws it for the default layers. */
const OPEN_LEGEND = { width: 300, height: 130 };

/** The embed code the Share dialog writes for a map filtered to one state, at one preset. */
function embedCodeFor(code: string, preset: (typeof EMBED_PRESETS)[number]): string {
  const s = { ...defaultState(), filters: { ...defaultState().filters, states: [code] } };
  return iframeCode({ mapUrl: fullMapUrl(SITE, s, { fit: true }), title: `Map: ${code}`, width: preset.width, height: preset.height, autoResize: false });
}

describe('every state embed frames its state', () => {
  const boxes = stateBoxes();
  let frames = 0;

  it(`covers every state with agencies (${STATES.length})`, () => {
    expect(STATES.length).toBeGreaterThan(40);
    for (const st of STATES) expect(boxes.has(st), st).toBe(true);
  });

  for (const st of STATES) {
    it(`${st}: at every preset size, all its agencies in view, closely framed, on the state`, () => {
      const expected = DATA.features.filter((f) => f.properties.state === st).length;
      for (const preset of EMBED_PRESETS) {
        const src = /<iframe src="([^"]+)"/.exec(embedCodeFor(st, preset))?.[1]?.replace(/&amp;/g, '&');
        expect(src).toBeDefined();
        const url = new URL(src!);
        const { state, notices } = parseUrlState(url.hash, url.search);
        expect(notices).toEqual([]);
        expect(state.embed).toBe(true);
        // No map position: the embed frames its selection in its own size.
        expect(state.view).toBeNull();
        expect(state.filters.states).toEqual([st]);
        const { mask, count } = applyFilters(INDEX, state.filters);
        expect(count).toBe(expected);
        const b = selectionBounds(INDEX, mask)!;
        const sizes = preset.width === '100%' ? EMBED_FRAMES.filter((f) => f.name.startsWith('responsive')).map((f) => f.frame) : [{ width: Number(preset.width), height: preset.height }];
        for (const frameSize of sizes) {
          const folded = startsFolded(true, frameSize, OPEN_LEGEND, frameSize);
          const m = embedMap(frameSize, folded);
          const size = { width: m.width, height: m.height };
          const pad = paddingFor({ left: 0, top: 0, right: m.width, bottom: m.height }, m.overlays, maskMargin(size), 10, screenAspect(b));
          const cam = cameraForBox(b, size, pad, MASK_MAX_ZOOM);
          const where = `${st} in ${frameSize.width}×${frameSize.height}`;
          for (let i = 0; i < INDEX.size; i++) if (mask[i]) expect(inFreeArea(cam, size, pad, INDEX.lon[i], INDEX.lat[i], 1), `${where}: ${INDEX.ids[i]}`).toBe(true);
          // Closely: a quarter zoom step closer would lose some of them (unless the zoom is capped).
          if (cam.zoom < MASK_MAX_ZOOM) {
            const closer = { ...cam, zoom: cam.zoom + 0.25 };
            let all = true;
            for (let i = 0; i < INDEX.size; i++) if (mask[i] && !inFreeArea(closer, size, pad, INDEX.lon[i], INDEX.lat[i])) all = false;
            expect(all, `${where}: could zoom closer`).toBe(false);
          }
          // On the state: what the visitor sees clear of the overlays is centred inside the state's bounds and,
          // along the side that fits, not much larger than the state.
          const free = { width: size.width - pad.left - pad.right, height: size.height - pad.top - pad.bottom };
          const seen = cameraForBox(b, free, { top: 0, right: 0, bottom: 0, left: 0 }, MASK_MAX_ZOOM);
          expect(Math.abs(seen.zoom - cam.zoom)).toBeLessThan(1e-9);
          const [w, s, e, n] = boxOf(seen, free);
          const [sw, ss, se, sn] = boxes.get(st)!;
          const cx = (w + e) / 2, cy = (s + n) / 2;
          expect(cx >= sw && cx <= se && cy >= ss && cy <= sn, `${where}: centre ${cx.toFixed(2)},${cy.toFixed(2)}`).toBe(true);
          expect(Math.min((e - w) / (se - sw), (n - s) / (sn - ss)), `${where}: view much larger than the state`).toBeLessThan(1.8);
          // And the whole map's view overlaps the state.
          const [vw, vs, ve, vn] = boxOf(cam, size);
          expect(vw < se && ve > sw && vs < sn && vn > ss).toBe(true);
          frames++;
        }
      }
    });
  }

  it('checked every state at every frame size', () => {
    expect(frames).toBe(STATES.length * (EMBED_PRESETS.length + 1));
  });
});
