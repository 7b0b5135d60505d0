/**
 * sitemap.xml of the map and every static page. The protocol wants
 * absolute URLs: with SITE_URL set they are; without it the locations are
 * relative to the site root, listed for completeness (set SITE_URL before
 * submitting the sitemap to a search engine).
 */
import { esc } from './html';
import { absolute } from './site';

export function renderSitemap(paths: string[], siteUrl: string | null, lastmod: string | null): string {
  const urls = paths
    .map((p) => `<url><loc>${esc(absolute(siteUrl, p) ?? p)}</loc>${lastmod ? `<lastmod>${esc(lastmod)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
