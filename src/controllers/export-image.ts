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
import { viewAltText } from './alt-text';
import { withPngText } from '../share/png-text';

export interface ExportDeps {
  ctx: Pick<AppContext, 'store' | 'index' | 'dataset' | 'mapView' | 'derived' | 'inViewMask' | 'creditLine' | 'fullMapUrl'>;
  colors: StartColors;
  legend(): LegendModel;
  selected(): number | null;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) n += v;
  return n;
}

/** Default image title and subtitle: the filters in words, with the count. */
function defaults({ ctx }: ExportDeps): { title: string; subtitle: string } {
  const inView = count(ctx.inViewMask());
  const all = ctx.derived.count;
  const shown = agenciesLabel(all);
  return {
    title: MSG.exportDefaultTitle,
    subtitle: `${describeFilters(ctx.store.state.filters, monthLabel)} · ${inView === all ? shown : MSG.exportInView(shown, formatInt(inView))}`,
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
  const canvas = await renderExport({
    size, chrome, index: ctx.index, colorOf: d.colors.ofAgency, mask: ctx.derived.mask, layers: s.layers,
    selected: d.selected(),
    view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() },
    screen: { width: Math.round(box.width), height: Math.round(box.height) },
    text: { title: text.title || MSG.exportDefaultTitle, subtitle: text.subtitle },
    notes: [MSG.coverage, `${ctx.creditLine()} ${MSG.exportBasemapCredit}`],
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
  // The description travels with the file: alt text, title, where it comes from and the credit, as iTXt (UTF-8).
  const png = new Uint8Array(await (await canvasToBlob(canvas)).arrayBuffer());
  const credit = `${ctx.creditLine()} ${MSG.exportBasemapCredit}`;
  const tagged = withPngText(png, [['Title', text.title || MSG.exportDefaultTitle], ['Description', viewAltText(ctx, true).description], ['Source', ctx.fullMapUrl()], ['Copyright', credit]]);
  download(name, 'image/png', new Blob([tagged], { type: 'image/png' }));
  return MSG.exportSaved(name, canvas.width, canvas.height);
}

/** Builds the dialog; returns what opens it. */
export function exportDialog(d: ExportDeps): () => void {
  return setupExportDialog($('#export-dialog') as HTMLDialogElement, $('#export-button') as HTMLButtonElement, {
    defaults: () => defaults(d),
    run: (size, chrome, text) => exportImage(d, size, chrome, text),
    altText: () => viewAltText(d.ctx, true).description,
  });
}
