/**
 * Reading a text file the way a volunteer's spreadsheet saved it: only UTF-8
 * is accepted. A file in another encoding (Windows-1252 or Latin-1 from an
 * older Excel, UTF-16 "Unicode text") stops with the file, the first bad
 * line and how to fix it, instead of being read into U+FFFD replacement
 * characters ("Sheriff�s Office").
 */
import { readFileSync } from 'node:fs';

export class EncodingError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

const FIX = 'save it again as UTF-8 (in Excel: "CSV UTF-8"; or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8) and run again';

/** Offset of the first byte that is not well-formed UTF-8, or -1. */
function firstInvalidByte(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

const lineOf = (text: string, at: number) => {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) line++;
  return line;
};

/** A typed or earlier-damaged U+FFFD ("Ca\ufffdon City") is never read as a letter. */
function refuseReplacement(text: string): void {
  const at = text.indexOf('\ufffd');
  if (at !== -1) {
    throw new EncodingError(lineOf(text, at), 'contains "\ufffd" (U+FFFD), left by an earlier wrong conversion: retype the damaged letters, save as UTF-8 and run again');
  }
}

/** Encodings an XML declaration may name, as TextDecoder labels (Latin-1 is read as Windows-1252, its superset). */
const XML_ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'us-ascii': 'utf-8', ascii: 'utf-8',
  'iso-8859-1': 'windows-1252', 'latin-1': 'windows-1252', latin1: 'windows-1252', 'windows-1252': 'windows-1252', cp1252: 'windows-1252',
  'iso-8859-15': 'iso-8859-15', 'utf-16': 'utf-16',
};

/**
 * XML bytes → text, in the encoding the file declares: a byte-order mark
 * (UTF-8, UTF-16), else the XML declaration's `encoding`, else UTF-8. Bytes
 * that are not valid in that encoding, an encoding the reader does not know,
 * and U+FFFD stop with the line and the fix.
 */
export function decodeXml(bytes: Uint8Array): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  let text: string;
  if (le || be) {
    text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: false }).decode(bytes);
  } else {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    const declared = /^(?:\ufeff|\u00ef\u00bb\u00bf)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head)?.[1]?.toLowerCase();
    const label = declared === undefined ? 'utf-8' : XML_ENCODINGS[declared];
    if (!label) throw new EncodingError(1, `declares encoding "${declared}", which this reader does not read: export it again as UTF-8`);
    if (label === 'utf-16') throw new EncodingError(1, 'declares UTF-16 but has no byte-order mark: export it again as UTF-8');
    text = label === 'utf-8' ? decodeUtf8(bytes).replace(/^\ufeff/, '') : new TextDecoder(label).decode(bytes);
    if (label !== 'utf-8' && text.includes('\u0000')) throw new EncodingError(1, `the file contains NUL bytes, not ${declared} text: export it again as UTF-8`);
  }
  refuseReplacement(text);
  return text;
}

/** UTF-8 bytes → text (a byte-order mark is kept for the CSV reader to report); throws EncodingError. */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EncodingError(1, `the file is UTF-16 text, not UTF-8: ${FIX}`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.includes('\u0000')) throw new EncodingError(1, `the file contains NUL bytes (UTF-16 or binary), not UTF-8 text: ${FIX}`);
    refuseReplacement(text);
    return text;
  } catch (e) {
    if (e instanceof EncodingError) throw e;
    const at = firstInvalidByte(bytes);
    const where = at < 0 ? bytes.length : at;
    let line = 1;
    for (let i = 0; i < where; i++) if (bytes[i] === 10) line++;
    const byte = at < 0 ? '' : ` (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')})`;
    throw new EncodingError(line, `not UTF-8 text${byte}; it was probably saved as Windows-1252 or Latin-1: ${FIX}`);
  }
}

/** Reads a UTF-8 text file; throws EncodingError when it is not UTF-8. */
export function readUtf8File(path: string): string {
  return decodeUtf8(readFileSync(path));
}
