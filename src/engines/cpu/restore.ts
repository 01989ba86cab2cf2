// A page Tesseract read almost nothing of, though it holds print, made readable once more.
// Two ways a clear receipt defeats Tesseract's own thresholding (native Tesseract's too):
// - faint print on a scan with a dark edge: Otsu's threshold of the whole page falls between
//   the black edge and the paper, and the grey print goes white with the paper (SROIE-style
//   thermal receipts on a scanner's dark bed);
// - dot-matrix print scanned at 600 dpi: each letter is a cloud of separate dots, which
//   Tesseract takes for specks.
// The restored page is the grey stretched from its print to its paper, measured inside the page
// (not on its edges), and a page scanned that finely thickened by its dots' gaps and shrunk to
// a document's usual resolution.
import type { BBox } from '../../shared/contract';
import type { EngineBlock } from '../../shared/engine';

/** A page's short side is brought down to about this many pixels (a receipt at ~500 dpi, an A4 page at ~190 dpi). */
const SHORT_SIDE = 1600;
/** Share of the page's inner pixels darker than the level taken for print's black. */
const INK_SHARE = 0.01;
/** Print lighter than this is faint, */
const FAINT_INK = 16;
/** paper darker than this grey; either is stretched, */
const GREY_PAPER = 235;
/** where print and paper are at least this far apart (less is a blank page's noise). */
const CONTRAST = 40;
/** The inner part of the page the levels are measured on: this share off each side. */
const EDGE = 0.1;

export interface Restored {
  grey: Uint8Array;
  width: number;
  height: number;
  /** the page's pixels per restored pixel */
  scale: number;
}

/** The level below which `share` of the histogram's pixels lie. */
function levelAt(hist: Uint32Array, total: number, share: number): number {
  let n = 0;
  for (let v = 0; v < 256; v++) {
    n += hist[v]!;
    if (n > share * total) return v;
  }
  return 255;
}

/** Print's black and the paper's white, inside the page's edges: the level under which INK_SHARE of its pixels lie, and its median. */
export function printAndPaper(grey: Uint8Array, width: number, height: number): { ink: number; paper: number } {
  const hist = new Uint32Array(256);
  const x0 = Math.floor(width * EDGE);
  const x1 = Math.ceil(width * (1 - EDGE));
  const y0 = Math.floor(height * EDGE);
  const y1 = Math.ceil(height * (1 - EDGE));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) hist[grey[y * width + x]!]!++;
  const total = (x1 - x0) * (y1 - y0);
  return { ink: levelAt(hist, total, INK_SHARE), paper: levelAt(hist, total, 0.5) };
}

/**
 * The page restored for a second try: shrunk by a whole factor to about SHORT_SIDE pixels on its
 * short side, each pixel the darkest of its own neighbourhood first (ink thickened across the gaps
 * between a dot-matrix print's dots), then stretched from print's black to the paper's white
 * where the print is faint or the paper grey. Null where that changes nothing: a page neither
 * large nor short of contrast.
 */
export function restoredPage(grey: Uint8Array, width: number, height: number): Restored | null {
  const scale = Math.max(1, Math.floor(Math.min(width, height) / SHORT_SIDE));
  // (whole squares only, unlike skew.ts shrinkGrey, which averages the part-squares at the right
  // and bottom edges too: the reading of 293 changed with that one column, 6/4/2018 → 4/4/2018)
  const w = Math.floor(width / scale);
  const h = Math.floor(height / scale);
  let out = grey;
  if (scale > 1) {
    const thick = darkest(grey, width, height, scale - 1);
    out = new Uint8Array(w * h);
    const n = scale * scale;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let sum = 0;
        for (let dy = 0; dy < scale; dy++) {
          const row = (y * scale + dy) * width + x * scale;
          for (let dx = 0; dx < scale; dx++) sum += thick[row + dx]!;
        }
        out[y * w + x] = Math.round(sum / n);
      }
  }
  // (measured on the page as restored so far: a fine print's dots, before, are too few to measure)
  const { ink, paper } = printAndPaper(out, w, h);
  const stretch = (ink > FAINT_INK || paper < GREY_PAPER) && paper - ink >= CONTRAST;
  if (scale === 1 && !stretch) return null;
  if (stretch) {
    if (out === grey) out = new Uint8Array(grey);
    const span = paper - ink;
    for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(255, Math.round(((out[i]! - ink) * 255) / span)));
  }
  return { grey: out, width: w, height: h, scale };
}

/** Each pixel the darkest within `r` pixels of it (a square): a minimum filter, rows then columns. */
export function darkest(grey: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = new Uint8Array(grey.length);
  for (let y = 0; y < height; y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) {
      let m = 255;
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++) if (grey[o + k]! < m) m = grey[o + k]!;
      rows[o + x] = m;
    }
  }
  const out = new Uint8Array(grey.length);
  for (let x = 0; x < width; x++)
    for (let y = 0; y < height; y++) {
      let m = 255;
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++) if (rows[k * width + x]! < m) m = rows[k * width + x]!;
      out[y * width + x] = m;
    }
  return out;
}

/** A reading's boxes `scale` times as large: from the restored page back onto the page. */
export function scaledBlocks(blocks: readonly EngineBlock[], scale: number): EngineBlock[] {
  const s = (b: BBox): BBox => [b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale];
  return blocks.map((b) => ({ ...b, bbox: s(b.bbox), lines: b.lines.map((l) => ({ ...l, bbox: s(l.bbox), words: l.words.map((w) => ({ ...w, bbox: s(w.bbox) })) })) }));
}
