/**
 * The public-records request letter, in English or Spanish: to a partnered
 * agency (its name, place, the partnership's dates and story as the map
 * documents them) or, for a place with no partner on the map, to the local
 * police and the county sheriff, asking whether they have or had such an
 * arrangement. The law comes from the state's row of the law table. Pure:
 * the card, Find my area and the static agency pages all write it here.
 */
import type { AgencyProperties } from '../core/contract';
import type { RecordsLaw } from '../core/records-law';
import { US_STATES } from '../geo/us-states';
import type { Locale } from '../i18n/locale';
import { CATALOGUES } from '../i18n/messages';
import { partnershipStory } from '../story/partnership-story';
import { formatPartialDate } from '../time/months';
import { datePrecision } from '../core/dates';

export type LetterAgency = Pick<AgencyProperties, 'id' | 'name' | 'city' | 'county' | 'state' | 'start_date' | 'end_date' | 'status' | 'programs'>;

export interface LetterPlace {
  /** The place as Find my area names it ("Lakeland, FL"). */
  place: string;
  /** "Suffolk County", when known. */
  county: string | null;
  state: string;
}

/** Whom a letter is for: a partnered agency, or a place no partner on the map covers. */
export type RequestTarget = { kind: 'agency'; agency: LetterAgency } | { kind: 'place'; place: LetterPlace };

export interface Letter {
  subject: string;
  body: string;
  /** Said beside the letter, not in it: residency, fees, where the law was checked. */
  notes: string[];
  fileName: string;
}

export function stateFullName(code: string): string {
  return US_STATES.find((s) => s.code === code)?.name ?? code;
}

const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'request';

/** A partial date in words, with the article Spanish puts before a full date ("el 23 de mayo de 2019"). */
function dateWords(d: string | null, l: Locale): string | null {
  const words = formatPartialDate(d, l);
  if (!words || !d) return null;
  return datePrecision(d) === 'day' ? CATALOGUES[l].recordsRequest.onDay(words) : words;
}

function numbered(items: readonly string[]): string {
  return items.map((t, k) => `${k + 1}. ${t}`).join('\n');
}

function notesFor(law: RecordsLaw, l: Locale): string[] {
  const w = CATALOGUES[l].recordsRequest;
  return [
    ...(law.residents_only ? [w.residentsOnly(law.law_name, stateFullName(law.state))] : []),
    ...(law.fee_notes ? [w.feeNotes(law.fee_notes)] : []),
    w.lawSource(law.law_name, law.citation, law.source_url, formatPartialDate(law.checked_on, l) ?? law.checked_on),
    ...(w.dataEnglish ? [w.dataEnglish] : []),
    w.notAdvice,
  ];
}

function closing(law: RecordsLaw, l: Locale): string[] {
  const w = CATALOGUES[l].recordsRequest;
  return [
    w.format,
    w.exemptions,
    w.fees,
    law.response_deadline ? w.deadline(law.response_deadline, law.citation) : w.deadlineUnknown,
    '',
    w.thanks,
    w.signature,
  ];
}

/** The letter to a partnered agency, for the partnership's dates where known. */
export function agencyLetter(a: LetterAgency, law: RecordsLaw, l: Locale): Letter {
  const w = CATALOGUES[l].recordsRequest;
  const place = [a.city, a.county, stateFullName(a.state)].filter(Boolean).join(', ');
  // The earliest documented start of any arrangement (officer incentives can predate the portal).
  const starts = [a.start_date, ...a.programs.map((g) => g.start_date)].filter((d): d is string => !!d).sort();
  const from = dateWords(starts[0] ?? null, l);
  const to = a.end_date ? dateWords(a.end_date, l) : null;
  const story = partnershipStory(a, l).text;
  const body = [
    w.dateLine,
    '',
    w.toAgency(a.name, place),
    '',
    w.greeting,
    '',
    w.openingAgency(law.law_name, law.citation, a.name),
    '',
    numbered(w.items),
    '',
    from ? w.period(from, to) : w.periodUnknown,
    '',
    w.documented(story),
    '',
    ...closing(law, l),
  ].join('\n');
  return { subject: w.subjectAgency(a.name, law.law_name), body, notes: notesFor(law, l), fileName: w.fileName(slug(a.id)) };
}

/** The letter for a place with no partner on the map: to its police and its county's sheriff. */
export function placeLetter(p: LetterPlace, law: RecordsLaw, l: Locale): Letter {
  const w = CATALOGUES[l].recordsRequest;
  const where = p.place.includes(p.state) ? p.place : `${p.place}, ${p.state}`;
  const county = p.county ? `${p.county}, ${stateFullName(p.state)}` : null;
  const body = [
    w.dateLine,
    '',
    w.toPlace(where, county),
    '',
    w.greeting,
    '',
    w.openingPlace(law.law_name, law.citation),
    '',
    numbered(w.items),
    '',
    w.periodPlace,
    '',
    ...closing(law, l),
  ].join('\n');
  return { subject: w.subjectPlace(where, law.law_name), body, notes: notesFor(law, l), fileName: w.fileName(slug(`${p.place}-${p.state}`)) };
}

/** The letter for a target under its state's law. */
export function letterFor(t: RequestTarget, law: RecordsLaw, l: Locale): Letter {
  return t.kind === 'agency' ? agencyLetter(t.agency, law, l) : placeLetter(t.place, law, l);
}

export function targetState(t: RequestTarget): string {
  return t.kind === 'agency' ? t.agency.state : t.place.state;
}

/** The letter as it is copied, downloaded and printed: subject and body (the notes are for the sender, said beside it). */
export function letterText(x: Letter, l: Locale): string {
  return `${CATALOGUES[l].recordsRequest.subjectLabel}: ${x.subject}\n\n${x.body}\n`;
}

/** Longest mailto: link written: room for the whole letter, well short of what mail programs refuse. */
export const MAILTO_MAX = 4000;

/**
 * A mailto: link with the subject and the letter (no address: the map has
 * none, and none is guessed). A letter too long for the link is cut at a
 * line and says so.
 */
export function mailtoLink(x: Letter, l: Locale): string {
  const enc = encodeURIComponent;
  const head = `mailto:?subject=${enc(x.subject)}&body=`;
  const full = head + enc(x.body);
  if (full.length <= MAILTO_MAX) return full;
  const cut = `\n\n${CATALOGUES[l].recordsRequest.emailCut}`;
  const lines = x.body.split('\n');
  let body = '';
  for (const line of lines) {
    const next = body ? `${body}\n${line}` : line;
    if ((head + enc(next + cut)).length > MAILTO_MAX) break;
    body = next;
  }
  return head + enc(body + cut);
}
