/**
 * The card's "Who decides" and "What was checked" sections, from the
 * agency's published `oversight` and `research` (the build decided both).
 * A check that found nothing is said as a fact about that search only.
 */
import type { AgencyFeature } from '../core/contract';
import { datePrecision } from '../core/dates';
import { researchLine } from '../core/research';
import { formatPartialDate } from '../time/months';
import { h, safeLink } from './dom';
import { MSG } from '../i18n/messages';

type Props = AgencyFeature['properties'];
const dateWords = (d: string): string => formatPartialDate(d) ?? d;

/** "Who decides": an ordinance or a council vote covering the agency, each with its source; nothing when none is recorded. */
export function whoDecidesSection(p: Props): HTMLElement | null {
  const rows = p.oversight ?? [];
  if (!rows.length) return null;
  return h('section', { 'aria-labelledby': 'card-who-decides', class: 'card-who-decides' },
    h('h3', { id: 'card-who-decides' }, MSG.whoDecidesTitle),
    h('ul', {}, ...rows.map((o) => {
      const day = o.adopted_on !== null && datePrecision(o.adopted_on) === 'day';
      const when = o.adopted_on === null ? MSG.whoDecidesNoDate
        : o.kind === 'ordinance' ? MSG.whoDecidesAdopted(dateWords(o.adopted_on), day) : MSG.whoDecidesVoted(dateWords(o.adopted_on), day);
      return h('li', { class: `oversight oversight-${o.kind}` },
        o.kind === 'ordinance' ? MSG.whoDecidesOrdinance(o.place) : MSG.whoDecidesVote(o.place),
        h('span', { lang: 'en' }, o.name), `${when}. `,
        safeLink(o.source_url, MSG.whoDecidesSource),
        h('span', { class: 'muted' }, ` (${MSG.whoDecidesChecked(dateWords(o.checked_on))})`));
    })),
  );
}

/** "What was checked": the checked line with each check, or the not-researched line; never both. */
export function researchSection(p: Props): HTMLElement {
  const line = researchLine(p.research);
  const body = line.kind === 'checked'
    ? [
        h('p', { class: 'research-line research-checked' }, MSG.researchChecked(dateWords(line.last_checked))),
        h('ul', { class: 'research-checks' }, ...line.checks.map((c) => h('li', {},
          MSG.researchCheckPrefix(dateWords(c.date)), h('span', { lang: 'en' }, c.question), ` — ${MSG.researchResultWords[c.result]}`))),
        ...(line.checks.some((c) => c.result === 'not_found') ? [h('p', { class: 'muted' }, MSG.researchNote)] : []),
      ]
    : [h('p', { class: 'research-line research-not-yet' }, MSG.researchNotYet), h('p', { class: 'muted' }, MSG.researchNotYetNote)];
  return h('section', { 'aria-labelledby': 'card-research', class: 'card-research' }, h('h3', { id: 'card-research' }, MSG.researchTitle), ...body);
}

/** Both sections, in reading order, for the card to place in one call. */
export function researchAndOversight(p: Props): HTMLElement[] {
  return [whoDecidesSection(p), researchSection(p)].filter((x): x is HTMLElement => x !== null);
}
