/**
 * Partnerships begun per year as a small inline SVG bar chart. Years after
 * the Atlas export (which stops in September 2020) come only from reporting
 * and are drawn hatched-light with a note, never as a complete count.
 */
import { esc } from './html';

/** The last year the Atlas export covers (partly: it stops in September). */
export const ATLAS_LAST_YEAR = 2020;

export interface YearCount {
  year: number;
  count: number;
}

/** Counts per year from `first` to `last` of the years present, gaps as zero. */
export function countsByYear(years: (number | null)[]): YearCount[] {
  const known = years.filter((y): y is number => y !== null);
  if (!known.length) return [];
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const out: YearCount[] = [];
  for (let y = lo; y <= hi; y++) out.push({ year: y, count: known.filter((k) => k === y).length });
  return out;
}

export function yearChartSvg(counts: YearCount[], label: string): string {
  if (!counts.length) return '';
  const bw = 44;
  const gap = 12;
  const top = 22;
  const plot = 120;
  const width = counts.length * (bw + gap) + gap;
  const height = top + plot + 24;
  const max = Math.max(...counts.map((c) => c.count), 1);
  const bars = counts
    .map((c, i) => {
      const x = gap + i * (bw + gap);
      const h = c.count ? Math.max(2, Math.round((c.count / max) * plot)) : 0;
      const y = top + plot - h;
      const cls = c.year > ATLAS_LAST_YEAR ? 'bar bar-reported' : 'bar';
      return (
        `<rect class="${cls}" x="${x}" y="${y}" width="${bw}" height="${h}"/>` +
        `<text class="bar-value" x="${x + bw / 2}" y="${y - 6}">${c.count}</text>` +
        `<text class="bar-year" x="${x + bw / 2}" y="${top + plot + 17}">${c.year}${c.year > ATLAS_LAST_YEAR ? '*' : ''}</text>`
      );
    })
    .join('');
  return (
    `<svg class="year-chart" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="axis" x1="0" x2="${width}" y1="${top + plot + 0.5}" y2="${top + plot + 0.5}"/>${bars}</svg>`
  );
}
