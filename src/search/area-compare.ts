/**
 * Two Find my area answers side by side, as data: each is exactly the single
 * answer (search/area-answer.ts) for its place, with the few facts a reader
 * compares (how many agencies answer, how many with documented perks, the
 * earliest documented start). Pure: the page, the exported image and the
 * unit sweep all read it.
 */
import { POINT_PERKS } from '../data/map-data';
import type { Filters } from '../filters/filters';
import { answerArea } from './area-answer';
import type { Answer, AnswerContext, FoundView } from './area-answer';
import { nearby } from './nearby';

/** What a reader compares between two places, counted from one answer. */
export interface AreaFacts {
  label: string;
  county: string | null;
  /** A county search (every agency inside it) rather than a place with a radius. */
  whole: boolean;
  radius: number;
  inside: number;
  covering: number;
  spanning: number;
  within: number;
  /** Distinct agencies the answer counts (an agency both covering and nearby once). */
  agencies: number;
  /** Of those, with a documented perk or subsidy. */
  withPerks: number;
  /** The earliest documented start among them, as the data writes it (YYYY, YYYY-MM or YYYY-MM-DD); null: none documented. */
  earliest: string | null;
}

export interface Comparison {
  first: Answer;
  second: Answer;
  /** The facts of each answer that was found (null where the search found nothing or asks which place). */
  facts: [AreaFacts | null, AreaFacts | null];
}

/** Every agency index an answer counts: inside the county, or covering, serving and within the radius (all of them, not only the nearest listed). */
export function answerIndices(v: FoundView, ctx: AnswerContext, mask: Uint8Array, point: [number, number]): number[] {
  const out = new Set<number>();
  for (const r of [...v.inside, ...v.covering, ...v.spanning, ...v.within]) out.add(r.i);
  // The page lists the nearest 50 within the radius; the facts count every one.
  if (!v.whole && v.withinCount > v.within.length) for (const n of nearby(ctx.lon, ctx.lat, mask, point, v.radius, Infinity).within) out.add(n.i);
  return [...out];
}

/** Partial dates as the data writes them sort as text: "2018-12" < "2019" < "2019-03". */
function earliestOf(dates: (string | null)[]): string | null {
  let min: string | null = null;
  for (const d of dates) if (d && (min === null || d < min)) min = d;
  return min;
}

export function answerFacts(a: Answer, ctx: AnswerContext, mask: Uint8Array): AreaFacts | null {
  if (!a.ok) return null;
  const v = a.view;
  const idx = answerIndices(v, ctx, mask, a.frame.point);
  return {
    label: v.label, county: v.county, whole: v.whole, radius: v.radius,
    inside: v.inside.length, covering: v.covering.length, spanning: v.spanning.length, within: v.withinCount,
    agencies: idx.length,
    withPerks: idx.filter((i) => ctx.rows[i].flags & POINT_PERKS).length,
    earliest: earliestOf(idx.map((i) => ctx.rows[i].start_date)),
  };
}

/** Both answers, each exactly as Find my area gives it alone, and their facts. */
export function compareAreas(first: string, second: string, ctx: AnswerContext, mask: Uint8Array, radius: number, filters: Filters): Comparison {
  const a = answerArea(first, ctx, mask, radius, filters);
  const b = answerArea(second, ctx, mask, radius, filters);
  return { first: a, second: b, facts: [answerFacts(a, ctx, mask), answerFacts(b, ctx, mask)] };
}
