// A small PNG encoder for tests: every colour type, bit depths 1–16, Adam7 interlacing.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

export interface PngOptions {
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA */
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth?: 1 | 2 | 4 | 8 | 16;
  interlace?: boolean;
  /** RGB triplets, for colour type 3 */
  palette?: number[][];
  /** tRNS chunk body */
  transparency?: number[];
  /** filter type every row uses (0..4); default cycles through all five */
  filter?: number;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const PASSES = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** `sample(x, y)` gives the pixel's samples (palette index for type 3) at the bit depth. */
export function encodePng(width: number, height: number, sample: (x: number, y: number) => number[], o: PngOptions): Buffer {
  const depth = o.bitDepth ?? 8;
  const ch = CHANNELS[o.colorType];
  const bits = ch * depth;
  const bpp = Math.max(1, bits >> 3);
  const raw: number[] = [];
  let rowIndex = 0;
  const encodeRows = (w: number, h: number, at: (x: number, y: number) => [number, number]) => {
    const rowBytes = Math.ceil((w * bits) / 8);
    let prev = new Uint8Array(rowBytes);
    for (let y = 0; y < h; y++) {
      const row = new Uint8Array(rowBytes);
      for (let x = 0; x < w; x++) {
        const s = sample(...at(x, y));
        for (let k = 0; k < ch; k++) {
          const i = x * ch + k;
          if (depth === 8) row[i] = s[k]!;
          else if (depth === 16) {
            row[2 * i] = s[k]! >> 8;
            row[2 * i + 1] = s[k]! & 255;
          } else row[(i * depth) >> 3] |= s[k]! << (8 - depth - ((i * depth) & 7));
        }
      }
      const filter = o.filter ?? rowIndex++ % 5;
      raw.push(filter);
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= bpp ? row[i - bpp]! : 0;
        const b = prev[i]!;
        const c = i >= bpp ? prev[i - bpp]! : 0;
        const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
        raw.push((row[i]! - pred) & 255);
      }
      prev = row;
    }
  };
  if (!o.interlace) encodeRows(width, height, (x, y) => [x, y]);
  else
    for (const [x0, y0, dx, dy] of PASSES) {
      const w = Math.ceil((width - x0) / dx);
      const h = Math.ceil((height - y0) / dy);
      if (w > 0 && h > 0) encodeRows(w, h, (x, y) => [x0 + x * dx, y0 + y * dy]);
    }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, o.colorType, 0, 0, o.interlace ? 1 : 0], 8);
  const data = deflateSync(Uint8Array.from(raw));
  // Two IDAT chunks, as real encoders often write: the exporter must join them.
  const half = Math.floor(data.length / 2);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(o.palette ? [chunk('PLTE', Uint8Array.from(o.palette.flat()))] : []),
    ...(o.transparency ? [chunk('tRNS', Uint8Array.from(o.transparency))] : []),
    chunk('IDAT', data.subarray(0, half)),
    chunk('IDAT', data.subarray(half)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The zlib data of the IDAT chunks, joined. */
export function idatData(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  return Buffer.concat(parts);
}
