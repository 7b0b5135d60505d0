/**
 * Two compared places in words, one line each, in the page's language: the
 * exported image's caption and its PNG text, so the picture carries the
 * counts the page showed.
 */
import type { AreaFacts } from '../search/area-compare';
import { MSG } from '../i18n/messages';
import { formatInt } from '../ui/format';
import { formatPartialDate } from '../time/months';

/** A documented start as the page writes it; none documented reads "not documented", never a made-up date. */
export function earliestWords(f: AreaFacts): string {
  return f.earliest ? (formatPartialDate(f.earliest) ?? f.earliest) : MSG.notDocumented;
}

export function compareCaptionLine(f: AreaFacts): string {
  const counts = f.whole
    ? MSG.compareCountsCounty(formatInt(f.inside))
    : MSG.compareCountsPlace(formatInt(f.within), f.radius, formatInt(f.covering), formatInt(f.spanning));
  return MSG.compareCaption(f.label, f.county, counts, formatInt(f.withPerks), earliestWords(f));
}
