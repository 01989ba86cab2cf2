// A JPEG of a grey page, as the browser's decoder gives it. JPEG stores its pixels as luma and
// colour (YCbCr), and WebCodecs' ImageDecoder hands the planes over as they are. A scan of a
// black-and-white page is often saved in colour with no colour in it (its colour planes all
// neutral): then its luma plane is the page, exactly what Tesseract makes of the file's RGB,
// and Tesseract given that grey skips its colour path (a 32-bit page, thresholded channel by
// channel): such receipts read in a sixth less time, to the same text. A page with any colour
// (a tinted paper, coloured ink) is left to Tesseract's colour path, which reads faint coloured
// print better than its luma.
import { pgmHeader, type Luma } from '../shared/page-image';

/** Decoder outputs whose first plane is the luma, 8 bits a sample. */
const PLANAR = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);

/** Colour samples this far from neutral (128) or less are rounding, not colour. */
const NEUTRAL_STEP = 1;
/** A page is grey when at most this share of its colour samples are not neutral. */
const COLOURED_SHARE = 0.001;

/** Whether the colour planes are (all but a speck) neutral: a grey page. */
export function neutral(planes: Uint8Array[]): boolean {
  let n = 0;
  let off = 0;
  for (const p of planes) {
    n += p.length;
    for (let i = 0; i < p.length; i++) if (Math.abs(p[i]! - 128) > NEUTRAL_STEP) off++;
  }
  return n > 0 && off <= n * COLOURED_SHARE;
}

/**
 * The luma plane of a JPEG of a grey page, as a PGM, with the resolution its header states
 * (`dpi`); null where the page has colour, the browser has no ImageDecoder, or the decoder gives no luma plane (a
 * greyscale JPEG comes out as RGB: Tesseract reads such a file as grey already) or a
 * limited-range one.
 */
export async function jpegLuma(blob: Blob, dpi?: number | null): Promise<Luma | null> {
  if (typeof ImageDecoder === 'undefined') return null;
  let decoder: ImageDecoder | undefined;
  let frame: VideoFrame | undefined;
  try {
    // The whole file, not a stream: Chrome hands out YUV planes only from a complete file.
    decoder = new ImageDecoder({ data: await blob.arrayBuffer(), type: 'image/jpeg' });
    frame = (await decoder.decode()).image;
    if (!frame.format || !PLANAR.has(frame.format) || frame.colorSpace.fullRange === false || !frame.visibleRect) return null;
    const { width, height } = frame.visibleRect;
    const planes = new Uint8Array(frame.allocationSize());
    const layout = await frame.copyTo(planes);
    const y = layout[0]!;
    // the colour planes, each up to the next plane (NV12's second holds both, interleaved)
    const colour = layout.slice(1, frame.format === 'NV12' ? 2 : 3).map((p, i) => planes.subarray(p.offset, layout[i + 2]?.offset ?? planes.length));
    if (!neutral(colour)) return null;
    const header = pgmHeader(width, height);
    const pgm = new Uint8Array(header.length + width * height);
    pgm.set(header);
    for (let r = 0; r < height; r++) pgm.set(planes.subarray(y.offset + r * y.stride, y.offset + r * y.stride + width), header.length + r * width);
    return { pgm, width, height, ...(dpi ? { dpi } : {}) };
  } catch {
    // a file the decoder refuses here is read the usual way
    return null;
  } finally {
    frame?.close();
    decoder?.close();
  }
}
