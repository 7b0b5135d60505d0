/**
 * The page's contribution form as data: the cells a person typed, the
 * problem of each (the build's own rules, src/core/submission.ts), and the
 * one-row submission CSV it makes (the columns of
 * data/submissions/template.csv, formula-safe). Pure: no DOM.
 */
import { spreadsheetCell } from './spreadsheet';
import { LIMITS, readSubmissionRow, SUBMISSION_COLUMNS, textProblems, type SubmissionColumn } from './submission';
import { cleanText } from './text';

export type FormCells = Partial<Record<SubmissionColumn, string>>;

/** Text cells and the build's name for each, with its longest length. */
const TEXT_CELLS: readonly [SubmissionColumn, string, number][] = [
  ['agency_name', 'agency name', LIMITS.name],
  ['city', 'city', LIMITS.place],
  ['county', 'county', LIMITS.place],
  ['source_title', 'title', LIMITS.title],
  ['source_publisher', 'publisher', LIMITS.name],
  ['summary', 'summary', LIMITS.summary],
];

/**
 * The problem of each cell, as the build would state it: the row's first
 * rule broken, on the cell to fix, then every other text cell's own
 * (markup, length, formula, U+FFFD). Empty when the build's per-row rules accept the row
 * (the build still checks it against the tables: names, counties, place).
 */
export function formProblems(cells: FormCells): Partial<Record<SubmissionColumn, string>> {
  const out: Partial<Record<SubmissionColumn, string>> = {};
  const row = readSubmissionRow((k) => cleanText(cells[k] ?? ''), cells.source_url ?? '');
  if ('reason' in row) out[row.field] = row.reason;
  for (const [col, label, max] of TEXT_CELLS) {
    const p = textProblems(cells[col] ?? '', label, max)[0];
    if (p && !out[col]) out[col] = p;
  }
  return out;
}

const quoted = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The submission file for these cells: the template's header and one row, each cell formula-safe. */
export function submissionCsv(cells: FormCells): string {
  const row = SUBMISSION_COLUMNS.map((c) => quoted(spreadsheetCell(cleanText(cells[c] ?? '')) ?? ''));
  return `${SUBMISSION_COLUMNS.join(',')}\n${row.join(',')}\n`;
}
