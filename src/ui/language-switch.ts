/**
 * English / Español: each language named in itself. Choosing one reloads the
 * page with `lang` in the link (the whole state is in the link, so nothing is
 * lost), and focus comes back to the same switch.
 */
import { currentLocale, LOCALES, type Locale } from '../i18n/locale';
import { h } from './dom';
import { MSG } from '../i18n/messages';

const NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

/** The link with `lang` set in its hash (where the map keeps its state) and dropped from its query. Pure. */
export function urlWithLang(href: string, lang: Locale): string {
  const u = new URL(href);
  u.searchParams.delete('lang');
  const p = new URLSearchParams(u.hash.replace(/^#/, ''));
  p.set('lang', lang);
  // "/", "," and "@" are legal in a fragment: keep them readable, as the map writes them.
  u.hash = p.toString().replace(/%2F/gi, '/').replace(/%2C/gi, ',').replace(/%40/g, '@');
  return u.href;
}

/** Focus goes back to the switch that reloaded the page (kept in the history entry, not in storage). */
export function restoreSwitchFocus(): void {
  const st = history.state as { focusLang?: string } | null;
  if (!st?.focusLang) return;
  const button = document.getElementById(st.focusLang)?.querySelector<HTMLElement>('[aria-pressed="true"]');
  if (!button) return;
  button.focus();
  history.replaceState(null, '', location.href);
}

export function languageSwitch(id: string): HTMLElement {
  const now = currentLocale();
  const group = h('div', { id, class: 'lang-switch', role: 'group', 'aria-label': MSG.languageLabel });
  for (const l of LOCALES) {
    const b = h('button', { type: 'button', lang: l, 'aria-pressed': String(l === now) }, NAMES[l]);
    b.addEventListener('click', () => {
      if (l === currentLocale()) return;
      history.replaceState({ focusLang: id }, '', urlWithLang(location.href, l));
      location.reload();
    });
    group.append(b);
  }
  return group;
}
