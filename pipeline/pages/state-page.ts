/** One state's page: its agencies, partnerships begun per year, and a map of them all. */
import type { AgencyFeature } from '../../src/core/contract';
import { AGENCY_TYPES } from '../../src/core/vocabulary';
import { TYPE_LABELS } from '../../src/ui/labels';
import { formatPartialDate } from '../../src/time/months';
import { stateName, yearOf } from './format';
import { esc, siteLink } from './html';
import { COVERAGE_NOTE, renderPage } from './layout';
import { agencyPath, stateImagePath, statePath, STATE_INDEX_PATH } from './site';
import { stateMapSvg } from './svg-map';
import { pageFeed } from './record-history';
import { ATLAS_LAST_YEAR, countsByYear, yearChartSvg } from './year-chart';

export interface StatePageInput {
  code: string;
  /** The state's agencies. */
  features: AgencyFeature[];
  siteUrl: string | null;
  dataAsOf: string | null;
}

const agencies = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'agency' : 'agencies'}`;

/** "98 police, 20 sheriff, 2 fire" */
export function typeBreakdown(features: AgencyFeature[]): string {
  return AGENCY_TYPES.map((t) => [t, features.filter((f) => f.properties.agency_type === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n.toLocaleString('en-US')} ${TYPE_LABELS[t].toLowerCase()}`)
    .join(', ');
}

export function stateTitle(code: string, n: number): string {
  return `${stateName(code)}: ${agencies(n)} partnered with Amazon Ring`;
}

export function renderStatePage({ code, features, siteUrl, dataAsOf }: StatePageInput): string {
  const st = stateName(code);
  const sorted = [...features].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'en'));
  const years = countsByYear(features.map((f) => yearOf(f.properties.start_date)));
  const undated = features.filter((f) => !f.properties.start_date).length;
  const reported = years.filter((y) => y.year > ATLAS_LAST_YEAR && y.count > 0);
  const chartLabel =
    `Partnerships begun per year in ${st}: ${years.map((y) => `${y.year}: ${y.count}`).join(', ')}` +
    `${undated ? `; start date not documented: ${undated}` : ''}.`;
  const points = features.map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
  const list = sorted
    .map((f) => {
      const p = f.properties;
      const since = p.start_date ? `since ${formatPartialDate(p.start_date)}` : 'start not documented';
      const where = p.city ?? p.county;
      return `<li>${siteLink(`../../${agencyPath(p.id)}`, p.name)} <span class="muted">${esc([TYPE_LABELS[p.agency_type], where, since].filter(Boolean).join(' · '))}</span></li>`;
    })
    .join('\n');
  const body = `<h1>${esc(st)}</h1>
<p class="lead">${esc(agencies(features.length))} in ${esc(st)} on record as partnered with Amazon Ring: ${esc(typeBreakdown(features))}.</p>
<p class="coverage-inline">${esc(COVERAGE_NOTE)}</p>
<p class="actions">${siteLink(`../../#state=${encodeURIComponent(code)}`, `Open ${st} in the live map`, 'class="button"')} ${siteLink(`../../${STATE_INDEX_PATH}`, 'All states')}</p>
<div class="overview">
<figure class="map-figure">
${stateMapSvg(code, points, `Map of ${st} with its ${agencies(features.length)} on record as dots.`)}
<figcaption>Each dot is an agency, placed at its city, ZIP area or county (see each agency's page).</figcaption>
</figure>
<figure class="chart-figure">
<figcaption><strong>Partnerships begun per year</strong></figcaption>
${yearChartSvg(years, chartLabel)}
<p class="muted">${undated ? `Start date not documented: ${esc(agencies(undated))}. ` : ''}${reported.length ? '* After 2020: from news reports and records only; incomplete. ' : ''}${years.some((y) => y.year === ATLAS_LAST_YEAR) ? `${ATLAS_LAST_YEAR}: the Atlas export stops in September.` : ''}</p>
</figure>
</div>
<section aria-labelledby="agencies-heading">
<h2 id="agencies-heading">Agencies (${features.length})</h2>
<ul class="agency-index">
${list}
</ul>
</section>`;
  return renderPage({
    path: statePath(code),
    title: stateTitle(code, features.length),
    description: `${agencies(features.length)} in ${st} partnered with Amazon Ring (${typeBreakdown(features)}): when each began, perks, MOUs, records and sources. Coverage after September 2020 is incomplete.`,
    image: { path: stateImagePath(code), alt: `Map of ${st} with its ${agencies(features.length)} on record as dots` },
    trail: [['States', STATE_INDEX_PATH], [st, null]],
    body,
    siteUrl,
    dataAsOf,
    feed: pageFeed(code),
  });
}
