/** The Share dialog's "Embed this agency": shown while an agency's card is open, with the code for its small card. */
import { agencyIframeCode } from '../share/agency-embed-code';
import { currentLocale } from '../i18n/locale';
import { MSG } from '../i18n/messages';
import { h } from './dom';
import { copyText } from './copy-text';

export interface AgencyEmbedTarget {
  id: string;
  name: string;
  /** "City, County, ST" as the card says it. */
  place: string;
}

export function agencyEmbedSection(): { element: HTMLElement; show(agency: AgencyEmbedTarget | null, mapUrl: string): void } {
  const note = h('p', { class: 'muted' });
  const code = h('textarea', { id: 'agency-embed-code', readonly: true, rows: 6, spellcheck: 'false' });
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button', class: 'find', id: 'agency-embed-copy' }, MSG.agencyEmbedCopy);
  copy.addEventListener('click', () => void copyText(code.value, code, status));
  const element = h('section', { class: 'agency-embed', 'aria-labelledby': 'agency-embed-heading' },
    h('h3', { id: 'agency-embed-heading' }, MSG.agencyEmbedHeading),
    note,
    h('label', { class: 'field', for: 'agency-embed-code' }, MSG.agencyEmbedCode),
    code,
    h('div', { class: 'copy-row' }, copy, status),
  );
  element.hidden = true;
  return {
    element,
    show(agency, mapUrl) {
      element.hidden = agency === null;
      status.textContent = '';
      if (!agency) return;
      note.textContent = MSG.agencyEmbedNote(agency.name);
      code.value = agencyIframeCode({
        mapUrl, id: agency.id, locale: currentLocale(),
        title: MSG.agencyEmbedTitle(agency.name), description: MSG.agencyEmbedDescription(agency.name, agency.place),
      });
    },
  };
}
