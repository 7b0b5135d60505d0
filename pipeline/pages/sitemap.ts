/**
 * sitemap.xml of the map and every static page. The protocol wants
 * absolute URLs, so a sitemap exists only for a known public address
 * (SITE_URL): a relative or empty <loc> would make the file invalid.
 */
import { esc } from './html';
import { absolute } from './site';

export function renderSitemap(paths: string[], siteUrl: string, lastmod: string | null): string {
  const urls = paths
    .map((p) => `<url><loc>${esc(absolute(siteUrl, p)!)}</loc>${lastmod ? `<lastmod>${esc(lastmod)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** What the build says when it cannot write a sitemap. */
export const NO_SITE_URL =
  'SITE_URL unset: no sitemap.xml written (it needs absolute URLs) and no canonical, og:url or og:image tags. ' +
  'Set the public address to get them, e.g. SITE_URL=https://example.org/ring-map/ npm run build';
