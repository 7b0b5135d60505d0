/** One agency's page: everything documented about it, every claim with its sources. */
import type { AgencyFeature, Program, Source } from '../../src/core/contract';
import type { MouKind } from '../../src/core/vocabulary';
import { mouLabel, PROGRAM_LABELS, STATUS_WORDS, placementText } from '../../src/ui/agency-card';
import { MSG } from '../../src/i18n/messages';
import { mouLink } from '../../src/core/mou-link';
import { TYPE_LABELS } from '../../src/ui/labels';
import { formatPartialDate } from '../../src/time/months';
import { partnershipStory, type Story } from '../../src/story/partnership-story';
import { dateWithPrecision, placeText, startDateText, stateName } from './format';
import { CATALOGUES } from '../../src/i18n/messages';
import { esc, externalLink, siteLink } from './html';
import { renderPage } from './layout';
import { agencyPerks, perkItems, perkSummary, programPerks } from './perks';
import { agencyPath, stateImagePath, statePath, STATE_INDEX_PATH } from './site';
import { stateMapSvg } from './svg-map';
import type { MapPoint } from './svg-map';
import type { RecordsLaw } from '../../src/core/records-law';
import { recordsRequestSection } from './records-request';
import { pageFeed, recordHistoryHtml } from './record-history';
import { researchAndOversightHtml } from './research-section';
import { handoutHref } from '../../src/handout/handout-link';

export interface AgencyPageInput {
  feature: AgencyFeature;
  /** The other agencies of the same state, drawn as context on the map. */
  neighbours: MapPoint[];
  siteUrl: string | null;
  dataAsOf: string | null;
  /** The state's public-records law, for the records-request letter (none: the section is left out). */
  law?: RecordsLaw | null;
}

/** Outlet, title and date of a source, linked only when its URL is http(s). */
export function sourceItem(s: Source): string {
  const label = s.title ? `${s.publisher}: ${s.title}` : s.publisher;
  const date = s.date ? formatPartialDate(s.date) : null;
  const link = externalLink(s.url, label);
  const noLink = link.startsWith('<span') ? ' <span class="muted">(no link available)</span>' : '';
  const copy = s.copy ? ` <span class="muted">— ${esc(CATALOGUES.en.sourceCopyWords[s.copy])}</span>` : '';
  return `<li>${link}${date ? ` <span class="muted">(${esc(date)})</span>` : ''}${copy}${noLink}</li>`;
}

function fact(term: string, value: string, muted = false): string {
  return `<div class="fact"><dt>${esc(term)}</dt><dd${muted ? ' class="muted"' : ''}>${esc(value)}</dd></div>`;
}

/** Who said a program ended or was denied (or put it in doubt), as the card says it. */
function statusNote(g: Program): string {
  if (!g.status_note) return '';
  const term = g.status === 'ended' || g.status === 'denied' ? STATUS_WORDS[g.status] : MSG.cardAlsoReported;
  return `<p class="program-status"><strong>${esc(term)}:</strong> ${esc(g.status_note)}</p>`;
}

function programBlock(g: Program, i: number): string {
  const period =
    g.start_date || g.end_date
      ? `${startDateText(g.start_date, g.start_kind)}${g.end_date ? ` – ${dateWithPrecision(g.end_date)}` : ''}`
      : 'Dates not documented';
  const perks = programPerks(g);
  return `<li class="program">
<h3 id="program-${i}">${esc(PROGRAM_LABELS[g.kind] ?? 'Arrangement')}</h3>
<p class="program-dates">${esc(period)}</p>
${statusNote(g)}
<p>${esc(g.summary)}</p>
${perks.length ? `<dl class="figures">${perkItems(perks)}</dl>` : ''}
<p class="sources-label">Sources for this arrangement (${g.sources.length})</p>
<ul class="sources">${g.sources.map(sourceItem).join('')}</ul>
</li>`;
}

export function agencyTitle(f: AgencyFeature): string {
  return `${f.properties.name} (${stateName(f.properties.state)}): partnership with Amazon Ring`;
}

/** The partnership's story in English (partnership-story.ts), as the map's card tells it. */
export function agencyStory(f: AgencyFeature): Story {
  return partnershipStory(f.properties, 'en');
}

/** The MOU said for what the data types its link (the agreement, or an article about it). */
const MOU_FACT: Record<MouKind | 'none', string> = { agreement: 'linked below', article: 'not linked; an article about it is linked below', none: 'linked below' };
const MOU_SUMMARY: Record<MouKind | 'none', string> = { agreement: 'MOU linked. ', article: 'Article about its MOU linked. ', none: '' };

export function agencyDescription(f: AgencyFeature): string {
  const p = f.properties;
  const perks = perkSummary(p);
  return (
    `${p.name}, ${placeText(p)}: ${agencyStory(f).text} ` +
    `${perks ? `Documented ${perks}.` : 'Perks: not documented.'} ` +
    `${MOU_SUMMARY[mouLink(p)?.kind ?? 'none']}${p.sources.length} ${p.sources.length === 1 ? 'source' : 'sources'} cited.`
  );
}

export function renderAgencyPage({ feature: f, neighbours, siteUrl, dataAsOf, law }: AgencyPageInput): string {
  const p = f.properties;
  const story = agencyStory(f);
  const [lon, lat] = f.geometry.coordinates;
  const path = agencyPath(p.id);
  const st = stateName(p.state);
  const records = [...new Set(p.records_urls)].filter((u) => u !== p.mou_url);
  const docs: string[] = [];
  const mou = mouLink(p);
  if (mou) docs.push(`<li>${externalLink(mou.url, mouLabel(mou))}</li>`);
  records.forEach((u, k) => docs.push(`<li>${externalLink(u, `Public records${records.length > 1 ? ` ${k + 1}` : ''}`)}</li>`));
  const map = stateMapSvg(
    p.state,
    neighbours,
    `Map of ${st}: ${p.name} marked by a large diamond${neighbours.length ? `, the state's ${neighbours.length} other agencies on record as small dots` : ''}.`,
    { lon, lat },
  );
  const body = `<article class="agency">
<p class="kicker">${esc(TYPE_LABELS[p.agency_type])} · ${esc(st)}</p>
<h1>${esc(p.name)}</h1>
<p class="place">${esc(placeText(p))}</p>
<p class="actions">${siteLink(`../../#agency=${encodeURIComponent(p.id)}`, 'Open in the live map', 'class="button"')} ${siteLink(`../../${statePath(p.state)}`, `All agencies in ${st}`)} ${siteLink(`../../${handoutHref({ agency: p.id }, null)}`, MSG.handoutAction)}</p>
<div class="overview">
<section class="facts-block" aria-labelledby="facts-heading">
<h2 id="facts-heading">At a glance</h2>
<p class="story-lead status-${esc(p.status)}">${esc(story.lead)}</p>
<ul class="story">${story.programs.map((g) => `<li>${esc(g.text)}</li>`).join('')}</ul>
<dl class="facts">
${perkItems(agencyPerks(p))}
${fact('MOU or agreement', mou ? MOU_FACT[mou.kind ?? 'none'] : 'not documented', !mou)}
${fact('Public records', records.length ? `${records.length} linked below` : 'not documented', !records.length)}
${fact('Sources', `${p.sources.length} cited below`)}
</dl>
<p class="note muted">Figures are what the sources document, summed over the arrangements below; “not documented” means no source gives one, not zero.</p>
</section>
<figure class="map-figure">
${map}
<figcaption><span class="key-here" aria-hidden="true">◆</span> this agency${neighbours.length ? ` · <span class="key-other" aria-hidden="true">●</span> other agencies in ${esc(st)}` : ''}. ${esc(placementText(p))}</figcaption>
</figure>
</div>
${researchAndOversightHtml(p)}
<section aria-labelledby="docs-heading">
<h2 id="docs-heading">MOU and public records</h2>
${docs.length ? `<ul class="docs">${docs.join('')}</ul>` : '<p class="muted">None documented.</p>'}
</section>
${recordsRequestSection(f, law)}
<section aria-labelledby="programs-heading">
<h2 id="programs-heading">Documented arrangements</h2>
<ul class="programs">${p.programs.map(programBlock).join('\n')}</ul>
</section>
<section aria-labelledby="sources-heading">
<h2 id="sources-heading">All sources (${p.sources.length})</h2>
<ul class="sources">${p.sources.map(sourceItem).join('')}</ul>
</section>
<section aria-labelledby="placement-heading">
<h2 id="placement-heading">How the point was placed</h2>
<p>${esc(placementText(p))} Coordinates: ${esc(lat.toFixed(3))}, ${esc(lon.toFixed(3))}.</p>
</section>
${recordHistoryHtml(p.id, p.state)}
</article>`;
  return renderPage({
    path,
    title: agencyTitle(f),
    description: agencyDescription(f),
    image: { path: stateImagePath(p.state), alt: `Map of ${st} with the agencies on record that partnered with Amazon Ring` },
    trail: [['States', STATE_INDEX_PATH], [st, statePath(p.state)], [p.name, null]],
    body,
    siteUrl,
    dataAsOf,
    feed: pageFeed(p.state),
  });
}
