/**
 * One story per partnership, told from the record's fields: what began when
 * (and what kind of date that is), what ended or was denied and when, what was
 * given, offered, bought, returned or declined, and the status. The card, the
 * agency pages and the CSV `summary` all tell it from here, in English or
 * Spanish, so they never contradict each other or the fields.
 */
import type { Program } from '../core/contract';
import type { DatePrecision, PartnershipStatus } from '../core/vocabulary';
import { datePrecision } from '../core/dates';
import type { Locale } from '../i18n/locale';
import { CATALOGUES } from '../i18n/messages';
import { formatPartialDate } from '../time/months';
import { formatCount, formatUsd, pluralCategory } from '../ui/format';

export type StoryProgram = Pick<
  Program,
  'kind' | 'start_date' | 'start_kind' | 'end_date' | 'status' | 'perk_status' | 'devices_given' | 'perk_value_usd' | 'subsidy_usd' | 'at_least' | 'figures_derived'
>;

export interface StoryInput {
  status: PartnershipStatus;
  /** The agency's end: set only when every program has a documented end. */
  end_date: string | null;
  programs: readonly StoryProgram[];
}

/**
 * What a start date is. A portal date is the "active" date Ring's map showed
 * (not always the day the agency joined); a denied listing was only listed;
 * any other arrangement began then.
 */
export type StartKind = 'active_from' | 'listed_from' | 'began' | 'announced' | 'active_by';

export interface ProgramStory {
  kind: Program['kind'];
  startKind: StartKind | null;
  /** The program has ended (a documented end, or its status says so). */
  ended: boolean;
  denied: boolean;
  text: string;
}

export interface Story {
  status: PartnershipStatus;
  /** The first sentence: the status, said so that a denial or an end comes first. */
  lead: string;
  /** One sentence per program, in the data's order (oldest first, undated last). */
  programs: ProgramStory[];
  /** Lead and programs as one paragraph (the CSV's `summary`). */
  text: string;
}

export function startKind(g: Pick<StoryProgram, 'kind' | 'status' | 'start_kind'>): StartKind {
  if (g.status === 'denied') return 'listed_from';
  // The data says when a date is an announcement or only a report's own date (an upper bound).
  if (g.start_kind === 'announced' || g.start_kind === 'active_by') return g.start_kind;
  return g.kind === 'neighbors_portal' ? 'active_from' : 'began';
}

function programStory(g: StoryProgram, l: Locale): ProgramStory {
  const m = CATALOGUES[l];
  const w = m.story;
  const date = (d: string): [string, DatePrecision] => [formatPartialDate(d, l) ?? d, datePrecision(d)];
  const kind = g.start_date ? startKind(g) : null;
  const start = !g.start_date ? w.noStart
    : kind === 'listed_from' ? w.listedFrom(...date(g.start_date))
    : kind === 'active_from' ? w.activeFrom(...date(g.start_date))
    : kind === 'announced' ? w.announced(...date(g.start_date))
    : kind === 'active_by' ? w.activeBy(...date(g.start_date))
    : w.began(...date(g.start_date));
  const denied = g.status === 'denied';
  const ended = g.end_date !== null || g.status === 'ended';
  const end = [
    ...(denied ? [w.denied] : []),
    ...(g.end_date ? [w.ended(...date(g.end_date))] : g.status === 'ended' ? [w.endedUndated] : []),
  ];
  const label = m.programLabels[g.kind] ?? m.cardArrangement;
  const text = [w.line(label, start, end.length ? end.join('; ') : w.noEnd), perkStory(g, l)].filter(Boolean).join(' ');
  return { kind: g.kind, startKind: kind, ended, denied, text };
}

/** What the program gave, or what it offered, approved, bought, returned or declined instead; '' for none. */
function perkStory(g: StoryProgram, l: Locale): string {
  const w = CATALOGUES[l].story;
  const hasFigures = g.devices_given !== null || g.perk_value_usd !== null || g.subsidy_usd !== null;
  if (g.perk_status === 'given' || (g.perk_status === null && hasFigures)) {
    const floor = g.at_least;
    const figures = [
      ...(g.devices_given !== null ? [w.devices(formatCount(g.devices_given, floor, l), !floor && pluralCategory(g.devices_given, l) === 'one')] : []),
      ...(g.perk_value_usd !== null ? [w.perkValue(formatUsd(g.perk_value_usd, floor, l))] : []),
      ...(g.subsidy_usd !== null ? [w.subsidySpent(formatUsd(g.subsidy_usd, floor, l))] : []),
    ];
    return w.given(figures, g.figures_derived && figures.length > 0);
  }
  return g.perk_status ? w.perk(CATALOGUES[l].perkStatusWords[g.perk_status]) : '';
}

function lead(p: StoryInput, programs: readonly ProgramStory[], l: Locale): string {
  const m = CATALOGUES[l];
  const w = m.story;
  const label = (g: StoryProgram) => m.programLabels[g.kind] ?? m.cardArrangement;
  switch (p.status) {
    case 'denied':
      return w.leadDenied;
    case 'ended': {
      const end = p.end_date ? w.ended(formatPartialDate(p.end_date, l) ?? p.end_date, datePrecision(p.end_date)) : w.endedUndated;
      return w.leadEnded(end);
    }
    case 'unknown':
      return w.leadUnknown;
    case 'active': {
      // An arrangement that ended or was denied is named with its end, never covered by "no end documented".
      const closed = p.programs.map((g, k) => [g, programs[k]] as const).filter(([, s]) => s.ended || s.denied);
      if (!closed.length) return w.leadActive;
      const open = p.programs.filter((g, k) => g.status === 'active' && !programs[k].ended);
      const closedWords = closed.map(([g]) => {
        const end = [
          ...(g.status === 'denied' ? [w.denied] : []),
          ...(g.end_date ? [w.ended(formatPartialDate(g.end_date, l) ?? g.end_date, datePrecision(g.end_date))] : g.status === 'ended' ? [w.endedUndated] : []),
        ];
        return w.closed(label(g), end.join('; '));
      });
      return w.leadActiveSome([...new Set(open.map(label))], closedWords);
    }
  }
}

/** The partnership's story in `l` (English on the static pages; the page's language on the card and in downloads). */
export function partnershipStory(p: StoryInput, l: Locale): Story {
  const programs = p.programs.map((g) => programStory(g, l));
  const first = lead(p, programs, l);
  return { status: p.status, lead: first, programs, text: [first, ...programs.map((g) => g.text)].join(' ') };
}
