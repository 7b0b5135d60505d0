/**
 * A description of what a view of the map shows, for people who cannot see
 * the picture: the exported PNG's alt text (shown in the export dialog and
 * written into the file) and the embed code's iframe title and description.
 * Built from the same state the export and the embed use: the filters, the
 * layers drawn and the agencies counted. Pure: no DOM, no map.
 */
import type { Filters } from '../filters/filters';
import { hasDateFilter } from '../filters/filters';
import type { LayerId } from '../state/app-state';
import type { AgencyIndex } from '../data/agency-index';
import { FLAG_PERKS } from '../data/agency-index';
import { US_STATES } from '../geo/us-states';
import type { Locale } from '../i18n/locale';
import { CATALOGUES } from '../i18n/messages';
import { monthLabel } from '../time/months';
import { formatInt } from '../ui/format';

/** At most this many states are named for the map view; the rest are counted. */
const NAMED_STATES = 4;

export interface AltTextInput {
  filters: Filters;
  layers: readonly LayerId[];
  /** Agencies that pass the filters. */
  shown: number;
  /** Of those, the agencies with documented perks or subsidies. */
  withPerks: number;
  /** Of those, the agencies in the picture, with their states; null when the whole selection is framed (an embed that fits it). */
  inView: { count: number; states: readonly string[] } | null;
  /** First and last year of the documented start dates in the data ("all dates 2017–2023"). */
  years: readonly [number, number];
  locale: Locale;
}

export interface AltText {
  /** One line: "113 police agencies in New Jersey partnered with Ring, all dates 2017–2023". */
  headline: string;
  /** The full description: headline, filters, counts, layers and the coverage note. */
  description: string;
}

/** The counts of a selection: shown, with perks, and the part inside the view with its states (most agencies first). */
export function countSelection(index: AgencyIndex, mask: Uint8Array, inViewMask?: Uint8Array): Pick<AltTextInput, 'shown' | 'withPerks' | 'inView'> {
  let shown = 0;
  let withPerks = 0;
  let inView = 0;
  const perState = new Map<string, number>();
  for (let i = 0; i < index.size; i++) {
    if (!mask[i]) continue;
    shown++;
    if (index.flags[i] & FLAG_PERKS) withPerks++;
    if (inViewMask?.[i]) {
      inView++;
      const st = index.states[index.state[i]];
      perState.set(st, (perState.get(st) ?? 0) + 1);
    }
  }
  const states = [...perState].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  return { shown, withPerks, inView: inViewMask ? { count: inView, states } : null };
}

/** The years the data's start dates span (month numbers, as the index keeps them). */
export function dataYears(index: Pick<AgencyIndex, 'minStart' | 'maxStart'>): [number, number] {
  return [Math.floor(index.minStart / 12), Math.floor(index.maxStart / 12)];
}

const STATE_NAMES = new Map(US_STATES.map((s) => [s.code, s.name]));

function stateNames(codes: readonly string[], l: Locale): string[] {
  const m = CATALOGUES[l];
  return codes.map((c) => m.altStateName(c, STATE_NAMES.get(c) ?? c));
}

function list(items: string[], l: Locale): string {
  return new Intl.ListFormat(l === 'es' ? 'es' : 'en-US', { type: 'conjunction' }).format(items);
}

/** A few states by name, the rest counted: "New Jersey, New York, Pennsylvania and 3 other states". */
function namedArea(codes: readonly string[], l: Locale): string {
  const m = CATALOGUES[l];
  const names = stateNames(codes.slice(0, codes.length > NAMED_STATES ? NAMED_STATES - 1 : NAMED_STATES), l);
  const rest = codes.length - names.length;
  return list(rest > 0 ? [...names, m.altOtherStates(rest)] : names, l);
}

function period(f: Filters, years: readonly [number, number], l: Locale): string {
  const m = CATALOGUES[l];
  if (!hasDateFilter(f)) return m.altAllDates(String(years[0]), String(years[1]));
  if (f.from !== null && f.to !== null) return m.altActive(monthLabel(f.from, l), monthLabel(f.to, l));
  if (f.from !== null) return m.altActiveFrom(monthLabel(f.from, l));
  return m.altStartedBy(monthLabel(f.to!, l));
}

export function altText(i: AltTextInput): AltText {
  const l = i.locale;
  const m = CATALOGUES[l];
  const f = i.filters;
  // States chosen name the area; without a choice the count is national.
  const area = f.states.length ? namedArea(f.states, l) : m.altUnitedStates;
  const headline = m.altHeadline(m.altAgencies(formatInt(i.shown, l), i.shown, f.types), area, period(f, i.years, l));
  const q = f.q.trim();
  const sentences = [
    m.altMapOf(headline),
    ...(f.perks ? [m.altOnlyPerks] : []),
    ...(f.records ? [m.altOnlyRecords] : []),
    ...(q ? [m.altMatching(q)] : []),
    ...(i.shown > 0 ? [m.altWithPerks(formatInt(i.withPerks, l), i.withPerks)] : []),
    // The picture is the map view: when it holds only part of the selection, say which part.
    ...(i.inView && i.inView.count < i.shown
      ? [i.inView.count ? m.altInView(formatInt(i.inView.count, l), namedArea(i.inView.states, l)) : m.altNoneInView]
      : []),
    m.altLayers(i.layers.map((k) => m.layerLabels[k] ?? k)),
    m.coverage,
  ];
  return { headline, description: sentences.join(' ') };
}
