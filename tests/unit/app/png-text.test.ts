/** Text written into a PNG (src/share/png-text.ts): iTXt after IHDR, CRCs right, UTF-8 kept, the image itself unchanged. */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { crc32, itxtChunk, readPngText, withPngText } from '../../../src/share/png-text';

function smallPng(): Uint8Array {
  const png = new PNG({ width: 3, height: 2 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, i % 255, 40, 255], i);
  return new Uint8Array(PNG.sync.write(png));
}

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    // The CRC of an IEND chunk (type only), as every PNG ends.
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('withPngText', () => {
  const spanish = 'Mapa: 12 agencias de policía en Nueva Jersey — “acuerdos” con Ring, año 2019. ñ á é';
  const tagged = withPngText(smallPng(), [['Title', 'Police partnerships with Amazon Ring'], ['Description', spanish], ['Copyright', 'Data: EFF (CC BY 4.0).']]);

  it('puts the chunks right after IHDR, each with a valid CRC, and reads them back in UTF-8', () => {
    const type = (at: number) => String.fromCharCode(...tagged.subarray(at + 4, at + 8));
    expect(type(8)).toBe('IHDR');
    expect(type(8 + 12 + 13)).toBe('iTXt');
    const text = readPngText(tagged);
    expect(text.map((t) => [t.type, t.keyword, t.text, t.crcOk])).toEqual([
      ['iTXt', 'Title', 'Police partnerships with Amazon Ring', true],
      ['iTXt', 'Description', spanish, true],
      ['iTXt', 'Copyright', 'Data: EFF (CC BY 4.0).', true],
    ]);
  });

  it('leaves the image as it was: a PNG decoder reads the same pixels', () => {
    const before = PNG.sync.read(Buffer.from(smallPng()));
    const after = PNG.sync.read(Buffer.from(tagged));
    expect(after.width).toBe(3);
    expect(Buffer.compare(after.data, before.data)).toBe(0);
  });

  it('drops a NUL from the text (it would end the field) and refuses keywords PNG does not allow', () => {
    const t = readPngText(withPngText(smallPng(), [['Description', 'a\u0000b']]));
    expect(t[0].text).toBe('ab');
    for (const bad of ['', ' Title', 'Title ', 'x'.repeat(80), 'Ti\u0000tle', 'Título€']) expect(() => itxtChunk(bad, 'x')).toThrow();
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => withPngText(new TextEncoder().encode('GIF89a not a png at all, long enough to be read'), [['Title', 'x']])).toThrow();
  });
});
