/**
 * "Who decides" and "What was checked" in words, from the agency's published
 * `oversight` and `research`, in one language's catalogue. The map's card and
 * the agency page lay these out; the words are decided only here.
 */
import type { AgencyFeature } from '../core/contract';
import { datePrecision } from '../core/dates';
import { researchLine } from '../core/research';
import type { Locale } from '../i18n/locale';
import type { Messages } from '../i18n/messages-en';
import { formatPartialDate } from '../time/months';

type Props = AgencyFeature['properties'];

export interface OversightWords {
  kind: 'ordinance' | 'council_vote';
  /** "Madison has a surveillance-technology oversight ordinance: " */
  lead: string;
  /** The law's or the vote's name, as the data gives it (English). */
  name: string;
  /** " (adopted 16 June 2020)", or the date not documented. */
  when: string;
  url: string;
  linkText: string;
  checked: string;
}

export interface ResearchWords {
  kind: 'checked' | 'not_researched';
  line: string;
  /** Each check: its date, the question (English, as logged) and what the search gave. */
  checks: { prefix: string; question: string; result: string }[];
  note: string;
}

export function oversightWords(p: Props, m: Messages, l: Locale): OversightWords[] {
  const date = (d: string) => formatPartialDate(d, l) ?? d;
  return (p.oversight ?? []).map((o) => {
    const day = o.adopted_on !== null && datePrecision(o.adopted_on) === 'day';
    return {
      kind: o.kind,
      lead: o.kind === 'ordinance' ? m.whoDecidesOrdinance(o.place) : m.whoDecidesVote(o.place),
      name: o.name,
      when: o.adopted_on === null ? m.whoDecidesNoDate
        : o.kind === 'ordinance' ? m.whoDecidesAdopted(date(o.adopted_on), day) : m.whoDecidesVoted(date(o.adopted_on), day),
      url: o.source_url,
      linkText: m.whoDecidesSource,
      checked: m.whoDecidesChecked(date(o.checked_on)),
    };
  });
}

/** The checked line with each check, or the not-researched line: never both. */
export function researchWords(p: Props, m: Messages, l: Locale): ResearchWords {
  const date = (d: string) => formatPartialDate(d, l) ?? d;
  const line = researchLine(p.research);
  if (line.kind === 'not_researched') return { kind: line.kind, line: m.researchNotYet, checks: [], note: m.researchNotYetNote };
  return {
    kind: line.kind,
    line: m.researchChecked(date(line.last_checked)),
    checks: line.checks.map((c) => ({ prefix: m.researchCheckPrefix(date(c.date)), question: c.question, result: m.researchResultWords[c.result] })),
    note: line.checks.some((c) => c.result === 'not_found') ? m.researchNote : '',
  };
}
