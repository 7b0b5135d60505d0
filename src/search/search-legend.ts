/**
 * What the map's legend says about a search: pins and their radius, county
 * outlines, counted so one place and two side by side read right.
 */
import { MSG } from '../i18n/messages';

/** What the legend says about the search on the map: one place, or two side by side. */
export interface SearchLegend {
  /** The radius around each searched place (null: only whole counties were searched). */
  radius: number | null;
  /** Places drawn with a pin and their radius. */
  places: number;
  /** Counties outlined as the county of a searched place. */
  placeCounties: number;
  /** Counties searched as a whole (an outline, no pin or circle). */
  wholeCounties: number;
}

/** The legend of one place's search: a pin and its radius, or a whole county; with its county outlined or not. */
export function placeLegend(radius: number | null, county: boolean): SearchLegend {
  return { radius, places: radius === null ? 0 : 1, placeCounties: radius !== null && county ? 1 : 0, wholeCounties: radius === null && county ? 1 : 0 };
}

/** The legend of places shown together (null: none is shown). */
export function combinedLegend(parts: SearchLegend[]): SearchLegend | null {
  if (!parts.length) return null;
  return {
    radius: parts.find((p) => p.radius !== null)?.radius ?? null,
    places: parts.reduce((n, p) => n + p.places, 0),
    placeCounties: parts.reduce((n, p) => n + p.placeCounties, 0),
    wholeCounties: parts.reduce((n, p) => n + p.wholeCounties, 0),
  };
}

/** The key's words: the pin(s), the radius, the county outline(s); absent where the map draws none. */
export function searchLegendLabels(s: SearchLegend): { pin: string | null; radius: string | null; county: string | null } {
  const pins = s.places > 0 && s.radius !== null;
  return {
    pin: pins ? MSG.legendSearchPlace(s.places) : null,
    radius: pins && s.radius !== null ? MSG.legendSearchRadius(s.radius) : null,
    county: s.placeCounties && s.wholeCounties ? MSG.legendSearchCountyMixed
      : s.wholeCounties ? MSG.legendSearchWholeCounty(s.wholeCounties)
      : s.placeCounties ? MSG.legendSearchCounty(s.placeCounties) : null,
  };
}
