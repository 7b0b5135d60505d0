/** The legend for the visible layers; every key pairs colour with a shape or words. */
import type { LayerId } from '../state/app-state';
import { VIRIDIS, UNDATED_COLOR } from '../scales/palette';
import { DENSITY_COLORS, classLabels } from '../scales/density';
import { PERK_COLOR } from '../map/perks-layer';
import { drawDocumentIcon } from '../map/records-icon';
import { shortMonthLabel } from '../time/months';
import type { Month } from '../core/periods';
import { h } from './dom';
import { drawSearchPin } from '../map/search-pin';
import { MSG } from '../i18n/messages';
import { searchLegendLabels, type SearchLegend } from '../search/search-legend';
import { formatUsd } from './format';

export interface LegendInput {
  layers: readonly LayerId[];
  dateDomain: [Month, Month];
  perkExamples: { usd: number; r: number }[];
  densityBreaks: number[];
  /** County classes, once the counties are loaded. */
  countyBreaks: number[];
  /** The search on the map, when there is one. */
  search?: SearchLegend | null;
}

/** A small software canvas: an accelerated one opens a GPU context of its own, slow to start on software renderers. */
function iconCanvas(cls: string, width: number, height: number): { c: HTMLCanvasElement; ctx: CanvasRenderingContext2D | null } {
  const c = h('canvas', { class: cls, width, height, 'aria-hidden': 'true' });
  return { c, ctx: c.getContext('2d', { willReadFrequently: true }) };
}

function pinIcon(): HTMLElement {
  const { c, ctx } = iconCanvas('pin-icon', 20, 28);
  if (ctx) drawSearchPin(ctx, 20);
  return c;
}

function classRows(b: number[]): HTMLElement[] {
  const labels = classLabels(b);
  return DENSITY_COLORS.map((c, k) => h('p', { class: 'legend-row' }, swatch(`background:${c}`, 'box'), ` ${labels[k]}`));
}

function swatch(style: string, cls = ''): HTMLElement {
  const s = h('span', { class: `swatch ${cls}`.trim(), 'aria-hidden': 'true' });
  // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
  s.style.cssText = style;
  return s;
}

function docIcon(): HTMLElement {
  const { c, ctx } = iconCanvas('doc-icon', 32, 32);
  if (ctx) drawDocumentIcon(ctx, 32);
  return c;
}

/** The rows of the search's key: pins and their radius, county outlines, named for one place or two. */
function searchRows(s: SearchLegend): HTMLElement[] {
  const { pin, radius, county } = searchLegendLabels(s);
  return [
    pin ? h('p', { class: 'legend-row' }, pinIcon(), ` ${pin}`) : null,
    radius ? h('p', { class: 'legend-row' }, swatch('border-top:2px dashed #1b4f72;background:#1b4f7212', 'line'), ` ${radius}`) : null,
    county ? h('p', { class: 'legend-row' }, swatch('border-top:3px solid #6a3d9a', 'line'), ` ${county}`) : null,
  ].filter((r) => r !== null);
}

export function renderLegend(root: HTMLElement, input: LegendInput, collapsed: boolean, onToggle: () => void): void {
  const toggle = h('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': String(!collapsed) }, collapsed ? MSG.showLegend : MSG.hideLegend);
  toggle.addEventListener('click', onToggle);
  const blocks: HTMLElement[] = [];
  if (!collapsed) {
    if (input.search) {
      blocks.push(h('div', { class: 'legend-block' },
        h('p', { class: 'legend-title' }, MSG.legendSearchTitle),
        ...searchRows(input.search),
      ));
    }
    if (input.layers.includes('points')) {
      const [a, b] = input.dateDomain;
      blocks.push(h('div', { class: 'legend-block' },
        h('p', { class: 'legend-title' }, MSG.legendAgencyTitle),
        h('div', { class: 'ramp-row' },
          h('span', {}, shortMonthLabel(a)),
          swatch(`background: linear-gradient(to right, ${VIRIDIS.join(',')})`, 'ramp'),
          h('span', {}, shortMonthLabel(b)),
        ),
        h('p', { class: 'legend-row' }, swatch(`background:#fff;border:2px solid #5f6368;background-color:${UNDATED_COLOR}33`, 'dot hollow'), ` ${MSG.legendUndated}`),
        h('p', { class: 'legend-row' }, swatch(`background:${VIRIDIS[4]}`, 'dot big'), ` ${MSG.clusterLegend}`),
      ));
    }
    if (input.layers.includes('perks')) {
      blocks.push(h('div', { class: 'legend-block' },
        h('p', { class: 'legend-title' }, MSG.legendPerksTitle),
        ...input.perkExamples.map((e) => h('p', { class: 'legend-row' }, swatch(`width:${2 * e.r}px;height:${2 * e.r}px;background:${PERK_COLOR}73;border:1.5px solid #7f3500`, 'dot'), ` ${formatUsd(e.usd)}`)),
        h('p', { class: 'legend-row' }, swatch('width:16px;height:16px;border:1.5px solid #7f3500;background:transparent', 'dot'), ` ${MSG.legendPerkNoValue}`),
      ));
    }
    if (input.layers.includes('records')) {
      blocks.push(h('div', { class: 'legend-block' }, h('p', { class: 'legend-row' }, docIcon(), ` ${MSG.legendRecords}`)));
    }
    if (input.layers.includes('density')) {
      blocks.push(h('div', { class: 'legend-block' }, h('p', { class: 'legend-title' }, MSG.legendPerState), ...classRows(input.densityBreaks)));
      if (input.countyBreaks.length) {
        blocks.push(h('div', { class: 'legend-block' }, h('p', { class: 'legend-title' }, MSG.legendPerCounty), ...classRows(input.countyBreaks)));
      }
    }
  }
  root.replaceChildren(toggle, ...blocks);
  root.classList.toggle('collapsed', collapsed);
}
