/**
 * A small RFC 4180 CSV reader/writer that keeps the line number of every
 * record (so a reject can name its line) and reports broken quoting instead
 * of guessing. Pure: strings in, values out.
 */

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

function tokenize(text: string): RawRow[] {
  const rows: RawRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const countLines = (from: number, to: number) => {
    for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) line++;
  };
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    // One record: fields separated by commas, ended by a line break or the end.
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        let field = '';
        let from = i + 1;
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === 34) {
            field += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          field += text.slice(from, q);
          countLines(i, q);
          i = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          countLines(i, n);
          i = n;
          error = 'unterminated quoted field (a quote opened here is never closed)';
          fields.push(field);
          break;
        }
        fields.push(field);
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13) {
          error = 'unexpected text after a closing quote';
          const nl = text.indexOf('\n', i);
          i = nl === -1 ? n : nl;
          break;
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i < n && text.charCodeAt(i) === 44) {
        i++;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      break; // end of line or of text
    }
    if (text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) === 10) {
      i++;
      line++;
    }
    const blank = fields.length === 1 && fields[0] === '' && !error;
    if (!blank) rows.push({ line: startLine, fields, error });
    if (error?.startsWith('unterminated')) break;
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
export function stringifyCsv<C extends string>(columns: readonly C[], rows: readonly { [K in C]: string }[]): string {
  const out = [columns.map(quote).join(',')];
  for (const r of rows) out.push(columns.map((c) => quote(r[c] ?? '')).join(','));
  return out.join('\n') + '\n';
}
