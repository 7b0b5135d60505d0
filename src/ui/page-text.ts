/**
 * The page's own text (index.html) in the interface language: elements name
 * their message with data-i18n (text), data-i18n-aria-label and
 * data-i18n-content (attributes). Run before the first panels render.
 */
import { currentLocale } from '../i18n/locale';
import { MSG } from '../i18n/messages';

function text(key: string | undefined): string | null {
  const v = key ? (MSG as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : null;
}

export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = currentLocale();
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const t = text(el.dataset.i18n);
    if (t !== null) el.textContent = t;
  }
  for (const attr of ['aria-label', 'content']) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`)) {
      const t = text(el.getAttribute(`data-i18n-${attr}`) ?? undefined);
      if (t !== null) el.setAttribute(attr, t);
    }
  }
}
