/**
 * English / Español: each language named in itself. Choosing one reloads the
 * page with `lang` in the link (the whole state is in the link, so nothing is
 * lost), and focus comes back to the same switch.
 */
import { currentLocale, linkLang, LOCALES, pickLocale, type Locale } from '../i18n/locale';
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

/** The language a changed link opens in (as when the page starts) when it is not the page's; null: the page stays. Pure. */
export function languageToFollow(search: string, hash: string, browser: readonly string[], now: Locale): Locale | null {
  const l = pickLocale(linkLang(search, hash), browser);
  return l !== now ? l : null;
}

/**
 * A link changed only in its hash (`…&lang=es` typed in the address bar, or Back to such a link) does not load a
 * new page: the page reloads itself in the language it names, as that link opened afresh would show.
 */
export function followLinkLanguage(): void {
  window.addEventListener('hashchange', () => {
    const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
    if (languageToFollow(location.search, location.hash, browser, currentLocale())) location.reload();
  });
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
