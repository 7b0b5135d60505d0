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

/** Everything the card says, as text (the page only turns it into elements): swept over every agency by a unit test. */
export interface AgencyCardText {
  name: string;
  /** "Police · Lakeland, Polk County, FL" */
  place: string;
  /** The story's first sentence: a denial or an end before any date. */
  status: string;
  began: string;
  ended: string;
  perks: string;
  story: string[];
  docs: { url: string | null; label: string }[];
  source: { url: string | null; label: string; date: string | null; more: string | null } | null;
  coverage: string;
  open: { href: string; label: string; text: string };
  credit: string;
}

export function agencyCardText(f: AgencyFeature, meta: MapMetadata, base: string): AgencyCardText {
  const p = f.properties;
  const story = partnershipStory(p, currentLocale());
  const mou = mouLink(p);
  const records = [...new Set(p.records_urls)].filter((u) => u !== p.mou_url);
  // One source: the first with a public link, else the first; the rest are on the map.
  const source = p.sources.find((s) => s.url) ?? p.sources[0];
  return {
    name: p.name,
    place: `${MSG.typeLabels[p.agency_type]} · ${[p.city, p.county, p.state].filter(Boolean).join(', ')}`,
    status: story.lead,
    began: dated(p.start_date),
    ended: p.end_date ? dated(p.end_date) : MSG.notDocumented,
    perks: perks(p),
    story: story.programs.map((g) => g.text),
    docs: [
      ...(mou ? [{ url: mou.url, label: mou.kind === 'agreement' ? MSG.cardMouDocument : mou.kind === 'article' ? MSG.cardMouArticle(mou.publisher) : MSG.cardMouLink }] : []),
      ...records.map((u, k) => ({ url: u, label: MSG.cardRecords(records.length > 1 ? k + 1 : null) })),
    ],
    source: source
      ? {
          url: source.url, label: source.title ? `${source.publisher}: ${source.title}` : source.publisher,
          date: source.date ? formatPartialDate(source.date) : null, more: p.sources.length > 1 ? MSG.agencyEmbedMoreSources(p.sources.length - 1) : null,
        }
      : null,
    coverage: MSG.coverage,
    open: { href: mapLink(p.id, base), label: MSG.agencyEmbedOpenLabel(p.name), text: MSG.agencyEmbedOpen },
    credit: `${MSG.agencyEmbedCredit}. ${creditLine(meta)}`,
  };
}

export function renderAgency(root: HTMLElement, f: AgencyFeature, meta: MapMetadata, base: string): void {
  const t = agencyCardText(f, meta, base);
  const open = h('a', { class: 'open-map', target: '_blank', rel: 'noopener', 'aria-label': t.open.label }, t.open.text);
  open.href = t.open.href;
  document.title = MSG.agencyEmbedTitle(t.name);
  root.replaceChildren(
    h('h1', {}, t.name),
    h('p', { class: 'place' }, t.place),
    h('p', { class: `status status-${f.properties.status}` }, t.status),
    h('dl', {},
      h('dt', {}, MSG.agencyEmbedBegan), h('dd', {}, t.began),
      h('dt', {}, MSG.agencyEmbedEnded), h('dd', {}, t.ended),
      h('dt', {}, MSG.agencyEmbedPerks), h('dd', {}, t.perks),
    ),
    h('h2', {}, MSG.agencyEmbedStory),
    h('ul', { class: 'story' }, ...t.story.map((line) => h('li', {}, line))),
    h('h2', {}, MSG.agencyEmbedRecords),
    t.docs.length ? h('ul', { class: 'docs' }, ...t.docs.map((d) => h('li', {}, safeLink(d.url, d.label)))) : h('p', { class: 'muted' }, MSG.cardNoneDocumented),
    h('h2', {}, MSG.agencyEmbedSource),
    t.source
      ? h('p', { class: 'source' }, safeLink(t.source.url, t.source.label, { lang: 'en' }), t.source.date ? ` (${t.source.date})` : '', t.source.more ? ` — ${t.source.more}` : '')
      : h('p', { class: 'muted' }, MSG.notDocumented),
    h('p', { class: 'coverage' }, t.coverage),
    open,
    h('p', { class: 'credit' }, t.credit),
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
