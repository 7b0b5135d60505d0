import { describe, expect, it } from 'vitest';
import { parseCsv, stringifyCsv } from '../../../pipeline/lib/csv';

describe('CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping each record’s first line', () => {
    const t = parseCsv('a,b\n"x, y","say ""hi"""\n"multi\nline",z\nlast,row\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.records.map((r) => [r.line, r.values.a, r.values.b])).toEqual([
      [2, 'x, y', 'say "hi"'],
      [3, 'multi\nline', 'z'],
      [5, 'last', 'row'],
    ]);
    expect(t.issues).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark so the first column keeps its name', () => {
    const t = parseCsv('\uFEFFid,name\n1,x\n');
    expect(t.hadBom).toBe(true);
    expect(t.header[0]).toBe('id');
    expect(t.records[0].values.id).toBe('1');
  });

  it('reports a broken quote with its line instead of guessing', () => {
    const t = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(t.records).toHaveLength(1);
    expect(t.issues).toEqual([{ line: 3, reason: expect.stringContaining('unterminated quoted field') }]);
  });

  it('reports text after a closing quote and a wrong field count, and goes on', () => {
    const t = parseCsv('a,b\n"x"y,1\n1,2,3\nok,fine\r\n');
    expect(t.issues.map((i) => i.line)).toEqual([2, 3]);
    expect(t.records.map((r) => r.values.a)).toEqual(['ok']);
  });

  it('names the line where an unclosed quote opened, after quoted line breaks, and says the rest was not read', () => {
    const t = parseCsv('a,b,c\n"one\ntwo",x,y\nz,"three\nfour","five\nnever closed\nlast,row,here\n');
    expect(t.records.map((r) => [r.line, r.values.a])).toEqual([[2, 'one\ntwo']]);
    expect(t.issues).toEqual([{ line: 5, reason: expect.stringContaining('the rows after it were not read') }]);
  });

  it('counts physical lines of CRLF files and quoted CRLF line breaks', () => {
    const t = parseCsv('a,b\r\n"x\r\ny","q"\r\n\r\nlast,"row"\r\n');
    expect(t.records.map((r) => [r.line, r.values.a, r.values.b])).toEqual([
      [2, 'x\r\ny', 'q'],
      [5, 'last', 'row'],
    ]);
    expect(t.issues).toEqual([]);
  });

  it('writes what it reads back unchanged', () => {
    const rows = [{ a: 'x, "y"', b: 'line\nbreak' }, { a: ' padded ', b: '' }];
    const text = stringifyCsv(['a', 'b'], rows);
    expect(parseCsv(text).records.map((r) => r.values)).toEqual(rows);
  });
});
