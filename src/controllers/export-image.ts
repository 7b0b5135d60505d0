/**
 * Export image, loaded on first use: the dialog, its default title (the
 * filters in words, with the count) and the PNG of exactly the map on screen.
 */
import { COUNTY_ZOOM } from '../map/density-layer';
import { classLabels } from '../scales/density';
import { describeFilters } from '../filters/filters';
import { canvasToBlob, renderExport } from '../share/export-image';
import type { ExportSize } from '../share/export-image';
import { download } from '../share/download-data';
import { selectionFileName } from '../share/file-name';
import { fileStamp } from '../share/credit-line';
import { monthLabel, shortMonthLabel } from '../time/months';
import { setupExportDialog } from '../ui/export-dialog';
import { formatInt, formatUsd } from '../ui/format';
import { agenciesLabel } from '../ui/labels';
import { $ } from '../ui/dom';
import { MSG } from '../i18n/messages';
import type { AppContext } from './context';
import type { StartColors } from './colors';
import type { LegendModel } from './legend';
import type { AreaShape } from '../map/area-layer';
import type { AreaFacts } from '../search/area-compare';
import { compareCaptionLine } from '../share/compare-caption';
import { viewAltText } from './alt-text';
import { withPngText } from '../share/png-text';

export interface ExportDeps {
  ctx: Pick<AppContext, 'store' | 'index' | 'dataset' | 'mapView' | 'derived' | 'inViewMask' | 'creditLine' | 'fullMapUrl'>;
  colors: StartColors;
  legend(): LegendModel;
  selected(): number | null;
  /** Two places compared: drawn on the map, and their facts written in the caption and the PNG's text. */
  comparison?(): { shapes: AreaShape[]; facts: AreaFacts[] } | null;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) n += v;
  return n;
}

/** Default image title and subtitle: the filters in words, with the count. */
function defaults({ ctx, comparison }: ExportDeps): { title: string; subtitle: string } {
  const inView = count(ctx.inViewMask());
  const all = ctx.derived.count;
  const shown = agenciesLabel(all);
  const facts = comparison?.()?.facts ?? [];
  // Two places compared: the subtitle names them first.
  const places = facts.length === 2 ? `${MSG.compareSubtitle(facts[0].label, facts[1].label)} · ` : '';
  return {
    title: MSG.exportDefaultTitle,
    subtitle: `${places}${describeFilters(ctx.store.state.filters, monthLabel)} · ${inView === all ? shown : MSG.exportInView(shown, formatInt(inView))}`,
  };
}

async function exportImage(d: ExportDeps, size: ExportSize, chrome: boolean, text: { title: string; subtitle: string }): Promise<string> {
  const { ctx } = d;
  if (!ctx.mapView) throw new Error(MSG.exportNoMap);
  await ctx.mapView.ready;
  const s = ctx.store.state;
  const lg = d.legend();
  const map = ctx.mapView.map;
  const c = map.getCenter();
  const box = map.getContainer().getBoundingClientRect();
  const compared = d.comparison?.() ?? null;
  const captions = compared ? compared.facts.map(compareCaptionLine) : [];
  const canvas = await renderExport({
    areas: compared?.shapes,
    size, chrome, index: ctx.index, colorOf: d.colors.ofAgency, mask: ctx.derived.mask, layers: s.layers,
    selected: d.selected(),
    view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() },
    screen: { width: Math.round(box.width), height: Math.round(box.height) },
    text: { title: text.title || MSG.exportDefaultTitle, subtitle: text.subtitle },
    notes: [...captions, MSG.coverage, `${ctx.creditLine()} ${MSG.exportBasemapCredit}`],
    legend: {
      layers: s.layers,
      dateLabels: [shortMonthLabel(d.colors.domain[0]), shortMonthLabel(d.colors.domain[1])],
      perkExamples: lg.perkExamples.map((e) => ({ label: formatUsd(e.usd), r: e.r })),
      ...(map.getZoom() >= COUNTY_ZOOM && lg.countyBreaks.length
        ? { densityTitle: MSG.densityPerCounty, densityLabels: classLabels(lg.countyBreaks) }
        : { densityTitle: MSG.densityPerState, densityLabels: classLabels(lg.densityBreaks) }),
    },
  });
  const name = selectionFileName(s.filters, { stamp: fileStamp(ctx.dataset.metadata), suffix: `map-${size.id}`, ext: 'png' });
  // The description travels with the file: alt text (with the compared places' counts), title, where it comes from and the credit, as iTXt (UTF-8).
  const png = new Uint8Array(await (await canvasToBlob(canvas)).arrayBuffer());
  const credit = `${ctx.creditLine()} ${MSG.exportBasemapCredit}`;
  const description = exportDescription(d, captions);
  const tagged = withPngText(png, [['Title', text.title || MSG.exportDefaultTitle], ['Description', description], ['Source', ctx.fullMapUrl()], ['Copyright', credit]]);
  download(name, 'image/png', new Blob([tagged], { type: 'image/png' }));
  return MSG.exportSaved(name, canvas.width, canvas.height);
}

/** What the exported image shows, in words: the compared places' lines (if any), then the view's alt text. The dialog shows the same text the file carries. */
function exportDescription(d: ExportDeps, captions: string[]): string {
  return [...captions, viewAltText(d.ctx, true).description].join('\n');
}

/** Builds the dialog; returns what opens it. */
export function exportDialog(d: ExportDeps): () => void {
  return setupExportDialog($('#export-dialog') as HTMLDialogElement, $('#export-button') as HTMLButtonElement, {
    defaults: () => defaults(d),
    run: (size, chrome, text) => exportImage(d, size, chrome, text),
    altText: () => exportDescription(d, (d.comparison?.()?.facts ?? []).map(compareCaptionLine)),
  });
}
