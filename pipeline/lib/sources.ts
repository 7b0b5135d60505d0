/** Helpers for source rows: canonical URLs, their type, publisher and id. */
import { createHash } from 'node:crypto';
import { isHttpUrl } from '../../src/core/contract';
import { slugify } from './text';

export { isHttpUrl };

/** The Atlas credit every Atlas-derived record carries. */
export const ATLAS_PUBLISHER = 'Electronic Frontier Foundation, Atlas of Surveillance';
export const ATLAS_URL = 'https://atlasofsurveillance.org/';
export const RING_MAP_ID = 'ring-active-agency-map';

/**
 * Canonical form of a URL for de-duplication: Google My Maps viewer links
 * (with `u/0/`, `&ll=…&z=…`, `&usp=sharing`) collapse to the map's `mid`.
 */
export function canonicalUrl(url: string): string {
  const u = new URL(url);
  if (/(^|\.)google\.com$/.test(u.hostname) && u.pathname.startsWith('/maps/d/')) {
    const mid = u.searchParams.get('mid');
    if (mid) return `https://www.google.com/maps/d/viewer?mid=${mid}`;
  }
  return u.toString();
}

export function hostname(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
}

/** decodeURIComponent that keeps text it cannot decode (a bare `%`, as in `…/100%`) as it is. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The archived page behind a Wayback Machine URL, else the URL itself. */
export function originalUrl(url: string): string {
  const m = /^https?:\/\/web\.archive\.org\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/i.exec(url);
  return m ? m[1] : url;
}

/**
 * A source's type from its URL: agreements (a document named as an MOU),
 * public-records sets (DocumentCloud, MuckRock, FOIA responses), official
 * pages (government domains, agency posts), Ring's map, else news.
 */
export function classifyUrl(url: string): 'mou' | 'records' | 'official' | 'map' | 'news' {
  const u = new URL(originalUrl(url));
  const host = u.hostname.toLowerCase();
  const path = safeDecode(u.pathname + u.search);
  if (/(^|\.)google\.com$/.test(host) && u.pathname.startsWith('/maps/d/')) return 'map';
  const records = /(^|\.)(documentcloud\.org|muckrock\.com)$/.test(host) || /\/foia\//i.test(path);
  if (records && /(^|[^a-z])(mou|memorandum)([^a-z]|$)/i.test(path)) return 'mou';
  if (records) return 'records';
  if (/\.(gov|us)$/.test(host) || /(^|\.)legistar\.com$/.test(host)) return 'official';
  if (/(^|\.)nextdoor\.com$/.test(host) && path.startsWith('/agency-post/')) return 'official';
  if (/(^|\.)crimewatchpa\.com$/.test(host)) return 'official';
  return 'news';
}

/** A title readable from the URL itself (DocumentCloud projects and documents), else empty. */
export function titleFromUrl(url: string): string {
  const u = new URL(url);
  if (!/(^|\.)documentcloud\.org$/.test(u.hostname)) return '';
  const path = safeDecode(u.pathname);
  const project = /projectid:\d+-([\w-]+)/.exec(path);
  if (project) return `DocumentCloud project: ${project[1].replace(/-/g, ' ')}`;
  const doc = /\/documents\/\d+-([\w-]+?)(?:\.html)?\/?$/.exec(path);
  if (doc) return `DocumentCloud: ${doc[1].replace(/-/g, ' ')}`;
  return '';
}

/** Publisher of a URL from a hostname → outlet table (longest matching suffix), else the hostname. */
export function publisherFor(url: string, table: ReadonlyMap<string, string>): string {
  const host = hostname(url);
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const hit = table.get(parts.slice(i).join('.'));
    if (hit) return hit;
  }
  return host;
}

/** A stable, readable source id: publisher slug + 8 hex of the URL's hash. */
export function sourceIdFor(publisher: string, url: string): string {
  const h = createHash('sha1').update(url).digest('hex').slice(0, 8);
  const p = slugify(publisher).slice(0, 32).replace(/-+$/, '') || 'source';
  return `${p}-${h}`;
}
