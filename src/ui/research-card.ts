/**
 * The card's "Who decides" and "What was checked" sections, laid out from
 * the words in story/research-words.ts (the agency page uses the same).
 */
import type { AgencyFeature } from '../core/contract';
import { oversightWords, researchWords } from '../story/research-words';
import { currentLocale } from '../i18n/locale';
import { h, safeLink } from './dom';
import { MSG } from '../i18n/messages';

type Props = AgencyFeature['properties'];

/** "Who decides": an ordinance or a council vote covering the agency, each with its source; nothing when none is recorded. */
export function whoDecidesSection(p: Props): HTMLElement | null {
  const rows = oversightWords(p, MSG, currentLocale());
  if (!rows.length) return null;
  return h('section', { 'aria-labelledby': 'card-who-decides', class: 'card-who-decides' },
    h('h3', { id: 'card-who-decides' }, MSG.whoDecidesTitle),
    h('ul', {}, ...rows.map((o) => h('li', { class: `oversight oversight-${o.kind}` },
      o.lead, h('span', { lang: 'en' }, o.name), `${o.when}. `, safeLink(o.url, o.linkText), h('span', { class: 'muted' }, ` (${o.checked})`)))),
  );
}

/** "What was checked": the checked line with each check, or the not-researched line. */
export function researchSection(p: Props): HTMLElement {
  const w = researchWords(p, MSG, currentLocale());
  return h('section', { 'aria-labelledby': 'card-research', class: 'card-research' },
    h('h3', { id: 'card-research' }, MSG.researchTitle),
    h('p', { class: `research-line research-${w.kind}` }, w.line),
    w.checks.length ? h('ul', { class: 'research-checks' }, ...w.checks.map((c) => h('li', {}, c.prefix, h('span', { lang: 'en' }, c.question), ` — ${c.result}`))) : null,
    w.note ? h('p', { class: 'muted' }, w.note) : null,
  );
}

/** Both sections, in reading order, for the card to place in one call. */
export function researchAndOversight(p: Props): HTMLElement[] {
  return [whoDecidesSection(p), researchSection(p)].filter((x): x is HTMLElement => x !== null);
}
