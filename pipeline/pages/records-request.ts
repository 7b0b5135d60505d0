/**
 * The agency page's "Request the records" section: the same letter as the
 * map's dialog (src/action/records-request.ts), in English, as plain text
 * in a <details>, with the law's source beside it and a link that opens
 * it in the visitor's mail program (a mailto: link with no address: the
 * visitor adds the agency's records address). It needs no JavaScript.
 */
import type { AgencyFeature } from '../../src/core/contract';
import type { RecordsLaw } from '../../src/core/records-law';
import { agencyLetter, letterText, mailtoLink } from '../../src/action/records-request';
import { CATALOGUES } from '../../src/i18n/messages';
import { esc } from './html';

export function recordsRequestSection(f: AgencyFeature, law: RecordsLaw | null | undefined): string {
  if (!law) return '';
  const w = CATALOGUES.en.recordsRequest;
  const letter = agencyLetter(f.properties, law, 'en');
  return `<section class="records-request" aria-labelledby="request-heading">
<h2 id="request-heading">${esc(w.dialogTitle)}</h2>
<p>${esc(w.intro)}</p>
<details class="records-letter-details">
<summary>${esc(`${w.letterLabel}: ${letter.subject}`)}</summary>
<p><a class="email-letter" href="${esc(mailtoLink(letter, 'en'))}" aria-describedby="email-note">${esc(w.emailLetter)}</a> <span id="email-note" class="muted">${esc(w.emailLetterNote)}</span></p>
<pre class="records-letter">${esc(letterText(letter, 'en'))}</pre>
</details>
<ul class="muted">${letter.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</section>`;
}
