/**
 * CSV reading (papaparse) that keeps the line number of every record (so a
 * reject can name its line) and reports broken quoting instead of guessing,
 * and an RFC 4180 writer. Pure: strings in, values out.
 */
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvIssue {
  line: number;
  reason: string;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  /** Records that could not be read (broken quoting, wrong field count). */
  issues: CsvIssue[];
  /** True when the text started with a UTF-8 byte-order mark (it is dropped). */
  hadBom: boolean;
}

interface RawRow {
  line: number;
  fields: string[];
  error?: string;
}

export const UNCLOSED_QUOTE = 'unterminated quoted field (a quote opened here is never closed): the rows after it were not read';
export const TEXT_AFTER_QUOTE = 'unexpected text after a closing quote';

/** Counts physical lines as offsets advance (a quoted field may span several). */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (let k = text.indexOf('\n', at); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) line++;
    at = Math.max(at, offset);
    return line;
  };
}

/**
 * Rows with their first physical line. papaparse reads an unclosed quote
 * to the end of the text as one field: that row is reported where its
 * quote opened and nothing after it is read (never silently merged). Text
 * after a closing quote (`"x"y`) is reported and reading resumes on the
 * next line.
 */
function tokenize(text: string): RawRow[] {
  const rows: RawRow[] = [];
  const lineAt = lineCounter(text);
  let offset = 0;
  while (offset < text.length) {
    let start = offset;
    let resume = text.length;
    Papa.parse<string[]>(text.slice(offset), {
      delimiter: ',',
      quoteChar: '"',
      escapeChar: '"',
      step: (r, parser) => {
        const from = start;
        start = offset + r.meta.cursor;
        const line = lineAt(from);
        const quote = r.errors.find((e) => e.type === 'Quotes');
        if (!quote) {
          const fields = r.data;
          // A CRLF line in a file whose line breaks papaparse took as LF.
          const last = fields.length - 1;
          if (fields[last]?.endsWith('\r')) fields[last] = fields[last].slice(0, -1);
          if (!(fields.length === 1 && fields[0] === '')) rows.push({ line, fields });
          return;
        }
        parser.abort();
        if (quote.code === 'InvalidQuotes') {
          rows.push({ line, fields: r.data, error: TEXT_AFTER_QUOTE });
          const at = offset + (quote.index ?? 0);
          const nl = text.indexOf('\n', at);
          resume = nl === -1 ? text.length : nl + 1;
        } else {
          // The quote that never closes: the last one opening a field in this row's text.
          const at = offset + Math.max(0, (quote.index ?? 1) - 1);
          rows.push({ line: Math.max(line, lineAt(at)), fields: r.data, error: UNCLOSED_QUOTE });
          resume = text.length;
        }
      },
    });
    if (resume === text.length) break;
    offset = resume;
  }
  return rows;
}

export function parseCsv(input: string): CsvTable {
  const hadBom = input.charCodeAt(0) === 0xfeff;
  const text = hadBom ? input.slice(1) : input;
  const raw = tokenize(text);
  const issues: CsvIssue[] = [];
  const records: CsvRecord[] = [];
  if (raw.length === 0) return { header: [], records, issues, hadBom };
  const headRow = raw[0];
  if (headRow.error) issues.push({ line: headRow.line, reason: `header: ${headRow.error}` });
  const header = headRow.fields.map((h) => h.trim());
  for (const row of raw.slice(1)) {
    if (row.error) {
      issues.push({ line: row.line, reason: row.error });
      continue;
    }
    if (row.fields.length !== header.length) {
      issues.push({
        line: row.line,
        reason: `expected ${header.length} fields, found ${row.fields.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => (values[h] = row.fields[k]));
    records.push({ line: row.line, values });
  }
  return { header, records, issues, hadBom };
}

/**
 * What is wrong with a header, as one reason per problem (empty when
 * nothing): a column named twice (the reader could not tell which cell is
 * meant), expected columns that are missing, with the unknown ones (not in
 * `alsoKnown` either) listed in case they were renamed.
 */
export function headerProblems(header: readonly string[], expected: readonly string[], alsoKnown: readonly string[] = []): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const h of header) (seen.has(h) ? dup : seen).add(h);
  if (dup.size > 0) out.push(`column(s) named more than once: ${[...dup].map((d) => `"${d}"`).join(', ')}`);
  if (header.some((h) => h === '')) out.push('a column has no name');
  const missing = expected.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    const unknown = [...seen].filter((h) => h && !expected.includes(h) && !alsoKnown.includes(h));
    out.push(
      `missing column(s): ${missing.map((m) => `"${m}"`).join(', ')}` +
        (unknown.length > 0 ? ` (unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}: renamed?)` : ''),
    );
  }
  return out;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes rows with the given columns, `\n` line endings and a final newline. */
export function stringifyCsv<C extends string>(columns: readonly C[], rows: readonly { [K in C]?: string }[]): string {
  const out = [columns.map(quote).join(',')];
  for (const r of rows) out.push(columns.map((c) => quote(r[c] ?? '')).join(','));
  return out.join('\n') + '\n';
}
