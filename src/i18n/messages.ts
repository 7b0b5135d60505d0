/**
 * Every string of the interface, keyed, in English and Spanish. Code reads
 * `MSG.key` or `MSG.fn(n)`; `MSG` holds the page's language, chosen before
 * any panel renders (see i18n/locale.ts). The Spanish catalogue has the
 * type of the English one, so a missing key fails the type check.
 */
import { currentLocale, setCurrentLocale, type Locale } from './locale';
import { en, type Messages } from './messages-en';
import { es } from './messages-es';

export const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, es };

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The live catalogue. Tables inside it (type labels, layer names) are filled
 * in place, so a module that kept a reference to one reads the new language.
 */
export const MSG: Messages = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, isTable(v) ? { ...v } : v])) as Messages;

export function setLocale(l: Locale): void {
  setCurrentLocale(l);
  const target = MSG as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(CATALOGUES[l])) {
    if (isTable(v) && isTable(target[k])) Object.assign(target[k], v);
    else target[k] = v;
  }
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

setLocale(currentLocale());
