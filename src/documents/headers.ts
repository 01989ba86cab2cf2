// What an image's header says before a pixel is decoded: its size (so that an oversized
// image is refused without decoding it) and its EXIF orientation (a photo taken sideways).
import type { DocumentType } from './sniff';

export interface Size {
  width: number;
  height: number;
}

type Reader = (b: Uint8Array, dv: DataView) => Size | null;

const READERS: Partial<Record<DocumentType, Reader>> = { png: pngSize, jpeg: jpegSize, gif: gifSize, bmp: bmpSize, webp: webpSize };

/** Width and height from the header of a browser image format; null when the header does not say. */
export function imageSize(b: Uint8Array, type: DocumentType): Size | null {
  const read = READERS[type];
  if (!read) return null;
  try {
    return read(b, new DataView(b.buffer, b.byteOffset, b.byteLength));
  } catch {
    // A header cut short reads past the end: the size is unknown.
    return null;
  }
}

const isAscii = (b: Uint8Array, at: number, s: string) => [...s].every((c, i) => b[at + i] === c.charCodeAt(0));

function pngSize(b: Uint8Array, dv: DataView): Size | null {
  if (!isAscii(b, 12, 'IHDR')) return null;
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

/** The size of the first frame (SOF0..SOF15), walking the segments before it. */
function jpegSize(b: Uint8Array, dv: DataView): Size | null {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    // Fill bytes, and markers that stand alone (no length): RSTn, SOI, TEM.
    if (marker === 0xff) { i++; continue; }
    if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) { i += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = dv.getUint16(i + 5);
      const width = dv.getUint16(i + 7);
      // Height 0: given later by a DNL marker. Unusual enough to count as unknown.
      return height && width ? { width, height } : null;
    }
    i += 2 + dv.getUint16(i + 2);
  }
  return null;
}

/** The logical screen, grown to the first frame when that is larger (browsers draw it whole). */
function gifSize(b: Uint8Array, dv: DataView): Size | null {
  let width = dv.getUint16(6, true);
  let height = dv.getUint16(8, true);
  let i = 13 + (b[10]! & 0x80 ? 3 * (2 << (b[10]! & 7)) : 0);
  while (i < b.length) {
    if (b[i] === 0x21) {
      i += 2;
      while (i < b.length && b[i] !== 0) i += b[i]! + 1;
      i++;
    } else if (b[i] === 0x2c) {
      width = Math.max(width, dv.getUint16(i + 1, true) + dv.getUint16(i + 5, true));
      height = Math.max(height, dv.getUint16(i + 3, true) + dv.getUint16(i + 7, true));
      break;
    } else break;
  }
  return { width, height };
}

function bmpSize(_b: Uint8Array, dv: DataView): Size | null {
  // OS/2 1.x (BITMAPCOREHEADER, 12 bytes) has 16-bit sizes; every later header 32-bit, height signed.
  if (dv.getUint32(14, true) === 12) return { width: dv.getUint16(18, true), height: dv.getUint16(20, true) };
  return { width: Math.abs(dv.getInt32(18, true)), height: Math.abs(dv.getInt32(22, true)) };
}

function webpSize(b: Uint8Array, dv: DataView): Size | null {
  if (isAscii(b, 12, 'VP8X')) return { width: 1 + (dv.getUint32(24, true) & 0xffffff), height: 1 + (dv.getUint32(27, true) & 0xffffff) };
  if (isAscii(b, 12, 'VP8L')) {
    if (b[20] !== 0x2f) return null;
    const bits = dv.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (isAscii(b, 12, 'VP8 ')) {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: dv.getUint16(26, true) & 0x3fff, height: dv.getUint16(28, true) & 0x3fff };
  }
  return null;
}

/**
 * The EXIF orientation (1..8; 1 is upright) of a JPEG (APP1 "Exif") or a PNG (eXIf chunk).
 * The browser turns such a photo upright when it decodes it; its bytes as they are are not.
 */
export function exifOrientation(b: Uint8Array, type: DocumentType): number {
  try {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const at = type === 'jpeg' ? jpegExif(b, dv) : type === 'png' ? pngExif(b, dv) : -1;
    return at < 0 ? 1 : tiffOrientation(dv, at);
  } catch {
    return 1;
  }
}

/**
 * A JPEG's vertical resolution in dots per inch as its JFIF header gives it, as libjpeg and so
 * Tesseract read it (dots per centimetre converted); null when the header gives only an
 * aspect ratio, or there is no JFIF header.
 */
export function jpegDpi(b: Uint8Array): number | null {
  try {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let i = 2;
    while (i + 4 <= b.length && b[i] === 0xff) {
      const marker = b[i + 1]!;
      if (marker === 0xda || marker === 0xd9) return null;
      if (marker === 0xe0 && isAscii(b, i + 4, 'JFIF\0') && i + 18 <= b.length) {
        const units = b[i + 11]!;
        const y = dv.getUint16(i + 14);
        return units === 1 && y ? y : units === 2 && y ? Math.round(y * 2.54) : null;
      }
      i += 2 + dv.getUint16(i + 2);
    }
  } catch {
    // a header cut short says nothing
  }
  return null;
}

function jpegExif(b: Uint8Array, dv: DataView): number {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xda || marker === 0xd9) return -1;
    const len = dv.getUint16(i + 2);
    if (marker === 0xe1 && isAscii(b, i + 4, 'Exif\0\0')) return i + 10;
    i += 2 + len;
  }
  return -1;
}

function pngExif(b: Uint8Array, dv: DataView): number {
  let i = 8;
  while (i + 8 <= b.length) {
    const len = dv.getUint32(i);
    if (isAscii(b, i + 4, 'eXIf')) return i + 8;
    if (isAscii(b, i + 4, 'IDAT')) return -1;
    i += 12 + len;
  }
  return -1;
}

/** Orientation (tag 274) from the first directory of the little TIFF inside EXIF. */
function tiffOrientation(dv: DataView, at: number): number {
  const le = dv.getUint16(at) === 0x4949;
  const ifd = at + dv.getUint32(at + 4, le);
  const count = dv.getUint16(ifd, le);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (dv.getUint16(e, le) === 0x0112) {
      const v = dv.getUint16(e + 8, le);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/**
 * A PNG's vertical resolution in dots per inch from its pHYs chunk (pixels per metre), as
 * Leptonica and so Tesseract read it; null without one, or when it gives only an aspect ratio.
 */
export function pngDpi(b: Uint8Array): number | null {
  try {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let i = 8;
    while (i + 8 <= b.length) {
      const length = dv.getUint32(i);
      const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
      if (type === 'IDAT' || type === 'IEND') return null;
      if (type === 'pHYs' && length >= 9 && i + 17 <= b.length) {
        const y = dv.getUint32(i + 12);
        return b[i + 16] === 1 && y ? Math.round(y / 39.37) : null;
      }
      i += 12 + length;
    }
  } catch {
    // a header cut short says nothing
  }
  return null;
}
