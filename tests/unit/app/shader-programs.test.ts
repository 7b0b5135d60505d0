/**
 * MapLibre compiles a shader program for each layer type and each set of
 * per-feature paint properties, the first time such a layer draws; on a
 * software WebGL renderer every compile holds the page up for 50–100 ms.
 * The layers of the first view are written so that each kind of drawing
 * needs one program.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { basemapStyle } from '../../../src/map/basemap';
import { agencyLayers } from '../../../src/map/agencies-layer';

/** The programs a layer draws with, named as MapLibre keys them (program + per-feature paint properties). */
function programsOf(layer: LayerSpecification): string[] {
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const specs = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${layer.type}`] ?? {};
  const perFeature = (prefix: string) =>
    Object.entries(paint)
      .filter(([name]) => name.startsWith(prefix) && specs[name])
      .flatMap(([name, value]) => {
        if (!Array.isArray(value)) return [];
        const parsed = createPropertyExpression(value, name, specs[name]);
        if (parsed.result !== 'success') throw new Error(`${layer.id} ${name}: ${JSON.stringify(parsed.value)}`);
        const kind = parsed.value.kind;
        return kind === 'source' ? [`a_${name}`] : kind === 'composite' ? [`z_${name}`] : [];
      })
      .sort()
      .join('/');
  const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
  switch (layer.type) {
    case 'fill':
      // Antialiased fills draw their edges again with a program of their own.
      return [`fill/${perFeature('fill-')}`, ...(paint['fill-antialias'] === false ? [] : [`fillOutline/${perFeature('fill-')}`])];
    case 'symbol':
      return [...(layout['text-field'] ? [`symbolSDF/${perFeature('text-')}`] : []), ...(layout['icon-image'] ? [`symbolIcon/${perFeature('icon-')}`] : [])];
    default:
      return [`${layer.type}/${perFeature(`${layer.type}-`)}`];
  }
}

const drawnAt = (zoom: number) => (l: LayerSpecification) => (l.minzoom ?? 0) <= zoom && zoom < (l.maxzoom ?? 24);

function nationalLayers(): LayerSpecification[] {
  vi.stubGlobal('location', { href: 'http://localhost/' });
  return [...basemapStyle().layers, ...agencyLayers().map((a) => a.layer)].filter(drawnAt(3.5));
}

describe('shader programs of the first view', () => {
  it('needs one program for each kind of drawing: background, fill, line, circle, text, icon', () => {
    const programs = new Set(nationalLayers().flatMap(programsOf));
    const kinds = [...programs].map((p) => p.split('/')[0]).sort();
    expect(kinds).toEqual(['background', 'circle', 'fill', 'line', 'symbolIcon', 'symbolSDF']);
  });

  it('draws clusters and single agencies with one program, and every text with another', () => {
    const layers = nationalLayers();
    const byId = (id: string) => programsOf(layers.find((l) => l.id === id)!);
    expect(byId('agency-points')).toEqual(byId('agency-clusters'));
    expect(byId('state-labels')).toEqual(byId('agency-cluster-count'));
    // Closer in, the city names join the same text program.
    vi.stubGlobal('location', { href: 'http://localhost/' });
    const city = basemapStyle().layers.find((l) => l.id === 'city-labels')!;
    expect(programsOf(city)).toEqual(byId('agency-cluster-count'));
  });

  it('tells a per-feature property from a constant one (the check itself)', () => {
    const circle = (paint: object) => programsOf({ id: 'x', type: 'circle', source: 's', paint } as LayerSpecification);
    expect(circle({ 'circle-color': '#fff' })).toEqual(['circle/']);
    expect(circle({ 'circle-color': ['get', 'c'] })).toEqual(['circle/a_circle-color']);
    expect(circle({ 'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 4, 8, 6] })).toEqual(['circle/']);
    expect(circle({ 'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, ['get', 'r'], 8, 6] })).toEqual(['circle/z_circle-radius']);
  });
});
