// Cutting a detected line out of the page, upright and 48 px high (PaddleOCR's
// get_rotate_crop_image): the quad's long side becomes the line's direction; a box more
// than 1.5× taller than wide is a vertical line, turned a quarter anticlockwise. The
// frame maps positions along the crop back to page pixels, for word boxes.
import type { Pt, Quad } from './det';
import type { BBox } from '../../shared/contract';

/** An affine frame on the page: page point = origin + ex·(x / width) + ey·(y / height). */
export interface LineFrame {
  origin: Pt;
  /** the line's direction, full length */
  ex: Pt;
  /** across the line, full height */
  ey: Pt;
  /** length and height in page pixels */
  length: number;
  thickness: number;
  /** the box was taller than wide and is read top to bottom */
  vertical: boolean;
}

const sub = (a: Pt, b: Pt): Pt => [a[0] - b[0], a[1] - b[1]];
const norm = (v: Pt) => Math.hypot(v[0], v[1]);

export function frameOf(q: Quad): LineFrame {
  const [tl, tr, br, bl] = q;
  const width = Math.max(norm(sub(tr, tl)), norm(sub(br, bl)));
  const height = Math.max(norm(sub(bl, tl)), norm(sub(br, tr)));
  if (height / Math.max(width, 1e-6) >= 1.5) {
    // np.rot90 of the upright crop: the new top-left is the old top-right, reading down the old right edge.
    return { origin: tr, ex: sub(br, tr), ey: sub(tl, tr), length: height, thickness: width, vertical: true };
  }
  return { origin: tl, ex: sub(tr, tl), ey: sub(bl, tl), length: width, thickness: height, vertical: false };
}

/** The same frame turned 180°: the crop read from its other end. */
export function flipFrame(f: LineFrame): LineFrame {
  const o: Pt = [f.origin[0] + f.ex[0] + f.ey[0], f.origin[1] + f.ex[1] + f.ey[1]];
  return { ...f, origin: o, ex: [-f.ex[0], -f.ex[1]], ey: [-f.ey[0], -f.ey[1]] };
}

/** The page-pixel box of the part of a line between fractions a and b of its length (0..1). */
export function spanBox(f: LineFrame, a: number, b: number): BBox {
  const pts: Pt[] = [];
  for (const s of [a, b]) for (const t of [0, 1]) pts.push([f.origin[0] + f.ex[0] * s + f.ey[0] * t, f.origin[1] + f.ex[1] * s + f.ey[1] * t]);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Width of a line's crop at `height`, as PaddleOCR resizes it (ceil of height × aspect), at most `maxWidth`. */
export function cropWidth(f: LineFrame, height: number, maxWidth: number): number {
  return Math.max(1, Math.min(maxWidth, Math.ceil((height * f.length) / Math.max(f.thickness, 1))));
}

type Ctx = OffscreenCanvasRenderingContext2D;

function context(canvas: OffscreenCanvas): Ctx {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context on an OffscreenCanvas');
  return ctx;
}

/** Reusable canvases: one for the line at full size, one for squeezing it to the classifier's width. */
export class Cropper {
  private canvas = new OffscreenCanvas(64, 64);
  private ctx = context(this.canvas);
  private small = new OffscreenCanvas(64, 64);
  private smallCtx = context(this.small);

  constructor(private source: CanvasImageSource) {}

  /** The line as RGBA pixels, `width` × `height`, upright. */
  crop(f: LineFrame, width: number, height: number): ImageData {
    const { canvas, ctx } = this;
    if (canvas.width < width || canvas.height < height) {
      canvas.width = Math.max(canvas.width, width);
      canvas.height = Math.max(canvas.height, height);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // Outside the page reads as white paper (OpenCV replicates the border; pages are mostly light).
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    // dest = A · (src − origin), with A taking ex to (width, 0) and ey to (0, height).
    const [a, b] = f.ex;
    const [c, d] = f.ey;
    const det = a * d - b * c;
    if (Math.abs(det) < 1e-9) return ctx.getImageData(0, 0, width, height);
    const i11 = d / det;
    const i12 = -c / det;
    const i21 = -b / det;
    const i22 = a / det;
    const m11 = width * i11;
    const m12 = width * i12;
    const m21 = height * i21;
    const m22 = height * i22;
    const [ox, oy] = f.origin;
    // Canvas setTransform(a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f.
    ctx.setTransform(m11, m21, m12, m22, -(m11 * ox + m12 * oy), -(m21 * ox + m22 * oy));
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(this.source, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    return ctx.getImageData(0, 0, width, height);
  }

  /** The last crop (width × height) squeezed to at most `maxWidth` wide, for the orientation classifier. */
  squeeze(width: number, height: number, maxWidth: number): ImageData {
    const w = Math.min(width, maxWidth);
    if (this.small.width < w || this.small.height < height) {
      this.small.width = Math.max(this.small.width, w);
      this.small.height = Math.max(this.small.height, height);
    }
    this.smallCtx.imageSmoothingEnabled = true;
    this.smallCtx.imageSmoothingQuality = 'high';
    this.smallCtx.drawImage(this.canvas, 0, 0, width, height, 0, 0, w, height);
    return this.smallCtx.getImageData(0, 0, w, height);
  }
}

/** Draws a bitmap scaled to `width` × `height` and returns its RGBA pixels. */
export function resizedPixels(source: CanvasImageSource, width: number, height: number): ImageData {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = context(canvas);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

/** Where a page point lands when the page (width × height) is turned clockwise by `degrees`. */
export function rotatePoint(p: Pt, degrees: number, width: number, height: number): Pt {
  switch (degrees) {
    case 90:
      return [height - p[1], p[0]];
    case 180:
      return [width - p[0], height - p[1]];
    case 270:
      return [p[1], width - p[0]];
    default:
      return p;
  }
}

const turnVector = (v: Pt, degrees: number): Pt => (degrees === 90 ? [-v[1], v[0]] : degrees === 180 ? [-v[0], -v[1]] : degrees === 270 ? [v[1], -v[0]] : v);

/** A line's frame on the page turned clockwise by `degrees`; `vertical` says whether it now runs up or down. */
export function rotateFrame(f: LineFrame, degrees: number, width: number, height: number): LineFrame {
  const ex = turnVector(f.ex, degrees);
  return { ...f, origin: rotatePoint(f.origin, degrees, width, height), ex, ey: turnVector(f.ey, degrees), vertical: Math.abs(ex[1]) > Math.abs(ex[0]) };
}

/**
 * The clockwise turn (0, 90, 180 or 270) that makes most of the text run left to right:
 * the lines' reading directions, weighted by the characters read along them.
 */
export function uprightTurn(lines: { frame: LineFrame; chars: number }[]): 0 | 90 | 180 | 270 {
  let x = 0;
  let y = 0;
  for (const l of lines) {
    const n = Math.hypot(l.frame.ex[0], l.frame.ex[1]) || 1;
    x += (l.frame.ex[0] / n) * l.chars;
    y += (l.frame.ex[1] / n) * l.chars;
  }
  if (Math.abs(x) >= Math.abs(y)) return x >= 0 ? 0 : 180;
  // Text running down the page (y grows): a quarter turn anticlockwise, i.e. 270 clockwise.
  return y > 0 ? 270 : 90;
}
