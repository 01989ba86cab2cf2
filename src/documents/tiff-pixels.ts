// From a TIFF page's raw samples to opaque RGBA pixels: any bit depth a scanner writes,
// grey, palette, RGB and CMYK, with alpha laid over white paper (what OCR reads best, and
// what the page looks like printed).
import { UserError } from '../shared/errors';

export interface SampleLayout {
  width: number;
  height: number;
  bitsPerSample: number;
  samplesPerPixel: number;
  littleEndian: boolean;
}

/** Undoes horizontal differencing (Predictor 2) in place, row by row of one chunk. */
export function undoPredictor(buf: Uint8Array, rowWidth: number, rows: number, samples: number, bits: number, le: boolean): void {
  if (bits === 8) {
    const rowBytes = rowWidth * samples;
    for (let y = 0; y < rows; y++) {
      const o = y * rowBytes;
      for (let i = samples; i < rowBytes; i++) buf[o + i] = (buf[o + i]! + buf[o + i - samples]!) & 0xff;
    }
  } else if (bits === 16) {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const rowBytes = rowWidth * samples * 2;
    for (let y = 0; y < rows; y++) {
      const o = y * rowBytes;
      for (let i = samples * 2; i < rowBytes; i += 2) dv.setUint16(o + i, (dv.getUint16(o + i, le) + dv.getUint16(o + i - samples * 2, le)) & 0xffff, le);
    }
  } else {
    throw new UserError('unsupported_tiff', `This TIFF uses horizontal prediction with ${bits}-bit samples, which cannot be read.`);
  }
}

/**
 * One byte a sample, interleaved, from rows of `bitsPerSample`-bit samples (rows start on a
 * byte). `scale`: stretch to 0..255 (off for palette indices).
 */
export function eightBit(raw: Uint8Array, l: SampleLayout, scale: boolean): Uint8Array {
  const { width, height, bitsPerSample: bits, samplesPerPixel: spp } = l;
  const perRow = width * spp;
  const out = new Uint8Array(perRow * height);
  if (bits === 8) {
    out.set(raw.subarray(0, out.length));
    return out;
  }
  if (bits === 16) {
    // The high byte of each sample, wherever the file's byte order puts it.
    const hi = l.littleEndian ? 1 : 0;
    for (let i = 0; i < out.length; i++) out[i] = raw[2 * i + hi]!;
    return out;
  }
  const rowBytes = Math.ceil((perRow * bits) / 8);
  const max = (1 << bits) - 1;
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < perRow; i++) {
      const bit = i * bits;
      const v = (raw[y * rowBytes + (bit >> 3)]! >> (8 - bits - (bit & 7))) & max;
      out[y * perRow + i] = scale ? Math.round((v * 255) / max) : v;
    }
  }
  return out;
}

export interface ColourModel {
  photometric: number;
  /** samples that carry colour; the rest are extra (alpha or unspecified) */
  colourSamples: number;
  /** index of the alpha sample and whether it is premultiplied; null: no alpha */
  alpha: { index: number; associated: boolean } | null;
  /** ColorMap, 3 × 2^bits 16-bit values */
  colorMap?: number[];
}

/** Opaque RGBA from interleaved 8-bit samples (palette: raw indices). */
export function toRgba(s: Uint8Array, width: number, height: number, spp: number, m: ColourModel): Uint8ClampedArray {
  const n = width * height;
  const out = new Uint8ClampedArray(n * 4);
  const colour = colourOf(m);
  const rgb = [0, 0, 0];
  for (let p = 0; p < n; p++) {
    const o = p * spp;
    colour(s, o, rgb);
    let [r, g, b] = rgb as [number, number, number];
    if (m.alpha) {
      const a = s[o + m.alpha.index]!;
      // Over white: premultiplied colour already holds the alpha; straight colour does not.
      if (m.alpha.associated) {
        r += 255 - a; g += 255 - a; b += 255 - a;
      } else {
        r = (r * a + 255 * (255 - a)) / 255; g = (g * a + 255 * (255 - a)) / 255; b = (b * a + 255 * (255 - a)) / 255;
      }
    }
    const q = p * 4;
    out[q] = r; out[q + 1] = g; out[q + 2] = b; out[q + 3] = 255;
  }
  return out;
}

type Colour = (s: Uint8Array, o: number, rgb: number[]) => void;

function colourOf(m: ColourModel): Colour {
  switch (m.photometric) {
    case 0: return (s, o, c) => { c[0] = c[1] = c[2] = 255 - s[o]!; };
    case 1: return (s, o, c) => { c[0] = c[1] = c[2] = s[o]!; };
    case 2: return (s, o, c) => { c[0] = s[o]!; c[1] = s[o + 1]!; c[2] = s[o + 2]!; };
    case 3: {
      const map = m.colorMap ?? [];
      const third = map.length / 3;
      return (s, o, c) => {
        const i = s[o]!;
        c[0] = (map[i] ?? 0) >> 8; c[1] = (map[third + i] ?? 0) >> 8; c[2] = (map[2 * third + i] ?? 0) >> 8;
      };
    }
    case 5: return (s, o, c) => {
      const k = 255 - s[o + 3]!;
      c[0] = ((255 - s[o]!) * k) / 255; c[1] = ((255 - s[o + 1]!) * k) / 255; c[2] = ((255 - s[o + 2]!) * k) / 255;
    };
  }
  throw new UserError('unsupported_tiff', `This TIFF stores its colours as ${PHOTOMETRIC_NAMES[m.photometric] ?? `photometric type ${m.photometric}`}, which cannot be read; save it as RGB, greyscale or black and white.`);
}

const PHOTOMETRIC_NAMES: Record<number, string> = { 4: 'a transparency mask', 6: 'uncompressed YCbCr', 8: 'CIE L*a*b*', 9: 'ICC L*a*b*', 10: 'ITU L*a*b*', 32844: 'LogL', 32845: 'LogLuv' };

/** The colour model of a page from its tags, or why it cannot be read. */
export function colourModel(photometric: number, spp: number, extra: number[], inkSet: number, colorMap?: number[]): ColourModel {
  const colourSamples = photometric === 2 ? 3 : photometric === 5 ? 4 : 1;
  if (spp < colourSamples) throw new UserError('unsupported_tiff', `This TIFF has ${spp} samples a pixel where its colour type needs ${colourSamples}.`);
  if (photometric === 5 && inkSet !== 1) throw new UserError('unsupported_tiff', 'This TIFF is separated into inks other than CMYK, which cannot be read.');
  if (photometric === 3 && !colorMap) throw new UserError('undecodable_file', 'This palette TIFF has no colour map.');
  // ExtraSamples: 1 premultiplied alpha, 2 straight alpha, 0 unspecified (ignored).
  const kind = extra[0] ?? 0;
  const alpha = spp > colourSamples && (kind === 1 || kind === 2) ? { index: colourSamples, associated: kind === 1 } : null;
  return { photometric, colourSamples, alpha, ...(colorMap ? { colorMap } : {}) };
}
