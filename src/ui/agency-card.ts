/**
 * The agency card: everything documented about one agency, every claim
 * with its sources. Strings from the data are rendered as text only and
 * links only when they are http(s).
 */
import type { AgencyFeature, Program, Source } from '../core/contract';
import type { AgencyRow } from '../data/map-data';
import { isFloor, type FigureKey } from '../core/figures';
import { datePrecision } from '../core/dates';
import { formatPartialDate } from '../time/months';
import { h, safeLink, safeUrl, withWords } from './dom';
import { formatCount, formatInt, formatUsd } from './format';
import { TYPE_LABELS } from './labels';
import { agencyEras, eraLabel, eraText, type Era } from '../time/history';
import { partnershipStory } from '../story/partnership-story';
import { currentLocale } from '../i18n/locale';
import { MSG } from '../i18n/messages';
import { mouLink, type MouLink } from '../core/mou-link';
import { handoutAction } from '../handout/handout-action';
import { recordsRequestButton } from './records-button';
import { recordHistorySection } from './record-history';
import { researchAndOversight } from './research-card';
import { contributeButton } from './contribute-button';

/** Tables in the page's language (filled in place when the language is set). */
export const PROGRAM_LABELS: Record<Program['kind'], string> = MSG.programLabels;

const PRECISION_WORDS: Record<'day' | 'month' | 'year', string> = MSG.precisionWords;

/** What a perk that was not given was, in words (the figures are never counted). */
export const PERK_STATUS_WORDS: Record<NonNullable<Program['perk_status']>, string> = MSG.perkStatusWords;

export const STATUS_WORDS: Record<Program['status'], string> = MSG.statusWords;

export function placementText(p: AgencyFeature['properties']): string {
  switch (p.geocode_precision) {
    case 'city':
      return MSG.placedCity(p.city, p.state);
    case 'zip':
      return MSG.placedZip(p.city, p.state);
    case 'county':
      return MSG.placedCounty(p.county, p.state);
    case 'manual':
      return MSG.placedManual;
  }
}

function dateText(date: string | null, kind?: Program['start_kind']): string {
  if (!date) return MSG.notDocumented;
  const words = formatPartialDate(date) ?? date;
  const prec = datePrecision(date);
  const dated = prec === 'day' ? words : `${words} (${PRECISION_WORDS[prec]})`;
  // An announcement or a report's own date is not when it began: say so beside the date.
  return kind === 'announced' || kind === 'active_by' ? `${dated}: ${MSG.dateKindWords[kind]}` : dated;
}

/**
 * The partnership's story (partnership-story.ts): the status first, so a
 * denial or an end is read before anything else, then one line per program.
 */
function storyBlock(p: AgencyFeature['properties']): HTMLElement[] {
  const story = partnershipStory(p, currentLocale());
  return [
    h('p', { class: `card-status status-${p.status}`, role: 'note' }, story.lead),
    h('ul', { class: 'card-story', 'aria-label': MSG.storyTitle }, ...story.programs.map((g) => h('li', { class: `story-${g.kind}` }, g.text))),
  ];
}

function sourceItem(s: Source): HTMLLIElement {
  const label = s.title ? `${s.publisher}: ${s.title}` : s.publisher;
  const date = s.date ? formatPartialDate(s.date) : null;
  return h('li', {}, safeLink(s.url, label), date ? h('span', { class: 'muted' }, ` (${date})`) : null,
    s.copy ? h('span', { class: 'muted source-copy' }, ` — ${MSG.sourceCopyWords[s.copy]}`) : null,
    !safeUrl(s.url) ? h('span', { class: 'muted' }, MSG.cardNoLink) : null);
}

function figure(term: string, value: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', { class: value === MSG.notDocumented ? 'muted' : null }, value)];
}

function programBlock(g: Program): HTMLElement {
  const period = g.start_date || g.end_date ? `${dateText(g.start_date, g.start_kind)}${g.end_date ? ` – ${dateText(g.end_date)}` : ''}` : MSG.cardNoDates;
  const figures: HTMLElement[] = [];
  // Figures are shown for perks that were given; any other kind is said in words (perk line).
  const given = g.perk_status === 'given' || g.perk_status === null;
  if (given && (g.kind !== 'neighbors_portal' || g.devices_given !== null || g.perk_value_usd !== null || g.subsidy_usd !== null)) {
    const derived = (v: string, x: number | null) => (g.figures_derived && x !== null ? MSG.cardDerived(v) : v);
    figures.push(
      ...figure(MSG.cardDevices, derived(formatCount(g.devices_given, isFloor([g], ['devices_given'])), g.devices_given)),
      ...figure(MSG.cardPerkValue, derived(formatUsd(g.perk_value_usd, isFloor([g], ['perk_value_usd'])), g.perk_value_usd)),
      ...figure(MSG.cardSubsidySpent, derived(formatUsd(g.subsidy_usd, isFloor([g], ['subsidy_usd'])), g.subsidy_usd)),
    );
  }
  const perk = g.perk_status && g.perk_status !== 'given' && g.perk_status !== 'not_documented'
    ? h('p', { class: 'perk-status' }, h('strong', {}, `${PERK_STATUS_WORDS[g.perk_status]}: `), g.perk_note ?? '')
    : g.perk_note ? h('p', { class: 'perk-status' }, g.perk_note) : null;
  const status = g.status === 'ended' || g.status === 'denied'
    ? h('p', { class: `program-status status-${g.status}` }, h('strong', {}, `${STATUS_WORDS[g.status]}: `), g.status_note ?? '')
    // A listed partnership that reports put in doubt (not on Ring's list, declined, launch on hold) says so.
    : g.status_note ? h('p', { class: 'program-status status-note' }, h('strong', {}, `${MSG.cardAlsoReported}: `), h('span', { lang: 'en' }, g.status_note))
    : null;
  return h('li', { class: `program program-${g.kind}` },
    h('h4', {}, PROGRAM_LABELS[g.kind] ?? MSG.cardArrangement),
    h('p', { class: 'program-dates' }, period),
    status,
    h('p', { lang: 'en' }, g.summary),
    perk,
    figures.length ? h('dl', { class: 'figures' }, ...figures) : null,
    h('details', {}, h('summary', {}, MSG.cardSources(formatInt(g.sources.length))), h('ul', { class: 'sources' }, ...g.sources.map(sourceItem))),
  );
}

function closeButton(onClose: () => void): HTMLButtonElement {
  const close = h('button', { type: 'button', class: 'close', 'aria-label': MSG.cardClose }, '×');
  close.addEventListener('click', onClose);
  return close;
}

function head(row: Pick<AgencyRow, 'agency_type' | 'name'>, onClose: () => void): HTMLElement {
  return h('header', { class: 'card-head' },
    h('p', { class: 'type-tag' }, TYPE_LABELS[row.agency_type]),
    h('h2', { id: 'card-title', tabindex: '-1' }, row.name),
    closeButton(onClose),
  );
}

/** The card while the agency's full record loads (a moment, from the site itself). */
export function renderCardLoading(root: HTMLElement, row: AgencyRow, onClose: () => void): void {
  root.replaceChildren(head(row, onClose), h('p', { class: 'place' }, [row.city, row.county, row.state].filter(Boolean).join(', ')), h('p', { class: 'muted' }, MSG.cardLoading));
  root.setAttribute('aria-labelledby', 'card-title');
  root.setAttribute('aria-busy', 'true');
}

/**
 * The card when its details are missing: a failed download offers to try
 * again; a record that failed the contract check (`retry` null) says so, since
 * loading it again cannot help.
 */
export function renderCardError(root: HTMLElement, row: AgencyRow, onClose: () => void, retry: (() => void) | null): void {
  const parts: HTMLElement[] = [head(row, onClose), h('p', { role: 'alert' }, retry ? MSG.cardFailed : MSG.cardRefused)];
  if (retry) {
    const again = h('button', { type: 'button', class: 'retry' }, MSG.tryAgain);
    again.addEventListener('click', retry);
    parts.push(again);
  }
  root.replaceChildren(...parts);
  root.removeAttribute('aria-busy');
}

/**
 * The eras of the program that an agency's portal partnership spans, from its
 * start to its end (none for a denied partnership or an undated one).
 */
function erasSection(f: AgencyFeature, eras: readonly Era[]): HTMLElement | null {
  const spanned = agencyEras(f.properties.programs, eras);
  if (!spanned.length) return null;
  return h('section', { 'aria-labelledby': 'card-eras', class: 'card-eras' },
    h('h3', { id: 'card-eras' }, MSG.erasTitle),
    h('ul', {}, ...spanned.map((e) => h('li', {}, ...withWords((s) => MSG.eraLine(eraLabel(e), s), eraText(e).summary, eraText(e).fromData)))),
    h('p', { class: 'muted' }, MSG.erasIntro),
  );
}

/** The MOU link's words: a document, an article about it (by whom), or, untyped, just a link. */
export function mouLabel(m: MouLink): string {
  return m.kind === 'agreement' ? MSG.cardMouDocument : m.kind === 'article' ? MSG.cardMouArticle(m.publisher) : MSG.cardMouLink;
}

export function renderCard(
  root: HTMLElement,
  f: AgencyFeature,
  onClose: () => void,
  also: { id: string; name: string; select: () => void }[] = [],
  eras: readonly Era[] = [],
): void {
  const p = f.properties;
  const floor = (k: FigureKey) => isFloor(p.programs, [k]);
  const place = [p.city, p.county, p.state].filter(Boolean).join(', ');
  const records = [...new Set(p.records_urls)].filter((u) => u !== p.mou_url);
  const docs: HTMLElement[] = [];
  const mou = mouLink(p);
  if (mou) docs.push(h('li', {}, safeLink(mou.url, mouLabel(mou))));
  records.forEach((u, k) => docs.push(h('li', {}, safeLink(u, MSG.cardRecords(records.length > 1 ? k + 1 : null)))));
  const alsoHere = also.length
    ? h('p', { class: 'also-here' }, MSG.cardAlso, ...also.flatMap((a, k) => {
        const b = h('button', { type: 'button', class: 'link-button' }, a.name);
        b.addEventListener('click', a.select);
        return k ? [', ', b] : [b];
      }))
    : null;
  const uncounted = p.programs
    .filter((g) => g.perk_status && g.perk_status !== 'given' && g.perk_status !== 'not_documented' && g.perk_note)
    .map((g) => g.perk_note!);
  root.replaceChildren(
    head(p, onClose),
    h('p', { class: 'place' }, place),
    ...storyBlock(p),
    h('p', { class: 'page-link' }, Object.assign(h('a', {}, MSG.cardPage), { href: `agency/${encodeURIComponent(p.id)}/` })),
    handoutAction({ agency: p.id }),
    ...(alsoHere ? [alsoHere] : []),
    h('dl', { class: 'facts' },
      ...figure(MSG.cardDevices, formatCount(p.devices_given, floor('devices_given'))),
      ...figure(MSG.cardPerkValue, formatUsd(p.perk_value_usd, floor('perk_value_usd'))),
      ...figure(MSG.cardSubsidy, formatUsd(p.subsidy_usd, floor('subsidy_usd'))),
      ...(uncounted.length ? figure(MSG.cardNotCounted, uncounted.join(' ')) : []),
    ),
    ...[erasSection(f, eras)].filter((x): x is HTMLElement => x !== null),
    ...researchAndOversight(p),
    h('section', { 'aria-labelledby': 'card-docs' },
      h('h3', { id: 'card-docs' }, MSG.cardDocs),
      docs.length ? h('ul', { class: 'docs' }, ...docs) : h('p', { class: 'muted' }, MSG.cardNoneDocumented),
      recordsRequestButton({ kind: 'agency', agency: p }),
    ),
    h('section', { 'aria-labelledby': 'card-programs' },
      h('h3', { id: 'card-programs' }, MSG.cardArrangements),
      // The summaries and notes are the data's own words, published in English: say so in the page's language.
      MSG.dataInEnglish ? h('p', { class: 'muted data-language' }, MSG.dataInEnglish) : null,
      h('ul', { class: 'programs' }, ...p.programs.map(programBlock)),
    ),
    h('section', { 'aria-labelledby': 'card-sources' },
      h('h3', { id: 'card-sources' }, MSG.cardAllSources(formatInt(p.sources.length))),
      h('ul', { class: 'sources' }, ...p.sources.map(sourceItem)),
    ),
    h('section', { 'aria-labelledby': 'card-placement' },
      h('h3', { id: 'card-placement' }, MSG.cardPlacement),
      h('p', {}, placementText(p)),
    ),
    recordHistorySection(p.id),
    contributeButton({ mode: 'correction', agency: p }),
  );
  root.setAttribute('aria-labelledby', 'card-title');
  root.removeAttribute('aria-busy');
}
