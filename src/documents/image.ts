// Browser image formats, decoded by the browser; TIFF by utif (browsers don't decode it).
import UTIF, { type IFD } from 'utif';
import { config } from '../config';
import { DocumentError } from './errors';
import type { DocumentType } from './sniff';
import type { OpenedDocument, PageImage } from './types';

function checkSize(width: number, height: number): void {
  if (!width || !height) throw new DocumentError('undecodable_file', 'The image has no pixels; it may be truncated or corrupt.');
  const mp = (width * height) / 1e6;
  if (mp > config.maxMegapixels) {
    throw new DocumentError(
      'image_too_large',
      `The image is ${Math.round(mp)} megapixels; the limit is ${config.maxMegapixels}. Scale it down and try again.`,
    );
  }
}

export async function openImage(bytes: ArrayBuffer, type: DocumentType): Promise<OpenedDocument> {
  const blob = new Blob([bytes], { type: `image/${type}` });
  // Read the size from the header first: decoding a 100+ megapixel image could exhaust memory.
  const size = headerSize(new Uint8Array(bytes), type);
  if (size) checkSize(size.width, size.height);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new DocumentError('undecodable_file', `The ${type.toUpperCase()} file could not be decoded; it may be truncated or corrupt.`);
  }
  checkSize(bitmap.width, bitmap.height);
  bitmap.close();
  return {
    type,
    pageCount: 1,
    async page(index: number): Promise<PageImage> {
      if (index !== 0) throw new DocumentError('no_such_page', `This image has one page, not ${index + 1}.`);
      const bmp = await createImageBitmap(blob);
      return { bitmap: bmp, original: type === 'png' || type === 'jpeg' ? blob : undefined };
    },
    close() {},
  };
}

export async function openTiff(bytes: ArrayBuffer): Promise<OpenedDocument> {
  let ifds: IFD[];
  try {
    ifds = UTIF.decode(bytes).filter((ifd) => ifd['t256'] !== undefined);
  } catch {
    throw new DocumentError('undecodable_file', 'The TIFF file could not be read; it may be truncated or corrupt.');
  }
  if (ifds.length === 0) throw new DocumentError('undecodable_file', 'The TIFF file holds no image.');
  for (const ifd of ifds) {
    const w = Number((ifd['t256'] as number[])[0]);
    const h = Number((ifd['t257'] as number[])[0]);
    checkSize(w, h);
  }
  return {
    type: 'tiff',
    pageCount: ifds.length,
    async page(index: number): Promise<PageImage> {
      const ifd = ifds[index];
      if (!ifd) throw new DocumentError('no_such_page', `This TIFF has ${ifds.length} pages.`);
      try {
        UTIF.decodeImage(bytes, ifd);
        const rgba = UTIF.toRGBA8(ifd);
        const data = new ImageData(new Uint8ClampedArray(rgba), ifd.width, ifd.height);
        return { bitmap: await createImageBitmap(data) };
      } catch {
        throw new DocumentError('undecodable_file', `Page ${index + 1} of the TIFF could not be decoded.`);
      }
    },
    close() {},
  };
}

/** Width and height from an image header, without decoding it; null when unknown. */
export function headerSize(b: Uint8Array, type: DocumentType): { width: number; height: number } | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  try {
    if (type === 'png' && b.length >= 24) return { width: dv.getUint32(16), height: dv.getUint32(20) };
    if (type === 'gif' && b.length >= 10) return { width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
    if (type === 'bmp' && b.length >= 26) return { width: Math.abs(dv.getInt32(18, true)), height: Math.abs(dv.getInt32(22, true)) };
    if (type === 'jpeg') return jpegSize(b, dv);
  } catch {
    return null;
  }
  return null;
}

function jpegSize(b: Uint8Array, dv: DataView): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const len = dv.getUint16(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}
