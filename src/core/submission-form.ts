/**
 * The page's contribution form as data: the cells a person typed, the
 * problem of each (the build's own rules, src/core/submission.ts), and the
 * one-row submission CSV it makes (the columns of
 * data/submissions/template.csv). Pure: no DOM.
 */
import { spreadsheetCell } from './spreadsheet';
import { LIMITS, readSubmissionRow, REQUIRED, SUBMISSION_COLUMNS, textProblemList, type ProblemCode, type SubmissionColumn } from './submission';
import { cleanText, startsLikeFormula } from './text';

export type FormCells = Partial<Record<SubmissionColumn, string>>;

export interface FormProblem {
  code: ProblemCode;
  /** The build's own words (English). */
  reason: string;
}

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
 * The problem of each cell with its rule: the row's first rule broken, on
 * the cell to fix, then every other text cell's own (markup, length,
 * formula, U+FFFD). The form adds one rule the build leaves to its
 * publishing step: no cell may start like a formula (a summary "-…" would
 * otherwise reach a spreadsheet as one, or be published with a guard
 * apostrophe), so the file it makes is the row exactly as typed.
 */
export function formProblemList(cells: FormCells): Partial<Record<SubmissionColumn, FormProblem>> {
  const out: Partial<Record<SubmissionColumn, FormProblem>> = {};
  const row = readSubmissionRow((k) => cleanText(cells[k] ?? ''), cells.source_url ?? '');
  if ('reason' in row) out[row.field] = { code: row.code, reason: row.reason };
  // The build names every empty required cell in one reason: the form marks each of them.
  if ('reason' in row && row.code === 'missing') for (const col of REQUIRED) if (!cleanText(cells[col] ?? '')) out[col] ??= { code: 'missing', reason: row.reason };
  for (const [col, label, max] of TEXT_CELLS) {
    const p = textProblemList(cells[col] ?? '', label, max)[0];
    if (p && !out[col]) out[col] = p;
  }
  for (const col of SUBMISSION_COLUMNS) {
    const raw = cells[col] ?? '';
    if (!out[col] && (startsLikeFormula(raw) || /^[\t\r\n]/.test(raw)) && cleanText(raw)) {
      out[col] = { code: 'formula', reason: `${col} starts with "${cleanText(raw)[0]}", which a spreadsheet would run as a formula` };
    }
  }
  return out;
}

/** The build's English reason per cell (what the pipeline would print). */
export function formProblems(cells: FormCells): Partial<Record<SubmissionColumn, string>> {
  return Object.fromEntries(Object.entries(formProblemList(cells)).map(([k, p]) => [k, p.reason]));
}

const quoted = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The submission file for these cells: the template's header and one row.
 * A row without problems is written exactly as cleaned, so the build reads
 * back what was typed; the formula guard only ever applies to a row the
 * form refuses (a last defence should one be written anyway).
 */
export function submissionCsv(cells: FormCells): string {
  const row = SUBMISSION_COLUMNS.map((c) => {
    const v = cleanText(cells[c] ?? '');
    return quoted(startsLikeFormula(v) ? (spreadsheetCell(v) ?? '') : v);
  });
  return `${SUBMISSION_COLUMNS.join(',')}\n${row.join(',')}\n`;
}

/** Only the data row (for a message body or a copy to paste under the header). */
export function submissionRow(cells: FormCells): string {
  return submissionCsv(cells).split('\n')[1];
}
