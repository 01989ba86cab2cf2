// Boxes, intervals and the page's typical sizes, shared by the layout steps.
import { joinWords } from '../shared/text';
import type { BBox, Line, Word } from '../shared/contract';

/** A line on its way through the layout, with the engine block it came from. */
export interface Seg {
  line: Line;
  /** index of the engine block, so untouched paragraphs stay together */
  block: number;
  /** the line's place in the engine's order (the parts of a split line share it) */
  order: number;
}

export type Interval = [number, number];

export const width = (b: BBox): number => b[2] - b[0];
export const height = (b: BBox): number => b[3] - b[1];
export const midY = (b: BBox): number => (b[1] + b[3]) / 2;

export function union(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) return [0, 0, 0, 0];
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A line's box without the stray tall words (specks, rules) that an engine sometimes
 * adds: the typical word's height around the typical word's middle. */
export function core(line: Line): BBox {
  const heights = line.words.map((w) => height(w.bbox)).sort((a, b) => a - b);
  // The lower median: of two words, a speck is the taller one.
  const h = heights[(heights.length - 1) >> 1];
  if (h === undefined || h <= 0) return line.bbox;
  const mid = median(line.words.filter((w) => height(w.bbox) <= 1.3 * h).map((w) => midY(w.bbox)));
  return [line.bbox[0], mid - h / 2, line.bbox[2], mid + h / 2];
}

/** A line's type size: its tallest ordinary word (one with both ascenders and
 * descenders), leaving out specks much taller than the typical word. */
export function textSize(line: Line): number {
  const heights = line.words.map((w) => height(w.bbox)).sort((a, b) => a - b);
  const typical = heights[(heights.length - 1) >> 1];
  if (typical === undefined || typical <= 0) return height(line.bbox);
  return Math.max(...heights.filter((h) => h <= 1.3 * typical));
}

/** Vertical overlap of two boxes as a share of the shorter one's height. */
export function yOverlapShare(a: BBox, b: BBox): number {
  const o = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const h = Math.min(height(a), height(b));
  return h > 0 ? Math.max(0, o) / h : 0;
}

/** Merges intervals that overlap or sit closer than `slack`; sorted by start. */
export function mergeIntervals(list: readonly Interval[], slack = 0): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + slack) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Mean confidence weighted by text length, as the contract asks everywhere. */
export function weightedConfidence(items: readonly { text: string; confidence: number }[]): number {
  let n = 0;
  let sum = 0;
  for (const it of items) {
    const len = it.text.length;
    n += len;
    sum += it.confidence * len;
  }
  return n > 0 ? sum / n : 0;
}

/** A line made from words (after a split), with text, box and confidence derived. */
export function lineOf(words: Word[]): Line {
  return {
    text: joinWords(words.map((w) => w.text)),
    bbox: union(words.map((w) => w.bbox)),
    confidence: weightedConfidence(words),
    words,
  };
}

/** Gaps between consecutive words of a line (words sorted by x). */
export function wordGaps(words: readonly Word[]): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < words.length; i++) gaps.push(words[i]!.bbox[0] - words[i - 1]!.bbox[2]);
  return gaps;
}

/** Lines grouped top to bottom, a new group after a vertical gap of at least `gap`. */
export function horizontalRuns(segs: readonly Seg[], gap: number): Seg[][] {
  const sorted = [...segs].sort((a, b) => a.line.bbox[1] - b.line.bbox[1]);
  const runs: Seg[][] = [];
  let bottom = -Infinity;
  for (const s of sorted) {
    if (runs.length === 0 || s.line.bbox[1] - bottom >= gap) runs.push([]);
    runs[runs.length - 1]!.push(s);
    bottom = Math.max(bottom, s.line.bbox[3]);
  }
  return runs;
}

/** Lines side by side at the same height form a row, read left to right. */
export function rowsOf(segs: readonly Seg[]): Seg[][] {
  const boxes = new Map(segs.map((s) => [s, core(s.line)]));
  const sorted = [...segs].sort((a, b) => midY(boxes.get(a)!) - midY(boxes.get(b)!));
  const rows: Seg[][] = [];
  for (const s of sorted) {
    const row = rows[rows.length - 1];
    const a = row && boxes.get(row[0]!)!;
    const b = boxes.get(s)!;
    if (row && a && Math.abs(midY(a) - midY(b)) < 0.5 * Math.max(height(a), height(b))) row.push(s);
    else rows.push([s]);
  }
  return rows.map((r) => r.sort((a, b) => a.line.bbox[0] - b.line.bbox[0]));
}
