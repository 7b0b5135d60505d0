import { describe, expect, it, vi } from 'vitest';
import type * as maplibregl from 'maplibre-gl';
import { LayerStack, Z, stackOf } from '../../../src/map/layer-stack';
import { adoptBasemap, basemapStyle } from '../../../src/map/basemap';
import type { StackMap } from '../../../src/map/layer-stack';

/** A map that only keeps its layer order and sources, as MapLibre does (no WebGL). */
class FakeMap implements StackMap {
  layers: string[] = [];
  sources = new Set<string>();
  addLayer(layer: maplibregl.AddLayerObject, beforeId?: string): void {
    if (this.layers.includes(layer.id)) throw new Error(`layer ${layer.id} exists`);
    if (beforeId !== undefined && !this.layers.includes(beforeId)) throw new Error(`no layer ${beforeId}`);
    this.layers.splice(beforeId === undefined ? this.layers.length : this.layers.indexOf(beforeId), 0, layer.id);
  }
  removeLayer(id: string): void {
    this.layers = this.layers.filter((l) => l !== id);
  }
  getLayer(id: string): unknown {
    return this.layers.includes(id) ? { id } : undefined;
  }
  addSource(id: string): void {
    if (this.sources.has(id)) throw new Error(`source ${id} exists`);
    this.sources.add(id);
  }
  removeSource(id: string): void {
    this.sources.delete(id);
  }
  getSource(id: string): unknown {
    return this.sources.has(id) ? { id } : undefined;
  }
}

const circle = (id: string) => ({ id, type: 'circle', source: 's' }) as maplibregl.AddLayerObject;

function withBasemap(): { map: FakeMap; stack: LayerStack } {
  const map = new FakeMap();
  map.layers = ['water', 'states-fill', 'neighbour-lines', 'state-lines', 'state-labels'];
  const stack = new LayerStack(map);
  stack.adopt('water', Z.land);
  stack.adopt('states-fill', Z.land);
  stack.adopt('neighbour-lines', Z.neighbourLines);
  stack.adopt('state-lines', Z.stateLines);
  stack.adopt('state-labels', Z.basemapLabels);
  return { map, stack };
}

describe('layer stack', () => {
  it('places each layer by its declared position, whatever order the concepts are added in', () => {
    const { map, stack } = withBasemap();
    // Added in an order unlike the drawing order: selection first, the area search last.
    stack.group(Z.selection).addLayer(circle('selected-ring'));
    const agencies = stack.group(Z.agencies);
    agencies.addLayer(circle('agency-clusters'));
    agencies.addLayer(circle('agency-points'));
    const perks = stack.group(Z.perks);
    perks.addLayer(circle('perks-valued'));
    perks.addLayer(circle('perks-undocumented-mark'), { z: Z.perkMarks });
    stack.group(Z.density).addLayer(circle('density-states'));
    stack.group(Z.countyLines).addLayer(circle('county-lines'));
    stack.group(Z.area).addLayer(circle('area-place'));
    stack.group(Z.names).addLayer(circle('agency-name-labels'));
    const expected = [
      'water', 'states-fill', 'density-states', 'neighbour-lines', 'county-lines', 'state-lines', 'state-labels',
      'perks-valued', 'area-place', 'agency-name-labels', 'agency-clusters', 'agency-points', 'perks-undocumented-mark', 'selected-ring',
    ];
    expect(map.layers).toEqual(expected);
    expect(stack.order()).toEqual(expected);
  });

  it('keeps the order of layers a group adds at one position', () => {
    const { map, stack } = withBasemap();
    const g = stack.group(Z.agencies);
    for (const id of ['a', 'b', 'c']) g.addLayer(circle(id));
    stack.group(Z.perks).addLayer(circle('p'));
    expect(map.layers.slice(-4)).toEqual(['p', 'a', 'b', 'c']);
  });

  it('removes a group with its layers and sources, and adds it back at the same place', () => {
    const { map, stack } = withBasemap();
    stack.group(Z.agencies).addLayer(circle('agency-points'));
    const perks = stack.group(Z.perks);
    perks.addSource('perks', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    perks.addLayer(circle('perks-valued'));
    perks.addLayer(circle('perks-mark'), { z: Z.perkMarks });
    expect(perks.added).toBe(true);
    perks.remove();
    expect(perks.added).toBe(false);
    expect(map.layers).not.toContain('perks-valued');
    expect(map.layers).not.toContain('perks-mark');
    expect(map.sources.has('perks')).toBe(false);
    expect(stack.has('perks-valued')).toBe(false);
    // Removing twice is harmless.
    perks.remove();
    perks.addSource('perks', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    perks.addLayer(circle('perks-valued'));
    perks.addLayer(circle('perks-mark'), { z: Z.perkMarks });
    expect(map.layers.slice(-3)).toEqual(['perks-valued', 'agency-points', 'perks-mark']);
  });

  it('leaves sources it did not add (the basemap\'s) in place', () => {
    const { map, stack } = withBasemap();
    map.sources.add('states');
    const density = stack.group(Z.density);
    density.addSource('states', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    density.addLayer(circle('density-states'));
    density.remove();
    expect(map.sources.has('states')).toBe(true);
    expect(map.layers).not.toContain('density-states');
  });

  it('finds clickable layers by what they show, and announces each once', () => {
    const { stack } = withBasemap();
    const seen: string[] = [];
    const agencies = stack.group(Z.agencies);
    agencies.addLayer(circle('agency-clusters'), { picks: ['cluster'] });
    agencies.addLayer(circle('agency-points'), { picks: ['agency'] });
    stack.onPick('agency', (id) => seen.push(id));
    const perks = stack.group(Z.perks);
    perks.addLayer(circle('perks-valued'), { picks: ['agency'] });
    expect(seen).toEqual(['agency-points', 'perks-valued']);
    // Bottom to top, as drawn.
    expect(stack.picked('agency')).toEqual(['perks-valued', 'agency-points']);
    expect(stack.picked('cluster')).toEqual(['agency-clusters']);
    perks.remove();
    expect(stack.picked('agency')).toEqual(['agency-points']);
    perks.addLayer(circle('perks-valued'), { picks: ['agency'] });
    expect(seen).toEqual(['agency-points', 'perks-valued']);
  });

  it('declares the basemap style\'s layers in the order the style draws them', () => {
    // The style's data URLs are resolved against the page.
    vi.stubGlobal('location', { href: 'http://localhost/' });
    const map = new FakeMap();
    const style = basemapStyle().layers.map((l) => l.id);
    map.layers = [...style];
    adoptBasemap(map as unknown as maplibregl.Map);
    expect(stackOf(map).order()).toEqual(style);
    // Overlays land between them: street tiles over the land, density under the lines, agencies over the labels.
    const stack = stackOf(map);
    stack.group(Z.streetTiles).addLayer(circle('online-tiles'));
    stack.group(Z.density).addLayer(circle('density-states'));
    stack.group(Z.agencies).addLayer(circle('agency-points'));
    const order = stack.order();
    expect(order.indexOf('online-tiles')).toBe(order.indexOf('states-fill') + 1);
    expect(order.indexOf('density-states')).toBe(order.indexOf('neighbour-lines') - 1);
    expect(order.at(-1)).toBe('agency-points');
    vi.unstubAllGlobals();
  });
});
