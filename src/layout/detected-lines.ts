// From a detector's text segments (the vlm engine's lines, not yet grouped or ordered) to
// lines, reading order and paragraph blocks; layoutPage() runs this before its own regions.
// PP-OCR boxes are runs of text: a line split at a wide space comes back as two, and a
// receipt's "CASH ........ 10.00" as two. Segments on the same row with a gap of about a
// character are joined; rows are read top to bottom, left to right, except where a
// gutter with full lines of text on both sides runs down several rows: there the
// left column is read before the right one. Consecutive lines of the same size that
// stack closely become one paragraph block. A page photographed or scanned at a slant
// (a receipt turned 2°) has its rows found along the text's own slope: across a wide
// receipt a label and its amount lie a line height apart in page y, and level rows would
// pair the amount with the label above.
import type { BBox } from '../shared/contract';
import type { EngineBlock, EngineLine, EngineWord } from '../shared/engine';
import type { DetectedLine as RawLine } from '../shared/engine';

export interface Seg {
  line: EngineLine;
  /** text height in page pixels (the box's thickness) */
  h: number;
  /** the middle's y where the page's text slope would put it at the page's middle column */
  cy: number;
  vertical: boolean;
}

const union = (boxes: BBox[]): BBox => [
  Math.min(...boxes.map((b) => b[0])),
  Math.min(...boxes.map((b) => b[1])),
  Math.max(...boxes.map((b) => b[2])),
  Math.max(...boxes.map((b) => b[3])),
];

const round = (b: BBox, w: number, h: number): BBox => [
  Math.max(0, Math.floor(b[0])),
  Math.max(0, Math.floor(b[1])),
  Math.min(w, Math.ceil(b[2])),
  Math.min(h, Math.ceil(b[3])),
];

function weighted(items: { text: string; confidence: number }[]): number {
  const chars = items.reduce((n, i) => n + i.text.length, 0);
  return chars ? items.reduce((n, i) => n + i.confidence * i.text.length, 0) / chars : 0;
}

const median = (v: number[]): number => {
  if (!v.length) return 0;
  const s = v.slice().sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

/** At least this many long segments measure a page's slope; fewer say it is level. */
const SLOPE_SEGMENTS = 3;
/** Slopes past this (about 8.5°) are not a page's slant but a stamp, a sign or a curve. */
const MOST_SLOPE = 0.15;

/**
 * The page's text slope, dy/dx: the median slope of the long horizontal segments' top edges
 * (a segment four text heights long or more; a short one's box does not show its slope).
 * 0 when fewer than SLOPE_SEGMENTS say.
 */
export function pageSlope(raw: readonly RawLine[]): number {
  const slopes: number[] = [];
  for (const r of raw) {
    if (r.vertical || r.quad.length < 4) continue;
    const [p0, p1, , p3] = r.quad;
    const dx = p1![0] - p0![0];
    const h = Math.hypot(p3![0] - p0![0], p3![1] - p0![1]);
    if (dx < 4 * h) continue;
    const slope = (p1![1] - p0![1]) / dx;
    if (Math.abs(slope) <= MOST_SLOPE) slopes.push(slope);
  }
  return slopes.length >= SLOPE_SEGMENTS ? median(slopes) : 0;
}

/** A box's middle y brought to the page's middle column along the slope. */
const levelled = (b: BBox, slope: number, width: number): number => (b[1] + b[3]) / 2 - slope * ((b[0] + b[2]) / 2 - width / 2);

function segOf(r: RawLine, width: number, height: number, slope: number): Seg {
  const [p0, , , p3] = r.quad;
  const h = Math.hypot(p3![0] - p0![0], p3![1] - p0![1]);
  const bbox = round(r.bbox, width, height);
  return {
    line: {
      text: r.text,
      bbox,
      confidence: r.confidence,
      words: r.words.map((w) => ({ text: w.text, bbox: round(w.bbox, width, height), confidence: w.confidence })),
    },
    h: r.vertical ? bbox[2] - bbox[0] : h,
    cy: levelled(bbox, slope, width),
    vertical: r.vertical,
  };
}

/** Groups segments into rows: their middle halves overlap vertically. */
function rows(segs: Seg[]): Seg[][] {
  const sorted = segs.slice().sort((a, b) => a.cy - b.cy);
  const out: { top: number; bottom: number; segs: Seg[] }[] = [];
  for (const s of sorted) {
    const top = s.cy - s.h / 4;
    const bottom = s.cy + s.h / 4;
    const last = out[out.length - 1];
    if (last && top <= last.bottom && !s.vertical) {
      last.segs.push(s);
      last.bottom = Math.max(last.bottom, bottom);
    } else out.push({ top, bottom, segs: [s] });
  }
  return out.map((r) => r.segs.sort((a, b) => a.line.bbox[0] - b.line.bbox[0]));
}

/** Joins the segments of a row that are about a character apart and of a similar size,
 * but not across a column gutter (`across`). */
function joinRow(row: Seg[], across: (a: number, b: number) => boolean, level: (b: BBox) => number): Seg[] {
  const out: Seg[] = [];
  for (const s of row) {
    const prev = out[out.length - 1];
    if (prev && !prev.vertical && !s.vertical) {
      const h = Math.min(prev.h, s.h);
      const gap = s.line.bbox[0] - prev.line.bbox[2];
      const similar = Math.max(prev.h, s.h) / Math.max(h, 1) < 1.5;
      if (similar && gap <= 1.0 * h && Math.abs(s.cy - prev.cy) < h / 2 && !across(prev.line.bbox[2], s.line.bbox[0])) {
        const parts = [prev.line, s.line];
        prev.line = {
          text: `${prev.line.text} ${s.line.text}`,
          bbox: union([prev.line.bbox, s.line.bbox]),
          confidence: weighted(parts),
          words: [...prev.line.words, ...s.line.words],
        };
        prev.cy = level(prev.line.bbox);
        prev.h = Math.max(prev.h, s.h);
        continue;
      }
    }
    out.push({ ...s });
  }
  return out;
}

/** Free x-intervals between a row's segments. */
function gapsOf(row: Seg[]): [number, number][] {
  const out: [number, number][] = [];
  let right = -Infinity;
  for (const s of row) {
    if (right > -Infinity && s.line.bbox[0] > right) out.push([right, s.line.bbox[0]]);
    right = Math.max(right, s.line.bbox[2]);
  }
  return out;
}

/** Intersection of a set of intervals with the free space of a row (a row's outside counts as free). */
function intersectFree(cands: [number, number][], row: Seg[]): [number, number][] {
  const lo = Math.min(...row.map((s) => s.line.bbox[0]));
  const hi = Math.max(...row.map((s) => s.line.bbox[2]));
  const free: [number, number][] = [[-Infinity, lo], ...gapsOf(row), [hi, Infinity]];
  const out: [number, number][] = [];
  for (const [a, b] of cands) for (const [c, d] of free) {
    const x0 = Math.max(a, c);
    const x1 = Math.min(b, d);
    if (x1 > x0) out.push([x0, x1]);
  }
  return out;
}

const charCount = (segs: Seg[]) => median(segs.map((s) => s.line.text.length));

/** Reading order of rows: top to bottom, left to right, columns where a gutter runs between full lines. */
function order(rowsIn: Seg[][], minGap: number, depth = 0): Seg[] {
  const out: Seg[] = [];
  let i = 0;
  while (i < rowsIn.length) {
    let found: { end: number; gutter: [number, number] } | null = null;
    if (depth < 4) {
      let cands: [number, number][] = gapsOf(rowsIn[i]!).filter(([a, b]) => b - a >= minGap);
      for (let j = i + 1; j < rowsIn.length && cands.length; j++) {
        cands = intersectFree(cands, rowsIn[j]!).filter(([a, b]) => b - a >= minGap);
        if (j - i < 2) continue;
        // A gutter: content on both sides in most rows, and lines of text (not labels and numbers) on both sides.
        for (const g of cands) {
          const run = rowsIn.slice(i, j + 1).flat();
          const left = run.filter((s) => s.line.bbox[2] <= g[0]);
          const right = run.filter((s) => s.line.bbox[0] >= g[1]);
          if (left.length >= 3 && right.length >= 3 && charCount(left) >= 15 && charCount(right) >= 15) {
            found = { end: j, gutter: g };
            break;
          }
        }
      }
    }
    if (!found) {
      out.push(...rowsIn[i]!);
      i++;
      continue;
    }
    const run = rowsIn.slice(i, found.end + 1).flat();
    const mid = (found.gutter[0] + found.gutter[1]) / 2;
    const left = run.filter((s) => (s.line.bbox[0] + s.line.bbox[2]) / 2 < mid);
    const right = run.filter((s) => (s.line.bbox[0] + s.line.bbox[2]) / 2 >= mid);
    out.push(...order(rows(left), minGap, depth + 1), ...order(rows(right), minGap, depth + 1));
    i = found.end + 1;
  }
  return out;
}

/**
 * Column gutters of the page: x-ranges that the words of body-sized lines almost never
 * cover while lines of prose stand on both sides. Two columns set close together (a court
 * opinion's gutter is about half a line high) come out of the detector as lines that
 * run across both, and segments a gutter apart look like words a space apart.
 */
export function findGutters(segs: readonly Seg[], width: number, hMed: number): [number, number][] {
  const body = segs.filter((s) => !s.vertical && s.h < 1.3 * hMed && s.h > 0.7 * hMed);
  if (body.length < 8) return [];
  const cover = new Float32Array(width + 1);
  for (const s of body) for (const w of s.line.words.length ? s.line.words : [s.line]) {
    for (let x = Math.max(0, Math.floor(w.bbox[0])); x < Math.min(width, Math.ceil(w.bbox[2])); x++) cover[x]! += 1;
  }
  const inText = [...cover].filter((c) => c > 0).sort((a, b) => a - b);
  const typical = inText[Math.floor(inText.length * 0.75)] ?? 0;
  const out: [number, number][] = [];
  let start = -1;
  for (let x = Math.floor(width * 0.15); x <= Math.ceil(width * 0.85); x++) {
    const low = cover[x]! <= 0.12 * typical;
    if (low && start < 0) start = x;
    if ((!low || x === Math.ceil(width * 0.85)) && start >= 0) {
      const g: [number, number] = [start, x];
      start = -1;
      if (g[1] - g[0] < 0.3 * hMed) continue;
      // Prose on both sides: the parts of the body lines beside it are long.
      const left = body.filter((s) => s.line.bbox[0] < g[0] - 2 * hMed).map((s) => s.line.words.filter((w) => w.bbox[2] <= g[0] + 1));
      const right = body.filter((s) => s.line.bbox[2] > g[1] + 2 * hMed).map((s) => s.line.words.filter((w) => w.bbox[0] >= g[1] - 1));
      const chars = (parts: RawWordLike[][]) => median(parts.filter((p) => p.length).map((p) => p.reduce((n, w) => n + w.text.length + 1, -1)));
      if (left.filter((p) => p.length).length >= 5 && right.filter((p) => p.length).length >= 5 && chars(left) >= 15 && chars(right) >= 15) out.push(g);
    }
  }
  return out;
}

type RawWordLike = { text: string; bbox: BBox };

/** A body line that runs across a gutter becomes two, split between its words. */
function splitAtGutters(segs: Seg[], gutters: readonly [number, number][], hMed: number): Seg[] {
  if (!gutters.length) return segs;
  return segs.flatMap((s) => {
    if (s.vertical || s.h >= 1.3 * hMed || !s.line.words.length) return [s];
    let parts = [s];
    for (const [g0, g1] of gutters) {
      const mid = (g0 + g1) / 2;
      parts = parts.flatMap((p) => {
        if (!(p.line.bbox[0] < g0 && p.line.bbox[2] > g1)) return [p];
        const left = p.line.words.filter((w) => (w.bbox[0] + w.bbox[2]) / 2 < mid);
        const right = p.line.words.filter((w) => (w.bbox[0] + w.bbox[2]) / 2 >= mid);
        if (!left.length || !right.length) return [p];
        return [left, right].map((words): Seg => {
          const bbox = union(words.map((w) => w.bbox));
          return { ...p, line: { text: words.map((w) => w.text).join(' '), bbox: [bbox[0], p.line.bbox[1], bbox[2], p.line.bbox[3]], confidence: weighted(words), words } };
        });
      });
    }
    return parts;
  });
}

/** Lines in reading order, grouped into paragraph blocks; boxes clipped to the page. */
export function detectedBlocks(raw: readonly RawLine[], width: number, height: number): EngineBlock[] {
  if (!raw.length) return [];
  const slope = pageSlope(raw);
  const all = raw.map((r) => segOf(r, width, height, slope));
  const h0 = median(all.filter((s) => !s.vertical).map((s) => s.h));
  const gutters = findGutters(all, width, h0);
  const segs = splitAtGutters(all, gutters, h0);
  const across = (a: number, b: number) => gutters.some(([g0, g1]) => a <= g1 && b >= g0);
  const joined = rows(segs).map((row) => joinRow(row, across, (b) => levelled(b, slope, width)));
  const hMed = median(joined.flat().map((s) => s.h));
  // A gutter found here may be narrower than the gap order() otherwise asks for.
  const narrowest = Math.min(...gutters.map(([g0, g1]) => 0.5 * (g1 - g0)));
  const ordered = order(joined, Math.max(4, Math.min(0.8 * hMed, narrowest)));
  const blocks: { segs: Seg[] }[] = [];
  for (const s of ordered) {
    const block = blocks[blocks.length - 1];
    const prev = block?.segs[block.segs.length - 1];
    if (block && prev && follows(prev, s)) block.segs.push(s);
    else blocks.push({ segs: [s] });
  }
  return blocks.map(({ segs }) => ({
    bbox: union(segs.map((s) => s.line.bbox)),
    confidence: weighted(segs.map((s) => s.line)),
    lines: segs.map((s) => s.line),
  }));
}

/** The next line of the same paragraph: just below, the same size, overlapping horizontally. */
function follows(a: Seg, b: Seg): boolean {
  if (a.vertical || b.vertical) return false;
  const h = Math.min(a.h, b.h);
  if (Math.max(a.h, b.h) / Math.max(h, 1) > 1.4) return false;
  const dy = b.cy - a.cy;
  if (dy < 0.5 * h || dy > 1.6 * Math.max(a.h, b.h)) return false;
  const overlap = Math.min(a.line.bbox[2], b.line.bbox[2]) - Math.max(a.line.bbox[0], b.line.bbox[0]);
  return overlap > 0.3 * Math.min(a.line.bbox[2] - a.line.bbox[0], b.line.bbox[2] - b.line.bbox[0]);
}
