// How far a page's text lines slope, found before it is read: a projection profile of a small
// copy of the page. The rows of ink, sheared by the right slope, stack into sharp peaks (lines)
// and empty valleys (the space between them); the slope whose profile is sharpest is the
// lines'. A few ms a page, against a whole second reading of a page found askew afterwards.
import { otsu } from '../../shared/pixels';

/** A small copy is this wide at most: enough for lines to stand apart, cheap to shear. */
const SMALL_WIDTH = 480;
/** Slopes tried, in degrees either way. */
const MOST_DEGREES = 6;
const COARSE_STEP = 0.5;
const FINE_STEP = 0.1;
/** At most this many ink pixels are sheared (an evenly spread sample beyond). */
const MOST_INK = 20_000;

export interface Skew {
  /** dy/dx of the text lines, in the page's pixels (y downwards) */
  slope: number;
  /** how much sharper the profile is at that slope than level (1: no sharper) */
  gain: number;
}

/**
 * The slope of the text lines of a greyscale page (`grey`, `width`×`height`, 0 black), and how
 * clearly the profile says so. Ink is what is darker than Otsu's threshold of the page.
 */
export function estimateSkew(grey: Uint8Array, width: number, height: number): Skew {
  const level = otsu(grey);
  const xs: number[] = [];
  const ys: number[] = [];
  let ink = 0;
  for (let i = 0; i < width * height; i++) if (grey[i]! < level) ink++;
  if (ink < 50 || ink > 0.5 * width * height) return { slope: 0, gain: 1 };
  const every = Math.max(1, Math.ceil(ink / MOST_INK));
  let seen = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (grey[y * width + x]! >= level) continue;
      if (seen++ % every === 0) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  const reach = Math.ceil(width * Math.tan((MOST_DEGREES * Math.PI) / 180)) + 1;
  const rows = new Float64Array(height + 2 * reach);
  // sum of squared row counts of the ink sheared so that lines of slope `s` lie level
  const sharpness = (s: number): number => {
    rows.fill(0);
    for (let k = 0; k < xs.length; k++) rows[Math.round(ys[k]! - xs[k]! * s) + reach]!++;
    let sum = 0;
    for (let r = 0; r < rows.length; r++) sum += rows[r]! * rows[r]!;
    return sum;
  };
  const level0 = sharpness(0);
  let best = { degrees: 0, score: level0 };
  const tryAt = (degrees: number) => {
    const score = sharpness(Math.tan((degrees * Math.PI) / 180));
    if (score > best.score) best = { degrees, score };
  };
  for (let d = -MOST_DEGREES; d <= MOST_DEGREES + 1e-9; d += COARSE_STEP) tryAt(Math.round(d * 100) / 100);
  const around = best.degrees;
  for (let d = around - COARSE_STEP; d <= around + COARSE_STEP + 1e-9; d += FINE_STEP) tryAt(Math.round(d * 100) / 100);
  return { slope: Math.tan((best.degrees * Math.PI) / 180), gain: level0 > 0 ? best.score / level0 : 1 };
}

/**
 * A copy of a greyscale page at most SMALL_WIDTH wide (and as tall in proportion), each pixel
 * the mean of the page's pixels it covers.
 */
export function smallGreyOf(grey: Uint8Array, width: number, height: number): { grey: Uint8Array; width: number; height: number } {
  return shrinkGrey(grey, width, height, Math.max(1, Math.ceil(width / SMALL_WIDTH)));
}

/** The page's grey `step` times smaller each way, each pixel the mean of its step × step square. */
export function shrinkGrey(grey: Uint8Array, width: number, height: number, step: number): { grey: Uint8Array; width: number; height: number } {
  if (step <= 1) return { grey, width, height };
  const w = Math.ceil(width / step);
  const h = Math.ceil(height / step);
  const sums = new Uint32Array(w);
  const counts = new Uint32Array(w);
  const out = new Uint8Array(w * h);
  for (let y0 = 0, r = 0; y0 < height; y0 += step, r++) {
    sums.fill(0);
    counts.fill(0);
    for (let y = y0; y < Math.min(height, y0 + step); y++) {
      const row = y * width;
      for (let c = 0, x = 0; c < w; c++) {
        let sum = 0;
        const end = Math.min(width, x + step);
        counts[c]! += end - x;
        for (; x < end; x++) sum += grey[row + x]!;
        sums[c]! += sum;
      }
    }
    for (let c = 0; c < w; c++) out[r * w + c] = Math.round(sums[c]! / counts[c]!);
  }
  return { grey: out, width: w, height: h };
}

/**
 * The grey at (x, y), between the four pixels about it, of the part [x0, y0, x1) × [y0, y1) of a
 * `width`-wide grey image; a point beyond the part takes the grey at its edge.
 */
export function greyBetween(grey: Uint8Array, width: number, part: readonly [number, number, number, number], x: number, y: number): number {
  const [px0, py0, px1, py1] = part;
  const at = (cx: number, cy: number) => grey[Math.min(py1 - 1, Math.max(py0, cy)) * width + Math.min(px1 - 1, Math.max(px0, cx))]!;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
  const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
  return top + (bottom - top) * fy;
}

/**
 * The page's grey straightened as Tesseract straightened it (rotateAuto: Leptonica turns it by
 * `radians` about its centre, keeping its size, white brought in): each pixel of the straight
 * page sampled (greyBetween) where its point lies on the page as it was, by the same turn that
 * puts boxes read on the straight page back (./index.ts unskew).
 */
export function turnGrey(grey: Uint8Array, width: number, height: number, radians: number): Uint8Array {
  const out = new Uint8Array(width * height).fill(255);
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = width / 2;
  const cy = height / 2;
  const page = [0, 0, width, height] as const;
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - cy;
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - cx;
      const sx = cx + dx * cos + dy * sin - 0.5;
      const sy = cy - dx * sin + dy * cos - 0.5;
      if (sx < 0 || sy < 0 || sx + 1 >= width || sy + 1 >= height) continue;
      out[y * width + x] = Math.round(greyBetween(grey, width, page, sx, sy));
    }
  }
  return out;
}
