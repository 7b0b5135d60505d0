/**
 * Where each static page lives and how pages link to each other. Links
 * inside the site are relative, so the build works under any base path;
 * absolute URLs (canonical, og:url, og:image, sitemap) exist only when the
 * site's public address is configured with SITE_URL at build time.
 */
import { isHttpUrl } from '../../src/core/contract';

/** The site's public base URL with a trailing slash, or null when unset or not http(s). */
export function siteUrlFrom(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (!isHttpUrl(v)) throw new Error(`SITE_URL must be an absolute http(s) URL, got "${v}"`);
  const u = new URL(v);
  u.search = '';
  u.hash = '';
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

export const STATE_INDEX_PATH = 'state/';
/** The index's preview image: the contiguous states with their agencies. */
export const NATIONAL_IMAGE_PATH = 'state/preview.png';
export const agencyPath = (id: string): string => `agency/${encodeURIComponent(id)}/`;
export const statePath = (code: string): string => `state/${encodeURIComponent(code.toLowerCase())}/`;
export const stateImagePath = (code: string): string => `state/${encodeURIComponent(code.toLowerCase())}/preview.png`;
export const STYLESHEET_PATH = 'pages/pages.css';

/** From a page's directory (e.g. `agency/x/`) back to the site root: `../../`. */
export function toRoot(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').filter(Boolean).length);
}

/** A site path as an absolute URL, or null when the base URL is unknown. */
export function absolute(siteUrl: string | null, path: string): string | null {
  return siteUrl ? new URL(path, siteUrl).href : null;
}
