/**
 * The corrections path: a CSV template for a missing agency or a wrong
 * record, with the columns the map's source tables need, and how to fill it.
 * No address is published with the data, so none is invented here: the
 * template goes to whoever publishes this copy of the map.
 */
import Papa from 'papaparse';
import { h } from './dom';
import { MSG } from '../i18n/messages';
import { UTF8_BOM } from '../core/spreadsheet';

/** One row per agency: what it is, what happened when, and the public source for it. */
export const TEMPLATE_COLUMNS = [
  'agency_name', 'agency_type', 'city', 'county', 'state',
  'change', 'arrangement', 'start_date', 'end_date',
  'devices_given', 'perk_value_usd', 'subsidy_usd', 'figures_are_minimums', 'summary',
  'source_url', 'source_publisher', 'source_title', 'source_date', 'notes',
] as const;

/** What each column takes (shown in About: a second line of hints in the file would read as data). */
export const TEMPLATE_HINTS: Record<(typeof TEMPLATE_COLUMNS)[number], string> = MSG.templateHints;

export function templateCsv(): string {
  // The header and one empty row: it opens as a table ready to fill in (in Excel too: the mark says UTF-8).
  return UTF8_BOM + Papa.unparse({ fields: [...TEMPLATE_COLUMNS], data: [TEMPLATE_COLUMNS.map(() => '')] }, { newline: '\r\n' });
}

export function correctionsSection(): HTMLElement {
  const get = h('button', { type: 'button', class: 'retry', id: 'corrections-template' }, MSG.correctionsDownload);
  get.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = MSG.correctionsFile;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return h('section', { id: 'corrections', 'aria-labelledby': 'corrections-title' },
    h('h3', { id: 'corrections-title' }, MSG.correctionsTitle),
    h('p', {}, MSG.correctionsIntro),
    h('ol', {}, ...MSG.correctionsSteps.map((t) => h('li', {}, t))),
    get,
    h('details', {},
      h('summary', {}, MSG.correctionsColumns),
      h('dl', { class: 'facts' }, ...TEMPLATE_COLUMNS.flatMap((c) => [h('dt', {}, h('code', {}, c)), h('dd', {}, TEMPLATE_HINTS[c])])),
    ),
  );
}
