/**
 * The agency page's "Who decides" and "What was checked" sections, in the
 * same words as the map's card (the English catalogue), as plain HTML that
 * needs no JavaScript.
 */
import type { AgencyFeature } from '../../src/core/contract';
import { datePrecision } from '../../src/core/dates';
import { researchLine } from '../../src/core/research';
import { CATALOGUES } from '../../src/i18n/messages';
import { formatPartialDate } from '../../src/time/months';
import { esc, externalLink } from './html';

const M = CATALOGUES.en;
const dateWords = (d: string): string => formatPartialDate(d, 'en') ?? d;

function whoDecides(p: AgencyFeature['properties']): string {
  const rows = p.oversight ?? [];
  if (!rows.length) return '';
  const items = rows.map((o) => {
    const day = o.adopted_on !== null && datePrecision(o.adopted_on) === 'day';
    const when = o.adopted_on === null ? M.whoDecidesNoDate
      : o.kind === 'ordinance' ? M.whoDecidesAdopted(dateWords(o.adopted_on), day) : M.whoDecidesVoted(dateWords(o.adopted_on), day);
    const lead = o.kind === 'ordinance' ? M.whoDecidesOrdinance(o.place) : M.whoDecidesVote(o.place);
    return `<li class="oversight oversight-${esc(o.kind)}">${esc(lead)}${esc(o.name)}${esc(when)}. ${externalLink(o.source_url, M.whoDecidesSource)} <span class="muted">(${esc(M.whoDecidesChecked(dateWords(o.checked_on)))})</span></li>`;
  });
  return `<section aria-labelledby="who-decides-heading">
<h2 id="who-decides-heading">${esc(M.whoDecidesTitle)}</h2>
<ul class="who-decides">${items.join('')}</ul>
</section>`;
}

function research(p: AgencyFeature['properties']): string {
  const line = researchLine(p.research);
  const body = line.kind === 'checked'
    ? `<p class="research-line research-checked">${esc(M.researchChecked(dateWords(line.last_checked)))}</p>
<ul class="research-checks">${line.checks.map((c) => `<li>${esc(M.researchCheckPrefix(dateWords(c.date)))}${esc(c.question)} — ${esc(M.researchResultWords[c.result])}</li>`).join('')}</ul>${
        line.checks.some((c) => c.result === 'not_found') ? `\n<p class="muted">${esc(M.researchNote)}</p>` : ''}`
    : `<p class="research-line research-not-yet">${esc(M.researchNotYet)}</p>
<p class="muted">${esc(M.researchNotYetNote)}</p>`;
  return `<section aria-labelledby="research-heading">
<h2 id="research-heading">${esc(M.researchTitle)}</h2>
${body}
</section>`;
}

/** Both sections, for the agency page to place in one call. */
export function researchAndOversightHtml(p: AgencyFeature['properties']): string {
  return [whoDecides(p), research(p)].filter(Boolean).join('\n');
}
