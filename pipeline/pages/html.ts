/**
 * HTML text for the static pages. Every string from the data goes through
 * `esc` (text and attribute values alike), and links only get an href when
 * they are absolute http(s) URLs, as on the live map.
 */
import { isHttpUrl } from '../../src/core/contract';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and in quoted attribute values. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** The normalised URL when it is an absolute http(s) URL, else null. */
export function httpHref(url: string | null | undefined): string | null {
  return url && isHttpUrl(url) ? new URL(url).href : null;
}

/** An outbound link, or the text alone when the URL is missing or not http(s). */
export function externalLink(url: string | null | undefined, text: string): string {
  const href = httpHref(url);
  return href ? `<a href="${esc(href)}" rel="noopener noreferrer external">${esc(text)}</a>` : `<span>${esc(text)}</span>`;
}

/** A link inside the site; `href` is built by the pages themselves from validated ids. */
export function siteLink(href: string, text: string, attrs = ''): string {
  return `<a href="${esc(href)}"${attrs ? ' ' + attrs : ''}>${esc(text)}</a>`;
}
