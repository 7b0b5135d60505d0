/**
 * The printed handout as data: what one page says about an agency or a
 * place, in English or Spanish. Pure (no DOM): the handout page renders it,
 * and the unit sweep builds it for every agency. The agency's story comes
 * from the partnership story and the place's answer from Find my area's own
 * answer, so the handout never says anything the card or the answer does not.
 *
 * One page is a promise: `fitToPage` drops the least needed lines (the last
 * sources, the farthest agencies) until the page's line budget holds, and
 * says how many more the live card or map shows.
 */
import type { AgencyFeature, Source } from '../core/contract';
import { isFloor } from '../core/figures';
import { mouLink } from '../core/mou-link';
import { numberTag, type Locale } from '../i18n/locale';
import { CATALOGUES } from '../i18n/messages';
import type { Messages } from '../i18n/messages-en';
import { partnershipStory } from '../story/partnership-story';
import { formatPartialDate } from '../time/months';
import { formatCount, formatInt, formatUsd } from '../ui/format';
import type { AreaRow } from '../ui/area-search';
import type { FoundView } from '../search/area-answer';

export type Paper = 'letter' | 'a4';
export const PAPERS: readonly Paper[] = ['letter', 'a4'];

/** A printed line: text, and a URL printed beside it (only http(s) URLs reach here). */
export interface HandoutItem {
  text: string;
  url?: string;
  /** The data's own words (published in English): marked so on a Spanish page. */
  fromData?: boolean;
}

export interface HandoutSection {
  id: 'story' | 'perks' | 'records' | 'sources' | 'covering' | 'spanning' | 'within' | 'inside' | 'none';
  heading: string | null;
  items: HandoutItem[];
  /** Items left out to keep one page (said in `moreText`). */
  more: number;
  moreText: (n: number) => string;
}

export interface Handout {
  kind: 'agency' | 'place';
  locale: Locale;
  kicker: string;
  title: string;
  /** Type and place of an agency; county of a place. */
  subtitle: string;
  lead: string;
  sections: HandoutSection[];
  /** Said where counts and absences show: the Atlas export stops in September 2020. */
  coverage: string;
  questionsTitle: string;
  questions: string[];
  asOf: string;
  credit: string;
  qrCaption: string;
  /** The live card or answer: what the QR code holds and the page prints. */
  link: string;
}

const sourceText = (s: Source, l: Locale): string => {
  const date = s.date ? formatPartialDate(s.date, l) : null;
  return `${s.title ? `${s.publisher}: ${s.title}` : s.publisher}${date ? ` (${date})` : ''}`;
};

const httpUrl = (u: string | null | undefined): string | undefined => (u && /^https?:\/\//i.test(u) ? u : undefined);

function asOfText(m: Messages, dataAsOf: string | null, l: Locale): string {
  const d = formatPartialDate(dataAsOf, l);
  return d ? m.aboutUpdated(d) : m.aboutNoDate;
}

function section(id: HandoutSection['id'], heading: string | null, items: HandoutItem[], moreText: (n: number) => string = () => ''): HandoutSection {
  return { id, heading, items, more: 0, moreText };
}

export interface HandoutContext {
  locale: Locale;
  /** The published data's date (`metadata.data_as_of`). */
  dataAsOf: string | null;
  /** The absolute link to the live card or answer. */
  link: string;
}

/** An agency's handout: its story, perks, MOU and records, and sources. */
export function agencyHandout(f: AgencyFeature, c: HandoutContext): Handout {
  const l = c.locale;
  const m = CATALOGUES[l];
  const p = f.properties;
  const story = partnershipStory(p, l);
  const floor = (k: 'devices_given' | 'perk_value_usd' | 'subsidy_usd') => isFloor(p.programs, [k]);
  const perks: HandoutItem[] = [
    { text: `${m.cardDevices}: ${formatCount(p.devices_given, floor('devices_given'), l)}` },
    { text: `${m.cardPerkValue}: ${formatUsd(p.perk_value_usd, floor('perk_value_usd'), l)}` },
    { text: `${m.cardSubsidy}: ${formatUsd(p.subsidy_usd, floor('subsidy_usd'), l)}` },
  ];
  // Offers, purchases and returned gifts are never counted as given: the data's own note says what they were.
  for (const g of p.programs) {
    if (g.perk_status && g.perk_status !== 'given' && g.perk_status !== 'not_documented') {
      perks.push({ text: `${m.perkStatusWords[g.perk_status]}: ${g.perk_note ?? m.notDocumented}`, fromData: !!g.perk_note });
    }
  }
  const records: HandoutItem[] = [];
  const mou = mouLink(p);
  if (mou) {
    const label = mou.kind === 'agreement' ? m.cardMouDocument : mou.kind === 'article' ? m.cardMouArticle(mou.publisher) : m.cardMouLink;
    records.push({ text: label, url: httpUrl(mou.url) });
  }
  const recordUrls = [...new Set(p.records_urls)].filter((u) => u !== p.mou_url);
  recordUrls.forEach((u, k) => records.push({ text: m.cardRecords(recordUrls.length > 1 ? k + 1 : null), url: httpUrl(u) }));
  if (!records.length) records.push({ text: m.cardNoneDocumented });
  const place = [p.city, p.county, p.state].filter(Boolean).join(', ');
  return {
    kind: 'agency',
    locale: l,
    kicker: m.handoutKicker,
    title: p.name,
    subtitle: `${m.typeLabels[p.agency_type]} · ${place}`,
    lead: story.lead,
    sections: [
      section('story', m.storyTitle, story.programs.map((g) => ({ text: g.text }))),
      section('perks', m.handoutPerks, perks),
      section('records', m.cardDocs, records),
      section('sources', m.handoutSources, p.sources.map((s) => ({ text: sourceText(s, l), url: httpUrl(s.url), fromData: true })), m.handoutMoreSources),
    ],
    coverage: m.absenceNote,
    questionsTitle: m.handoutQuestionsTitle,
    questions: [...m.handoutQuestions],
    asOf: asOfText(m, c.dataAsOf, l),
    credit: m.handoutCredit,
    qrCaption: m.handoutQrAgency,
    link: c.link,
  };
}

function rowText(r: AreaRow, m: Messages, l: Locale, miles: boolean): string {
  const began = r.start ? m.areaSince(formatPartialDate(r.start, l) ?? r.start) : m.areaStartUnknown;
  const reach = r.countyWide ? ` · ${m.areaRowCountyWide}` : (r.spans ?? 0) > 1 ? ` · ${m.areaRowSpans(r.spans!)}` : '';
  const dist = miles ? ` · ${milesText(r.miles, m, l)}` : '';
  return `${r.name} — ${m.typeLabels[r.type]}, ${r.state} · ${began}${reach}${dist}`;
}

/** A place's handout: Find my area's answer (covering, serving, nearby or inside the county). */
export function placeHandout(v: FoundView, c: HandoutContext): Handout {
  const l = c.locale;
  const m = CATALOGUES[l];
  const more = m.handoutMoreAgencies;
  const rows = (id: HandoutSection['id'], heading: string, list: AreaRow[], miles: boolean) => section(id, heading, list.map((r) => ({ text: rowText(r, m, l, miles) })), more);
  const sections: HandoutSection[] = [];
  let any: boolean;
  if (v.whole) {
    const county = v.county ?? v.label;
    any = v.inside.length > 0;
    if (any) sections.push(rows('inside', m.areaCountyInside(formatInt(v.inside.length, l), v.inside.length, county), v.inside, false));
    else sections.push(section('none', null, [{ text: `${m.areaCountyNoneInside(county)}${v.nearest ? rowNearest(v.nearest, m, l) : '.'}` }]));
  } else {
    any = v.withinCount > 0 || v.covering.length > 0 || v.spanning.length > 0;
    if (v.covering.length) sections.push(rows('covering', m.areaCovering(v.county), v.covering, false));
    else if (v.county) sections.push(section('none', null, [{ text: m.areaNoCounty(v.county) }]));
    if (v.spanning.length && v.county) sections.push(rows('spanning', m.areaSpanning(v.county), v.spanning, false));
    if (v.withinCount) {
      const s = rows('within', m.areaWithinCount(formatInt(v.withinCount, l), v.withinCount, v.radius), v.within, true);
      // The answer lists the nearest ones only: the rest are on the live map.
      s.more = v.withinCount - v.within.length;
      sections.push(s);
    } else {
      sections.push(section('none', null, [{ text: `${m.areaNone(v.radius, v.label)}${v.nearest ? rowNearest(v.nearest, m, l) : '.'}` }]));
    }
  }
  sections.push(section('sources', m.handoutSources, [{ text: m.handoutPlaceSources }]));
  return {
    kind: 'place',
    locale: l,
    kicker: m.handoutKicker,
    // A county is answered as a whole (no radius): "in", not "in and near", and not named twice.
    title: v.whole ? m.handoutCountyTitle(v.county ?? v.label) : m.handoutPlaceTitle(v.label),
    subtitle: v.county && !v.whole ? m.handoutPlaceCounty(v.county) : '',
    lead: v.note ?? '',
    sections,
    // The coverage note where counts show; the absence note where nothing (or not everything) is documented.
    coverage: any ? m.coverage : m.absenceNote,
    questionsTitle: m.handoutQuestionsTitle,
    questions: [...m.handoutQuestions],
    asOf: asOfText(m, c.dataAsOf, l),
    credit: m.handoutCredit,
    qrCaption: m.handoutQrPlace,
    link: c.link,
  };
}

function rowNearest(r: AreaRow, m: Messages, l: Locale): string {
  return m.areaNearest(r.name, r.state, milesText(r.miles, m, l));
}

/** Distances as the answer on the map writes them (search/nearby.ts), in the handout's language. */
function milesText(miles: number, m: Messages, l: Locale): string {
  const digits = miles < 10 ? 1 : 0;
  return m.milesShort(new Intl.NumberFormat(numberTag(l), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(miles < 10 ? miles : Math.round(miles)));
}

/**
 * The page's line budget. The printed page (see handout.css) sets 9.5 pt type
 * on 12.5 pt lines inside 0.5 in margins (about 110 characters a line on A4,
 * the narrower paper, and 57 lines on Letter, the shorter one); the budget
 * counts fewer characters per line and counts headings, the coverage box and
 * the header generously, so one budget holds for both papers (the browser
 * test prints the fullest handouts to PDF on both).
 */
export const CHARS_PER_LINE = 105;
export const LINES_PER_PAGE = 54;
/** The header (the QR code beside the titles, its caption and link) takes at least this many lines. */
const HEADER_LINES = 10;

const lines = (text: string, width = CHARS_PER_LINE) => Math.max(1, Math.ceil(text.length / width));
/** A URL follows its text on the same line, in smaller type (8 pt for 9.5 pt), and breaks anywhere. */
const itemLines = (i: HandoutItem) => lines(`${i.text} ${i.url ? 'x'.repeat(Math.ceil(i.url.length * 0.85)) : ''}`.trim());

/** How many lines the page needs, as laid out by handout.css. */
export function printedLines(h: Handout): number {
  // The header (kicker, title, subtitle, QR code with its caption and URL) is a fixed block.
  let n = Math.max(HEADER_LINES, 3 + lines(h.title, 55) * 2 + lines(h.subtitle, 80) + lines(`${h.qrCaption} ${h.link}`, 90));
  if (h.lead) n += lines(h.lead);
  for (const s of h.sections) {
    if (s.heading) n += 1 + lines(s.heading) * 1.2;
    for (const i of s.items) n += itemLines(i);
    if (s.more) n += lines(s.moreText(s.more));
  }
  n += 1 + lines(h.coverage);
  n += 1.5 + h.questions.reduce((a, q) => a + lines(q, CHARS_PER_LINE - 4), 0);
  n += 1 + lines(`${h.asOf} ${h.credit}`);
  return n;
}

/** Which sections give up lines first, and how many items each keeps at least. */
const TRIM: [HandoutSection['id'], number][] = [['sources', 2], ['within', 3], ['inside', 5], ['perks', 3], ['sources', 1], ['spanning', 2], ['covering', 2], ['records', 1]];

/** The handout with the least needed items dropped (and counted) until it fits one page. */
export function fitToPage(h: Handout): Handout {
  const out: Handout = { ...h, sections: h.sections.map((s) => ({ ...s, items: [...s.items] })) };
  for (const [id, keep] of TRIM) {
    const s = out.sections.find((x) => x.id === id);
    while (s && s.items.length > keep && printedLines(out) > LINES_PER_PAGE) {
      s.items.pop();
      s.more++;
    }
  }
  return out;
}
