/** The image export dialog and the data download dialog. */
import { EXPORT_SIZES } from '../share/export-image';
import type { ExportSize } from '../share/export-image';
import { h } from './dom';
import { formatInt } from './format';
import { MSG } from '../i18n/messages';
import { agenciesLabel } from './labels';
import { altTextField } from './alt-text-field';

export interface ExportContext {
  /** The default title and subtitle (the filters in words) for the current view. */
  defaults(): { title: string; subtitle: string };
  run(size: ExportSize, chrome: boolean, text: { title: string; subtitle: string }): Promise<string>;
  /** What the image shows, in words: its alt text (also written into the PNG). */
  altText(): string;
}

export function setupExportDialog(dialog: HTMLDialogElement, button: HTMLButtonElement, ctx: ExportContext): () => void {
  button.hidden = false;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': MSG.close }, '×');
  close.addEventListener('click', () => dialog.close());
  const sizes = h('fieldset', { class: 'sizes' }, h('legend', {}, MSG.sizeLabel));
  EXPORT_SIZES.forEach((s, k) => {
    const r = h('input', { type: 'radio', name: 'export-size', id: `export-${s.id}`, value: s.id, checked: k === 1 });
    sizes.append(h('label', { class: 'check', for: `export-${s.id}` }, r, ` ${MSG.exportSizes[s.id] ?? s.id}`));
  });
  const title = h('input', { type: 'text', id: 'export-title-text', maxlength: 160 });
  const subtitle = h('input', { type: 'text', id: 'export-subtitle', maxlength: 240 });
  // A title the user edited is kept; one still at its default follows the view.
  let last = { title: '', subtitle: '' };
  const chrome = h('input', { type: 'checkbox', id: 'export-chrome', checked: true });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const go = h('button', { type: 'button', class: 'find', id: 'export-go' }, MSG.exportGo);
  go.addEventListener('click', async () => {
    const id = (dialog.querySelector('input[name="export-size"]:checked') as HTMLInputElement | null)?.value;
    const size = EXPORT_SIZES.find((s) => s.id === id) ?? EXPORT_SIZES[1];
    go.disabled = true;
    status.textContent = MSG.exportDrawing;
    try {
      status.textContent = await ctx.run(size, chrome.checked, { title: title.value.trim(), subtitle: subtitle.value.trim() });
    } catch (e) {
      status.textContent = MSG.exportFailed((e as Error).message);
    } finally {
      go.disabled = false;
    }
  });
  const alt = altTextField();
  dialog.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'export-title' }, MSG.exportTitle), close),
    h('p', {}, MSG.exportIntro),
    h('label', { class: 'field', for: 'export-title-text' }, MSG.exportTitleLabel),
    title,
    h('label', { class: 'field', for: 'export-subtitle' }, MSG.exportSubtitleLabel),
    subtitle,
    sizes,
    h('label', { class: 'check', for: 'export-chrome' }, chrome, ` ${MSG.exportChrome}`),
    alt.element,
    h('div', { class: 'copy-row' }, go),
    status,
  );
  dialog.setAttribute('aria-labelledby', 'export-title');
  // The owner opens it (on the button's click, once this module is loaded).
  return () => {
    const d = ctx.defaults();
    if (!title.value.trim() || title.value === last.title) title.value = d.title;
    if (!subtitle.value.trim() || subtitle.value === last.subtitle) subtitle.value = d.subtitle;
    last = d;
    alt.set(ctx.altText());
    status.textContent = '';
    dialog.showModal();
  };
}

export type DownloadScope = 'all' | 'view';

export interface DownloadContext {
  /** Agencies matching the filters, and those of them in the current map view. */
  counts(): { all: number; view: number };
  describe(): string;
  csv(scope: DownloadScope): Promise<number>;
  geojson(scope: DownloadScope): Promise<number>;
}

export function setupDownloadDialog(dialog: HTMLDialogElement, button: HTMLButtonElement, ctx: DownloadContext): () => void {
  button.hidden = false;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': MSG.close }, '×');
  close.addEventListener('click', () => dialog.close());
  const summary = h('p', {});
  const all = h('input', { type: 'radio', name: 'download-scope', id: 'download-all', value: 'all', checked: true });
  const view = h('input', { type: 'radio', name: 'download-scope', id: 'download-view', value: 'view' });
  const allLabel = h('span', {});
  const viewLabel = h('span', {});
  const scope = h('fieldset', { class: 'sizes' }, h('legend', {}, MSG.downloadScopeLegend),
    h('label', { class: 'check', for: 'download-all' }, all, ' ', allLabel),
    h('label', { class: 'check', for: 'download-view' }, view, ' ', viewLabel),
  );
  const csv = h('button', { type: 'button', class: 'find', id: 'download-csv' }, MSG.downloadCsv);
  const geo = h('button', { type: 'button', class: 'find', id: 'download-geojson' }, MSG.downloadGeojson);
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const chosen = (): DownloadScope => (view.checked ? 'view' : 'all');
  const run = async (make: (scope: DownloadScope) => Promise<number>, what: string) => {
    csv.disabled = geo.disabled = true;
    status.textContent = MSG.downloadPreparing(what);
    const sc = chosen();
    try {
      const n = await make(sc);
      const expected = sc === 'view' ? ctx.counts().view : ctx.counts().all;
      status.textContent = n === expected
        ? MSG.downloadSaved(agenciesLabel(n), what)
        : MSG.downloadSavedSome(formatInt(n), formatInt(expected), what);
    } catch (e) {
      status.textContent = MSG.downloadFailed(what, (e as Error).message);
    } finally {
      csv.disabled = geo.disabled = false;
    }
  };
  csv.addEventListener('click', () => void run(ctx.csv, 'CSV'));
  geo.addEventListener('click', () => void run(ctx.geojson, 'GeoJSON'));
  dialog.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'download-title' }, MSG.downloadTitle), close),
    summary,
    scope,
    h('p', { class: 'muted' }, MSG.downloadNote),
    h('p', { class: 'muted' }, MSG.coverage),
    ...(MSG.dataInEnglish ? [h('p', { class: 'muted data-language' }, MSG.dataInEnglish)] : []),
    h('div', { class: 'copy-row' }, csv, geo),
    status,
  );
  dialog.setAttribute('aria-labelledby', 'download-title');
  // The owner opens it (on the button's click, once this module is loaded).
  return () => {
    const n = ctx.counts();
    summary.textContent = MSG.downloadSummary(ctx.describe());
    allLabel.textContent = MSG.downloadAll(agenciesLabel(n.all));
    viewLabel.textContent = MSG.downloadInView(agenciesLabel(n.view));
    status.textContent = '';
    dialog.showModal();
  };
}
