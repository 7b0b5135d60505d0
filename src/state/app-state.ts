/** Everything a link restores: the view, the filters, layers, search and selection. */
import type { Filters } from '../filters/filters';
import { DEFAULT_FILTERS } from '../filters/filters';
import type { Locale } from '../i18n/locale';

export const LAYER_IDS = ['points', 'perks', 'records', 'density'] as const;
export type LayerId = (typeof LAYER_IDS)[number];
export const DEFAULT_LAYERS: readonly LayerId[] = ['points', 'records'];

export const RADII_MILES = [5, 10, 25, 50] as const;
export const DEFAULT_RADIUS = 10;

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export interface AppState {
  /** null: fit the whole dataset. */
  view: View | null;
  filters: Filters;
  layers: LayerId[];
  /** Selected agency id. */
  agency: string | null;
  /** "Find my area" query (ZIP, place, county or agency name). */
  area: string | null;
  /** A second place shown beside `area` (Compare with another place); only with `area`. */
  compare: string | null;
  radius: number;
  embed: boolean;
  /**
   * The optional online street basemap, only by the visitor's own explicit
   * choice: never read from or written to a link, so no link or embed can
   * make a visitor's browser contact a third party.
   */
  basemap: 'bundled' | 'online';
  /** The interface language the link asked for (null: the browser's language). */
  lang: Locale | null;
}

export function defaultState(): AppState {
  return {
    view: null,
    filters: { ...DEFAULT_FILTERS, types: [], states: [] },
    layers: [...DEFAULT_LAYERS],
    agency: null,
    area: null,
    compare: null,
    radius: DEFAULT_RADIUS,
    embed: false,
    basemap: 'bundled',
    lang: null,
  };
}
