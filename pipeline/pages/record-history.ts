/**
 * The agency page's "Record history" (as the map's card shows it: the
 * release that last changed the record and its changes, with why and the
 * sources), and the Atom feed each page links to. The releases are read
 * once, from the data folder beside the dataset.
 */
import { dirname } from 'node:path';
import { recordHistory, type Changelog } from '../../src/core/releases';
import { changeSources, changeText } from '../../src/story/record-history';
import { readReleaseState } from '../releases/store';
import { feedTitle, NATIONAL_FEED, stateFeedPath } from '../releases/feeds';
import { formatPartialDate } from '../../src/time/months';
import { esc, externalLink } from './html';
import { stateName } from './format';

let log: Changelog | null = null;
const changelog = (): Changelog => (log ??= readReleaseState(dirname(process.env.RING_DATA_FILE ?? 'data/partnerships.geojson')));
const day = (d: string) => formatPartialDate(d, 'en') ?? d;

/** The feed a page links to with rel="alternate": its state's, or the national one. */
export function pageFeed(state: string | null): { path: string; title: string } {
  return { path: state ? stateFeedPath(state) : NATIONAL_FEED, title: feedTitle(state) };
}

export function recordHistoryHtml(id: string, state: string, root = '../../'): string {
  const h = recordHistory(changelog(), id);
  if (!h.last) return '';
  const last = h.sinceBaseline
    ? `Unchanged since release ${h.last.version} (${day(h.last.date)}), the first release of the data.`
    : `Last changed in release ${h.last.version} (${day(h.last.date)}).`;
  const releases = [...new Set(h.lines.map((l) => l.release))].map((v) => {
    const lines = h.lines.filter((l) => l.release === v);
    const items = lines.map((l) => {
      const src = changeSources(l).map((u) => externalLink(u, new URL(u).hostname)).join(', ');
      return `<li>${esc(changeText(l, 'en'))}${l.reason ? ` Why: ${esc(l.reason)}` : ''}${src ? ` Source: ${src}` : ''}</li>`;
    });
    return `<li>Release ${esc(v)} (${esc(day(lines[0].date))})<ul>${items.join('')}</ul></li>`;
  });
  const feed = pageFeed(state);
  return `<section aria-labelledby="history-heading" class="record-history">
<h2 id="history-heading">Record history</h2>
<p class="record-last">${esc(last)}</p>
${releases.length ? `<ul class="record-history">${releases.join('')}</ul>` : ''}
<p><a href="${esc(root + feed.path)}" type="application/atom+xml">Changes in ${esc(stateName(state))} as an Atom feed</a> · <a href="${esc(root)}data/changelog.csv">Every change (CSV)</a></p>
</section>`;
}
