/**
 * The one-agency embed: its address (a light page beside the map, reading
 * the published record) and the iframe code for a host page. Pure strings.
 */
import type { Locale } from '../i18n/locale';
import { descriptionId, descriptionParagraph, resizeListener } from './embed-code';

/** The page's file, beside the map's index.html. */
export const AGENCY_EMBED_PAGE = 'agency-embed.html';

export interface AgencyEmbedOptions {
  /** Any URL of the full map (its directory holds the embed page). */
  mapUrl: string;
  id: string;
  locale: Locale;
  title: string;
  description: string;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function agencyEmbedUrl(mapUrl: string, id: string, locale: Locale): string {
  const u = new URL(AGENCY_EMBED_PAGE, mapUrl);
  u.search = '';
  u.hash = '';
  u.searchParams.set('id', id);
  if (locale !== 'en') u.searchParams.set('lang', locale);
  return u.href;
}

/** The frame fits any width from 300 px; the card reports its height, which the listener applies. */
export function agencyIframeCode(o: AgencyEmbedOptions): string {
  const desc = descriptionId(o.description);
  return [
    `<iframe src="${attr(agencyEmbedUrl(o.mapUrl, o.id, o.locale))}"`,
    `  title="${attr(o.title)}" aria-describedby="${desc}"`,
    '  width="100%" height="420" style="border:0;width:100%;max-width:480px;"',
    '  loading="lazy" referrerpolicy="no-referrer"',
    '  data-ring-map-autoresize sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>',
    descriptionParagraph(desc, o.description),
    resizeListener(new URL(o.mapUrl).origin),
  ].join('\n');
}
