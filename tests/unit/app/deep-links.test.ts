/**
 * Every agency id, through the code the page runs: the link is parsed, the
 * agency found, its card's record fetched from its details chunk, and the
 * map framed on it. The framing must show the agency alone (the map's own
 * clustering leaves it out of every cluster, so its dot and name are drawn)
 * inside the part of the map no overlay covers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseUrlState } from '../../../src/state/url-state';
import { DetailsStore } from '../../../src/data/load';
import { clusterView, CITY_ZOOM } from '../../../src/map/grid-cluster';
import { AGENCY_MAX_ZOOM, AGENCY_ZOOM, agencyZoom, boxOf, cameraForAgency, inFreeArea, project } from '../../../src/map/framing';
import { paddingFor } from '../../../src/map/overlay-padding';
import { renderAgencyPage } from '../../../pipeline/pages/agency-page';
import { DATA, DECODED, ENCODED, INDEX, PAGE_FRAMES } from './framing-sweep';

const ALL = new Uint8Array(INDEX.size).fill(1);
const IDS = DATA.features.map((f) => f.properties.id);

/** The agency a link opens: parsed as the page parses it, found as the page finds it. */
function linked(hash: string): number | undefined {
  const { state, notices } = parseUrlState(hash);
  expect(notices).toEqual([]);
  return state.agency === null ? undefined : INDEX.byId.get(state.agency);
}

describe('every agency link frames its agency alone', () => {
  beforeAll(() => {
    // The details chunks, served as the build writes them.
    vi.stubGlobal('fetch', async (url: string) => {
      const k = Number(/details-(\d+)\.json$/.exec(url)?.[1]);
      const chunk = ENCODED.chunks[k];
      return chunk ? new Response(JSON.stringify(chunk)) : new Response('', { status: 404 });
    });
  });
  afterAll(() => vi.unstubAllGlobals());

  it(`resolves every one of the ${IDS.length} ids and finds its card's record`, async () => {
    expect(IDS.length).toBeGreaterThan(1000);
    expect(DECODED.invalid).toBe(0);
    const details = new DetailsStore((k) => `generated/map/details-${k}.json`, DECODED.chunkSize);
    for (const id of IDS) {
      const i = linked(`#agency=${encodeURIComponent(id)}`);
      expect(i, id).toBeDefined();
      const f = await details.get(INDEX.rows[i!]);
      expect(f?.properties.id, id).toBe(id);
      expect(f?.properties.name).toBe(INDEX.rows[i!].name);
    }
  });

  it('the agency page\'s "Open in the live map" leads to the same agency', () => {
    for (const f of DATA.features) {
      const html = renderAgencyPage({ feature: f, neighbours: [], siteUrl: null, dataAsOf: null });
      const href = /<a [^>]*href="([^"]+)"[^>]*>Open in the live map</.exec(html)?.[1];
      expect(href, f.properties.id).toBeDefined();
      const page = new URL(`https://maps.example.org/ring/agency/${f.properties.id}/`);
      const target = new URL(href!.replace(/&amp;/g, '&'), page);
      expect(target.pathname).toBe('/ring/');
      expect(linked(target.hash), f.properties.id).toBe(INDEX.byId.get(f.properties.id));
    }
  });

  for (const frame of PAGE_FRAMES) {
    it(`${frame.name}: each agency is in the free area, alone and at name zoom`, () => {
      const size = { width: frame.width, height: frame.height };
      const pad = paddingFor({ left: 0, top: 0, right: size.width, bottom: size.height }, frame.overlays, 24);
      let checked = 0;
      const capped = new Set<string>();
      for (const id of IDS) {
        const i = linked(`#agency=${id}`)!;
        const cam = cameraForAgency(INDEX.lon[i], INDEX.lat[i], pad, agencyZoom(INDEX, ALL, i));
        expect(cam.zoom).toBeGreaterThanOrEqual(AGENCY_ZOOM);
        expect(cam.zoom).toBeLessThanOrEqual(AGENCY_MAX_ZOOM);
        expect(cam.zoom).toBeGreaterThanOrEqual(CITY_ZOOM);
        // Its dot touches no other (28 px apart), unless another shares its very point or the zoom is at street scale
        // (the zoom does not depend on the frame: checked once).
        const [ax, ay] = project(cam, size, INDEX.lon[i], INDEX.lat[i]);
        for (let k = 0; frame === PAGE_FRAMES[0] && k < INDEX.size; k++) {
          if (k === i || (INDEX.lon[k] === INDEX.lon[i] && INDEX.lat[k] === INDEX.lat[i])) continue;
          const [bx, by] = project(cam, size, INDEX.lon[k], INDEX.lat[k]);
          if (Math.hypot(bx - ax, by - ay) < 27.5) {
            expect(cam.zoom, `${id} near ${INDEX.ids[k]}`).toBe(AGENCY_MAX_ZOOM);
            capped.add(id);
          }
        }
        expect(inFreeArea(cam, size, pad, INDEX.lon[i], INDEX.lat[i]), id).toBe(true);
        // The map's clustering for that view: the agency is drawn alone (so its name is too).
        const { singles, clusters } = clusterView(INDEX, ALL, cam.zoom, boxOf(cam, size));
        expect(singles.includes(i), id).toBe(true);
        expect(clusters.some((c) => c.bbox[0] <= INDEX.lon[i] && INDEX.lon[i] <= c.bbox[2] && c.bbox[1] <= INDEX.lat[i] && INDEX.lat[i] <= c.bbox[3])).toBe(false);
        checked++;
      }
      expect(checked).toBe(IDS.length);
      // Only a few pairs are so close that street scale still shows their dots touching.
      if (frame === PAGE_FRAMES[0]) {
        console.log(`agency framing: ${IDS.length} ids; ${capped.size} still touch a neighbour at street scale`);
        expect(capped.size).toBeLessThan(IDS.length / 50);
      }
    });
  }

  it('the check tells: at the national zoom most agencies are inside clusters', () => {
    const cam = { lon: -96, lat: 38, zoom: 3.5 };
    const { singles } = clusterView(INDEX, ALL, cam.zoom, boxOf(cam, { width: 676, height: 548 }));
    expect(singles.length).toBeLessThan(IDS.length / 4);
  });
});
