/**
 * An agency's MOU link as the data types it: the agreement itself, or a
 * report about it (with its publisher, to name it). Labels come from this,
 * never from the link's address.
 */
import type { AgencyProperties } from './contract';
import type { MouKind } from './vocabulary';

export interface MouLink {
  url: string;
  /** null only in data published before links were typed: say neither. */
  kind: MouKind | null;
  /** Who published the linked page, from the agency's sources. */
  publisher: string | null;
}

export function mouLink(p: Pick<AgencyProperties, 'mou_url' | 'mou_kind' | 'sources'>): MouLink | null {
  if (!p.mou_url) return null;
  return { url: p.mou_url, kind: p.mou_kind ?? null, publisher: p.sources.find((s) => s.url === p.mou_url)?.publisher ?? null };
}
