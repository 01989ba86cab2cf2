// Undoing a TIFF strip's or tile's compression into raw samples. Each decoder knows how
// many bytes the chunk must give and says so when it gives fewer: a damaged page then
// fails with its reason instead of coming out blank.

export class ChunkError extends Error {}

/** Bytes with the bit order of each reversed (FillOrder 2: least significant bit first). */
export function reverseBits(src: Uint8Array): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) {
    let v = src[i]!;
    v = ((v & 0xf0) >> 4) | ((v & 0x0f) << 4);
    v = ((v & 0xcc) >> 2) | ((v & 0x33) << 2);
    out[i] = ((v & 0xaa) >> 1) | ((v & 0x55) << 1);
  }
  return out;
}

export function uncompressed(src: Uint8Array, expected: number): Uint8Array {
  if (src.length < expected) throw new ChunkError('its image data is cut short');
  return src.subarray(0, expected);
}

/** TIFF LZW (MSB-first codes, early change), strict: a code that cannot occur is an error. */
export function lzw(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  // Each entry: where its string starts in `out` and how long it is (strings live in the output).
  const start = new Int32Array(4096);
  const length = new Int32Array(4096);
  let next = 258;
  let width = 9;
  let pos = 0;
  let bitBuf = 0;
  let bits = 0;
  let i = 0;
  let prev = -1;
  const literal = new Uint8Array(256).map((_, k) => k);
  const emit = (code: number): number => {
    if (code < 256) {
      if (pos < expected) out[pos] = literal[code]!;
      return pos++;
    }
    const from = start[code]!;
    const n = length[code]!;
    const at = pos;
    for (let k = 0; k < n && pos < expected; k++) out[pos++] = out[from + k]!;
    if (pos < at + n) pos = at + n;
    return at;
  };
  for (;;) {
    while (bits < width) {
      if (i >= src.length) return finish();
      bitBuf = ((bitBuf << 8) | src[i++]!) >>> 0;
      bits += 8;
    }
    const code = (bitBuf >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 257) return finish();
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (pos >= expected) return finish();
    if (prev < 0) {
      if (code > 255) throw new ChunkError('its compressed data is corrupt (LZW)');
      emit(code);
      prev = code;
      continue;
    }
    const prevLen = prev < 256 ? 1 : length[prev]!;
    let at: number;
    if (code < next) {
      at = emit(code);
    } else if (code === next) {
      // The string not yet in the table: the previous one plus its own first byte.
      at = pos;
      const from = prev < 256 ? -1 : start[prev]!;
      for (let k = 0; k < prevLen && pos < expected; k++) out[pos++] = from < 0 ? prev : out[from + k]!;
      if (pos < expected) out[pos] = out[at]!;
      pos = at + prevLen + 1;
    } else {
      throw new ChunkError('its compressed data is corrupt (LZW)');
    }
    if (next < 4096) {
      start[next] = at - prevLen;
      length[next] = prevLen + 1;
      next++;
    }
    // Early change: the code width grows one code before the table is full at that width.
    if (next + 1 >= 1 << width && width < 12) width++;
    prev = code;
  }
  function finish(): Uint8Array {
    if (pos < expected) throw new ChunkError('its compressed data ends early (LZW)');
    return out;
  }
}

/** PackBits run-length coding. */
export function packBits(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let pos = 0;
  let i = 0;
  while (pos < expected && i < src.length) {
    const n = (src[i++]! << 24) >> 24;
    if (n >= 0) {
      if (i + n + 1 > src.length) break;
      out.set(src.subarray(i, i + Math.min(n + 1, expected - pos)), pos);
      pos += n + 1;
      i += n + 1;
    } else if (n !== -128) {
      const v = src[i++]!;
      out.fill(v, pos, Math.min(expected, pos - n + 1));
      pos += -n + 1;
    }
  }
  if (pos < expected) throw new ChunkError('its compressed data ends early (PackBits)');
  return out;
}

/** Deflate (zlib) through the browser's own decompressor. */
export async function inflate(src: Uint8Array, expected: number): Promise<Uint8Array> {
  const out = new Uint8Array(expected);
  let pos = 0;
  const reader = new Blob([src as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  try {
    while (pos < expected) {
      const { done, value } = await reader.read();
      if (done) break;
      out.set(value.subarray(0, expected - pos), pos);
      pos += value.length;
    }
  } catch {
    // Some writers pad a strip after its stream ends, which the browser calls an error:
    // what counts is whether the rows came out whole.
  } finally {
    void reader.cancel().catch(() => {});
  }
  if (pos < expected) throw new ChunkError('its compressed data is corrupt or ends early (Deflate)');
  return out;
}

/** Where pdf.js's decoders are served (the app's vendored copy); a test in Node points elsewhere. */
export const faxDecoder = {
  wasmUrl: (): string => new URL(`${import.meta.env.BASE_URL}vendor/pdfjs/wasm/`, location.href).href,
};

export interface FaxOptions {
  compression: 2 | 3 | 4;
  /** T4Options: bit 0 two-dimensional coding */
  t4Options: number;
  width: number;
  rows: number;
  /** the page's photometric type says 1 is black (WhiteIsZero), as fax pages do */
  blackIs1: boolean;
}

/**
 * CCITT Group 3/4 fax coding, with pdf.js's decoder (the one it reads scanned PDFs with).
 * Its rows come back packed one bit a pixel, as the page's photometric type means them.
 */
export async function fax(src: Uint8Array, o: FaxOptions): Promise<Uint8Array> {
  const { Jbig2Image } = await import('pdfjs-dist/image_decoders/pdf.image_decoders.mjs');
  Jbig2Image.setOptions({ useWasm: true, useWorkerFetch: true, wasmUrl: faxDecoder.wasmUrl() });
  const params = {
    // Modified Huffman (2): one-dimensional rows, each on a byte boundary, no EOLs.
    K: o.compression === 4 ? -1 : o.compression === 3 && o.t4Options & 1 ? 1 : 0,
    EndOfLine: false,
    // Only Modified Huffman rows start on a byte. T4Options' fill bits before an EOL (bit 2)
    // are zeros pdf.js skips as it looks for the EOL; telling it they align breaks the rows.
    EncodedByteAlign: o.compression === 2,
    BlackIs1: o.blackIs1,
    Columns: o.width,
    Rows: o.rows,
    EndOfBlock: o.compression !== 2,
  };
  let out: Uint8Array | null;
  try {
    out = (await Jbig2Image.instance.decode(src, o.width, o.rows, null, params)) as Uint8Array | null;
  } catch {
    throw new ChunkError('its fax-coded data is corrupt');
  }
  const expected = Math.ceil(o.width / 8) * o.rows;
  if (!out || out.length < expected) throw new ChunkError('its fax-coded data ends early');
  return out.subarray(0, expected);
}
