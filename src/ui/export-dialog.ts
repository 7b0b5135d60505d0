/** The image export dialog and the data download dialog. */
import { EXPORT_SIZES } from '../share/export-image';
import type { ExportSize } from '../share/export-image';
import { h } from './dom';
import { formatInt } from './format';

export function setupExportDialog(dialog: HTMLDialogElement, button: HTMLButtonElement, run: (size: ExportSize, chrome: boolean) => Promise<string>): void {
  button.hidden = false;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => dialog.close());
  const sizes = h('fieldset', { class: 'sizes' }, h('legend', {}, 'Size'));
  EXPORT_SIZES.forEach((s, k) => {
    const r = h('input', { type: 'radio', name: 'export-size', id: `export-${s.id}`, value: s.id, checked: k === 1 });
    sizes.append(h('label', { class: 'check', for: `export-${s.id}` }, r, ` ${s.label}`));
  });
  const chrome = h('input', { type: 'checkbox', id: 'export-chrome', checked: true });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const go = h('button', { type: 'button', class: 'find', id: 'export-go' }, 'Download PNG');
  go.addEventListener('click', async () => {
    const id = (dialog.querySelector('input[name="export-size"]:checked') as HTMLInputElement | null)?.value;
    const size = EXPORT_SIZES.find((s) => s.id === id) ?? EXPORT_SIZES[1];
    go.disabled = true;
    status.textContent = 'Drawing the image…';
    try {
      status.textContent = await run(size, chrome.checked);
    } catch (e) {
      status.textContent = `The image could not be made: ${(e as Error).message}`;
    } finally {
      go.disabled = false;
    }
  });
  dialog.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'export-title' }, 'Export an image'), close),
    h('p', {}, 'A PNG of the current view with the active filters in words, the legend, the data date and the credits drawn into the image.'),
    sizes,
    h('label', { class: 'check', for: 'export-chrome' }, chrome, ' Include the title and legend (the credit line is always included)'),
    h('div', { class: 'copy-row' }, go),
    status,
  );
  dialog.setAttribute('aria-labelledby', 'export-title');
  button.addEventListener('click', () => {
    status.textContent = '';
    dialog.showModal();
  });
}

export function setupDownloadDialog(
  dialog: HTMLDialogElement,
  button: HTMLButtonElement,
  ctx: { count(): number; describe(): string; csv(): Promise<number>; geojson(): Promise<number> },
): void {
  button.hidden = false;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => dialog.close());
  const summary = h('p', {});
  const csv = h('button', { type: 'button', class: 'find', id: 'download-csv' }, 'Download CSV');
  const geo = h('button', { type: 'button', class: 'find', id: 'download-geojson' }, 'Download GeoJSON');
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const run = async (make: () => Promise<number>, what: string) => {
    csv.disabled = geo.disabled = true;
    status.textContent = `Preparing the ${what}…`;
    try {
      const n = await make();
      const expected = ctx.count();
      status.textContent = n === expected
        ? `Saved ${formatInt(n)} ${n === 1 ? 'agency' : 'agencies'} as ${what}.`
        : `Saved ${formatInt(n)} of ${formatInt(expected)} agencies as ${what}: the details of the others could not be loaded or failed their checks.`;
    } catch (e) {
      status.textContent = `The ${what} could not be made: ${(e as Error).message}`;
    } finally {
      csv.disabled = geo.disabled = false;
    }
  };
  csv.addEventListener('click', () => void run(ctx.csv, 'CSV'));
  geo.addEventListener('click', () => void run(ctx.geojson, 'GeoJSON'));
  dialog.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'download-title' }, 'Download the data'), close),
    summary,
    h('p', { class: 'muted' }, 'Columns follow the data dictionary; empty cells mean “not documented”, never zero. The first line of the CSV and the metadata of the GeoJSON carry the credit: Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0), and the news reports and records cited per agency.'),
    h('div', { class: 'copy-row' }, csv, geo),
    status,
  );
  dialog.setAttribute('aria-labelledby', 'download-title');
  button.addEventListener('click', () => {
    const n = ctx.count();
    summary.textContent = `${formatInt(n)} ${n === 1 ? 'agency' : 'agencies'} — exactly what the map shows now: ${ctx.describe()}.`;
    status.textContent = '';
    dialog.showModal();
  });
}
