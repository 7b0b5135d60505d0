/** Download data, loaded on first use: exactly the filtered agencies (or those in view) as CSV or GeoJSON. */
import type { AgencyFeature } from '../core/contract';
import { describeFilters } from '../filters/filters';
import { download, toCsv, toGeoJson } from '../share/download-data';
import { selectionFileName } from '../share/file-name';
import { fileStamp } from '../share/credit-line';
import { monthLabel } from '../time/months';
import { setupDownloadDialog } from '../ui/export-dialog';
import type { DownloadScope } from '../ui/export-dialog';
import { $ } from '../ui/dom';
import { MSG } from '../i18n/messages';
import type { AppContext } from './context';

type DownloadContext = Pick<AppContext, 'store' | 'index' | 'dataset' | 'details' | 'history' | 'derived' | 'inViewMask' | 'creditLine'>;

/** Builds the dialog; returns what opens it. */
export function downloadDialog(ctx: DownloadContext): () => void {
  const describe = () => describeFilters(ctx.store.state.filters, monthLabel);
  const maskFor = (scope: DownloadScope) => (scope === 'view' ? ctx.inViewMask() : ctx.derived.mask);
  // The full records of exactly the agencies the mask selects, from the details chunks.
  const rowsFor = (scope: DownloadScope): Promise<AgencyFeature[]> => {
    const mask = maskFor(scope);
    return ctx.details.getMany(ctx.index.rows.filter((_, i) => mask[i]));
  };
  const fileName = (scope: DownloadScope, ext: string) => selectionFileName(ctx.store.state.filters, { inView: scope === 'view', stamp: fileStamp(ctx.dataset.metadata), ext });
  const selection = (scope: DownloadScope) => `${describe()}${scope === 'view' ? MSG.downloadOnlyInView : ''}`;
  return setupDownloadDialog($('#download-dialog') as HTMLDialogElement, $('#download-button') as HTMLButtonElement, {
    counts: () => ({ all: ctx.derived.count, view: ctx.inViewMask().reduce((n, v) => n + v, 0) }),
    describe,
    csv: async (scope) => {
      const [rows, hst] = await Promise.all([rowsFor(scope), ctx.history.get()]);
      download(fileName(scope, 'csv'), 'text/csv;charset=utf-8', toCsv(rows, { selection: selection(scope), credit: `${ctx.creditLine()} ${MSG.coverage}`, eras: hst.eras }));
      return rows.length;
    },
    geojson: async (scope) => {
      const [rows, hst] = await Promise.all([rowsFor(scope), ctx.history.get()]);
      download(fileName(scope, 'geojson'), 'application/geo+json', toGeoJson(rows, { ...ctx.dataset.metadata, coverage: MSG.coverage }, selection(scope), hst.eras));
      return rows.length;
    },
  });
}
