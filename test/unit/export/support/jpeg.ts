// A tiny baseline JPEG encoder for tests: every 8×8 block one flat colour, so each block
// is its DC coefficient alone. Enough to hand poppler a real JPEG, with an EXIF orientation.

class BitWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
    this.acc = 0;
    this.n = 0;
  }
  end(): number[] {
    while (this.n !== 0) this.write(1, 1);
    return this.bytes;
  }
}

const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];

function exif(orientation: number): number[] {
  // Big-endian TIFF header, one IFD with one entry: Orientation (0x0112), SHORT, 1 value.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  return segment(0xe1, [...Buffer.from('Exif\0\0', 'latin1'), ...tiff]);
}

/** `color(bx, by)` gives the RGB (or grey, with grey: true) of the block at block column bx, row by. */
export function encodeJpeg(
  width: number,
  height: number,
  color: (bx: number, by: number) => number[],
  o: { grey?: boolean; orientation?: number } = {},
): Buffer {
  const comps = o.grey ? 1 : 3;
  const bw = Math.ceil(width / 8);
  const bh = Math.ceil(height / 8);
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  if (o.orientation) out.push(...exif(o.orientation));
  out.push(...segment(0xdb, [0, ...Array<number>(64).fill(1)])); // quantiser 1: lossless for flat blocks
  const sof = [8, height >> 8, height & 255, width >> 8, width & 255, comps];
  for (let c = 0; c < comps; c++) sof.push(c + 1, 0x11, 0);
  out.push(...segment(0xc0, sof));
  // DC: categories 0..11, all 4-bit codes. AC: only end-of-block, code "0".
  out.push(...segment(0xc4, [0x00, 0, 0, 0, 12, ...Array<number>(12).fill(0), ...Array.from({ length: 12 }, (_, i) => i)]));
  out.push(...segment(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0x00]));
  const sos = [comps];
  for (let c = 0; c < comps; c++) sos.push(c + 1, 0x00);
  out.push(...segment(0xda, [...sos, 0, 63, 0]));
  const bits = new BitWriter();
  const prev = [0, 0, 0];
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      const c = color(bx, by);
      const ycc = o.grey
        ? [c[0]!]
        : [
            0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!,
            128 - 0.168736 * c[0]! - 0.331264 * c[1]! + 0.5 * c[2]!,
            128 + 0.5 * c[0]! - 0.418688 * c[1]! - 0.081312 * c[2]!,
          ];
      ycc.forEach((v, k) => {
        const dc = Math.round(8 * (v - 128));
        const diff = dc - prev[k]!;
        prev[k] = dc;
        const cat = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        bits.write(cat, 4);
        if (cat) bits.write(diff > 0 ? diff : diff + (1 << cat) - 1, cat);
        bits.write(0, 1); // end of block
      });
    }
  out.push(...bits.end(), 0xff, 0xd9);
  return Buffer.from(out);
}
