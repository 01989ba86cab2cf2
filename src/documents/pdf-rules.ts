// A born-digital page's ruling lines, from its vector paths: straight strokes along or
// across the page, and filled boxes thin enough to be a line (many producers draw rules
// so). White paint draws nothing one can see, and is left out. Boxes in page pixels.
import type { Rule } from '../shared/ruling';

type Matrix = [number, number, number, number, number, number];

/** The operator codes read here (pdf.js's OPS and DrawOPS). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  setLineWidth: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  setStrokeGray: number;
  setFillGray: number;
}
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };

/** A filled box at most this many points thick is a rule. */
const THIN_POINTS = 3;

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Whether a colour operator's arguments paint white (or nearly). */
function white(args: unknown[] | null, gray: boolean): boolean {
  const a = args?.[0];
  if (typeof a === 'string' && /^#[0-9a-f]{6}$/i.test(a)) return [1, 3, 5].every((i) => parseInt(a.slice(i, i + 2), 16) >= 240);
  const vals = (gray ? [a] : (args ?? []).slice(0, 3)).map(Number);
  return vals.length > 0 && vals.every((v) => v >= 0.94 && (v <= 1 || v >= 240));
}

/**
 * The rules a page's operator list draws. `view`: the viewport's transform from PDF user
 * space to page pixels.
 */
export function pathRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: PathOps, view: Matrix): Rule[] {
  const out: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  let strokeWhite = false;
  let fillWhite = false;
  const saved: { ctm: Matrix; lineWidth: number; strokeWhite: boolean; fillWhite: boolean }[] = [];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) saved.push({ ctm, lineWidth, strokeWhite, fillWhite });
    else if (fn === ops.restore) ({ ctm, lineWidth, strokeWhite, fillWhite } = saved.pop() ?? { ctm, lineWidth, strokeWhite, fillWhite });
    else if (fn === ops.transform && args) ctm = times(ctm, args.map(Number) as Matrix);
    else if (fn === ops.setLineWidth) lineWidth = Number(args?.[0]) || 0;
    else if (fn === ops.setStrokeRGBColor) strokeWhite = white(args, false);
    else if (fn === ops.setFillRGBColor) fillWhite = white(args, false);
    else if (fn === ops.setStrokeGray) strokeWhite = white(args, true);
    else if (fn === ops.setFillGray) fillWhite = white(args, true);
    else if (fn === ops.constructPath && args) {
      const paint = Number(args[0]);
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const m = times(view, ctm);
      const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
      const subpaths = pathsOf(data);
      if (strokes.has(paint) && !strokeWhite) {
        const thick = Math.max(1, lineWidth * scale);
        for (const pts of subpaths) {
          for (let k = 1; k < pts.length; k++) {
            const a = apply(m, pts[k - 1]![0], pts[k - 1]![1]);
            const b = apply(m, pts[k]![0], pts[k]![1]);
            const rule = straight(a, b, thick);
            if (rule) out.push(rule);
          }
        }
      }
      if (fills.has(paint) && !fillWhite) {
        for (const pts of subpaths) {
          const box = boxOf(pts.map(([x, y]) => apply(m, x, y)));
          if (!box) continue;
          const w = box[2] - box[0];
          const h = box[3] - box[1];
          if (Math.min(w, h) <= THIN_POINTS * scale && Math.max(w, h) >= 4 * Math.max(1, Math.min(w, h))) out.push(box);
        }
      }
    }
  }
  return out;
}

/** A path's subpaths as lists of points (a closed one ends where it began); null for curves. */
function pathsOf(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === DRAW.moveTo) {
      if (cur.length) out.push(cur);
      cur = [[data[i++]!, data[i++]!]];
    } else if (op === DRAW.lineTo) cur.push([data[i++]!, data[i++]!]);
    else if (op === DRAW.curveTo) {
      // A curve is no rule: the subpath ends here.
      i += 6;
      if (cur.length) out.push(cur);
      cur = [];
    } else if (op === DRAW.quadraticCurveTo) {
      i += 4;
      if (cur.length) out.push(cur);
      cur = [];
    } else if (op === DRAW.closePath) {
      if (cur.length > 1) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A stroke from a to b as a rule, when it runs along or across the page. */
function straight(a: [number, number], b: [number, number], thick: number): Rule | null {
  const dx = Math.abs(b[0] - a[0]);
  const dy = Math.abs(b[1] - a[1]);
  const half = thick / 2;
  if (dy <= 0.5 && dx >= 2) return [Math.min(a[0], b[0]), (a[1] + b[1]) / 2 - half, Math.max(a[0], b[0]), (a[1] + b[1]) / 2 + half];
  if (dx <= 0.5 && dy >= 2) return [(a[0] + b[0]) / 2 - half, Math.min(a[1], b[1]), (a[0] + b[0]) / 2 + half, Math.max(a[1], b[1])];
  return null;
}

/** The box a subpath of four corners (a rectangle along the page's axes) fills, else null. */
function boxOf(pts: [number, number][]): Rule | null {
  if (pts.length < 4 || pts.length > 5) return null;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const onEdge = pts.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5));
  return onEdge ? [x0, y0, x1, y1] : null;
}
