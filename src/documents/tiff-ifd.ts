// The directories (IFDs) of a TIFF: one per page, read from the header alone, before
// any pixel is decoded. A hostile file can claim anything, so every count and offset is
// checked against the file's length before it is followed.
import { UserError } from '../shared/errors';

/** The tags a page is decoded with (TIFF 6.0 numbers). */
export const TAG = {
  newSubfileType: 254,
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  fillOrder: 266,
  stripOffsets: 273,
  orientation: 274,
  samplesPerPixel: 277,
  rowsPerStrip: 278,
  stripByteCounts: 279,
  planarConfig: 284,
  t4Options: 292,
  predictor: 317,
  colorMap: 320,
  tileWidth: 322,
  tileLength: 323,
  tileOffsets: 324,
  tileByteCounts: 325,
  inkSet: 332,
  extraSamples: 338,
  sampleFormat: 339,
  jpegTables: 347,
} as const;

const WANTED: ReadonlySet<number> = new Set(Object.values(TAG));
/** Bytes per value of each TIFF field type (1 BYTE … 13 IFD); 0: unknown type. */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
/** More pages than any real scan has: a directory chain this long is a loop or an attack. */
const MAX_PAGES = 10_000;

export interface TiffPage {
  /** 0-based, counting only the pages kept (thumbnails are left out) */
  index: number;
  width: number;
  height: number;
  littleEndian: boolean;
  /** numeric tags, every value as a number */
  tags: Map<number, number[]>;
  /** JPEGTables, when present: raw bytes */
  jpegTables?: Uint8Array;
}

export function tag(page: TiffPage, id: number, fallback: number): number {
  return page.tags.get(id)?.[0] ?? fallback;
}

const damaged = (why: string) => new UserError('undecodable_file', `The TIFF file is damaged: ${why}`);

/** Every page of the TIFF with its size; throws a UserError when not even one can be read. */
export function readTiffPages(b: Uint8Array): TiffPage[] {
  if (b.length < 8) throw damaged('it ends inside its header.');
  const le = b[0] === 0x49;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (o: number) => dv.getUint16(o, le);
  const u32 = (o: number) => dv.getUint32(o, le);
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  let at = u32(4);
  while (at !== 0) {
    // A broken link after good pages loses only what follows it: keep what was read.
    if (seen.has(at) || at + 2 > b.length || seen.size >= MAX_PAGES) {
      if (pages.length) break;
      throw damaged('its first page directory lies outside the file.');
    }
    seen.add(at);
    const count = u16(at);
    if (at + 2 + count * 12 + 4 > b.length) {
      if (pages.length) break;
      throw damaged('its first page directory is cut off.');
    }
    const tags = new Map<number, number[]>();
    let jpegTables: Uint8Array | undefined;
    for (let i = 0; i < count; i++) {
      const e = at + 2 + i * 12;
      const id = u16(e);
      if (!WANTED.has(id)) continue;
      const type = u16(e + 2);
      const n = u32(e + 4);
      const size = TYPE_SIZE[type] ?? 0;
      if (!size) continue;
      const bytes = size * n;
      const from = bytes <= 4 ? e + 8 : u32(e + 8);
      if (from + bytes > b.length) throw damaged(`page ${pages.length + 1} points past the end of the file (tag ${id}).`);
      if (id === TAG.jpegTables) {
        jpegTables = b.subarray(from, from + bytes);
        continue;
      }
      tags.set(id, readValues(dv, type, from, n, le));
    }
    at = u32(at + 2 + count * 12);
    const width = tags.get(TAG.width)?.[0] ?? 0;
    const height = tags.get(TAG.height)?.[0] ?? 0;
    // A reduced-resolution copy (a thumbnail or preview) is not a page.
    if (((tags.get(TAG.newSubfileType)?.[0] ?? 0) & 1) === 1 || !tags.has(TAG.width)) continue;
    pages.push({ index: pages.length, width, height, littleEndian: le, tags, ...(jpegTables ? { jpegTables } : {}) });
  }
  if (!pages.length) throw new UserError('undecodable_file', 'The TIFF file holds no image.');
  return pages;
}

function readValues(dv: DataView, type: number, from: number, n: number, le: boolean): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    switch (type) {
      case 1: case 2: case 7: out[i] = dv.getUint8(from + i); break;
      case 6: out[i] = dv.getInt8(from + i); break;
      case 3: out[i] = dv.getUint16(from + 2 * i, le); break;
      case 8: out[i] = dv.getInt16(from + 2 * i, le); break;
      case 4: case 13: out[i] = dv.getUint32(from + 4 * i, le); break;
      case 9: out[i] = dv.getInt32(from + 4 * i, le); break;
      case 5: out[i] = dv.getUint32(from + 8 * i, le) / (dv.getUint32(from + 8 * i + 4, le) || 1); break;
      case 10: out[i] = dv.getInt32(from + 8 * i, le) / (dv.getInt32(from + 8 * i + 4, le) || 1); break;
      case 11: out[i] = dv.getFloat32(from + 4 * i, le); break;
      case 12: out[i] = dv.getFloat64(from + 8 * i, le); break;
    }
  }
  return out;
}
