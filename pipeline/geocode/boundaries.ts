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
import { editDistance } from '../../src/search/area-query';
import { fold } from '../../src/core/text';
import { isIndependentCity } from '../../src/core/jurisdiction';

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
  const paren = /^(.*?)\s*\(city\)/i.exec(text);
  if (paren) return { base: normalizePlace(paren[1]), kind: 'city' }; // "Alexandria (city) County"
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

const POSTAL_BY_FIPS = new Map(STATES.map((s) => [s.fips, s.postal]));

const inBox = (b: Indexed['box'], lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

export class Boundaries {
  private states = new Map<string, Indexed>();
  private countiesByName = new Map<string, Indexed[]>();
  private countiesByState = new Map<string, Indexed[]>();
  private interior = new Map<string, [number, number]>();
  private outlines = new Map<string, Feature<MultiLineString>>();

  constructor(statesTopo: Topology, countiesTopo: Topology) {
    const st = feature(statesTopo, statesTopo.objects.states as GeometryCollection<{ name: string }>);
    for (const f of st.features) {
      const postal = POSTAL_BY_FIPS.get(String(f.id));
      if (postal) this.states.set(postal, { f: f as Area, box: bbox(f) as Indexed['box'] });
    }
    const co = feature(countiesTopo, countiesTopo.objects.counties as GeometryCollection<{ name: string }>);
    for (const f of co.features) {
      const id = String(f.id);
      const postal = POSTAL_BY_FIPS.get(id.slice(0, 2));
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

  private postalOf(area: Area): string {
    return POSTAL_BY_FIPS.get(area.id.slice(0, 2)) ?? '';
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
    const cands = this.countiesByName.get(`${postal}|${ref.base}`) ?? this.fuzzy(postal, ref.base);
    const isCity = (ix: Indexed) => isIndependentCity(ix.f.id);
    let pick = cands;
    if (ref.kind === 'city') pick = cands.filter(isCity);
    else if (ref.kind === 'county' || cands.length > 1) pick = cands.filter((c) => !isCity(c));
    if (pick.length === 0) pick = cands;
    return pick.map((c) => c.f);
  }

  /**
   * Misspelt county names in real exports ("Onandaga", "San Bernadino",
   * "La Salle"): the one county of the state whose name matches ignoring
   * spaces, else within edit distance 2 (only when exactly one does).
   */
  private fuzzy(postal: string, base: string): Indexed[] {
    if (base.length < 4) return [];
    const squash = (x: string) => x.replace(/\s+/g, '');
    const all = this.countiesByState.get(postal) ?? [];
    const names = (ix: Indexed) => normalizePlace(ix.f.properties.name);
    const same = all.filter((ix) => squash(names(ix)) === squash(base));
    if (same.length > 0) return same;
    const close = all.filter((ix) => editDistance(names(ix), base, 2) <= 2);
    const distinct = new Set(close.map(names));
    return distinct.size === 1 ? close : [];
  }

  /**
   * The county's spelling in the boundary data when the given one is a
   * variant ("Onandaga County" → "Onondaga County", "Alexandria (city) County"
   * → "Alexandria city"); the text unchanged when it is exact or unknown.
   */
  canonicalCountyName(postal: string, countyText: string): string {
    const ref = parseCountyRef(countyText);
    const found = this.findCounties(postal, countyText);
    if (found.length !== 1) return countyText;
    const name = found[0].properties.name;
    if (ref.kind === 'city') return `${name} city`;
    if (normalizePlace(name) === ref.base) return countyText;
    const suffix = /\b(County|Parish|Borough|Census Area)$/i.exec(countyText.trim());
    return suffix ? `${name} ${suffix[1]}` : name;
  }

  /** The county (of this state) containing a point, if any. */
  countyAt(postal: string, lon: number, lat: number): Area | undefined {
    for (const ix of this.countiesByState.get(postal) ?? []) {
      if (inBox(ix.box, lon, lat) && booleanPointInPolygon([lon, lat], ix.f)) return ix.f;
    }
    return undefined;
  }

  private boxes = new WeakMap<Area, Indexed['box']>();

  inArea(area: Area, lon: number, lat: number): boolean {
    let b = this.boxes.get(area);
    if (!b) {
      b = bbox(area) as Indexed['box'];
      this.boxes.set(area, b);
    }
    return inBox(b, lon, lat) && booleanPointInPolygon([lon, lat], area);
  }

  /** A point inside the county: its centroid when that lies inside, else turf's pointOnFeature. */
  interiorPoint(area: Area): [number, number] {
    const hit = this.interior.get(area.id);
    if (hit) return hit;
    const c = centroid(area).geometry.coordinates as [number, number];
    const p = this.owns(area, c) ? c : this.surfacePoint(area, c);
    this.interior.set(area.id, p);
    return p;
  }

  /** Inside this county and in no other (generalised outlines of a county may cover a city it surrounds). */
  private owns(area: Area, p: [number, number]): boolean {
    if (!booleanPointInPolygon(p, area)) return false;
    for (const ix of this.countiesByState.get(this.postalOf(area)) ?? []) {
      if (ix.f !== area && inBox(ix.box, p[0], p[1]) && booleanPointInPolygon(p, ix.f)) return false;
    }
    return true;
  }

  /** The point of a 24×24 grid over the county owned by it and nearest the centroid; else turf's pointOnFeature. */
  private surfacePoint(area: Area, c: [number, number]): [number, number] {
    const [x0, y0, x1, y1] = bbox(area);
    let best: [number, number] | undefined;
    let bestD = Infinity;
    for (let i = 0.5; i < 24; i++) {
      for (let j = 0.5; j < 24; j++) {
        const p: [number, number] = [x0 + ((x1 - x0) * i) / 24, y0 + ((y1 - y0) * j) / 24];
        const d = (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2;
        if (d < bestD && this.owns(area, p)) {
          best = p;
          bestD = d;
        }
      }
    }
    return best ?? (pointOnFeature(area).geometry.coordinates as [number, number]);
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

