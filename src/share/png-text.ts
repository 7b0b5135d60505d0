/**
 * Text written into a PNG: iTXt chunks (UTF-8, so Spanish survives) with the
 * standard keywords ("Title", "Description", "Source", "Copyright"), inserted
 * right after the IHDR chunk, where every reader finds them. Pure bytes in,
 * bytes out; `readPngText` reads them back (tEXt and uncompressed iTXt).
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;

/** CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(png: Uint8Array): boolean {
  return png.length >= 33 && SIGNATURE.every((b, k) => png[k] === b);
}

/** Keywords are 1–79 Latin-1 printable characters without leading, trailing or double spaces. */
function validKeyword(k: string): boolean {
  return /^[\x21-\x7e\xa1-\xff](?:[\x20-\x7e\xa1-\xff]{0,77}[\x21-\x7e\xa1-\xff])?$/.test(k) && !k.includes('  ');
}

/** One uncompressed iTXt chunk: keyword, flags, empty language tag and translated keyword, UTF-8 text. */
export function itxtChunk(keyword: string, text: string): Uint8Array {
  if (!validKeyword(keyword)) throw new Error(`invalid PNG keyword: ${keyword}`);
  const enc = new TextEncoder();
  // Latin-1 keyword: the validated characters are all one byte each.
  const key = Uint8Array.from(keyword, (ch) => ch.charCodeAt(0));
  // A NUL ends a field in iTXt: it cannot be part of the text.
  const body = enc.encode(text.replace(/\u0000/g, ''));
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  // NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  data.set([0, 0, 0, 0, 0], key.length);
  data.set(body, key.length + 5);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([105, 84, 88, 116], 4); // "iTXt"
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** The PNG with the entries as iTXt chunks right after IHDR (in the given order). */
export function withPngText(png: Uint8Array, entries: readonly (readonly [string, string])[]): Uint8Array<ArrayBuffer> {
  if (!isPng(png)) throw new Error('not a PNG file');
  const ihdrLength = new DataView(png.buffer, png.byteOffset, png.byteLength).getUint32(8);
  const afterIhdr = 8 + 12 + ihdrLength;
  const chunks = entries.map(([k, v]) => itxtChunk(k, v));
  const out = new Uint8Array(png.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(png.subarray(0, afterIhdr), 0);
  let at = afterIhdr;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(afterIhdr), at);
  return out;
}

export interface PngTextEntry {
  type: 'tEXt' | 'iTXt';
  keyword: string;
  text: string;
  /** The chunk's stored CRC matches its type and data. */
  crcOk: boolean;
}

/** The tEXt and uncompressed iTXt chunks of a PNG, in file order (compressed iTXt is skipped). */
export function readPngText(png: Uint8Array): PngTextEntry[] {
  if (!isPng(png)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const latin1 = (b: Uint8Array) => String.fromCharCode(...b);
  const out: PngTextEntry[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const len = view.getUint32(at);
    const type = latin1(png.subarray(at + 4, at + 8));
    const end = at + 12 + len;
    if (end > png.length) break;
    const data = png.subarray(at + 8, at + 8 + len);
    const crcOk = crc32(png.subarray(at + 4, at + 8 + len)) === view.getUint32(at + 8 + len);
    const nul = data.indexOf(0);
    if (type === 'tEXt' && nul > 0) {
      out.push({ type, keyword: latin1(data.subarray(0, nul)), text: latin1(data.subarray(nul + 1)), crcOk });
    } else if (type === 'iTXt' && nul > 0 && data[nul + 1] === 0) {
      const lang = data.indexOf(0, nul + 3);
      const translated = lang === -1 ? -1 : data.indexOf(0, lang + 1);
      if (translated !== -1) out.push({ type, keyword: latin1(data.subarray(0, nul)), text: new TextDecoder().decode(data.subarray(translated + 1)), crcOk });
    }
    if (type === 'IEND') break;
    at = end;
  }
  return out;
}
