/** The start-date colour ramp: it spans the start dates of the agencies shown (the date range aside), so it matches the data. */
import type { AgencyIndex } from '../data/agency-index';
import { startColorScale, startDomain } from '../scales/palette';

export class StartColors {
  domain: [number, number];
  private scale: (m: number | null) => string;

  constructor(private index: AgencyIndex) {
    this.domain = [index.minStart, index.maxStart];
    this.scale = startColorScale(this.domain);
  }

  readonly ofMonth = (m: number | null): string => this.scale(m);
  readonly ofAgency = (i: number): string => this.scale(this.index.start[i] < 0 ? null : this.index.start[i]);

  /** Follows the agencies a mask keeps (the filters without the date range). */
  follow(mask: Uint8Array): void {
    const d = startDomain(this.index.start, mask) ?? [this.index.minStart, this.index.maxStart];
    if (d[0] === this.domain[0] && d[1] === this.domain[1]) return;
    this.domain = d;
    this.scale = startColorScale(d);
  }
}
