// Text detection, PP-OCR style: the input size and normalisation of DetResizeForTest /
// NormalizeImage, and DB post-processing (DBPostProcess, score_mode 'fast'): threshold the
// probability map, take connected regions, fit minimum-area rectangles, keep those whose
// mean probability is high enough, grow them by the unclip ratio, and map them back to
// page pixels. Pure functions on typed arrays: they run in the worker and in unit tests.

export type Pt = [number, number];
/** Corners clockwise from the top-left (x right, y down). */
export type Quad = [Pt, Pt, Pt, Pt];

export interface DetBox {
  quad: Quad;
  /** mean probability inside the box before unclipping, 0..1 */
  score: number;
}

export interface DbOptions {
  /** probability above which a pixel is text */
  thresh: number;
  /** mean probability a box needs to be kept */
  boxThresh: number;
  /** how far a box grows: area × ratio / perimeter on every side */
  unclipRatio: number;
  maxCandidates: number;
  /** shortest side a box may have, in map pixels */
  minSize: number;
}

export const DB_DEFAULTS: DbOptions = { thresh: 0.3, boxThresh: 0.6, unclipRatio: 1.5, maxCandidates: 1000, minSize: 3 };

/** PP-OCR's ImageNet mean and std, applied to the channels in B, G, R order (the models were trained on OpenCV's BGR). */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface DetSize {
  width: number;
  height: number;
}

/**
 * The detector's input size for a page: scaled down (never up) so the long side is at most
 * `maxSide` and the area at most `maxPixels`, then each side rounded to a multiple of 32.
 */
export function detInputSize(width: number, height: number, maxSide = 960, maxPixels = Infinity): DetSize {
  let scale = Math.min(1, maxSide / Math.max(width, height));
  if (width * height * scale * scale > maxPixels) scale = Math.sqrt(maxPixels / (width * height));
  const round32 = (v: number) => Math.max(32, Math.round(v / 32) * 32);
  return { width: round32(width * scale), height: round32(height * scale) };
}

/** RGBA pixels → the detector's [1, 3, h, w] input, BGR planes normalised with PP-OCR's mean and std. */
export function detTensorData(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Float32Array {
  const n = width * height;
  const out = new Float32Array(3 * n);
  // Plane c holds channel BGR[c] = RGBA[2 - c].
  for (let c = 0; c < 3; c++) {
    const src = 2 - c;
    const k = 1 / (255 * STD[c]!);
    const m = MEAN[c]! / STD[c]!;
    const base = c * n;
    for (let i = 0; i < n; i++) out[base + i] = rgba[i * 4 + src]! * k - m;
  }
  return out;
}

/**
 * DB post-processing of a probability map (h × w, row-major) into boxes in the
 * coordinates of a page of `destW` × `destH` pixels.
 */
export function dbPostprocess(prob: Float32Array, w: number, h: number, destW: number, destH: number, options: Partial<DbOptions> = {}): DetBox[] {
  const o = { ...DB_DEFAULTS, ...options };
  const n = w * h;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (prob[i]! > o.thresh) seen[i] = 1; // 1 = text, not yet labelled
  const queue = new Int32Array(n);
  const rowMin = new Int32Array(h);
  const rowMax = new Int32Array(h).fill(-1);
  rowMin.fill(w);
  const sx = destW / w;
  const sy = destH / h;
  const boxes: DetBox[] = [];
  let candidates = 0;
  for (let start = 0; start < n && candidates < o.maxCandidates; start++) {
    if (seen[start] !== 1) continue;
    // Flood-fill one 8-connected region, tracking each row's leftmost and rightmost pixel.
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 2;
    let y0 = h;
    let y1 = -1;
    while (head < tail) {
      const p = queue[head++]!;
      const y = (p / w) | 0;
      const x = p - y * w;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x < rowMin[y]!) rowMin[y] = x;
      if (x > rowMax[y]!) rowMax[y] = x;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (seen[q] === 1) {
            seen[q] = 2;
            queue[tail++] = q;
          }
        }
      }
    }
    candidates++;
    const pts: Pt[] = [];
    for (let r = y0; r <= y1; r++) {
      if (rowMax[r]! >= 0) {
        pts.push([rowMin[r]!, r]);
        if (rowMax[r] !== rowMin[r]) pts.push([rowMax[r]!, r]);
      }
      rowMin[r] = w;
      rowMax[r] = -1;
    }
    if (tail < 4) continue;
    const rect = minAreaRect(convexHull(pts));
    if (!rect || Math.min(rect.w, rect.h) < o.minSize) continue;
    const score = boxScoreFast(prob, w, h, rectCorners(rect));
    if (score < o.boxThresh) continue;
    // Unclip: the polygon offset of a rectangle by d (round joins) has the rectangle grown by d on every side as its minimum-area rectangle.
    const d = (rect.w * rect.h * o.unclipRatio) / (2 * (rect.w + rect.h));
    const grown = { ...rect, w: rect.w + 2 * d, h: rect.h + 2 * d };
    if (Math.min(grown.w, grown.h) < o.minSize + 2) continue;
    const quad = orderClockwise(rectCorners(grown).map(([x, y]) => [clamp(x * sx, 0, destW), clamp(y * sy, 0, destH)] as Pt));
    const qw = Math.hypot(quad[1][0] - quad[0][0], quad[1][1] - quad[0][1]);
    const qh = Math.hypot(quad[3][0] - quad[0][0], quad[3][1] - quad[0][1]);
    if (qw <= 3 || qh <= 3) continue;
    boxes.push({ quad, score });
  }
  return boxes;
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** Andrew's monotone chain; counter-clockwise in a y-up frame, no collinear points. */
export function convexHull(points: Pt[]): Pt[] {
  const pts = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

export interface RotRect {
  cx: number;
  cy: number;
  /** extent along the unit direction (ux, uy) */
  w: number;
  /** extent along the normal (-uy, ux) */
  h: number;
  ux: number;
  uy: number;
}

/** The minimum-area enclosing rectangle of a convex polygon (rotating calipers over its edges). */
export function minAreaRect(hull: Pt[]): RotRect | null {
  if (hull.length === 0) return null;
  if (hull.length === 1) return { cx: hull[0]![0], cy: hull[0]![1], w: 0, h: 0, ux: 1, uy: 0 };
  let best: RotRect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, w: maxU - minU, h: maxV - minV, ux, uy };
    }
  }
  return best;
}

export function rectCorners(r: RotRect): Pt[] {
  const ax = (r.ux * r.w) / 2;
  const ay = (r.uy * r.w) / 2;
  const bx = (-r.uy * r.h) / 2;
  const by = (r.ux * r.h) / 2;
  return [
    [r.cx - ax - bx, r.cy - ay - by],
    [r.cx + ax - bx, r.cy + ay - by],
    [r.cx + ax + bx, r.cy + ay + by],
    [r.cx - ax + bx, r.cy - ay + by],
  ];
}

/** PaddleOCR's order_points_clockwise: top-left has the least x+y, bottom-right the most; of the other two, top-right has the least y−x. */
export function orderClockwise(pts: Pt[]): Quad {
  const sums = pts.map((p) => p[0] + p[1]);
  const tl = sums.indexOf(Math.min(...sums));
  let br = sums.lastIndexOf(Math.max(...sums));
  if (br === tl) br = (tl + 2) % 4;
  const rest = [0, 1, 2, 3].filter((i) => i !== tl && i !== br);
  const [i, j] = rest as [number, number];
  const di = pts[i]![1] - pts[i]![0];
  const dj = pts[j]![1] - pts[j]![0];
  const [tr, bl] = di <= dj ? [i, j] : [j, i];
  return [pts[tl]!, pts[tr]!, pts[br]!, pts[bl]!];
}

/** Mean probability inside a convex polygon (box_score_fast). */
export function boxScoreFast(prob: Float32Array, w: number, h: number, poly: Pt[]): number {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const x0 = clamp(Math.floor(Math.min(...xs)), 0, w - 1);
  const x1 = clamp(Math.ceil(Math.max(...xs)), 0, w - 1);
  const y0 = clamp(Math.floor(Math.min(...ys)), 0, h - 1);
  const y1 = clamp(Math.ceil(Math.max(...ys)), 0, h - 1);
  // Inside a convex polygon: on the same side of every edge (with half a pixel of slack, as fillPoly's rasterisation).
  const edges = poly.map((a, i) => {
    const b = poly[(i + 1) % poly.length]!;
    const nx = -(b[1] - a[1]);
    const ny = b[0] - a[0];
    const len = Math.hypot(nx, ny) || 1;
    return { nx: nx / len, ny: ny / len, c: -(nx * a[0] + ny * a[1]) / len };
  });
  // Orientation: the centroid is inside.
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  const sign = edges.map((e) => (e.nx * mx + e.ny * my + e.c >= 0 ? 1 : -1));
  let sum = 0;
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let inside = true;
      for (let k = 0; k < edges.length; k++) {
        const e = edges[k]!;
        if ((e.nx * x + e.ny * y + e.c) * sign[k]! < -0.5) {
          inside = false;
          break;
        }
      }
      if (inside) {
        sum += prob[y * w + x]!;
        count++;
      }
    }
  }
  return count ? sum / count : 0;
}
