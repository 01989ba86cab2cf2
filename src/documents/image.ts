// Browser image formats, decoded by the browser; TIFF by our own reader (browsers don't
// decode it). Every size is read from the header and checked before any pixel is decoded.
import { config } from '../shared/config';
import { UserError } from '../shared/errors';
import { exifOrientation, imageSize, jpegDpi, pngDpi } from './headers';
import { jpegLuma } from './luma';
import type { DocumentType } from './sniff';
import { decodeTiffPage, readTiffPages } from './tiff';
import type { OpenedDocument, PageImage } from './types';
import type { Luma } from '../shared/page-image';

function checkSize(width: number, height: number, what = 'The image'): void {
  if (!width || !height) throw new UserError('undecodable_file', `${what} has no pixels; it may be truncated or corrupt.`);
  const mp = (width * height) / 1e6;
  if (mp > config.maxMegapixels) {
    throw new UserError(
      'image_too_large',
      `${what} is ${width}×${height} pixels (${Math.round(mp)} megapixels); the limit is ${config.maxMegapixels}. Scale it down and try again.`,
    );
  }
}

export async function openImage(bytes: ArrayBuffer, type: DocumentType): Promise<OpenedDocument> {
  const head = new Uint8Array(bytes);
  // The header first: decoding a huge image could exhaust the browser's memory.
  const size = imageSize(head, type);
  if (!size) throw new UserError('undecodable_file', `The ${type.toUpperCase()} file's header is damaged: its size cannot be read.`);
  checkSize(size.width, size.height);
  const blob = new Blob([bytes], { type: `image/${type}` });
  // The browser turns a photo upright by its EXIF orientation; its bytes as they are are
  // sideways, so they stand for the page only when already upright.
  const original = (type === 'png' || type === 'jpeg') && exifOrientation(head, type) === 1 ? blob : undefined;
  // An upright JPEG's grey, from its decoder's luma plane, for an engine that reads grey.
  const dpi = type === 'jpeg' ? jpegDpi(head) : type === 'png' ? pngDpi(head) : null;
  const lumaOf = type === 'jpeg' && original ? () => jpegLuma(blob, dpi) : undefined;
  const decode = async () => {
    try {
      return await createImageBitmap(blob, { imageOrientation: 'from-image' });
    } catch {
      throw new UserError('undecodable_file', `The ${type.toUpperCase()} file could not be decoded; it may be truncated or corrupt.`);
    }
  };
  const bitmap = await decode();
  try {
    checkSize(bitmap.width, bitmap.height);
  } catch (err) {
    bitmap.close();
    throw err;
  }
  // Decoded to check it, it is kept for its reading (the page is read right after, most often):
  // not decoded twice. Within a budget: many uploads queued at once keep none beyond it.
  let held = hold(bitmap);
  return {
    type,
    pageCount: 1,
    async page(index: number): Promise<PageImage> {
      if (index !== 0) throw new UserError('no_such_page', `This image has one page, not ${index + 1}.`);
      const kept = held;
      held = null;
      // decoded once for the page, whoever asks first (the blank test, the engine)
      let luma: Promise<Luma | null> | undefined;
      return { bitmap: kept ? kept.take() : await decode(), ...(original ? { original } : {}), ...(lumaOf ? { luma: () => (luma ??= lumaOf()) } : {}), ...(original && dpi ? { dpi } : {}) };
    },
    close() {
      held?.drop();
      held = null;
    },
  };
}

/** Bytes of decoded images kept between their upload's check and their reading, at most. */
export const HELD_BYTES = 64 << 20;
let heldBytes = 0;

/**
 * A bitmap kept for later, counted against HELD_BYTES (or closed now when it does not fit):
 * `take` hands it over (its new owner closes it), `drop` closes it.
 */
function hold(bitmap: ImageBitmap): { take: () => ImageBitmap; drop: () => void } | null {
  const bytes = 4 * bitmap.width * bitmap.height;
  if (heldBytes + bytes > HELD_BYTES) {
    bitmap.close();
    return null;
  }
  heldBytes += bytes;
  let done = false;
  const release = () => {
    if (!done) heldBytes -= bytes;
    done = true;
  };
  return {
    take: () => (release(), bitmap),
    drop: () => {
      if (!done) bitmap.close();
      release();
    },
  };
}

/**
 * A TIFF's pages are counted and sized from its directories alone; each is decoded when
 * asked for, so one damaged page fails by itself and the others still read.
 */
export function openTiff(bytes: ArrayBuffer): OpenedDocument {
  const file = new Uint8Array(bytes);
  const pages = readTiffPages(file);
  for (const p of pages) checkSize(p.width, p.height, pages.length > 1 ? `Page ${p.index + 1} of the TIFF` : 'The image');
  return {
    type: 'tiff',
    pageCount: pages.length,
    async page(index: number): Promise<PageImage> {
      const page = pages[index];
      if (!page) throw new UserError('no_such_page', `This TIFF has ${pages.length} pages.`);
      return { bitmap: await decodeTiffPage(file, page) };
    },
    close() {},
  };
}
