/** The exported PNG's text: iTXt chunks a PNG reader accepts (valid CRC) and any script can read back as UTF-8. */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { withPngText } from '../../../src/share/png-text';

/** The text chunks of a PNG, read chunk by chunk (independently of the writer). */
export function pngText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at < bytes.length;) {
    const len = dv.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'iTXt') {
      const nul = body.indexOf(0);
      const key = String.fromCharCode(...body.subarray(0, nul));
      // Skip the compression flag and method, the language tag and the translated keyword.
      let p = nul + 3;
      p = body.indexOf(0, p) + 1;
      p = body.indexOf(0, p) + 1;
      out[key] = new TextDecoder().decode(body.subarray(p));
    }
    at += 12 + len;
  }
  return out;
}

function tinyPng(): Uint8Array {
  const png = new PNG({ width: 3, height: 2 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

describe('PNG text', () => {
  it('adds UTF-8 text that reads back, and the image still decodes with its CRCs checked', () => {
    const text = 'Houston, TX (Harris County, TX): 12 partnered…\nCondado de Miami-Dade, FL: 13 asociadas — “ñ” 😀';
    const out = withPngText(tinyPng(), [['Title', 'Two places'], ['Description', text]]);
    expect(pngText(out)).toEqual({ Title: 'Two places', Description: text });
    const back = PNG.sync.read(Buffer.from(out), { checkCRC: true } as never);
    expect([back.width, back.height]).toEqual([3, 2]);
    expect(back.data[0]).toBe(200);
  });

  it('refuses what is not a PNG and keywords a PNG cannot hold', () => {
    expect(() => withPngText(new Uint8Array(40), [['Title', 'x']])).toThrow();
    expect(() => withPngText(tinyPng(), [[' Title', 'x']])).toThrow();
    expect(() => withPngText(tinyPng(), [['a'.repeat(80), 'x']])).toThrow();
  });
});
