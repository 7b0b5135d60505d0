/**
 * The agency page's "Who decides" and "What was checked" sections: the
 * card's words (story/research-words.ts, English) as plain HTML that needs
 * no JavaScript.
 */
import type { AgencyFeature } from '../../src/core/contract';
import { CATALOGUES } from '../../src/i18n/messages';
import { oversightWords, researchWords } from '../../src/story/research-words';
import { esc, externalLink } from './html';

type Props = AgencyFeature['properties'];
const M = CATALOGUES.en;

function whoDecides(p: Props): string {
  const rows = oversightWords(p, M, 'en');
  if (!rows.length) return '';
  const items = rows.map((o) => `<li class="oversight oversight-${esc(o.kind)}">${esc(o.lead)}${esc(o.name)}${esc(o.when)}. ${externalLink(o.url, o.linkText)} <span class="muted">(${esc(o.checked)})</span></li>`);
  return `<section aria-labelledby="who-decides-heading">
<h2 id="who-decides-heading">${esc(M.whoDecidesTitle)}</h2>
<ul class="who-decides">${items.join('')}</ul>
</section>`;
}

function research(p: Props): string {
  const w = researchWords(p, M, 'en');
  const checks = w.checks.length ? `\n<ul class="research-checks">${w.checks.map((c) => `<li>${esc(c.prefix)}${esc(c.question)} — ${esc(c.result)}</li>`).join('')}</ul>` : '';
  return `<section aria-labelledby="research-heading">
<h2 id="research-heading">${esc(M.researchTitle)}</h2>
<p class="research-line research-${esc(w.kind)}">${esc(w.line)}</p>${checks}${w.note ? `\n<p class="muted">${esc(w.note)}</p>` : ''}
</section>`;
}

/** Both sections, for the agency page to place in one call. */
export function researchAndOversightHtml(p: Props): string {
  return [whoDecides(p), research(p)].filter(Boolean).join('\n');
}
