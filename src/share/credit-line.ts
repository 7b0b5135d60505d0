/** The credit and data date under every export, and the date stamp in downloaded file names. */
import type { MapMetadata } from '../data/map-data';
import { formatPartialDate } from '../time/months';
import { MSG } from '../i18n/messages';

export function creditLine(meta: MapMetadata): string {
  return MSG.creditLine(meta.credit ?? MSG.creditDefault, formatPartialDate(meta.data_as_of ?? null));
}

/** "2026-11-20" from the data date (only digits and dashes reach a file name). */
export function fileStamp(meta: MapMetadata): string {
  return (meta.data_as_of ?? 'data').replace(/[^0-9-]/g, '');
}
