/**
 * The first use of a number, date or sorting format loads its locale's data
 * (tens of milliseconds on a slow machine). Done once while the map's library
 * and the app are still loading, it is not paid again in the app's first
 * render, which the map waits for.
 */
import { currentLocale } from '../i18n/locale';
import { formatInt, formatUsd } from './format';
import { monthLabel } from '../time/months';

export function warmFormats(): void {
  formatInt(1555);
  formatUsd(1);
  monthLabel(24_240);
  new Intl.Collator(currentLocale(), { sensitivity: 'base', numeric: true }).compare('a', 'b');
}
