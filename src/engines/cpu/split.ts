// A page read by two workers at once. Tesseract reads a page on one thread; where a second
// worker of the page's languages has nothing to do (a single upload, the last page of a batch),
// the page is cut in two across a band of rows without ink near its middle, each half is read
// by a worker of its own, and the halves' paragraphs are put back together on the page: the
// page is read in a little over half the time. A band of blank rows is where no line of text
// runs, so no line is cut; a paragraph the cut runs through is joined again.
import type { BBox } from '../../shared/contract';
import type { EngineBlock } from '../../shared/engine';
import { otsu } from '../../shared/pixels';

/** A pixel this dark is ink (as the band and the rules find it). */
const INK = 140;
/** A page smaller than this (pixels) is read whole: two readings' fixed costs would eat the gain. */
export const SPLIT_MIN_PIXELS = 1_000_000;
/**
 * A page this large is worth a worker started for its second half (about half a second, its
 * traineddata loaded), where none of its languages is free: it takes seconds to read.
 */
export const SPLIT_START_PIXELS = 4_000_000;

/** Whether two workers can read the page's halves at once: two free, or one and room to start another on a large page. */
export function twoWorkersFor(free: { ready: number; room: number }, pixels: number): boolean {
  return free.ready >= 2 || (pixels >= SPLIT_START_PIXELS && free.ready + free.room >= 2);
}
/** The cut is looked for in this middle share of the page's height: the halves are near the same work. */
const MIDDLE = [0.3, 0.7] as const;
/** Columns this near the page's sides are not looked at: a scan's dark edge is no text. */
const SIDE = 0.03;

interface Band {
  top: number;
  /** exclusive */
  bottom: number;
}

/**
 * The row to cut the page at, or null when there is none to trust: the middle of a band of
 * blank rows (ink in no more than a speck's worth of pixels) in the middle of the page, at
 * least half a text line tall. A paragraph's gap (taller than the gaps between its lines) is
 * taken before a gap between lines; of those, the one nearest the middle. A ruled table or a
 * form's boxes leave no blank row across the page, and so are never cut.
 */
export function cutRow(grey: Uint8Array, width: number, height: number): number | null {
  const x0 = Math.floor(width * SIDE);
  const x1 = Math.ceil(width * (1 - SIDE));
  const least = Math.max(2, Math.round((x1 - x0) * 0.002));
  const blank = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    let ink = 0;
    const off = y * width;
    for (let x = x0; x < x1 && ink < least; x++) if (grey[off + x]! < INK) ink++;
    blank[y] = ink < least ? 1 : 0;
  }
  // the page's text rows and the gaps between them
  const rows: Band[] = [];
  const gaps: Band[] = [];
  let y = 0;
  while (y < height) {
    const start = y;
    const kind = blank[y];
    while (y < height && blank[y] === kind) y++;
    (kind ? gaps : rows).push({ top: start, bottom: y });
  }
  const inner = gaps.filter((g) => g.top > 0 && g.bottom < height);
  const textRows = rows.filter((r) => r.bottom - r.top >= 4);
  if (textRows.length < 4 || !inner.length) return null;
  const rowHeight = median(textRows.map((r) => r.bottom - r.top));
  const lineGap = median(inner.map((g) => g.bottom - g.top));
  const lo = height * MIDDLE[0];
  const hi = height * MIDDLE[1];
  const fits = inner.filter((g) => g.top >= lo && g.bottom <= hi && g.bottom - g.top >= Math.max(3, rowHeight / 2));
  if (!fits.length) return null;
  const paragraph = fits.filter((g) => g.bottom - g.top >= 1.6 * lineGap);
  const mid = height / 2;
  const nearest = (list: Band[]) => list.reduce((a, b) => (Math.abs((b.top + b.bottom) / 2 - mid) < Math.abs((a.top + a.bottom) / 2 - mid) ? b : a));
  const g = nearest(paragraph.length ? paragraph : fits);
  return Math.round((g.top + g.bottom) / 2);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

const shifted = (b: BBox, dy: number): BBox => [b[0], b[1] + dy, b[2], b[3] + dy];

/** The lower half's blocks put where they lie on the page: `dy` rows down. */
export function shiftBlocks(blocks: EngineBlock[], dy: number): EngineBlock[] {
  return blocks.map((b) => ({
    ...b,
    bbox: shifted(b.bbox, dy),
    lines: b.lines.map((l) => ({ ...l, bbox: shifted(l.bbox, dy), words: l.words.map((w) => ({ ...w, bbox: shifted(w.bbox, dy) })) })),
  }));
}

/** Characters of a block's words: the weight of its confidence. */
const charsOf = (b: EngineBlock) => b.lines.reduce((n, l) => n + l.words.reduce((m, w) => m + w.text.length, 0), 0);

/**
 * The two halves' paragraphs as the page's: the lower half's put back in place, after the upper
 * half's. A paragraph the cut ran through (its last line above the cut, the next below it, in
 * the same column, as near as its lines are to each other) is one block again.
 */
export function joinHalves(upper: EngineBlock[], lower: EngineBlock[], cut: number): EngineBlock[] {
  const below = shiftBlocks(lower, cut);
  const lines = [...upper, ...below].flatMap((b) => b.lines);
  if (!lines.length) return [];
  const lineHeight = median(lines.map((l) => l.bbox[3] - l.bbox[1]));
  // the gap between the lines of a paragraph, from the paragraphs the halves read
  const inside: number[] = [];
  for (const b of [...upper, ...below]) for (let i = 1; i < b.lines.length; i++) inside.push(b.lines[i]!.bbox[1] - b.lines[i - 1]!.bbox[3]);
  const lineGap = inside.length ? median(inside) : lineHeight / 2;
  const out = [...upper];
  const rest = [...below];
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    const last = a.lines[a.lines.length - 1]!;
    if (cut - last.bbox[3] > 2 * lineHeight) continue;
    const j = rest.findIndex((b) => {
      const first = b.lines[0]!;
      const gap = first.bbox[1] - last.bbox[3];
      const overlap = Math.min(a.bbox[2], b.bbox[2]) - Math.max(a.bbox[0], b.bbox[0]);
      const narrower = Math.min(a.bbox[2] - a.bbox[0], b.bbox[2] - b.bbox[0]);
      return first.bbox[1] - cut <= 2 * lineHeight && gap >= 0 && gap <= Math.max(1.4 * lineGap, lineGap + 0.25 * lineHeight) && overlap >= 0.6 * narrower;
    });
    if (j < 0) continue;
    const b = rest.splice(j, 1)[0]!;
    const ca = charsOf(a);
    const cb = charsOf(b);
    out[i] = {
      bbox: [Math.min(a.bbox[0], b.bbox[0]), a.bbox[1], Math.max(a.bbox[2], b.bbox[2]), b.bbox[3]],
      confidence: ca + cb ? (a.confidence * ca + b.confidence * cb) / (ca + cb) : (a.confidence + b.confidence) / 2,
      lines: [...a.lines, ...b.lines],
    };
  }
  return [...out, ...rest];
}

/** Thresholds this far apart (grey levels) part ink from paper alike. */
const SAME_THRESHOLD = 1;

/**
 * Whether each half of the page, cut at `cut`, thresholds as the whole page does (Otsu's
 * threshold, Tesseract's default). Tesseract finds its lines and words in the page made black
 * and white at the threshold of the image it is given; a half whose threshold differs from the page's is read differently (a faint
 * receipt's halves lost and gained words), one whose threshold is the page's is read alike.
 */
export function halvesThresholdAlike(grey: Uint8Array, width: number, height: number, cut: number): { alike: boolean; page: number; upper: number; lower: number } {
  const page = otsu(grey.subarray(0, width * height));
  const upper = otsu(grey.subarray(0, width * cut));
  const lower = otsu(grey.subarray(width * cut, width * height));
  return { alike: Math.abs(upper - page) <= SAME_THRESHOLD && Math.abs(lower - page) <= SAME_THRESHOLD, page, upper, lower };
}
