/**
 * The frame every static page shares: head (title, description, canonical
 * URL, Open Graph and Twitter card tags), a header linking back to the map
 * and the states, the coverage note and the credit. No script, one
 * stylesheet file, so the pages work without JavaScript under the site's
 * strict Content-Security-Policy.
 */
import { esc } from './html';
import { absolute, STATE_INDEX_PATH, STYLESHEET_PATH, toRoot } from './site';
import { OG_HEIGHT, OG_WIDTH } from './og-image';

export const SITE_NAME = 'Police partnerships with Amazon Ring';

/** Said wherever a count, a date range or an absence is shown. */
export const COVERAGE_NOTE =
  'Coverage: most partnerships here come from the Electronic Frontier Foundation’s Atlas of Surveillance export, which stops in September 2020. ' +
  'Later partnerships come only from news reports and public records and are incomplete, so counts from then on are floors and an agency missing here may still have partnered with Ring.';

export interface PageInput {
  /** The page's directory inside the site, e.g. `agency/x/`. */
  path: string;
  title: string;
  description: string;
  /** Site path of the page's preview image, with its text alternative. */
  image?: { path: string; alt: string };
  /** Breadcrumb trail after "Map": [label, site path or null for the current page]. */
  trail: [string, string | null][];
  body: string;
  siteUrl: string | null;
  dataAsOf: string | null;
  ogType?: 'website' | 'article';
  /** The Atom feed of the releases' changes in the page's area (record-history.ts). */
  feed?: { path: string; title: string };
}

function meta(attr: 'name' | 'property', key: string, value: string | null): string {
  return value === null ? '' : `<meta ${attr}="${key}" content="${esc(value)}">`;
}

export function renderPage(p: PageInput): string {
  const root = toRoot(p.path);
  const url = absolute(p.siteUrl, p.path);
  const image = p.image ? absolute(p.siteUrl, p.image.path) : null;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(p.title)}</title>`,
    meta('name', 'description', p.description),
    url ? `<link rel="canonical" href="${esc(url)}">` : '',
    meta('property', 'og:type', p.ogType ?? 'article'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', p.title),
    meta('property', 'og:description', p.description),
    meta('property', 'og:url', url),
    meta('property', 'og:image', image),
    image ? meta('property', 'og:image:type', 'image/png') + meta('property', 'og:image:width', String(OG_WIDTH)) + meta('property', 'og:image:height', String(OG_HEIGHT)) : '',
    image && p.image ? meta('property', 'og:image:alt', p.image.alt) : '',
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', p.title),
    meta('name', 'twitter:description', p.description),
    meta('name', 'twitter:image', image),
    image && p.image ? meta('name', 'twitter:image:alt', p.image.alt) : '',
    `<link rel="stylesheet" href="${esc(root + STYLESHEET_PATH)}">`,
    '<link rel="icon" href="data:,">',
    p.feed ? `<link rel="alternate" type="application/atom+xml" title="${esc(p.feed.title)}" href="${esc(root + p.feed.path)}">` : '',
  ].filter(Boolean);
  const crumbs = [
    `<li><a href="${esc(root)}">Map</a></li>`,
    ...p.trail.map(([label, path]) =>
      path === null ? `<li><span aria-current="page">${esc(label)}</span></li>` : `<li><a href="${esc(root + path)}">${esc(label)}</a></li>`,
    ),
  ].join('');
  return `<!doctype html>
<html lang="en">
<head>
${head.join('\n')}
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
<p class="site-name"><a href="${esc(root)}">${esc(SITE_NAME)}</a></p>
<nav aria-label="Site"><a href="${esc(root)}">Live map</a> <a href="${esc(root + STATE_INDEX_PATH)}">All states</a></nav>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs}</ol></nav>
<main id="content">
${p.body}
</main>
<footer class="site-footer">
<p class="coverage">${esc(COVERAGE_NOTE)}</p>
<p>Data: Electronic Frontier Foundation, <a href="https://atlasofsurveillance.org/" rel="noopener noreferrer external">Atlas of Surveillance</a> (CC BY 4.0); news reports and public records as cited.${p.dataAsOf ? ` Data as of ${esc(p.dataAsOf)}.` : ''} Map outlines: US Census Bureau via us-atlas.</p>
</footer>
</body>
</html>
`;
}
