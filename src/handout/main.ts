/**
 * The handout page (handout.html): reads its link, loads the published data
 * from the site itself, builds the handout of the agency or place and shows
 * the sheet that prints on one page, with the paper choice and Print.
 */
import '../styles/base.css';
import './handout.css';
import { buildIndex } from '../data/agency-index';
import { DetailsStore, loadPoints } from '../data/load';
import { currentLocale, type Locale } from '../i18n/locale';
import { MSG } from '../i18n/messages';
import { answerArea, answerContext } from '../search/area-answer';
import { loadAreaData } from '../search/area-data';
import { DEFAULT_FILTERS } from '../filters/filters';
import { $, h } from '../ui/dom';
import { agencyHandout, fitToPage, placeHandout, PAPERS, type Handout, type Paper } from './handout-model';
import { liveLink, parseHandoutLink, subjectHash, type Subject } from './handout-link';
import { renderSheet } from './render';

const MAP_DATA = `${import.meta.env.BASE_URL}generated/map/`;

async function build(subject: Subject, lang: Locale | null): Promise<Handout | string> {
  const l = currentLocale();
  const dataset = await loadPoints(`${MAP_DATA}points.json`);
  const index = buildIndex(dataset.rows);
  const ctx = { locale: l, dataAsOf: dataset.metadata.data_as_of ?? null, link: liveLink(location.href, subject, lang) };
  if ('agency' in subject) {
    const k = index.byId.get(subject.agency);
    if (k === undefined) return MSG.handoutNoAgency;
    const f = await new DetailsStore((c) => `${MAP_DATA}details-${c}.json`, dataset.chunkSize).get(index.rows[k]);
    return f ? agencyHandout(f, ctx) : MSG.cardRefused;
  }
  // The same answer the map gives, among all agencies (a handout carries no filters).
  const all = new Uint8Array(index.rows.length).fill(1);
  const a = answerArea(subject.area, answerContext(await loadAreaData(), index), all, subject.radius, DEFAULT_FILTERS);
  return a.ok ? placeHandout(a.view, ctx) : a.message;
}

function controls(subject: Subject | null, lang: Locale | null, paper: Paper): HTMLElement {
  const back = Object.assign(h('a', { class: 'back' }, MSG.handoutBack), { href: `./${subject ? subjectHash(subject, lang) : ''}` });
  const select = h('select', { id: 'paper' }, ...PAPERS.map((p) => h('option', { value: p }, p === 'a4' ? MSG.handoutA4 : MSG.handoutLetter)));
  select.value = paper;
  select.addEventListener('change', () => setPaper(select.value as Paper));
  const print = h('button', { type: 'button', class: 'print' }, MSG.handoutPrint);
  print.addEventListener('click', () => window.print());
  return h('div', { class: 'handout-controls', role: 'group', 'aria-label': MSG.handoutOptions },
    back,
    h('span', { class: 'paper-field' }, h('label', { for: 'paper' }, MSG.handoutPaper), select),
    print,
    h('p', { class: 'muted' }, MSG.handoutScreenNote),
  );
}

/** The paper is a class on the root (handout.css names the page size) and kept in the link. */
function setPaper(p: Paper): void {
  for (const x of PAPERS) document.documentElement.classList.toggle(`paper-${x}`, x === p);
  const u = new URL(location.href);
  if (p === 'letter') u.searchParams.delete('paper');
  else u.searchParams.set('paper', p);
  history.replaceState(null, '', u.href);
}

async function start(): Promise<void> {
  const link = parseHandoutLink(location.search, location.hash);
  const paper = link.paper ?? 'letter';
  setPaper(paper);
  const root = $('#handout');
  const status = h('p', { class: 'muted', role: 'status' }, MSG.handoutLoading);
  root.replaceChildren(controls(link.subject, link.lang, paper), status);
  if (!link.subject) {
    status.textContent = MSG.handoutNoSubject;
    return;
  }
  let out: Handout | string;
  try {
    out = await build(link.subject, link.lang);
  } catch (e) {
    out = (e as Error).message || MSG.dataNotLoaded;
  }
  if (typeof out === 'string') {
    status.setAttribute('role', 'alert');
    status.textContent = out;
    return;
  }
  const sheet = fitToPage(out);
  document.title = MSG.handoutPageTitle('agency' in link.subject ? sheet.title : link.subject.area);
  status.remove();
  root.append(renderSheet(sheet));
  document.body.setAttribute('data-ready', 'true');
}

void start();
