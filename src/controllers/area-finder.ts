/**
 * Find my area's search logic, loaded on first use: loads the place list and
 * the counties, asks the pure answer (search/area-answer.ts) what the search
 * means, and draws the place or the county on the map.
 */
import type { AgencyIndex } from '../data/agency-index';
import type { MapView } from '../map/map-view';
import { AreaLayer } from '../map/area-layer';
import type { AreaShape, NearbyPlace } from '../map/area-layer';
import type { AppState } from '../state/app-state';
import { loadAreaData } from '../search/area-data';
import type { AreaData } from '../search/area-data';
import { parseAreaQuery, suggest } from '../search/area-query';
import type { Choice, Suggestion } from '../search/area-query';
import { answerArea, answerContext } from '../search/area-answer';
import type { Answer, AnswerContext, FoundView } from '../search/area-answer';
import { compareAreas } from '../search/area-compare';
import type { AreaFacts } from '../search/area-compare';
import { placesAround } from '../search/places-around';
import { MSG } from '../i18n/messages';
import { combinedLegend, placeLegend, type SearchLegend } from '../search/search-legend';

export type AreaOutcome =
  | { ok: false; message: string; choices?: Choice[] }
  | {
      ok: true;
      view: FoundView;
      legend: SearchLegend;
      /** Draws the place on the map; `fly` frames it. */
      show(fly: boolean): void;
    };

/** Two places side by side: each one's answer (or why it has none), their facts, and both on the map. */
export interface CompareOutcome {
  outcomes: [{ ok: true; view: FoundView } | { ok: false; message: string; choices?: Choice[] }, { ok: true; view: FoundView } | { ok: false; message: string; choices?: Choice[] }];
  facts: [AreaFacts | null, AreaFacts | null];
  /** What the legend says (null: neither place was found). */
  legend: SearchLegend | null;
  /** Both places as the map draws them (an exported image draws them too). */
  shapes: AreaShape[];
  show(fly: boolean): void;
}

interface Prepared {
  view: FoundView;
  legend: SearchLegend;
  shape: AreaShape;
  include: [number, number][];
  around: NearbyPlace[];
}

export class AreaFinder {
  private layer: AreaLayer | null = null;
  /** Built once: the agencies' names and columns do not change while the page is open. */
  private ctx: AnswerContext | null = null;

  constructor(
    private index: AgencyIndex,
    /** The live map once it has its data (null before, and without one). */
    private map: () => MapView | null,
  ) {}

  /** Why a query cannot be searched (an empty box, say), or null. */
  unreadable(q: string): string | null {
    const parsed = parseAreaQuery(q);
    return parsed.ok ? null : parsed.message;
  }

  async suggest(text: string): Promise<Suggestion[]> {
    return suggest(text, this.context(await loadAreaData()));
  }

  clear(): void {
    this.layer?.clear();
  }

  private context(data: AreaData): AnswerContext {
    this.ctx ??= answerContext(data, this.index);
    return this.ctx;
  }

  private areaLayer(): AreaLayer | null {
    const mv = this.map();
    if (mv && !this.layer) this.layer = new AreaLayer(mv.map, (b) => mv.padding(24, b));
    return this.layer;
  }

  /**
   * The answer for a state's search among the agencies `mask` keeps.
   * `located`: the area string of the visitor's own position (shown as "your location").
   * Rejects when the place list cannot be loaded.
   */
  async find(s: AppState & { area: string }, mask: Uint8Array, located: string | null): Promise<AreaOutcome> {
    const parsed = parseAreaQuery(s.area);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const data = await loadAreaData();
    const a = answerArea(s.area, this.context(data), mask, s.radius, s.filters);
    if (!a.ok) return a;
    const p = this.prepare(a, s.area, s.radius, data, located);
    return {
      ok: true,
      view: a.view,
      legend: p.legend,
      show: (fly) => this.draw([p.shape], p.include, p.around, fly),
    };
  }

  /**
   * Two places side by side: each answer exactly as it is alone, their facts,
   * and both drawn on the map, framed together. Rejects when the place list cannot be loaded.
   */
  async compare(s: AppState & { area: string; compare: string }, mask: Uint8Array, located: string | null): Promise<CompareOutcome> {
    const data = await loadAreaData();
    const c = compareAreas(s.area, s.compare, this.context(data), mask, s.radius, s.filters);
    const found = ([c.first, c.second] as const).map((a, k) =>
      a.ok ? this.prepare(a, k ? s.compare : s.area, s.radius, data, located) : null);
    const shown = found.filter((p): p is Prepared => p !== null);
    // Each place named beside its pin, so the map says which is which.
    const shapes = shown.map((p) => ({ ...p.shape, name: p.view.label }));
    return {
      shapes,
      outcomes: [c.first, c.second].map((a) => (a.ok ? { ok: true as const, view: a.view } : a)) as CompareOutcome['outcomes'],
      facts: c.facts,
      legend: combinedLegend(shown.map((p) => p.legend)),
      show: (fly) => this.draw(shapes, shown.flatMap((p) => p.include), shown.flatMap((p) => p.around), fly),
    };
  }

  private prepare(a: Extract<Answer, { ok: true }>, area: string, radius: number, data: AreaData, located: string | null): Prepared {
    if (a.match.kind === 'coords' && area === located) a.view.label = MSG.areaYourLocation;
    const { point, radius: r, include } = a.frame;
    // Around a county, the towns of its whole box are named.
    const reach = r ?? (a.county ? Math.max(a.county.bbox[2] - a.county.bbox[0], a.county.bbox[3] - a.county.bbox[1]) * 35 : radius);
    const around = placesAround(data.gazetteer, point[0], point[1], reach * 2.5);
    const county = a.county;
    return {
      view: a.view,
      legend: placeLegend(r, !!county),
      shape: { point, radius: r, county: county?.feature ?? null, bounds: r === null ? (county?.bbox ?? null) : null },
      include,
      around,
    };
  }

  private draw(shapes: AreaShape[], include: [number, number][], around: NearbyPlace[], fly: boolean): void {
    const draw = (animate: boolean) => this.areaLayer()?.showAll(shapes, animate, include, around);
    const mv = this.map();
    if (fly && mv) mv.frameWith(() => draw(true));
    else draw(false);
  }
}
