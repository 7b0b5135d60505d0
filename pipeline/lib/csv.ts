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
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    // Read one record.
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) {
          error = 'unterminated quoted field (a quote opened here is never closed)';
          fields.push(field);
          break;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          error = 'unexpected text after a closing quote';
          // Skip the rest of the physical line.
          while (i < n && text[i] !== '\n') i++;
          fields.push(field);
          break;
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (i >= n) break;
      if (text[i] === ',') {
        i++;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      break; // end of line
    }
    // Consume the line ending.
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    const blank = fields.length === 1 && fields[0] === '' && !error;
    if (!blank) rows.push({ line: startLine, fields, error });
    if (error && /unterminated/.test(error)) break;
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

function quote(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes rows with the given columns, `\n` line endings and a final newline. */
export function stringifyCsv<C extends string>(columns: readonly C[], rows: readonly { [K in C]: string }[]): string {
  const out = [columns.map(quote).join(',')];
  for (const r of rows) out.push(columns.map((c) => quote(r[c] ?? '')).join(','));
  return out.join('\n') + '\n';
}
