/** The alt text of what is on screen now: the current filters, layers and counts, in the page's language. */
import { altText, countSelection, dataYears, type AltText } from '../share/alt-text';
import { currentLocale, type Locale } from '../i18n/locale';
import type { AppContext } from './context';

/** `inView`: the picture is the map view (the export); without it the whole selection is framed (an embed that fits it). */
export function viewAltText(ctx: Pick<AppContext, 'store' | 'index' | 'derived' | 'inViewMask'>, inView: boolean, l: Locale = currentLocale()): AltText {
  const s = ctx.store.state;
  const counts = countSelection(ctx.index, ctx.derived.mask, inView ? ctx.inViewMask() : undefined);
  return altText({ ...counts, filters: s.filters, layers: s.layers, years: dataYears(ctx.index), locale: l });
}
