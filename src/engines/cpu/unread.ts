// Text Tesseract's page segmentation passed over. PSM 3 drops some lines whole: a heading in
// type twice the page's size ("TOTAL: 31.00" on a receipt), a column of figures beside a table,
// a line of an address set between others. They are ink outside every line it found, in rows
// as tall as a line of text: found here, and read again on their own (./index.ts).
import type { BBox } from '../../shared/contract';
import type { EngineBlock, EngineLine } from '../../shared/engine';
import { otsu } from '../../shared/pixels';
import { greyBetween, shrinkGrey } from './skew';

/** A page whose lines are more than twice this tall, in pixels, is looked at smaller. */
const LOOK_AT = 12;
const LOOK_AT_PIXELS = 8_000_000;
const LOOK_AT_LEAST = 8;
/** A line's box covers the ink this many line heights above and below it, */
const COVER_Y = 0.4;
/** and this many beyond its ends (a letter its box left out). */
const COVER_X = 0.6;
/** A band of unread rows is text when it is this tall, in line heights: a rule is thinner, a photo or a logo taller. */
const BAND_MIN = 0.5;
const BAND_MAX = 2.5;
/** A run of rows thinner than this share of a line height, at a place's top or bottom, is a rule's dashes or dots. */
const THIN = 0.35;
/** Ink in a row less than this share of a line height is a speck's, not a line's. */
const ROW_INK = 0.15;
/** Unread ink of one band further apart than this, in line heights, is two places to read. */
const COLUMN_GAP = 4;
/** A place is at least this wide, in line heights (a word of two letters). */
const MIN_WIDTH = 1.2;
/** Text covers between these shares of its box: a solid bar or a shaded box more, a faint smudge less. */
const DENSITY = [0.05, 0.6] as const;
/** Ink running on along a row this many line heights is a rule or an underline (a letter's stroke is shorter). */
const RULE = 2.5;
/** Pages with fewer lines read than this have no line height to go by. */
const MIN_LINES = 3;
/** At most this many places a page, and no more than this share of its area: more is a photo or a bad reading, not lines passed over. */
const MOST = 40;
const MOST_AREA = 0.25;

/** The median height of the words read: the page's line height. */
export function lineHeight(blocks: readonly EngineBlock[]): number {
  const heights = blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.bbox[3] - w.bbox[1]))).sort((a, b) => a - b);
  return heights[heights.length >> 1] ?? 0;
}

/**
 * The places of the page (`grey`, `width`×`height`, 0 black) that hold text-like ink outside
 * every line read in `blocks`: bands of rows as tall as a line, split where their unread ink
 * is far apart, each one's box. Ink touching the page's edge (a scan's border) is not text.
 */
export function unreadInk(grey: Uint8Array, width: number, height: number, blocks: readonly EngineBlock[]): BBox[] {
  const lines = blocks.flatMap((b) => b.lines);
  if (lines.length < MIN_LINES) return [];
  const lh = lineHeight(blocks);
  if (lh < 4) return [];
  // A page of large type is looked at smaller, its lines some LOOK_AT pixels tall: as sure, and a
  // fraction of the work. So is a huge page (a 35-megapixel photo of a receipt), to some
  // LOOK_AT_PIXELS, while its lines stay LOOK_AT_LEAST pixels tall.
  const step = Math.max(Math.floor(lh / LOOK_AT), Math.min(Math.floor(Math.sqrt((width * height) / LOOK_AT_PIXELS)), Math.floor(lh / LOOK_AT_LEAST)));
  if (step >= 2) {
    const small = shrinkGrey(grey, width, height, step);
    const scale = (b: BBox): BBox => [Math.floor(b[0] / step), Math.floor(b[1] / step), Math.ceil(b[2] / step), Math.ceil(b[3] / step)];
    const shrunk = blocks.map((b) => ({ ...b, bbox: scale(b.bbox), lines: b.lines.map((l) => ({ ...l, bbox: scale(l.bbox), words: l.words.map((w) => ({ ...w, bbox: scale(w.bbox) })) })) }));
    return unreadInk(small.grey, small.width, small.height, shrunk).map((b) => [b[0] * step, b[1] * step, Math.min(width, b[2] * step), Math.min(height, b[3] * step)]);
  }
  const level = otsu(grey);
  // each row's covered spans [x0, x1)
  const covered: [number, number][][] = Array.from({ length: height }, () => []);
  // a line's words, each (a word Tesseract left out between two others is unread), or the line's box when it has none
  for (const { bbox } of lines.flatMap((l) => (l.words.length ? l.words : [l]))) {
    const [x0, y0, x1, y1] = bbox;
    const from = Math.max(0, Math.floor(y0 - COVER_Y * lh));
    const to = Math.min(height, Math.ceil(y1 + COVER_Y * lh));
    const span: [number, number] = [Math.max(0, Math.floor(x0 - COVER_X * lh)), Math.min(width, Math.ceil(x1 + COVER_X * lh))];
    for (let y = from; y < to; y++) covered[y]!.push(span);
  }
  // a rule or an underline is no text: ink running on along a row for RULE line heights is passed over
  const rule = Math.max(8, Math.round(RULE * lh));
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; ) {
      if (grey[row + x]! >= level) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && grey[row + x]! < level) x++;
      if (x - start >= rule) covered[y]!.push([start, x]);
    }
  }
  // each row's spans in order along it, once: every look at a row below walks them
  for (const spans of covered) spans.sort((a, b) => a[0] - b[0]);
  // the unread ink of a row, column by column (`at` called for each unread dark pixel)
  const unread = (y: number, at?: (x: number) => void): number => {
    const spans = covered[y]!;
    let n = 0;
    let x = 0;
    let k = 0;
    const row = y * width;
    while (x < width) {
      while (k < spans.length && spans[k]![1] <= x) k++;
      const span = spans[k];
      const end = span && span[0] <= x ? -1 : span ? span[0] : width;
      if (end < 0) {
        x = span![1];
        continue;
      }
      for (; x < end; x++) {
        if (grey[row + x]! < level) {
          n++;
          at?.(x);
        }
      }
    }
    return n;
  };
  /**
   * A place without the thin runs of rows at its top or bottom, apart from its line of text by a
   * blank row (a dashed rule over an amount, the dots of a dotted line under it), where it holds
   * one run as tall as a line (a dot-matrix print is all thin runs, and stays whole); its width
   * then the ink of the rows kept.
   */
  const trimmed = (box: BBox): BBox => {
    const [x0, y0, x1, y1] = box;
    const inkOf = (y: number) => {
      let n = 0;
      unread(y, (x) => void (x >= x0 && x < x1 && n++));
      return n;
    };
    const runs: [number, number][] = [];
    for (let y = y0; y < y1; y++) {
      if (!inkOf(y)) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === y) last[1] = y + 1;
      else runs.push([y, y + 1]);
    }
    const thin = (r: [number, number]) => r[1] - r[0] < THIN * lh;
    if (!runs.some((r) => r[1] - r[0] >= BAND_MIN * lh)) return box;
    while (runs.length > 1 && thin(runs[0]!)) runs.shift();
    while (runs.length > 1 && thin(runs[runs.length - 1]!)) runs.pop();
    const top = runs[0]![0];
    const bottom = runs[runs.length - 1]![1];
    let left = x1;
    let right = x0;
    for (let y = top; y < bottom; y++)
      unread(y, (x) => {
        if (x >= x0 && x < x1) {
          left = Math.min(left, x);
          right = Math.max(right, x + 1);
        }
      });
    return right > left ? [left, top, right, bottom] : box;
  };
  const rowInk = new Int32Array(height);
  for (let y = 0; y < height; y++) rowInk[y] = unread(y);
  const minRow = Math.max(2, Math.round(ROW_INK * lh));
  const joinRows = Math.max(1, Math.round(ROW_INK * lh));
  const out: BBox[] = [];
  let area = 0;
  for (let y = 0; y < height; ) {
    if (rowInk[y]! < minRow) {
      y++;
      continue;
    }
    // the band: rows of unread ink, across gaps of a few rows (a line's dots, its i's dots)
    const top = y;
    let bottom = y + 1;
    for (let gap = 0; y < height && gap <= joinRows; y++) {
      if (rowInk[y]! >= minRow) {
        gap = 0;
        bottom = y + 1;
      } else gap++;
    }
    const h = bottom - top;
    if (h < BAND_MIN * lh || h > BAND_MAX * lh) continue;
    const columns = new Int32Array(width);
    for (let yy = top; yy < bottom; yy++) unread(yy, (x) => columns[x]!++);
    for (let x = 0; x < width; ) {
      if (!columns[x]) {
        x++;
        continue;
      }
      const left = x;
      let right = x + 1;
      let ink = 0;
      for (let gap = 0; x < width && gap <= COLUMN_GAP * lh; x++) {
        if (columns[x]) {
          gap = 0;
          ink += columns[x]!;
          right = x + 1;
        } else gap++;
      }
      const w = right - left;
      const density = ink / (w * h);
      if (w < MIN_WIDTH * lh || density < DENSITY[0] || density > DENSITY[1] || left <= 1 || right >= width - 1 || top <= 1 || bottom >= height - 1) continue;
      const place = trimmed([left, top, right, bottom]);
      out.push(place);
      area += (place[2] - place[0]) * (place[3] - place[1]);
    }
  }
  if (out.length > MOST || area > MOST_AREA * width * height) return [];
  return out;
}

/** One place's crop on the sheet: where it was taken from, and where it was put. */
export interface Placed {
  box: BBox;
  /** the crop's top-left corner on the sheet */
  x: number;
  y: number;
  /** how many times its size the crop is on the sheet */
  scale: number;
}

/** Lines shorter than this, in pixels, are put on the sheet twice their size: Tesseract reads small type surer larger (a receipt's 16-pixel date: 0.56 sure as it is, 0.89 twice as large). */
const SMALL_LINE = 24;

/**
 * The places' crops (a margin of white round each) one under another on a white sheet, a line
 * height apart, as grey pixels: one reading for all of them. Each crop is stretched from its
 * darkest ink to its paper (a line printed faint, a receipt's grey date beside black labels, is
 * as dark on the sheet as the rest), and small type is enlarged (SMALL_LINE).
 */
export function sheetOf(grey: Uint8Array, width: number, boxes: readonly BBox[], lh: number): { grey: Uint8Array; width: number; height: number; placed: Placed[] } {
  const scale = lh < SMALL_LINE ? 2 : 1;
  const pad = Math.max(4, Math.round(0.5 * lh * scale));
  const sheetWidth = Math.max(...boxes.map((b) => b[2] - b[0])) * scale + 2 * pad;
  const sheetHeight = boxes.reduce((n, b) => n + (b[3] - b[1]) * scale + pad, pad);
  const sheet = new Uint8Array(sheetWidth * sheetHeight).fill(255);
  const placed: Placed[] = [];
  let y = pad;
  for (const b of boxes) {
    const [w, h] = [b[2] - b[0], b[3] - b[1]];
    let dark = 255;
    let light = 0;
    for (let r = b[1]; r < b[3]; r++)
      for (let x = b[0]; x < b[2]; x++) {
        const v = grey[r * width + x]!;
        if (v < dark) dark = v;
        if (v > light) light = v;
      }
    const span = Math.max(1, light - dark);
    for (let r = 0; r < h * scale; r++) {
      // (each sheet pixel sampled between its four neighbours in the crop)
      const sy = b[1] + (r + 0.5) / scale - 0.5;
      const to = (y + r) * sheetWidth + pad;
      for (let x = 0; x < w * scale; x++) sheet[to + x] = Math.round(((greyBetween(grey, width, b, b[0] + (x + 0.5) / scale - 0.5, sy) - dark) * 255) / span);
    }
    placed.push({ box: b, x: pad, y, scale });
    y += h * scale + pad;
  }
  return { grey: sheet, width: sheetWidth, height: sheetHeight, placed };
}

/** A line read on the sheet is kept when Tesseract is this sure of it, */
const SURE = 0.6;

/**
 * The page's blocks with the lines read in the places (placeBack) added: a line that shares its
 * row with a line read before (the amount beside "Change :", whose column was passed over) joins
 * it, its words in their order along the row; another is a block of its own.
 */
export function withUnread(blocks: readonly EngineBlock[], found: readonly EngineBlock[]): EngineBlock[] {
  const out = blocks.map((b) => ({ ...b, lines: b.lines.map((l) => ({ ...l, words: [...l.words] })) }));
  const own: EngineBlock[] = [];
  for (const b of found) {
    const left: EngineLine[] = [];
    for (const l of b.lines) {
      const h = l.bbox[3] - l.bbox[1];
      let host: { block: EngineBlock; line: EngineLine; between: boolean } | undefined;
      for (const block of out)
        for (const line of block.lines) {
          const overlap = Math.min(line.bbox[3], l.bbox[3]) - Math.max(line.bbox[1], l.bbox[1]);
          const apart = line.bbox[2] <= l.bbox[0] || l.bbox[2] <= line.bbox[0];
          // or between two of its words (a word it left out)
          const between = !apart && !line.words.some((w) => w.bbox[0] < l.bbox[2] && l.bbox[0] < w.bbox[2]);
          if ((apart || between) && overlap >= 0.5 * Math.min(h, line.bbox[3] - line.bbox[1])) host ??= { block, line, between };
        }
      // a line just above or below it, across its width, of a block beside the host's (two
      // columns of text): it is in that block's column, not the host's row's end
      const beside = (o: EngineBlock) => o.bbox[2] <= host!.block.bbox[0] || host!.block.bbox[2] <= o.bbox[0];
      const column = host && !host.between && out.some((o) => o !== host!.block && beside(o) && o.lines.some((n) => n.bbox[0] < l.bbox[2] && l.bbox[0] < n.bbox[2] && Math.max(n.bbox[1] - l.bbox[3], l.bbox[1] - n.bbox[3]) < NEIGHBOUR * h));
      if (!host || column) {
        left.push(l);
        continue;
      }
      const { block, line } = host;
      const chars = line.text.length + l.text.length;
      line.confidence = (line.confidence * line.text.length + l.confidence * l.text.length) / Math.max(1, chars);
      line.words = [...line.words, ...l.words].sort((a, c) => a.bbox[0] - c.bbox[0]);
      line.text = line.words.map((w) => w.text).join(' ');
      line.bbox = union(line.bbox, l.bbox);
      block.bbox = union(block.bbox, l.bbox);
    }
    if (left.length) own.push({ ...b, bbox: left.map((l) => l.bbox).reduce(union), lines: left });
  }
  return [...out, ...own];
}

/** Lines this many line heights apart, one above the other, are neighbours in a column. */
const NEIGHBOUR = 2;

const union = (a: BBox, b: BBox): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** Of a line read on the sheet unsurely, the words read surely are kept when they hold this share of its characters. */
const SURE_SHARE = 2 / 3;

/**
 * A line read on the sheet as it is kept: whole when read surely; else its words read surely,
 * when they hold most of it (": 27/10/2017" in grey print, its colon read an unsure "1");
 * else nothing.
 */
function sureOf(line: EngineLine): EngineLine | null {
  if (line.confidence >= SURE) return line;
  const words = line.words.filter((w) => w.confidence >= SURE);
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  if (!words.length || chars < SURE_SHARE * line.words.reduce((n, w) => n + w.text.length, 0)) return null;
  return {
    ...line,
    text: words.map((w) => w.text).join(' '),
    bbox: words.map((w) => w.bbox).reduce(union),
    confidence: words.reduce((n, w) => n + w.confidence * w.text.length, 0) / chars,
    words,
  };
}

/**
 * The lines read on the sheet put back where their crops came from, each place's as a block of
 * its own: only lines inside a crop, of letters or digits, read surely, or their words read
 * surely (a logo, a stamp or a smudge reads as a few unsure marks).
 */
export function placeBack(read: readonly EngineBlock[], placed: readonly Placed[]): EngineBlock[] {
  const byPlace = new Map<Placed, EngineLine[]>();
  const lines = read.flatMap((b) => b.lines);
  for (const read of lines) {
    const cy = (read.bbox[1] + read.bbox[3]) / 2;
    const p = placed.find((q) => cy >= q.y && cy < q.y + (q.box[3] - q.box[1]) * q.scale);
    const l = p && sureOf(read);
    if (!p || !l || !/[\p{L}\p{N}]{2}/u.test(l.text)) continue;
    const shift = (b: BBox): BBox => [p.box[0] + (b[0] - p.x) / p.scale, p.box[1] + (b[1] - p.y) / p.scale, p.box[0] + (b[2] - p.x) / p.scale, p.box[1] + (b[3] - p.y) / p.scale].map(Math.round) as BBox;
    const list = byPlace.get(p) ?? [];
    list.push({ ...l, bbox: shift(l.bbox), words: l.words.map((w) => ({ ...w, bbox: shift(w.bbox) })) });
    byPlace.set(p, list);
  }
  return [...byPlace.values()].map((lines) => {
    const chars = lines.reduce((n, l) => n + l.text.length, 0);
    return {
      bbox: lines.map((l) => l.bbox).reduce(union),
      confidence: lines.reduce((n, l) => n + l.confidence * l.text.length, 0) / Math.max(1, chars),
      lines,
    };
  });
}
