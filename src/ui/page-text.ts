/**
 * The page's own text (index.html) in the interface language: elements name
 * their message with data-i18n (text), data-i18n-aria-label and
 * data-i18n-content (attributes). Run before the first panels render.
 */
import { currentLocale } from '../i18n/locale';
import { MSG, type Messages } from './messages';

type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

function text(key: string | undefined): string | null {
  const v = key ? (MSG as Record<string, unknown>)[key as TextKey] : undefined;
  return typeof v === 'string' ? v : null;
}

export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = currentLocale();
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const t = text(el.dataset.i18n);
    if (t !== null) el.textContent = t;
  }
  for (const [attr, data] of [['aria-label', 'i18nAriaLabel'], ['content', 'i18nContent']] as const) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-${attr === 'aria-label' ? 'i18n-aria-label' : 'i18n-content'}]`)) {
      const t = text(el.dataset[data]);
      if (t !== null) el.setAttribute(attr, t);
    }
  }
}
