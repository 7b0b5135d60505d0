/** The index of states: how many agencies each has on record, linking to its page. */
import type { AgencyFeature } from '../../src/core/contract';
import { US_STATES } from '../../src/geo/us-states';
import { formatPartialDate } from '../../src/time/months';
import { esc, siteLink } from './html';
import { COVERAGE_NOTE, renderPage } from './layout';
import { pageFeed } from './record-history';
import { NATIONAL_IMAGE_PATH, statePath, STATE_INDEX_PATH } from './site';

export interface StateIndexInput {
  byState: Map<string, AgencyFeature[]>;
  siteUrl: string | null;
  dataAsOf: string | null;
}

export function renderStateIndex({ byState, siteUrl, dataAsOf }: StateIndexInput): string {
  const total = [...byState.values()].reduce((n, fs) => n + fs.length, 0);
  const rows = US_STATES.filter((s) => byState.has(s.code))
    .map((s) => {
      const fs = byState.get(s.code)!;
      const dates = fs.map((f) => f.properties.start_date).filter((d): d is string => !!d).sort();
      const range = dates.length ? `${formatPartialDate(dates[0])} – ${formatPartialDate(dates[dates.length - 1])}` : 'not documented';
      return `<tr><th scope="row">${siteLink(`../${statePath(s.code)}`, s.name)}</th><td class="num">${fs.length.toLocaleString('en-US')}</td><td>${esc(range)}</td></tr>`;
    })
    .join('\n');
  const none = US_STATES.filter((s) => !byState.has(s.code)).map((s) => s.name);
  const body = `<h1>Partnerships with Amazon Ring by state</h1>
<p class="lead">${esc(total.toLocaleString('en-US'))} agencies in ${byState.size} states and territories on record. Each state's page lists its agencies; each agency's page gives its dates, perks, MOU, records and every source.</p>
<p class="coverage-inline">${esc(COVERAGE_NOTE)}</p>
<p class="actions">${siteLink('../', 'Open the live map', 'class="button"')}</p>
<table class="states">
<caption>Agencies on record per state, with the earliest and latest documented start</caption>
<thead><tr><th scope="col">State</th><th scope="col" class="num">Agencies</th><th scope="col">Partnerships began</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${none.length ? `<p class="muted">No agency on record (which, given the coverage above, does not mean none partnered): ${esc(none.join(', '))}.</p>` : ''}`;
  return renderPage({
    path: STATE_INDEX_PATH,
    title: 'Police partnerships with Amazon Ring by state',
    description: `${total.toLocaleString('en-US')} police, sheriff and fire agencies in ${byState.size} states partnered with Amazon Ring: a page per state and per agency, with dates, perks, MOUs, records and sources.`,
    image: { path: NATIONAL_IMAGE_PATH, alt: 'Map of the contiguous United States with every agency on record as a dot (Alaska and Hawaii not shown)' },
    trail: [['States', null]],
    body,
    siteUrl,
    dataAsOf,
    feed: pageFeed(null),
    ogType: 'website',
  });
}
