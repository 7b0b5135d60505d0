/**
 * CSV files a spreadsheet opens safely and correctly, for the site's
 * downloads and the tables the build publishes alike.
 */

import { startsLikeFormula } from './text';

/**
 * Excel on Windows reads a CSV as UTF-8 only when it starts with this mark
 * (otherwise as the system code page: “ ” ’ · become mojibake). papaparse,
 * pandas, R and the WHATWG decoder drop it, so one file suits them all.
 */
export const UTF8_BOM = '\ufeff';

/** A plain decimal number ("-118.24"): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A cell as written to a CSV: unknown stays empty, numbers stay numbers,
 * and a text cell a spreadsheet would run as a formula (starting, after
 * any spaces, with = + - @ or their full-width forms, or with a tab,
 * carriage return or line feed) gets a leading apostrophe, so it shows as
 * the text it is.
 */
export function spreadsheetCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  if (PLAIN_NUMBER.test(v)) return v;
  return startsLikeFormula(v) || /^[\t\r\n]/.test(v) ? `'${v}` : v;
}
