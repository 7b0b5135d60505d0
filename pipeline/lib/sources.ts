/** Helpers for source rows: canonical URLs, their type, publisher and id. */
import { createHash } from 'node:crypto';
import { isHttpUrl } from '../../src/data/schema';
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

/**
 * A source's type from its URL: public-records sets (DocumentCloud,
 * MuckRock, FOIA responses), official pages (government domains), Ring's map,
 * else news.
 */
export function classifyUrl(url: string): 'records' | 'official' | 'map' | 'news' {
  const u = new URL(url);
  const host = u.hostname.toLowerCase();
  if (/(^|\.)google\.com$/.test(host) && u.pathname.startsWith('/maps/d/')) return 'map';
  if (/(^|\.)(documentcloud\.org|muckrock\.com)$/.test(host) || /\/foia\//i.test(u.pathname)) return 'records';
  if (/\.(gov|us)$/.test(host) || /(^|\.)legistar\.com$/.test(host)) return 'official';
  return 'news';
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
