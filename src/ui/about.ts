/** The About & methods dialog: sources with credit, coverage, data date, corrections. */
import type { AgencyIndex } from '../data/agency-index';
import type { DecodedPoints } from '../data/map-data';
import { formatPartialDate } from '../time/months';
import { h, safeLink, withWords } from './dom';
import { formatInt } from './format';
import { correctionsSection } from './corrections';
import { eraLabel, eraText, type History } from '../time/history';
import { coverageSentence } from './coverage-chart';
import { MSG } from '../i18n/messages';
import { citeSection } from './cite';
import { researchAboutSection } from './research-about';
import { contributeButton } from './contribute-button';

/** Builds the dialog; returns what opens it. */
export function setupAbout(dialog: HTMLDialogElement, index: AgencyIndex, data: DecodedPoints, history: Promise<History>): () => void {
  const meta = data.metadata;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': MSG.close }, '×');
  close.addEventListener('click', () => dialog.close());
  // Every publisher cited in the data, most cited first.
  const pubs = data.publishers;
  const asOf = formatPartialDate(meta.data_as_of ?? null);
  // Named by its heading once the heading exists (a reference to a missing id is invalid markup).
  dialog.setAttribute('aria-labelledby', 'about-title');
  dialog.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'about-title' }, MSG.aboutTitle), close),
    h('p', {}, MSG.aboutIntro),
    ...(MSG.dataInEnglish ? [h('p', { class: 'muted data-language' }, MSG.dataInEnglish)] : []),
    h('h3', {}, MSG.aboutCoversTitle),
    h('ul', { class: 'covers' }, ...MSG.aboutCovers.map((t) => h('li', {}, t))),
    h('h3', {}, MSG.aboutSourcesTitle),
    h('p', {}, MSG.aboutAtlasRows, safeLink('https://atlasofsurveillance.org/', MSG.aboutAtlasLink), MSG.aboutOtherSources),
    h('details', {},
      h('summary', {}, MSG.aboutPublishers(formatInt(pubs.length))),
      h('ul', { class: 'publishers' }, ...pubs.map((p) => h('li', {}, safeLink(p.url, p.name), h('span', { class: 'muted' }, ` (${formatInt(p.count)})`)))),
    ),
    h('h3', {}, MSG.aboutDataDate),
    h('p', {}, asOf ? MSG.aboutUpdated(asOf) : MSG.aboutNoDate, MSG.aboutAgencies(formatInt(index.size))),
    ...researchAboutSection(data),
    correctionsSection(),
    contributeButton({ mode: 'missing', place: null }),
    citeSection(meta.title ?? MSG.aboutTitle),
    h('h3', {}, MSG.aboutPrivacyTitle),
    h('p', {}, MSG.aboutPrivacy),
  );
  // The program's eras and the share of the published total, once the history file is in.
  void history.then((hst) => {
    const sentence = coverageSentence(index, hst);
    if (sentence) dialog.querySelector('.covers')?.append(h('li', {}, ...sentence));
    if (!hst.eras.length) return;
    dialog.querySelector('.covers')?.after(
      h('h3', {}, MSG.aboutErasTitle),
      h('ul', { class: 'eras' }, ...hst.eras.map((e) => h('li', {},
        h('strong', {}, eraLabel(e)), ': ', ...withWords((s) => MSG.eraAbout(e.launched, s), eraText(e).summary, eraText(e).fromData), ' ',
        ...e.sources.flatMap((src, k) => [k ? ', ' : '', safeLink(src.url, src.publisher)]),
      ))),
    );
  });
  return () => dialog.showModal();
}
