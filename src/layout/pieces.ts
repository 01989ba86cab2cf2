// Receipts and forms as an engine that reads runs of text gives them (PP-OCR): "CASH"
// and "10.00" on one printed line come back as two pieces, often as two blocks of one
// line each, and the lines of a receipt as a stack of one-line blocks. Here the pieces of
// a row become one line again, and a stack of such lines one block, so that a printed
// line is one line of text. Two paragraphs side by side (blocks of several lines) are
// left apart.
import { type Seg, core, height, lineOf, rowsOf } from './geometry';
import type { Metrics } from './metrics';

/** Pieces on one row this much apart in size are a heading beside text, not one line (a
 * lone digit's box is about half as tall as a line with ascenders and descenders). */
const ROW_SIZE_RATIO = 2;
/** Stacked lines this much apart in size are a title over text. */
const STACK_SIZE_RATIO = 1.5;
/** Stacked lines closer than this many line heights belong to one block. */
const STACK_GAP = 0.75;

/** The region's lines with the pieces of each row joined and stacked lone lines grouped. */
export function joinPieces(segs: readonly Seg[], m: Metrics): Seg[] {
  const count = new Map<number, number>();
  for (const s of segs) count.set(s.block, (count.get(s.block) ?? 0) + 1);
  const alone = (s: Seg) => count.get(s.block) === 1;
  const rows = rowsOf(segs).flatMap((row) => joinRow(row, alone, m.rtl));
  const made = new Set(rows.filter((s) => !segs.includes(s)));
  return stack(rows, alone, (s) => made.has(s));
}

/** A row's pieces (left to right) joined where they stand alone: a line of a paragraph
 * is not joined with a title of the column beside it. */
function joinRow(row: Seg[], alone: (s: Seg) => boolean, rtl: boolean): Seg[] {
  const groups: Seg[][] = [];
  for (const s of row) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    const fits = group && prev && alone(s) && alone(prev) && similar(prev, s, ROW_SIZE_RATIO);
    if (fits) group.push(s);
    else groups.push([s]);
  }
  return groups.map((g) => (g.length === 1 ? g[0]! : joined(g, rtl)));
}

function similar(a: Seg, b: Seg, ratio: number): boolean {
  const ha = height(core(a.line));
  const hb = height(core(b.line));
  return Math.max(ha, hb) <= ratio * Math.max(1, Math.min(ha, hb));
}

function joined(group: Seg[], rtl: boolean): Seg {
  const inOrder = rtl ? [...group].reverse() : group;
  return { line: lineOf(inOrder.flatMap((s) => s.line.words)), block: group[0]!.block, order: Math.min(...group.map((s) => s.order)) };
}

/** Lone lines (blocks of one line) stacked closely, of a size, overlapping across, share
 * the block of the first of them, where one of each two was made from pieces (an engine
 * that gave a line in one piece made its blocks knowingly). */
function stack(segs: Seg[], alone: (s: Seg) => boolean, made: (s: Seg) => boolean): Seg[] {
  const sorted = [...segs].sort((a, b) => a.line.bbox[1] - b.line.bbox[1]);
  const out = new Map<Seg, Seg>();
  let prev: Seg | undefined;
  for (const s of sorted) {
    if (!alone(s)) continue;
    const under = prev && (made(prev) || made(s)) && stacks(prev, s) && !between(sorted, prev, s);
    out.set(s, under ? { ...s, block: out.get(prev!)!.block } : s);
    prev = s;
  }
  return segs.map((s) => out.get(s) ?? s);
}

function stacks(a: Seg, b: Seg): boolean {
  const h = Math.min(height(core(a.line)), height(core(b.line)));
  const gap = b.line.bbox[1] - a.line.bbox[3];
  const across = Math.min(a.line.bbox[2], b.line.bbox[2]) - Math.max(a.line.bbox[0], b.line.bbox[0]);
  return similar(a, b, STACK_SIZE_RATIO) && gap < STACK_GAP * h && across > 0;
}

/** Whether another line lies between two, across from both. */
function between(segs: readonly Seg[], a: Seg, b: Seg): boolean {
  const x0 = Math.max(a.line.bbox[0], b.line.bbox[0]);
  const x1 = Math.min(a.line.bbox[2], b.line.bbox[2]);
  return segs.some((s) => s !== a && s !== b && s.line.bbox[1] >= a.line.bbox[1] && s.line.bbox[1] < b.line.bbox[1] && s.line.bbox[0] < x1 && s.line.bbox[2] > x0);
}
