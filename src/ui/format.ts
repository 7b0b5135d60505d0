/** Number and text formatting for the interface, in the page's language. */
import { currentLocale, numberTag, type Locale } from '../i18n/locale';
import { CATALOGUES } from '../i18n/messages';

const cache = new Map<Locale, { usd: Intl.NumberFormat; int: Intl.NumberFormat; plural: Intl.PluralRules; text: Intl.Collator }>();

function fmt(l: Locale = currentLocale()) {
  let f = cache.get(l);
  if (!f) {
    const tag = numberTag(l);
    f = {
      usd: new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }),
      int: new Intl.NumberFormat(tag),
      plural: new Intl.PluralRules(tag),
      // Names in the page's language's order, ignoring case and accents, numbers by value ("District 2" before "District 10").
      text: new Intl.Collator(l, { sensitivity: 'base', numeric: true }),
    };
    cache.set(l, f);
  }
  return f;
}

/** Dollars in the page's language (or `l`); unknown reads "not documented", never $0. */
export function formatUsd(v: number | null, atLeast = false, l: Locale = currentLocale()): string {
  const m = CATALOGUES[l];
  if (v === null || Number.isNaN(v)) return m.notDocumented;
  return (atLeast ? m.atLeast : '') + fmt(l).usd.format(v);
}

export function formatCount(v: number | null, atLeast = false, l: Locale = currentLocale()): string {
  const m = CATALOGUES[l];
  if (v === null || Number.isNaN(v)) return m.notDocumented;
  return (atLeast ? m.atLeast : '') + fmt(l).int.format(v);
}

export function formatInt(v: number, l: Locale = currentLocale()): string {
  return fmt(l).int.format(v);
}

/** Compares names as the page's language sorts them (the agency list's order). */
export function compareText(a: string, b: string, l: Locale = currentLocale()): number {
  return fmt(l).text.compare(a, b);
}

/** Decimals for distances ("2.5"): the same separators as every other number. */
export function formatDecimal(v: number, digits: number): string {
  return new Intl.NumberFormat(numberTag(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** The CLDR plural category of n in the page's language ("one", "other"). */
export function pluralCategory(n: number, l: Locale = currentLocale()): Intl.LDMLPluralRule {
  return fmt(l).plural.select(n);
}

/** "1 agency", "1,547 agencies": a count with the word for its plural category. */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${formatInt(n)} ${pluralCategory(n) === 'one' ? one : many}`;
}

/** Shortens very long untrusted strings for compact places (list rows, tooltips). */
export function ellipsize(s: string, max = 120): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
