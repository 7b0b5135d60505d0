/**
 * What an agency or a program got, as the static pages show it. All perk
 * wording lives here: an unknown figure reads "not documented" (never 0),
 * a documented floor reads "at least", and only the contract's `*_given`
 * and value fields are presented as given. When the data gains a status
 * for a perk (offered, bought, returned), this is the one place to word it.
 */
import type { AgencyProperties, Program } from '../../src/core/contract';
import { formatCount, formatUsd } from '../../src/ui/format';
import { esc } from './html';

type Figures = Pick<Program, 'devices_given' | 'perk_value_usd' | 'subsidy_usd'>;
type FigureKey = keyof Figures;

export interface PerkRow {
  key: FigureKey | 'not_given';
  term: string;
  value: string;
  documented: boolean;
}

const TERMS: Record<FigureKey, string> = {
  devices_given: 'Devices given',
  perk_value_usd: 'Value of perks',
  subsidy_usd: 'City subsidy',
};

function row(key: FigureKey, v: number | null, atLeast: boolean): PerkRow {
  const value = key === 'devices_given' ? formatCount(v, atLeast && v !== null) : formatUsd(v, atLeast && v !== null);
  return { key, term: TERMS[key], value, documented: v !== null };
}

/** The agency's totals; a total is a floor when any program's figure in it is one. */
export function agencyPerks(p: AgencyProperties): PerkRow[] {
  const floor = (k: FigureKey) => p.programs.some((g) => g.at_least && g[k] !== null);
  return (Object.keys(TERMS) as FigureKey[]).map((k) => row(k, p[k], floor(k)));
}

/**
 * A program's figures (only a perk that was given carries any), and what was
 * offered, bought, approved or returned instead, in words; none for a portal
 * listing that documents no perk.
 */
export function programPerks(g: Program): PerkRow[] {
  const keys = Object.keys(TERMS) as FigureKey[];
  const notGiven: PerkRow[] = g.perk_status && g.perk_status !== 'given' && g.perk_note
    ? [{ key: 'not_given', term: 'Not counted as given', value: g.perk_note, documented: true }]
    : [];
  if (g.kind === 'neighbors_portal' && keys.every((k) => g[k] === null)) return notGiven;
  return [...keys.map((k) => row(k, g[k], g.at_least)), ...notGiven];
}

/** `<dt>`/`<dd>` pairs; "not documented" is muted but present. */
export function perkItems(rows: PerkRow[]): string {
  return rows
    .map((r) => `<div class="fact"><dt>${esc(r.term)}</dt><dd${r.documented ? '' : ' class="muted"'}>${esc(r.value)}</dd></div>`)
    .join('');
}

/** A one-line summary of documented perks for descriptions, or null when none is documented. */
export function perkSummary(p: AgencyProperties): string | null {
  const documented = agencyPerks(p).filter((r) => r.documented);
  return documented.length ? documented.map((r) => `${r.term.toLowerCase()}: ${r.value}`).join('; ') : null;
}
