// TIFF, which browsers do not decode: pages from the directories (tiff-ifd.ts), each
// strip or tile undone (tiff-codecs.ts) and laid into the page, then turned into RGBA
// (tiff-pixels.ts). JPEG-in-TIFF goes to the browser's own JPEG decoder.
import { UserError } from '../shared/errors';
import { ChunkError, fax, inflate, lzw, packBits, reverseBits, uncompressed } from './tiff-codecs';
import { readTiffPages, tag, TAG, type TiffPage } from './tiff-ifd';
import { colourModel, eightBit, toRgba, undoPredictor } from './tiff-pixels';

export { readTiffPages } from './tiff-ifd';

/** Where each strip or tile of a page sits, and how many bytes of samples it holds. */
interface Chunk {
  offset: number;
  length: number;
  /** plane (PlanarConfiguration 2: one per sample), left and top in the page */
  plane: number;
  x: number;
  y: number;
  width: number;
  rows: number;
}

const COMPRESSION_NAMES: Record<number, string> = { 6: 'old-style JPEG', 34712: 'JPEG 2000', 34887: 'LERC', 34925: 'LZMA', 50000: 'Zstandard', 50001: 'WebP', 34661: 'JBIG' };

/** The page's pixels, or a UserError that says why it cannot be read. */
export async function decodeTiffPage(file: Uint8Array, page: TiffPage): Promise<ImageBitmap> {
  const pixels = await tiffPixels(file, page);
  const stored = 'jpeg' in pixels ? await explained(page, () => jpegPage(page, pixels.jpeg)) : await createImageBitmap(new ImageData(pixels.rgba as Uint8ClampedArray<ArrayBuffer>, page.width, page.height));
  return upright(stored, tag(page, TAG.orientation, 1));
}

/**
 * The page as it is meant to be seen, by its Orientation tag (1..8, as EXIF's): a phone's
 * scanning app may store it sideways and say so. [a, b, c, d] of the canvas transform
 * x' = a·x + c·y + e, y' = b·x + d·y + f; e and f follow from the size.
 */
function upright(bitmap: ImageBitmap, orientation: number): ImageBitmap {
  const m: Record<number, [number, number, number, number]> = { 2: [-1, 0, 0, 1], 3: [-1, 0, 0, -1], 4: [1, 0, 0, -1], 5: [0, 1, 1, 0], 6: [0, 1, -1, 0], 7: [0, -1, -1, 0], 8: [0, -1, 1, 0] };
  const t = m[orientation];
  if (!t) return bitmap;
  const [a, b, c, d] = t;
  const { width: w, height: h } = bitmap;
  const turned = orientation >= 5;
  const canvas = new OffscreenCanvas(turned ? h : w, turned ? w : h);
  const ctx = canvas.getContext('2d')!;
  // Translate so that the image lands inside the canvas: each negative axis shifts by its extent.
  ctx.setTransform(a, b, c, d, (a < 0 ? w : 0) + (c < 0 ? h : 0), (b < 0 ? w : 0) + (d < 0 ? h : 0));
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.transferToImageBitmap();
}

/** Opaque RGBA pixels of a page, or (JPEG-in-TIFF) its strips as JPEG files for the browser to decode. */
export type TiffPixels = { rgba: Uint8ClampedArray } | { jpeg: { blob: Blob; x: number; y: number }[] };

/** A page's pixels without the browser's help (but for JPEG); errors say which page and why. */
export function tiffPixels(file: Uint8Array, page: TiffPage): Promise<TiffPixels> {
  return explained(page, () => decode(file, page));
}

async function explained<T>(page: TiffPage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const n = page.index + 1;
    if (err instanceof ChunkError) throw new UserError('undecodable_page', `Page ${n} of the TIFF is damaged: ${err.message}.`);
    if (err instanceof UserError) throw new UserError(err.code, `Page ${n}: ${err.detail}`);
    throw new UserError('undecodable_page', `Page ${n} of the TIFF could not be decoded (${(err as Error).message ?? err}).`);
  }
}

async function decode(file: Uint8Array, page: TiffPage): Promise<TiffPixels> {
  const { width, height } = page;
  const compression = tag(page, TAG.compression, 1);
  const bitsList = page.tags.get(TAG.bitsPerSample) ?? [1];
  const bits = bitsList[0]!;
  const spp = tag(page, TAG.samplesPerPixel, 1);
  const photometric = tag(page, TAG.photometric, compression >= 2 && compression <= 4 ? 0 : 1);
  if (tag(page, TAG.sampleFormat, 1) === 3) throw new UserError('unsupported_tiff', 'This TIFF holds floating-point samples, which cannot be read; save it with 8 or 16 bits a sample.');
  if (![1, 2, 4, 8, 16].includes(bits) || bitsList.some((b) => b !== bits)) throw new UserError('unsupported_tiff', `This TIFF has ${bitsList.join('/')} bits a sample, which cannot be read; save it with 8 or 16.`);
  if (COMPRESSION_NAMES[compression] || ![1, 2, 3, 4, 5, 7, 8, 32773, 32946].includes(compression)) {
    throw new UserError('unsupported_tiff', `This TIFF is compressed with ${COMPRESSION_NAMES[compression] ?? `method ${compression}`}, which cannot be read; save it with LZW, ZIP, JPEG or Group 4 compression.`);
  }
  const planar = tag(page, TAG.planarConfig, 1) === 2 && spp > 1;
  const chunks = chunksOf(page, file.length, planar ? spp : 1);
  if (compression === 7) return { jpeg: chunks.map((c) => ({ blob: new Blob([withTables(file.subarray(c.offset, c.offset + c.length), page.jpegTables) as BlobPart], { type: 'image/jpeg' }), x: c.x, y: c.y })) };

  const model = colourModel(photometric, spp, page.tags.get(TAG.extraSamples) ?? [], tag(page, TAG.inkSet, 1), page.tags.get(TAG.colorMap));
  const samplesInPlane = planar ? 1 : spp;
  const planeRowBytes = Math.ceil((width * samplesInPlane * bits) / 8);
  const planes = Array.from({ length: planar ? spp : 1 }, () => new Uint8Array(planeRowBytes * height));
  const predictor = tag(page, TAG.predictor, 1);
  if (predictor === 3) throw new UserError('unsupported_tiff', 'This TIFF uses floating-point prediction, which cannot be read.');
  const reversed = tag(page, TAG.fillOrder, 1) === 2;
  for (const c of chunks) {
    const rowBytes = Math.ceil((c.width * samplesInPlane * bits) / 8);
    let src = file.subarray(c.offset, c.offset + c.length);
    if (reversed) src = reverseBits(src);
    const raw = await decompress(src, compression, rowBytes * c.rows, { width: c.width, rows: c.rows, t4Options: tag(page, TAG.t4Options, 0), blackIs1: photometric === 0 });
    if (predictor === 2) undoPredictor(raw, c.width, c.rows, samplesInPlane, bits, page.littleEndian);
    place(raw, rowBytes, c, planes[c.plane]!, planeRowBytes, height, (samplesInPlane * bits) / 8);
  }
  const layout = { width, height, bitsPerSample: bits, samplesPerPixel: spp, littleEndian: page.littleEndian };
  const samples = planar ? interleave(planes.map((p) => eightBit(p, { ...layout, samplesPerPixel: 1 }, photometric !== 3)), spp) : eightBit(planes[0]!, layout, photometric !== 3);
  return { rgba: toRgba(samples, width, height, spp, model) };
}

function decompress(src: Uint8Array, compression: number, expected: number, fx: { width: number; rows: number; t4Options: number; blackIs1: boolean }): Promise<Uint8Array> | Uint8Array {
  switch (compression) {
    case 1: return uncompressed(src, expected);
    case 2: case 3: case 4: return fax(src, { compression, ...fx });
    case 5: return lzw(src, expected);
    case 8: case 32946: return inflate(src, expected);
    case 32773: return packBits(src, expected);
  }
  throw new UserError('unsupported_tiff', `This TIFF is compressed with method ${compression}, which cannot be read.`);
}

/** The strips or tiles of a page, each checked to lie inside the file. */
function chunksOf(page: TiffPage, fileLength: number, planes: number): Chunk[] {
  const { width, height } = page;
  const tiled = page.tags.has(TAG.tileWidth);
  const offsets = page.tags.get(tiled ? TAG.tileOffsets : TAG.stripOffsets);
  const counts = page.tags.get(tiled ? TAG.tileByteCounts : TAG.stripByteCounts);
  if (!offsets?.length) throw new UserError('undecodable_file', 'The page says nothing about where its pixels are.');
  const tw = tiled ? tag(page, TAG.tileWidth, 0) : width;
  const th = tiled ? tag(page, TAG.tileLength, 0) : Math.min(height, tag(page, TAG.rowsPerStrip, height) || height);
  if (!tw || !th) throw new UserError('undecodable_file', 'The page gives its tiles no size.');
  const across = Math.ceil(width / tw);
  const down = Math.ceil(height / th);
  const perPlane = across * down;
  if (offsets.length < perPlane * planes) throw new ChunkError(`it lists ${offsets.length} of its ${perPlane * planes} ${tiled ? 'tiles' : 'strips'}`);
  const chunks: Chunk[] = [];
  for (let i = 0; i < perPlane * planes; i++) {
    const offset = offsets[i]!;
    // A missing byte count (some old writers): the chunk runs to the end of the file.
    const length = counts?.[i] ?? fileLength - offset;
    if (offset + length > fileLength || offset <= 0) throw new ChunkError(`its image data lies past the end of the file (the file is cut short)`);
    const k = i % perPlane;
    const x = (k % across) * tw;
    const y = Math.floor(k / across) * th;
    // A strip holds only the rows left; a tile is always whole (its edge is padding).
    chunks.push({ offset, length, plane: Math.floor(i / perPlane), x, y, width: tw, rows: tiled ? th : Math.min(th, height - y) });
  }
  return chunks;
}

/** Copies a chunk's rows into the plane, clipping a tile's padding at the page's edges. */
function place(raw: Uint8Array, rowBytes: number, c: Chunk, plane: Uint8Array, planeRowBytes: number, height: number, bytesPerPixel: number): void {
  const xByte = Math.floor(c.x * bytesPerPixel);
  const copy = Math.min(rowBytes, planeRowBytes - xByte);
  for (let r = 0; r < c.rows && c.y + r < height; r++) plane.set(raw.subarray(r * rowBytes, r * rowBytes + copy), (c.y + r) * planeRowBytes + xByte);
}

function interleave(planes: Uint8Array[], spp: number): Uint8Array {
  const n = planes[0]!.length;
  const out = new Uint8Array(n * spp);
  for (let s = 0; s < spp; s++) {
    const p = planes[s]!;
    for (let i = 0; i < n; i++) out[i * spp + s] = p[i]!;
  }
  return out;
}

/** JPEG-in-TIFF: each strip or tile is a JPEG (with the shared tables), drawn where it belongs. */
async function jpegPage(page: TiffPage, strips: { blob: Blob; x: number; y: number }[]): Promise<ImageBitmap> {
  const canvas = new OffscreenCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, page.width, page.height);
  for (const s of strips) {
    let bmp: ImageBitmap;
    try {
      bmp = await createImageBitmap(s.blob);
    } catch {
      throw new ChunkError('a JPEG strip of it is corrupt');
    }
    ctx.drawImage(bmp, s.x, s.y);
    bmp.close();
  }
  return canvas.transferToImageBitmap();
}

/** A whole JPEG from the page's tables (less their end marker) and a chunk (less its start marker). */
function withTables(chunk: Uint8Array, tables?: Uint8Array): Uint8Array {
  if (!tables || tables.length < 4) return chunk;
  const head = tables[tables.length - 2] === 0xff && tables[tables.length - 1] === 0xd9 ? tables.subarray(0, -2) : tables;
  const body = chunk[0] === 0xff && chunk[1] === 0xd8 ? chunk.subarray(2) : chunk;
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export type { TiffPage };
