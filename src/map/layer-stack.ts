/**
 * The map's layers in one declared order. Each map concept (agencies, perks,
 * density, names, the searched area, the selection) owns a `LayerGroup`: it
 * adds its sources and layers through it at its declared position and can
 * remove all of them again. No concept needs another's layer ids: the stack
 * works out where a layer goes from the positions alone, and the map view
 * finds clickable layers by what they show (`pick`), not by name.
 */
import type * as maplibregl from 'maplibre-gl';

/**
 * Positions, bottom to top. Basemap layers are declared too, so overlays
 * (street tiles, density, county lines) slot between them.
 */
export const Z = {
  land: 0,
  streetTiles: 5,
  density: 10,
  neighbourLines: 20,
  countyLines: 21,
  stateLines: 22,
  basemapLabels: 30,
  /** Proportional perk circles, under the agencies so the agencies stay clickable. */
  perks: 40,
  /** The searched place: under the agencies and their names, so the search never hides one. */
  area: 50,
  /** Names beside agencies: under the dots, so a label never covers an agency. */
  names: 60,
  agencies: 70,
  /** The "?" beside perks of undocumented value: above the agencies, so it stays readable. */
  perkMarks: 80,
  selection: 90,
} as const;

/**
 * What a layer's features stand for, for clicks and hovers: `agency`
 * features carry the agency's index `i`; `cluster` features carry `count`
 * and `bbox`.
 */
export type Pick = 'agency' | 'cluster';

/** The part of a MapLibre map the stack uses (a fake one stands in for it in unit tests). */
export interface StackMap {
  addLayer(layer: maplibregl.AddLayerObject, beforeId?: string): unknown;
  removeLayer(id: string): unknown;
  getLayer(id: string): unknown;
  addSource(id: string, source: maplibregl.SourceSpecification): unknown;
  removeSource(id: string): unknown;
  getSource(id: string): unknown;
}

interface Entry {
  id: string;
  z: number;
  picks: readonly Pick[];
}

export class LayerStack {
  /** Layers in map order, bottom to top. */
  private entries: Entry[] = [];
  private pickListeners: { pick: Pick; fn: (id: string) => void; seen: Set<string> }[] = [];

  constructor(readonly map: StackMap) {}

  /** Records layers already in the map (the basemap style's) at their positions. */
  adopt(id: string, z: number): void {
    this.entries.splice(this.insertAt(z), 0, { id, z, picks: [] });
  }

  /** Adds a layer above every layer declared at or below `z` and under every layer declared above it. */
  addLayer(layer: maplibregl.AddLayerObject, z: number, picks: readonly Pick[] = []): void {
    if (this.has(layer.id)) return;
    const at = this.insertAt(z);
    this.map.addLayer(layer, this.entries[at]?.id);
    this.entries.splice(at, 0, { id: layer.id, z, picks });
    for (const l of this.pickListeners) if (picks.includes(l.pick)) this.tell(l, layer.id);
  }

  removeLayer(id: string): void {
    const k = this.entries.findIndex((e) => e.id === id);
    if (k < 0) return;
    this.entries.splice(k, 1);
    if (this.map.getLayer(id)) this.map.removeLayer(id);
  }

  has(id: string): boolean {
    return this.entries.some((e) => e.id === id);
  }

  /** Layer ids bottom to top. */
  order(): string[] {
    return this.entries.map((e) => e.id);
  }

  /** The layers (now in the map) whose features are of this kind. */
  picked(pick: Pick): string[] {
    return this.entries.filter((e) => e.picks.includes(pick)).map((e) => e.id);
  }

  /**
   * Calls `fn` once for every layer id of this kind, now and whenever one is
   * added (a layer removed and added again is not announced twice: MapLibre
   * keeps listeners bound to a layer id across removal).
   */
  onPick(pick: Pick, fn: (id: string) => void): void {
    const l = { pick, fn, seen: new Set<string>() };
    this.pickListeners.push(l);
    for (const id of this.picked(pick)) this.tell(l, id);
  }

  private tell(l: { fn: (id: string) => void; seen: Set<string> }, id: string): void {
    if (l.seen.has(id)) return;
    l.seen.add(id);
    l.fn(id);
  }

  /** A group of layers and sources that one map concept adds and removes together. */
  group(z: number): LayerGroup {
    return new LayerGroup(this, z);
  }

  private insertAt(z: number): number {
    const k = this.entries.findIndex((e) => e.z > z);
    return k < 0 ? this.entries.length : k;
  }
}

export class LayerGroup {
  private layers: string[] = [];
  private sources: string[] = [];

  constructor(private stack: LayerStack, private z: number) {}

  get added(): boolean {
    return this.layers.length > 0;
  }

  addSource(id: string, source: maplibregl.SourceSpecification): void {
    if (this.stack.map.getSource(id)) return;
    this.stack.map.addSource(id, source);
    this.sources.push(id);
  }

  /** At the group's position, or at `opts.z` for a layer of the group that sits elsewhere. */
  addLayer(layer: maplibregl.AddLayerObject, opts: { z?: number; picks?: readonly Pick[] } = {}): void {
    this.stack.addLayer(layer, opts.z ?? this.z, opts.picks);
    this.layers.push(layer.id);
  }

  /** Removes the group's layers and sources from the map. */
  remove(): void {
    for (const id of this.layers) this.stack.removeLayer(id);
    for (const id of this.sources) if (this.stack.map.getSource(id)) this.stack.map.removeSource(id);
    this.layers = [];
    this.sources = [];
  }
}

const stacks = new WeakMap<object, LayerStack>();

/** The one stack of a map. */
export function stackOf(map: StackMap): LayerStack {
  let s = stacks.get(map);
  if (!s) stacks.set(map, (s = new LayerStack(map)));
  return s;
}
