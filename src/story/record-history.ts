/**
 * A record's changes in words, for the card (English or Spanish) and the
 * agency pages (English): "Corrected: start date, 2019-05 → 2019-04-12".
 * Field names come from the message tables; values are the data's own.
 */
import type { ChangeLine } from '../core/releases';
import type { Locale } from '../i18n/locale';
import { CATALOGUES } from '../i18n/messages';

/** `programs.neighbors_portal#2.start_date` → "Neighbors law-enforcement portal (2): start date". */
export function fieldLabel(field: string, locale: Locale): string {
  const m = CATALOGUES[locale];
  const words = (k: string) => m.changeFieldWords[k] ?? k.replace(/_/g, ' ');
  const prog = /^programs\.([a-z_]+)(?:#(\d+))?\.([a-z_]+)$/.exec(field);
  if (!prog) return words(field);
  const label = (m.programLabels as Record<string, string>)[prog[1]] ?? prog[1].replace(/_/g, ' ');
  return `${label}${prog[2] ? ` (${prog[2]})` : ''}: ${words(prog[3])}`;
}

/** What changed, in one line; the reason and sources are said beside it. */
export function changeText(l: ChangeLine, locale: Locale): string {
  const m = CATALOGUES[locale];
  const kind = m.changeKindWords[l.change];
  if (l.change === 'added' || l.change === 'removed') return `${kind}.`;
  const v = (s: string) => s || m.notDocumented;
  return `${kind}: ${fieldLabel(l.field, locale)}, ${v(l.from)} → ${v(l.to)}.`;
}

/** The http(s) links of a line's source cell. */
export function changeSources(l: Pick<ChangeLine, 'source'>): string[] {
  return l.source.split(/\s+/).filter((u) => /^https?:\/\/\S+$/.test(u));
}
