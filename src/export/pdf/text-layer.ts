// The invisible text of a page: each word drawn (render mode 3, no ink) on its box, its
// font as tall as its line and stretched (Tz) to the box's width, so that selection,
// search and pdftotext see the words where the image shows them.
import type { BBox, Page } from '../../shared/contract';
import { joinWords } from '../../shared/text';
import { clean, isRtl } from '../text';
import { GLYPH_WIDTH, type GlyphlessFont } from './font';
import { num } from './writer';

export interface TextRun {
  text: string;
  /** the word's box, page pixels */
  box: BBox;
  /** top and bottom of its line, page pixels: words of a line share a baseline */
  line: [number, number];
  /** the page's text runs on from this word into the next without a space (Chinese,
   * Japanese); unset where the text does not say */
  joined?: boolean;
}

function spread(lines: string[], box: BBox): TextRun[] {
  const h = (box[3] - box[1]) / lines.length;
  return lines.map((text, i) => {
    const top = box[1] + i * h;
    return { text, box: [box[0], top, box[2], top + h], line: [top, top + h] };
  });
}

/** Text with boxes: words where the engine gave them, else lines, else blocks' lines spread
 * over the block, else the page's text down the page; in the page text's reading order. */
export function textRuns(page: Page): TextRun[] {
  return inTextOrder(boxedRuns(page), page.text);
}

/**
 * The runs in the order the page's text gives their words: a table's text reads cell by
 * cell where its lines run across the cells, and extractors that keep the stream's order
 * (pdftotext -raw, a screen reader) should read what the text reads. Each run is found in
 * the text (spaces aside), whole words first, from where the run before it was found; then
 * the runs not found so, at their first unused place; a run not found at all stays after
 * the run before it.
 */
export function inTextOrder(runs: TextRun[], text: string): TextRun[] {
  const tokens = clean(text).split(/\s+/).filter(Boolean);
  const flat = tokens.join('');
  const starts = new Set<number>();
  const ends = new Set<number>();
  let n = 0;
  for (const t of tokens) {
    starts.add(n);
    n += t.length;
    ends.add(n);
  }
  const used = new Uint8Array(flat.length);
  const fits = (at: number, len: number, whole: boolean) => {
    if (whole && !(starts.has(at) && ends.has(at + len))) return false;
    for (let k = at; k < at + len; k++) if (used[k]) return false;
    return true;
  };
  const find = (needle: string, from: number, whole: boolean) => {
    for (let at = flat.indexOf(needle, from); at >= 0; at = flat.indexOf(needle, at + 1)) if (fits(at, needle.length, whole)) return at;
    return -1;
  };
  const needles = runs.map((run) => clean(run.text).replace(/\s+/g, ''));
  const place = new Array<number>(runs.length).fill(-1);
  const take = (i: number, at: number) => {
    place[i] = at;
    used.fill(1, at, at + needles[i]!.length);
  };
  // In order: whole words, then (Chinese, Japanese: words the text joins) parts of words.
  let cursor = 0;
  for (let i = 0; i < runs.length; i++) {
    if (!needles[i]) continue;
    let at = find(needles[i]!, cursor, true);
    // (Chinese or Japanese at both ends: a part of what the text joins into one word)
    const part = unspaced(needles[i]!, needles[i]!) ? find(needles[i]!, cursor, false) : -1;
    if (part >= 0 && (at < 0 || part < at)) at = part;
    if (at >= 0) {
      take(i, at);
      cursor = at + needles[i]!.length;
    }
  }
  // The rest wherever they are left.
  for (const whole of [true, false]) {
    for (let i = 0; i < runs.length; i++) {
      if (place[i]! >= 0 || !needles[i]) continue;
      const at = find(needles[i]!, 0, whole);
      if (at >= 0) take(i, at);
    }
  }
  let last = -1;
  const keyed = runs.map((run, i) => {
    if (place[i]! < 0) return { run, key: last + 0.5, i };
    last = place[i]!;
    return { run: { ...run, joined: !ends.has(last + needles[i]!.length) }, key: last, i };
  });
  return keyed.sort((a, b) => a.key - b.key || a.i - b.i).map((k) => k.run);
}

function boxedRuns(page: Page): TextRun[] {
  const runs: TextRun[] = [];
  for (const block of page.blocks) {
    if (!block.lines?.length) {
      runs.push(...spread(block.text.split('\n').filter((l) => l.trim()), block.bbox));
      continue;
    }
    for (const line of block.lines) {
      const [, top, , bottom] = line.bbox;
      const words = line.words.filter((w) => w.text.trim());
      if (words.length === 0) {
        if (line.text.trim()) runs.push({ text: line.text, box: line.bbox, line: [top, bottom] });
        continue;
      }
      for (const word of words) {
        const [, wt, , wb] = word.bbox;
        runs.push({ text: word.text, box: word.bbox, line: bottom > top ? [top, bottom] : [wt, wb] });
      }
    }
  }
  if (runs.length === 0 && page.text.trim()) {
    const lines = page.text.split('\n').filter((l) => l.trim());
    const h = Math.min(page.height / (lines.length + 2), page.height / 40);
    return lines.map((text, i) => {
      const top = h * (i + 1);
      const width = Math.min(page.width * 0.9, [...text].length * h * GLYPH_WIDTH);
      return { text, box: [page.width * 0.05, top, page.width * 0.05 + width, top + h], line: [top, top + h] };
    });
  }
  return runs;
}

/** Content-stream operators for the runs; `scale` is points per pixel, `height` the page's in pixels. */
export function textOperators(runs: TextRun[], font: GlyphlessFont, height: number, scale: number): string {
  const ops = ['BT', '3 Tr'];
  let size = -1;
  // Where the glyphs of the word before, on the same line, end (pixels).
  let floor = -Infinity;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const rtl = isRtl(run.text);
    // A word followed by another on its line carries the space between them, and its glyphs
    // end where that word starts: extractors (pdftotext -raw, copy and paste) then keep words
    // apart even where their boxes touch, as the vlm engine's do. Right to left, the word
    // that follows is the one before it in the stream, on its right.
    const neighbour = rtl ? runs[i - 1] : runs[i + 1];
    const spaced = !!neighbour && (rtl ? followedOnLine(neighbour, run, true) : followedOnLine(run, neighbour, false));
    // Words the page's text joins without a space (Chinese, Japanese) are drawn so: their
    // glyphs run on into the next word's, and extractors give them as one.
    const [first, second] = rtl ? [neighbour!, run] : [run, neighbour!];
    const sep = spaced && !(first.joined ?? unspaced(first.text, second.text)) ? ' ' : '';
    const text = clean(run.text).trim();
    // Right-to-left words are written in visual order, their characters reversed and drawn
    // left to right, as most PDF producers write Arabic and Hebrew: extractors (pdftotext,
    // pdf.js, copy and paste) undo that with the bidi algorithm. A mirrored text matrix
    // (glyphs advancing leftwards) comes out of pdftotext -raw as single letters.
    const word = font.encode(rtl ? [...text].reverse().join('') : text);
    if (word.count === 0) continue;
    const fs = Math.max(0.5, (run.line[1] - run.line[0]) * scale);
    if (fs !== size) ops.push(`/F1 ${num(fs)} Tf`);
    size = fs;
    const lineHeight = run.line[1] - run.line[0];
    // Never past the next word's start: glyphs that overlap it are merged by extractors. Where
    // the boxes are too cramped for a word and a space (an engine's boxes may overlap), the
    // glyphs push the next word's on a little.
    const x0 = Math.max(run.box[0], floor);
    const right = spaced ? Math.max(neighbour!.box[0], x0 + (sep ? lineHeight / 3 : 0)) : Math.max(run.box[2], x0);
    floor = spaced && !rtl ? right : -Infinity;
    // The word's glyphs stretch over the gap to the next word (extractors read a line of
    // evenly spread words as one line), less the space's width: a quarter of the line's
    // height at least, as pdftotext breaks words only on a gap wider than a tenth of the font
    // size and does not count the space character itself.
    const span = right - x0;
    const gap = sep ? Math.min(Math.max(span / (word.count + 1), lineHeight / 4), 0.8 * span) : 0;
    const tz = (px: number, count: number) => num((100 * Math.max(0.01, px * scale)) / (count * GLYPH_WIDTH * fs));
    const y = (height - run.line[1]) * scale;
    const space = sep ? ` ${tz(gap, 1)} Tz <${font.encode(' ').hex}> Tj` : '';
    ops.push(`1 0 0 1 ${num(x0 * scale)} ${num(y)} Tm ${tz(right - gap - x0, word.count)} Tz <${word.hex}> Tj${space}`);
  }
  ops.push('ET');
  return ops.join('\n');
}

/** Whether the page's text joins these two words without a space (Chinese, Japanese). */
function unspaced(a: string, b: string): boolean {
  return joinWords([a, b]) === a + b;
}

/** Whether `next` continues `run`'s line in their direction: to its right, or right to left to its left. */
function followedOnLine(run: TextRun, next: TextRun, rtl: boolean): boolean {
  if (isRtl(run.text) !== rtl || isRtl(next.text) !== rtl) return false;
  const shared = Math.min(run.line[1], next.line[1]) - Math.max(run.line[0], next.line[0]);
  const height = Math.min(run.line[1] - run.line[0], next.line[1] - next.line[0]);
  // Past its start: an engine's boxes may overlap (Tesseract's Chinese words often do).
  return height > 0 && shared >= height / 2 && (rtl ? next.box[2] < run.box[2] : next.box[0] > run.box[0]);
}
