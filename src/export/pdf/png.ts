// PNG as PDF wants it. Most PNGs go in as they are: PDF's FlateDecode with the PNG
// predictor reads IDAT data directly. Only alpha, palette transparency and interlacing
// need the pixels decoded (losslessly) and split into colour and an alpha mask.
import { concat, inflate, type Bytes } from './bytes';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA */
  colorType: number;
  interlaced: boolean;
  /** RGB triplets */
  palette?: Bytes;
  /** the tRNS chunk as stored */
  transparency?: Bytes;
  /** the IDAT chunks joined: one zlib stream */
  data: Bytes;
}

export interface DecodedPng {
  width: number;
  height: number;
  /** bits per sample of `color` and `alpha` */
  depth: 8 | 16;
  /** 1 for grey and palette indices, 3 for RGB */
  colors: 1 | 3;
  color: Bytes;
  /** null when every pixel is opaque */
  alpha: Bytes | null;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function isPng(b: Bytes): boolean {
  return SIGNATURE.every((v, i) => b[i] === v);
}

/** The chunks that matter, or null when this is not a PNG we can read. */
export function parsePng(b: Bytes): PngInfo | null {
  if (b.length < 33 || !isPng(b)) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const idat: Bytes[] = [];
  let info: Omit<PngInfo, 'data'> | null = null;
  for (let at = 8; at + 8 <= b.length; ) {
    const length = dv.getUint32(at);
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    const body = b.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      info = {
        width: dv.getUint32(at + 8),
        height: dv.getUint32(at + 12),
        bitDepth: b[at + 16]!,
        colorType: b[at + 17]!,
        interlaced: b[at + 20] === 1,
      };
    } else if (type === 'PLTE' && info) info.palette = body;
    else if (type === 'tRNS' && info) info.transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!info || !info.width || !info.height || !(info.colorType in CHANNELS) || idat.length === 0) return null;
  if (info.colorType === 3 && !info.palette) return null;
  return { ...info, data: concat(idat) };
}

/** Whether PDF can take the IDAT data as is (FlateDecode with /Predictor 15). */
export function embeddable(png: PngInfo): boolean {
  const alpha = png.colorType === 4 || png.colorType === 6 || (png.colorType === 3 && !!png.transparency);
  return !png.interlaced && !alpha;
}

function unfilter(src: Bytes, at: number, rowBytes: number, rows: number, bpp: number): Bytes {
  const out = new Uint8Array(rowBytes * rows);
  if (src.length < at + rows * (rowBytes + 1)) throw new Error('PNG image data is truncated.');
  for (let y = 0; y < rows; y++, at += rowBytes + 1) {
    const filter = src[at]!;
    const s = at + 1;
    const o = y * rowBytes;
    const p = o - rowBytes;
    // One loop per filter type: this runs for every byte of a page.
    if (filter === 0) out.set(src.subarray(s, s + rowBytes), o);
    else if (filter === 1) for (let i = 0; i < rowBytes; i++) out[o + i] = src[s + i]! + (i >= bpp ? out[o + i - bpp]! : 0);
    else if (filter === 2) for (let i = 0; i < rowBytes; i++) out[o + i] = src[s + i]! + (y > 0 ? out[p + i]! : 0);
    else if (filter === 3)
      for (let i = 0; i < rowBytes; i++) out[o + i] = src[s + i]! + (((i >= bpp ? out[o + i - bpp]! : 0) + (y > 0 ? out[p + i]! : 0)) >> 1);
    else if (filter === 4)
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= bpp ? out[o + i - bpp]! : 0;
        const b = y > 0 ? out[p + i]! : 0;
        const c = y > 0 && i >= bpp ? out[p + i - bpp]! : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        out[o + i] = src[s + i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    else throw new Error(`PNG filter type ${filter} is not valid.`);
  }
  return out;
}

// Adam7: where each pass starts and how far it steps, in x and y.
const PASSES = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Sub-byte samples (grey or palette, one channel) widened to a byte each; grey scaled to 0..255. */
function widen(rows: Bytes, w: number, h: number, bitDepth: number, scale: boolean): Bytes {
  const rowBytes = Math.ceil((w * bitDepth) / 8);
  const max = (1 << bitDepth) - 1;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const bit = x * bitDepth;
      const v = (rows[y * rowBytes + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & max;
      out[y * w + x] = scale ? Math.round((v * 255) / max) : v;
    }
  return out;
}

/** The whole image as rows of whole-byte samples, no filter bytes, no padding. */
async function pixels(png: PngInfo, channels: number): Promise<Bytes> {
  const { width, height, bitDepth, colorType } = png;
  const raw = await inflate(png.data);
  const bits = channels * bitDepth;
  const bpp = Math.max(1, bits >> 3);
  const pass = (at: number, w: number, h: number) => {
    const rows = unfilter(raw, at, Math.ceil((w * bits) / 8), h, bpp);
    return bitDepth < 8 ? widen(rows, w, h, bitDepth, colorType === 0) : rows;
  };
  if (!png.interlaced) return pass(0, width, height);
  const size = bitDepth < 8 ? 1 : bpp;
  const out = new Uint8Array(width * height * size);
  let at = 0;
  for (const [x0, y0, dx, dy] of PASSES) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const part = pass(at, w, h);
    at += h * (Math.ceil((w * bits) / 8) + 1);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const from = (y * w + x) * size;
        out.set(part.subarray(from, from + size), ((y0 + y * dy) * width + x0 + x * dx) * size);
      }
  }
  return out;
}

/** Every pixel's samples, colour split from alpha; transparency chunks turned into alpha. */
export async function decodePng(png: PngInfo): Promise<DecodedPng> {
  const { width, height, bitDepth, colorType } = png;
  const channels = CHANNELS[colorType]!;
  const img = await pixels(png, channels);
  const depth = bitDepth === 16 ? 16 : 8;
  const b = depth / 8; // bytes per sample
  const n = width * height;
  const colors = colorType === 2 || colorType === 6 ? 3 : 1;
  const hasAlpha = colorType === 4 || colorType === 6;
  let color = img;
  const alpha = new Uint8Array(n * b).fill(255);
  if (hasAlpha) {
    color = new Uint8Array(n * colors * b);
    const px = channels * b;
    const cb = colors * b;
    for (let p = 0; p < n; p++) {
      for (let k = 0; k < cb; k++) color[p * cb + k] = img[p * px + k]!;
      for (let k = 0; k < b; k++) alpha[p * b + k] = img[p * px + cb + k]!;
    }
  } else if (png.transparency) {
    const t = png.transparency;
    if (colorType === 3) for (let p = 0; p < n; p++) alpha[p] = img[p]! < t.length ? t[img[p]!]! : 255;
    else {
      // A colour key: the one grey or RGB value that is transparent (widened like the samples).
      const max = (1 << bitDepth) - 1;
      const key = Array.from({ length: colors * b }, (_, i) => {
        const v = (t[2 * Math.floor(i / b)]! << 8) | t[2 * Math.floor(i / b) + 1]!;
        if (b === 2) return i % 2 === 0 ? v >> 8 : v & 255;
        return bitDepth < 8 ? Math.round((v * 255) / max) : v;
      });
      const cb = colors * b;
      for (let p = 0; p < n; p++) {
        let k = 0;
        while (k < cb && img[p * cb + k] === key[k]) k++;
        if (k === cb) alpha.fill(0, p * b, p * b + b);
      }
    }
  }
  let opaque = true;
  for (let i = 0; i < alpha.length && opaque; i++) opaque = alpha[i] === 255;
  return { width, height, depth, colors, color, alpha: opaque ? null : alpha };
}
