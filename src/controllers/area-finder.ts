/**
 * Find my area's search logic, loaded on first use: reads what was typed,
 * resolves it against the place list and the counties, finds the agencies
 * covering the county and those nearby, and draws the place on the map.
 */
import type { AgencyIndex } from '../data/agency-index';
import type { MapView } from '../map/map-view';
import { AreaLayer } from '../map/area-layer';
import type { AppState } from '../state/app-state';
import { loadAreaData } from '../search/area-data';
import type { AreaData } from '../search/area-data';
import { parseAreaQuery, resolveArea, suggest } from '../search/area-query';
import type { Choice, ResolveContext, Suggestion } from '../search/area-query';
import { agencyCountyKey, countyAt, coveringAgencies } from '../search/counties';
import { nearby } from '../search/nearby';
import { placesAround } from '../search/places-around';
import { isDefaultFilters } from '../filters/filters';
import type { AreaRow, AreaView } from '../ui/area-search';
import { MSG } from '../i18n/messages';

export type AreaOutcome =
  | { ok: false; message: string; choices?: Choice[] }
  | {
      ok: true;
      view: Extract<AreaView, { status: 'found' }>;
      /** What the legend says about the search. */
      legend: { radius: number; county: boolean };
      /** Draws the place on the map; `fly` frames it. */
      show(fly: boolean): void;
    };

export class AreaFinder {
  private layer: AreaLayer | null = null;
  private countyKeys: (string | null)[] | null = null;

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

  private context(data: AreaData): ResolveContext {
    const idx = this.index;
    return {
      gazetteer: data.gazetteer,
      counties: data.counties,
      agencies: { names: idx.rows.map((r) => r.name), lon: idx.lon, lat: idx.lat, states: idx.rows.map((r) => r.state) },
    };
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
    const resolved = resolveArea(parsed.query, this.context(data));
    if (!resolved.ok) return { ok: false, message: resolved.message, choices: resolved.choices };
    const m = resolved.match;
    if (m.kind === 'coords' && s.area === located) m.label = MSG.areaYourLocation;
    const county = m.countyFips ? (data.counties.find((c) => c.fips === m.countyFips) ?? null) : countyAt(data.counties, m.lon, m.lat);
    const idx = this.index;
    this.countyKeys ??= idx.rows.map((r) => agencyCountyKey(r));
    const row = (i: number, miles: number): AreaRow => {
      const p = idx.rows[i];
      return { i, id: p.id, name: p.name, type: p.agency_type, state: p.state, start: p.start_date, miles };
    };
    const covering = county ? coveringAgencies(this.countyKeys, idx.rows, mask, county).map((i) => row(i, 0)) : [];
    const near = nearby(idx.lon, idx.lat, mask, [m.lon, m.lat], s.radius);
    // The answer's agencies outside the circle (county-wide ones, the nearest beyond it) are framed too.
    const include: [number, number][] = covering.map((r) => [idx.lon[r.i], idx.lat[r.i]]);
    if (!near.withinCount && near.nearest) include.push([idx.lon[near.nearest.i], idx.lat[near.nearest.i]]);
    const around = placesAround(data.gazetteer, m.lon, m.lat, s.radius * 2.5);
    return {
      ok: true,
      view: {
        status: 'found',
        label: m.label,
        county: county ? `${county.name}, ${county.state}` : null,
        radius: s.radius,
        covering,
        within: near.within.map((n) => row(n.i, n.miles)),
        withinCount: near.withinCount,
        nearest: near.nearest ? row(near.nearest.i, near.nearest.miles) : null,
        filtered: !isDefaultFilters(s.filters),
        note: resolved.note,
      },
      legend: { radius: s.radius, county: !!county },
      show: (fly) => {
        const draw = (animate: boolean) => this.areaLayer()?.show([m.lon, m.lat], s.radius, county?.feature ?? null, animate, include, around);
        const mv = this.map();
        if (fly && mv) mv.frameWith(() => draw(true));
        else draw(false);
      },
    };
  }
}
