/**
 * Atom feeds (RFC 4287) of the releases: one national (`feeds/all.atom`) and
 * one per state (`feeds/<st>.atom`), each with an entry per release and one
 * per agency a release changed in that area. Ids are name-based UUIDs, so
 * they stay the same wherever the site is hosted; links are relative to the
 * feed unless the site's address is known (SITE_URL).
 */
import { createHash } from 'node:crypto';
import type { ChangeLine, Changelog, Release } from '../../src/core/releases';
import { changeSources, changeText } from '../../src/story/record-history';
import { formatPartialDate } from '../../src/time/months';
import { esc } from '../pages/html';
import { stateName } from '../pages/format';
import { COVERAGE_NOTE, SITE_NAME } from '../pages/layout';
import { agencyPath, statePath } from '../pages/site';
import { PROJECT_AUTHOR } from './citation';

export const FEEDS_DIR = 'feeds/';
export const NATIONAL_FEED = `${FEEDS_DIR}all.atom`;
export const stateFeedPath = (code: string): string => `${FEEDS_DIR}${encodeURIComponent(code.toLowerCase())}.atom`;
export const feedTitle = (code: string | null): string => `${SITE_NAME}: data releases${code ? ` in ${stateName(code)}` : ''}`;

/** Text as XML 1.0 allows it: characters it forbids are dropped, markup escaped. */
const x = (s: string | number): string => esc(String(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));

/** A name-based (version 5 style) UUID URN. */
export function urnFor(name: string): string {
  const b = createHash('sha1').update(`ring-partnerships-map:${name}`).digest();
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const stamp = (date: string) => `${date}T00:00:00Z`;
const day = (date: string) => formatPartialDate(date, 'en') ?? date;

export interface FeedInput {
  /** Null: the national feed. */
  state: string | null;
  log: Changelog;
  /** Agency names by id (current data; a removed record's name comes from its line). */
  names: ReadonlyMap<string, string>;
  siteUrl: string | null;
}

function releaseSummary(r: Release, lines: readonly ChangeLine[], state: string | null): string {
  if (r.version === '1' && lines.length === 0) {
    return `The first release of the data, the baseline${state ? '' : ` of ${r.agencies.toLocaleString('en-US')} agencies`}; later releases list every change.`;
  }
  const counts = (['added', 'documented', 'corrected', 'ended', 'removed'] as const)
    .map((k) => [k, lines.filter((l) => l.change === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  return counts.length ? `Changes${state ? ` in ${stateName(state)}` : ''}: ${counts.join(', ')}.` : `No change${state ? ` in ${stateName(state)}` : ''}.`;
}

function lineText(l: ChangeLine): string {
  const src = changeSources(l);
  return `${changeText(l, 'en')}${l.reason ? ` Why: ${l.reason}` : ''}${src.length ? ` Source: ${src.join(' ')}` : ''}`;
}

export function renderFeed({ state, log, names, siteUrl }: FeedInput): string {
  const self = state ? stateFeedPath(state) : NATIONAL_FEED;
  // Links are written relative to the feed's own folder, or absolute with SITE_URL.
  const href = (sitePath: string) => (siteUrl ? new URL(sitePath, siteUrl).href : `../${sitePath}`);
  const inArea = log.changes.filter((l) => !state || l.state === state);
  const entries: { updated: string; xml: string }[] = [];
  for (const r of log.releases) {
    const lines = inArea.filter((l) => l.release === r.version);
    entries.push({
      updated: r.date,
      xml: `<entry>
<id>${urnFor(`release:${r.version}:${state ?? 'all'}`)}</id>
<title>${x(`Release ${r.version} (${day(r.date)})`)}</title>
<updated>${stamp(r.date)}</updated>
<link rel="alternate" type="text/csv" href="${x(href('data/changelog.csv'))}"/>
<summary type="text">${x(releaseSummary(r, lines, state))}</summary>
</entry>`,
    });
    const byAgency = new Map<string, ChangeLine[]>();
    for (const l of lines) byAgency.set(l.agency_id, [...(byAgency.get(l.agency_id) ?? []), l]);
    for (const [id, ls] of byAgency) {
      const name = names.get(id) ?? ls.find((l) => l.change === 'removed')?.from ?? id;
      const kinds = [...new Set(ls.map((l) => l.change))].join(', ');
      const link = names.has(id) ? href(agencyPath(id)) : href('data/changelog.csv');
      entries.push({
        updated: r.date,
        xml: `<entry>
<id>${urnFor(`change:${r.version}:${id}`)}</id>
<title>${x(`Release ${r.version}: ${name} (${ls[0].state}): ${kinds}`)}</title>
<updated>${stamp(r.date)}</updated>
<link rel="alternate" type="${names.has(id) ? 'text/html' : 'text/csv'}" href="${x(link)}"/>
<content type="text">${x(ls.map(lineText).join('\n'))}</content>
</entry>`,
      });
    }
  }
  const updated = log.releases.at(-1)?.date ?? '2012-01-01';
  entries.reverse();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>${urnFor(`feed:${state ?? 'all'}`)}</id>
<title>${x(feedTitle(state))}</title>
<subtitle>${x(`Every release of the data and each agency it changed${state ? ` in ${stateName(state)}` : ''}. ${COVERAGE_NOTE}`)}</subtitle>
<updated>${stamp(updated)}</updated>
<author><name>${x(PROJECT_AUTHOR)}</name></author>
<rights>${x('Data: CC BY 4.0. Atlas of Surveillance rows: Electronic Frontier Foundation, CC BY 4.0.')}</rights>
${siteUrl ? `<link rel="self" type="application/atom+xml" href="${x(href(self))}"/>\n` : ''}<link rel="alternate" type="text/html" href="${x(href(state ? statePath(state) : ''))}"/>
${entries.map((e) => e.xml).join('\n')}
</feed>
`;
}
