/**
 * The handout's links. A handout link carries its subject the way the map's
 * own link does (`handout.html#agency=<id>&lang=es`, `#area=Houston, TX&radius=25`),
 * read by the map's own parser, and the paper in its query (`?paper=a4`). The
 * QR code holds the live map's link to the same agency or answer. Pure.
 */
import { defaultState } from '../state/app-state';
import { formatUrlState, parseUrlState } from '../state/url-state';
import type { Locale } from '../i18n/locale';
import { PAPERS, type Paper } from './handout-model';

export type Subject = { agency: string } | { area: string; radius: number };

export const HANDOUT_PAGE = 'handout.html';

/** What a handout link asks for: the subject (null when it names none), its language and its paper. */
export function parseHandoutLink(search: string, hash: string): { subject: Subject | null; lang: Locale | null; paper: Paper | null } {
  const { state } = parseUrlState(hash, search);
  let paper: Paper | null = null;
  try {
    const p = new URLSearchParams(search.replace(/^\?/, '')).get('paper')?.toLowerCase();
    if (p && (PAPERS as readonly string[]).includes(p)) paper = p as Paper;
  } catch {
    /* a malformed query names no paper */
  }
  // An agency wins over a place: the card's link names only the agency.
  const subject: Subject | null = state.agency ? { agency: state.agency } : state.area ? { area: state.area, radius: state.radius } : null;
  return { subject, lang: state.lang, paper };
}

/** The map's hash for the subject: the agency's card, or the place's answer; nothing else (no filters). */
export function subjectHash(s: Subject, lang: Locale | null): string {
  const st = { ...defaultState(), lang };
  return formatUrlState('agency' in s ? { ...st, agency: s.agency } : { ...st, area: s.area, radius: s.radius });
}

/** The handout link, relative to the map's page (they share a folder). Letter is the default and left out. */
export function handoutHref(s: Subject, lang: Locale | null, paper: Paper = 'letter'): string {
  return `${HANDOUT_PAGE}${paper === 'letter' ? '' : `?paper=${paper}`}${subjectHash(s, lang)}`;
}

/** The live map's absolute link to the subject, from the handout page's own address. */
export function liveLink(pageHref: string, s: Subject, lang: Locale | null): string {
  return new URL(`./${subjectHash(s, lang)}`, pageHref).href;
}
