// Turning a page bitmap into bytes: 8-bit greyscale PGM for the recogniser (no compression
// to pay for, and Leptonica reads it as it is), PNG and JPEG for storage.
import { pgmHeader } from './page-image';

export async function encodePng(bitmap: ImageBitmap): Promise<Blob> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

export async function encodeJpeg(bitmap: ImageBitmap, quality = 0.9): Promise<Blob> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/**
 * Greyscale (luma) values of RGBA pixels into `out` from `from` on; transparent pixels count as
 * white paper. In integers (0.299, 0.587 and 0.114 in 16-bit fixed point, summing to 1): a
 * 14-megapixel page in a third of the time floating point took, on the main thread.
 */
export function greyInto(data: Uint8ClampedArray, out: Uint8Array, from: number): void {
  const end = Math.min(out.length, from + data.length / 4);
  for (let i = 0, p = from; p < end; p++, i += 4) {
    const y = (19595 * data[i]! + 38470 * data[i + 1]! + 7471 * data[i + 2]! + 32768) >>> 16;
    const a = data[i + 3]!;
    out[p] = a === 255 ? y : ((y * a + 255 * (255 - a) + 127) / 255) | 0;
  }
}

/** Rows drawn at a time by greyOf: a few MB of RGBA however large the page. */
const STRIP_BYTES = 8 << 20;

/**
 * The bitmap's greyscale values (luma; transparent pixels are white paper), drawn a band of rows
 * at a time: a 35-megapixel page never has its 140 MB of RGBA copied out whole (a canvas
 * and an ImageData of that size each) beside the bitmap, only a strip of a few MB. With
 * `before`, that many bytes are left free ahead of the pixels (a header).
 */
export function greyOf(bitmap: ImageBitmap, before = 0): Uint8Array {
  const { width, height } = bitmap;
  const rows = Math.max(1, Math.min(height, Math.floor(STRIP_BYTES / (4 * Math.max(1, width)))));
  const canvas = new OffscreenCanvas(width, rows);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const out = new Uint8Array(before + width * height);
  for (let y = 0; y < height; y += rows) {
    const h = Math.min(rows, height - y);
    ctx.clearRect(0, 0, width, rows);
    ctx.drawImage(bitmap, 0, y, width, h, 0, 0, width, h);
    greyInto(ctx.getImageData(0, 0, width, h).data, out, before + y * width);
  }
  canvas.width = 0;
  return out;
}

/**
 * A small greyscale copy of the bitmap, scaled by `scale` (at most 1), transparent parts as
 * paper: what the blank test and the skew estimate look at.
 */
export function scaledGrey(bitmap: ImageBitmap, scale: number): { grey: Uint8Array; width: number; height: number } {
  const { rgba: d, width, height } = scaledRgba(bitmap, scale);
  const grey = new Uint8Array(width * height);
  for (let p = 0; p < grey.length; p++) grey[p] = (77 * d[p * 4]! + 150 * d[p * 4 + 1]! + 29 * d[p * 4 + 2]!) >> 8;
  return { grey, width, height };
}

/** The bitmap drawn scaled by `scale` (at most 1) on white paper, as RGBA. */
function scaledRgba(bitmap: ImageBitmap, scale: number): { rgba: Uint8ClampedArray; width: number; height: number } {
  const s = Math.min(1, scale);
  const width = Math.max(1, Math.round(bitmap.width * s));
  const height = Math.max(1, Math.round(bitmap.height * s));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  canvas.width = 0;
  return { rgba, width, height };
}

/** greyPgm(greyOf(bitmap), …) without the second copy of the pixels: the header, then greyOf's rows. */
export function pgmOf(bitmap: ImageBitmap): Uint8Array {
  const header = pgmHeader(bitmap.width, bitmap.height);
  const out = greyOf(bitmap, header.length);
  out.set(header);
  return out;
}

/**
 * A binary PGM (P5) of 8-bit grey pixels. Leptonica reads it as it is: no decoding in
 * JavaScript (tesseract.js runs every BMP through bmp-js, slow and memory-hungry on a
 * page of several megapixels) and no compression to undo.
 */
export function greyPgm(grey: Uint8Array, width: number, height: number): Uint8Array {
  const header = pgmHeader(width, height);
  const buf = new Uint8Array(header.length + width * height);
  buf.set(header);
  buf.set(grey.subarray(0, width * height), header.length);
  return buf;
}

/** The bitmap turned clockwise by a multiple of 90 degrees. */
export function rotateBitmap(bitmap: ImageBitmap, degrees: number): ImageBitmap {
  const quarter = degrees === 90 || degrees === 270;
  const canvas = new OffscreenCanvas(quarter ? bitmap.height : bitmap.width, quarter ? bitmap.width : bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
  return canvas.transferToImageBitmap();
}

/** Otsu's threshold of 8-bit grey values. */
export function otsu(grey: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < grey.length; i++) hist[grey[i]!]!++;
  const total = grey.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 128;
  for (let v = 0; v < 256; v++) {
    weightBack += hist[v]!;
    if (!weightBack) continue;
    const weightFore = total - weightBack;
    if (!weightFore) break;
    sumBack += v * hist[v]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = v + 1;
    }
  }
  return threshold;
}

/** Pixels this far from grey (the largest difference of two of their channels) are coloured. */
const COLOURED = 48;
/** Pixels the colour test looks at, at most: the page is drawn smaller. */
const COLOUR_SAMPLE = 500_000;

/**
 * Whether any of the page is printed in colour (one pixel in a thousand or more, on a copy of
 * at most half a megapixel): Tesseract reads a colour image by each channel's threshold, which
 * finds faint coloured print a grey copy of the page loses.
 */
export function isColourful(bitmap: ImageBitmap): boolean {
  const { rgba: d, width, height } = scaledRgba(bitmap, Math.sqrt(COLOUR_SAMPLE / Math.max(1, bitmap.width * bitmap.height)));
  let coloured = 0;
  for (let i = 0; i < d.length; i += 4) {
    const r = d[i]!;
    const g = d[i + 1]!;
    const b = d[i + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > COLOURED) coloured++;
  }
  return coloured >= (width * height) / 1000;
}
