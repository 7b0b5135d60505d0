/**
 * The interface language: English or Spanish, chosen by `lang` in the link,
 * else by the browser's languages, else English. Decided once when the page
 * starts (switching languages reloads the page with the new link), and kept
 * nowhere else: no cookie, no storage.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** A `lang` value from a link: "es", "ES", "es-MX" → "es"; anything else null. */
export function parseLang(v: string | null | undefined): Locale | null {
  const m = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})*$/i.exec((v ?? '').trim());
  const code = m?.[1].toLowerCase();
  return (LOCALES as readonly string[]).includes(code ?? '') ? (code as Locale) : null;
}

/** `lang` from the link: the hash (where the map keeps its state) first, then the query string. */
export function linkLang(search: string, hash: string): string | null {
  const read = (s: string) => {
    try {
      return new URLSearchParams(s).get('lang');
    } catch {
      return null;
    }
  };
  return read(hash.replace(/^#/, '')) ?? read(search.replace(/^\?/, ''));
}

/** The link's language when it names one we speak, else the first of the browser's languages we speak, else English. */
export function pickLocale(link: string | null, browser: readonly string[]): Locale {
  const fromLink = parseLang(link);
  if (fromLink) return fromLink;
  for (const b of browser) {
    const l = parseLang(b);
    if (l) return l;
  }
  return 'en';
}

function detect(): Locale {
  if (typeof location === 'undefined' || typeof navigator === 'undefined' || typeof document === 'undefined') return 'en';
  return pickLocale(linkLang(location.search, location.hash), navigator.languages?.length ? navigator.languages : [navigator.language]);
}

let current: Locale = detect();

export function currentLocale(): Locale {
  return current;
}

export function setCurrentLocale(l: Locale): void {
  current = l;
}

/**
 * The locale for numbers and month names. Spanish is US Spanish: dollars as
 * "$12,500" and thousands with commas, as residents read them on local bills.
 */
export function numberTag(l: Locale = current): string {
  return l === 'es' ? 'es-US' : 'en-US';
}

/** The locale for dates in words: "23 May 2019" (day first, as the map has always written them), "23 de mayo de 2019". */
export function dateTag(l: Locale = current): string {
  return l === 'es' ? 'es-US' : 'en-GB';
}
