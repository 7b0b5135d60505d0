/**
 * The one-agency card's content, from the published record: name, place,
 * status, began and ended with their precision, the partnership's story
 * (perks given or only offered, by the story's own rules), the MOU and
 * records, one source, the coverage note, "Open the map" and the credit.
 * Every string from the data is text, and links are http(s) only.
 */
import type { AgencyFeature } from '../core/contract';
import { datePrecision } from '../core/dates';
import { mouLink } from '../core/mou-link';
import type { MapMetadata } from '../data/map-data';
import { currentLocale } from '../i18n/locale';
import { MSG } from '../i18n/messages';
import { creditLine } from '../share/credit-line';
import { partnershipStory } from '../story/partnership-story';
import { formatPartialDate } from '../time/months';
import { h, safeLink } from '../ui/dom';
import { formatCount, formatUsd } from '../ui/format';
import { isFloor } from '../core/figures';

function dated(date: string | null): string {
  if (!date) return MSG.notDocumented;
  const prec = datePrecision(date);
  const words = formatPartialDate(date) ?? date;
  return prec === 'day' ? words : `${words} (${MSG.precisionWords[prec]})`;
}

/** The full map opened at this agency, in the card's language. */
export function mapLink(id: string, base: string): string {
  const u = new URL('./', base);
  u.search = '';
  u.hash = new URLSearchParams({ agency: id, ...(currentLocale() === 'en' ? {} : { lang: currentLocale() }) }).toString();
  return u.href;
}

/** The perks as figures given (documented ones only), else words for what was offered or not given; never a zero for unknown. */
function perks(p: AgencyFeature['properties']): string {
  const given = [
    ...(p.devices_given !== null ? [`${MSG.cardDevices}: ${formatCount(p.devices_given, isFloor(p.programs, ['devices_given']))}`] : []),
    ...(p.perk_value_usd !== null ? [`${MSG.cardPerkValue}: ${formatUsd(p.perk_value_usd, isFloor(p.programs, ['perk_value_usd']))}`] : []),
    ...(p.subsidy_usd !== null ? [`${MSG.cardSubsidy}: ${formatUsd(p.subsidy_usd, isFloor(p.programs, ['subsidy_usd']))}`] : []),
  ];
  const other = [...new Set(p.programs.flatMap((g) => (g.perk_status && g.perk_status !== 'given' && g.perk_status !== 'not_documented' ? [MSG.perkStatusWords[g.perk_status]] : [])))];
  const words = [...given, ...other];
  return words.length ? words.join('; ') : MSG.agencyEmbedNoPerks;
}

export function renderAgency(root: HTMLElement, f: AgencyFeature, meta: MapMetadata, base: string): void {
  const p = f.properties;
  const story = partnershipStory(p, currentLocale());
  const place = [p.city, p.county, p.state].filter(Boolean).join(', ');
  const mou = mouLink(p);
  const records = [...new Set(p.records_urls)].filter((u) => u !== p.mou_url);
  const docs = [
    ...(mou ? [h('li', {}, safeLink(mou.url, mou.kind === 'agreement' ? MSG.cardMouDocument : mou.kind === 'article' ? MSG.cardMouArticle(mou.publisher) : MSG.cardMouLink))] : []),
    ...records.map((u, k) => h('li', {}, safeLink(u, MSG.cardRecords(records.length > 1 ? k + 1 : null)))),
  ];
  // One source: the first with a public link, else the first; the rest are on the map.
  const source = p.sources.find((s) => s.url) ?? p.sources[0];
  const sourceDate = source?.date ? formatPartialDate(source.date) : null;
  const open = h('a', { class: 'open-map', target: '_blank', rel: 'noopener', 'aria-label': MSG.agencyEmbedOpenLabel(p.name) }, MSG.agencyEmbedOpen);
  open.href = mapLink(p.id, base);
  document.title = MSG.agencyEmbedTitle(p.name);
  root.replaceChildren(
    h('h1', {}, p.name),
    h('p', { class: 'place' }, `${MSG.typeLabels[p.agency_type]} · ${place}`),
    h('p', { class: `status status-${p.status}` }, story.lead),
    h('dl', {},
      h('dt', {}, MSG.agencyEmbedBegan), h('dd', {}, dated(p.start_date)),
      h('dt', {}, MSG.agencyEmbedEnded), h('dd', {}, p.end_date ? dated(p.end_date) : MSG.notDocumented),
      h('dt', {}, MSG.agencyEmbedPerks), h('dd', {}, perks(p)),
    ),
    h('h2', {}, MSG.agencyEmbedStory),
    h('ul', { class: 'story' }, ...story.programs.map((g) => h('li', {}, g.text))),
    h('h2', {}, MSG.agencyEmbedRecords),
    docs.length ? h('ul', { class: 'docs' }, ...docs) : h('p', { class: 'muted' }, MSG.cardNoneDocumented),
    h('h2', {}, MSG.agencyEmbedSource),
    source
      ? h('p', { class: 'source' }, safeLink(source.url, source.title ? `${source.publisher}: ${source.title}` : source.publisher, { lang: 'en' }),
          sourceDate ? ` (${sourceDate})` : '', p.sources.length > 1 ? ` — ${MSG.agencyEmbedMoreSources(p.sources.length - 1)}` : '')
      : h('p', { class: 'muted' }, MSG.notDocumented),
    h('p', { class: 'coverage' }, MSG.coverage),
    open,
    h('p', { class: 'credit' }, `${MSG.agencyEmbedCredit}. ${creditLine(meta)}`),
  );
}

/** A polite message in place of the card (unknown or malformed id, or a failed load): text only. */
export function renderMessage(root: HTMLElement, text: string, base: string): void {
  const open = h('a', { class: 'open-map', target: '_blank', rel: 'noopener' }, MSG.agencyEmbedOpen);
  const u = new URL('./', base);
  u.search = '';
  u.hash = currentLocale() === 'en' ? '' : `lang=${currentLocale()}`;
  open.href = u.href;
  document.title = MSG.agencyEmbedCredit;
  root.replaceChildren(h('p', { role: 'status' }, text), open, h('p', { class: 'credit' }, MSG.agencyEmbedCredit));
}
