/**
 * The "Printable handout" link that the agency card and a Find my area answer
 * carry: it opens the handout page (in a new tab, so the map stays as it is)
 * in the page's language.
 */
import { currentLocale } from '../i18n/locale';
import { MSG } from '../i18n/messages';
import { h } from '../ui/dom';
import { handoutHref, type Subject } from './handout-link';

export function handoutAction(subject: Subject): HTMLElement {
  const a = h('a', { class: 'handout-link', target: '_blank', rel: 'noopener' }, MSG.handoutAction);
  a.href = handoutHref(subject, currentLocale());
  return h('p', { class: 'handout-action' }, a);
}
