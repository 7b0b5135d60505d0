/**
 * The QR code as one SVG path of dark modules, from the `qrcode` library's
 * matrix. Drawn as vector (sharp at any print resolution) with attributes
 * only, so it needs no inline style or script under the site's policy. Pure.
 */
import QRCode from 'qrcode';

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The dark modules, in module units, offset by the quiet zone. */
  d: string;
  /** Side of the whole symbol with its quiet zone (4 modules each side, as the standard asks). */
  box: number;
}

export const QUIET = 4;

export function qrShape(text: string): QrShape {
  // Level M: survives a crease or smudge on paper, and keeps the symbol small for a link this long.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y++) {
    // Runs of dark modules on a row become one rectangle each.
    for (let x = 0; x < n; x++) {
      if (!modules.get(y, x)) continue;
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      d += `M${x + QUIET} ${y + QUIET}h${run}v1h${-run}z`;
      x += run - 1;
    }
  }
  return { size: n, d, box: n + 2 * QUIET };
}
