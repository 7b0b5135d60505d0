/** Number and text formatting for the interface, in the page's language. */
import { currentLocale, numberTag, type Locale } from '../i18n/locale';
import { MSG } from '../i18n/messages';

const cache = new Map<Locale, { usd: Intl.NumberFormat; int: Intl.NumberFormat; plural: Intl.PluralRules }>();

function fmt() {
  const l = currentLocale();
  let f = cache.get(l);
  if (!f) {
    const tag = numberTag(l);
    f = {
      usd: new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }),
      int: new Intl.NumberFormat(tag),
      plural: new Intl.PluralRules(tag),
    };
    cache.set(l, f);
  }
  return f;
}

export function formatUsd(v: number | null, atLeast = false): string {
  if (v === null || Number.isNaN(v)) return MSG.notDocumented;
  return (atLeast ? MSG.atLeast : '') + fmt().usd.format(v);
}

export function formatCount(v: number | null, atLeast = false): string {
  if (v === null || Number.isNaN(v)) return MSG.notDocumented;
  return (atLeast ? MSG.atLeast : '') + fmt().int.format(v);
}

export function formatInt(v: number): string {
  return fmt().int.format(v);
}

/** Decimals for distances ("2.5"): the same separators as every other number. */
export function formatDecimal(v: number, digits: number): string {
  return new Intl.NumberFormat(numberTag(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** The CLDR plural category of n in the page's language ("one", "other"). */
export function pluralCategory(n: number): Intl.LDMLPluralRule {
  return fmt().plural.select(n);
}

/** "1 agency", "1,547 agencies": a count with the word for its plural category. */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${formatInt(n)} ${pluralCategory(n) === 'one' ? one : many}`;
}

/** Shortens very long untrusted strings for compact places (list rows, tooltips). */
export function ellipsize(s: string, max = 120): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
