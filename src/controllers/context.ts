/** What the controllers share: the store, the data, the live map and the filtered agencies. */
import type { AgencyIndex } from '../data/agency-index';
import type { DetailsStore } from '../data/load';
import type { DecodedPoints } from '../data/map-data';
import type { HistoryStore } from '../data/history-store';
import type { Filters } from '../filters/filters';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';

/** The agencies that pass the filters. */
export interface Derived {
  mask: Uint8Array;
  count: number;
}

export interface SetOptions {
  /** A step of an animation: no announcement, the URL is replaced rather than pushed. */
  transient?: boolean;
  /** Replace the URL's history entry instead of adding one (a correction, not a visitor's step). */
  replace?: boolean;
}

export interface AppContext {
  readonly store: Store<AppState>;
  readonly index: AgencyIndex;
  readonly dataset: DecodedPoints;
  readonly details: DetailsStore;
  readonly history: HistoryStore;
  /** The live map; null when it cannot be shown (no WebGL, or it failed to start): the list is the view. */
  readonly mapView: MapView | null;
  /** The filtered agencies, recomputed when the filters change. */
  readonly derived: Derived;
  set(patch: Partial<AppState>, opts?: SetOptions): void;
  setFilters(patch: Partial<Filters>, opts?: SetOptions): void;
  /** Agencies that pass the filters and lie in the current view. */
  inViewMask(): Uint8Array;
  /** The link to the full map of what is on screen (share, embed bar). */
  fullMapUrl(opts?: { fit?: boolean }): string;
  /** "Data: … Data as of …": the credit under every export. */
  creditLine(): string;
}

/** The live map once it has its data attached (null before, and without a map). */
export function attachedMap(ctx: Pick<AppContext, 'mapView'>): MapView | null {
  return ctx.mapView?.agencies ? ctx.mapView : null;
}
