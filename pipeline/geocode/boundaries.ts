/**
 * State and county outlines from us-atlas (1:10m, generalised): point-in-state
 * with a bounding-box prefilter, county lookup by name, interior points, and
 * snapping a point that falls just outside its state's generalised coast.
 */
import { createRequire } from 'node:module';
import { booleanPointInPolygon, centroid, nearestPointOnLine, pointOnFeature, distance, bbox } from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { STATES } from '../lib/states';
import { fold } from '../lib/text';

export type Area = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

interface Indexed {
  f: Area;
  box: [number, number, number, number];
}

export interface CountyRef {
  /** Normalised base name: "St. Tammany Parish" → "st tammany". */
  base: string;
  /** `city` for "Richmond city"/"City of Richmond" (independent cities), `county` for "X County/Parish/Borough". */
  kind: 'county' | 'city' | 'any';
}

export function normalizePlace(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[-–/,()]/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\bsainte\b/g, 'ste')
    .replace(/\bmount\b/g, 'mt')
    .replace(/\bfort\b/g, 'ft')
    .replace(/\s+/g, ' ')
    .trim();
}

const COUNTY_SUFFIX = /\s+(county|parish|borough|census area|city and borough|municipality|municipio)$/;

export function parseCountyRef(text: string): CountyRef {
  let s = normalizePlace(text);
  let kind: CountyRef['kind'] = 'any';
  if (/^city of /.test(s) || / city$/.test(s)) {
    // "Richmond city" / "City of Richmond" (Virginia, Baltimore, St. Louis, Carson City)
    const base = s.replace(/^city of /, '').replace(/ city$/, '');
    return { base, kind: 'city' };
  }
  if (COUNTY_SUFFIX.test(s)) {
    s = s.replace(COUNTY_SUFFIX, '');
    kind = 'county';
  }
  return { base: s, kind };
}

const inBox = (b: Indexed['box'], lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

export class Boundaries {
  private states = new Map<string, Indexed>();
  private countiesByName = new Map<string, Indexed[]>();
  private countiesByState = new Map<string, Indexed[]>();
  private interior = new Map<string, [number, number]>();
  private outlines = new Map<string, Feature<MultiLineString>>();

  constructor(statesTopo: Topology, countiesTopo: Topology) {
    const fipsToPostal = new Map(STATES.map((s) => [s.fips, s.postal]));
    const st = feature(statesTopo, statesTopo.objects.states as GeometryCollection<{ name: string }>);
    for (const f of st.features) {
      const postal = fipsToPostal.get(String(f.id));
      if (postal) this.states.set(postal, { f: f as Area, box: bbox(f) as Indexed['box'] });
    }
    const co = feature(countiesTopo, countiesTopo.objects.counties as GeometryCollection<{ name: string }>);
    for (const f of co.features) {
      const id = String(f.id);
      const postal = fipsToPostal.get(id.slice(0, 2));
      if (!postal || !f.geometry) continue;
      const ix: Indexed = { f: f as Area, box: bbox(f) as Indexed['box'] };
      const key = `${postal}|${normalizePlace(f.properties.name)}`;
      this.countiesByName.set(key, [...(this.countiesByName.get(key) ?? []), ix]);
      this.countiesByState.set(postal, [...(this.countiesByState.get(postal) ?? []), ix]);
    }
  }

  static load(): Boundaries {
    const require = createRequire(import.meta.url);
    return new Boundaries(require('us-atlas/states-10m.json'), require('us-atlas/counties-10m.json'));
  }

  hasState(postal: string): boolean {
    return this.states.has(postal);
  }

  inState(postal: string, lon: number, lat: number): boolean {
    const s = this.states.get(postal);
    if (!s || !inBox(s.box, lon, lat)) return false;
    return booleanPointInPolygon([lon, lat], s.f);
  }

  /** Counties of a state matching a county name ("Harris County", "Richmond city", "Calcasieu Parish", "Madison"). */
  findCounties(postal: string, countyText: string): Area[] {
    const ref = parseCountyRef(countyText);
    const cands = this.countiesByName.get(`${postal}|${ref.base}`) ?? [];
    const isCity = (ix: Indexed) => Number(ix.f.id.slice(2)) >= 500 && postal !== 'AK';
    let pick = cands;
    if (ref.kind === 'city') pick = cands.filter(isCity);
    else if (ref.kind === 'county' || cands.length > 1) pick = cands.filter((c) => !isCity(c));
    if (pick.length === 0) pick = cands;
    return pick.map((c) => c.f);
  }

  /** The county (of this state) containing a point, if any. */
  countyAt(postal: string, lon: number, lat: number): Area | undefined {
    for (const ix of this.countiesByState.get(postal) ?? []) {
      if (inBox(ix.box, lon, lat) && booleanPointInPolygon([lon, lat], ix.f)) return ix.f;
    }
    return undefined;
  }

  inArea(area: Area, lon: number, lat: number): boolean {
    const b = bbox(area);
    return inBox(b as Indexed['box'], lon, lat) && booleanPointInPolygon([lon, lat], area);
  }

  /** A point inside the county: its centroid when that lies inside, else turf's pointOnFeature. */
  interiorPoint(area: Area): [number, number] {
    const hit = this.interior.get(area.id);
    if (hit) return hit;
    const c = centroid(area).geometry.coordinates as [number, number];
    const p = booleanPointInPolygon(c, area) ? c : (pointOnFeature(area).geometry.coordinates as [number, number]);
    this.interior.set(area.id, p);
    return p;
  }

  private outline(postal: string): Feature<MultiLineString> | undefined {
    const hit = this.outlines.get(postal);
    if (hit) return hit;
    const s = this.states.get(postal);
    if (!s) return undefined;
    const g = s.f.geometry;
    const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    const line: Feature<MultiLineString> = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: rings } };
    this.outlines.set(postal, line);
    return line;
  }

  /**
   * Moves a point that lies outside its state by at most `maxKm` (a coastal
   * city outside the generalised outline) to just inside the outline, on
   * the rounding grid `round`. Undefined when it is farther out or no
   * inside point is found.
   */
  snapIntoState(
    postal: string,
    lon: number,
    lat: number,
    maxKm: number,
    round: (n: number) => number,
  ): [number, number] | undefined {
    const line = this.outline(postal);
    if (!line) return undefined;
    const near = nearestPointOnLine(line, [lon, lat]);
    const km = distance([lon, lat], near, { units: 'kilometers' });
    if (km > maxKm) return undefined;
    const [bx, by] = near.geometry.coordinates;
    let dx = bx - lon;
    let dy = by - lat;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    for (const step of [0.0005, 0.001, 0.002, 0.004, 0.008, 0.016]) {
      const p: [number, number] = [round(bx + dx * step), round(by + dy * step)];
      if (this.inState(postal, p[0], p[1])) return p;
    }
    return undefined;
  }
}
