// The invisible text of a page: each word drawn (render mode 3, no ink) on its box, its
// font as tall as its line and stretched (Tz) to the box's width, so that selection,
// search and pdftotext see the words where the image shows them.
import type { BBox, Page } from '../../shared/contract';
import { clean, isRtl } from '../text';
import { GLYPH_WIDTH, type GlyphlessFont } from './font';
import { num } from './writer';

export interface TextRun {
  text: string;
  /** the word's box, page pixels */
  box: BBox;
  /** top and bottom of its line, page pixels: words of a line share a baseline */
  line: [number, number];
}

function spread(lines: string[], box: BBox): TextRun[] {
  const h = (box[3] - box[1]) / lines.length;
  return lines.map((text, i) => {
    const top = box[1] + i * h;
    return { text, box: [box[0], top, box[2], top + h], line: [top, top + h] };
  });
}

/** Text with boxes: words where the engine gave them, else lines, else blocks' lines spread
 * over the block, else the page's text down the page. */
export function textRuns(page: Page): TextRun[] {
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
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    // A word followed by another on its line carries the space between them, and its glyphs
    // end where the next word starts: extractors (pdftotext -raw, copy and paste) then keep words
    // apart even where their boxes touch, as the vlm engine's do.
    const spaced = followedOnLine(run, runs[i + 1]);
    const { hex, count } = font.encode(clean(run.text).trim() + (spaced ? ' ' : ''));
    if (count === 0 || (spaced && count === 1)) continue;
    const fs = Math.max(0.5, (run.line[1] - run.line[0]) * scale);
    if (fs !== size) ops.push(`/F1 ${num(fs)} Tf`);
    size = fs;
    const [x0, , x1] = run.box;
    // Never past the next word's start: glyphs that overlap it are merged by extractors.
    const right = spaced ? runs[i + 1]!.box[0] : x1;
    const width = Math.max(0.01, (right - x0) * scale);
    const tz = (100 * width) / (count * GLYPH_WIDTH * fs);
    const y = (height - run.line[1]) * scale;
    // Right-to-left words start at the box's right edge and run leftwards (a mirrored
    // text matrix, as Tesseract does): extractors then give them in reading order.
    const matrix = isRtl(run.text) ? `-1 0 0 1 ${num(x1 * scale)}` : `1 0 0 1 ${num(x0 * scale)}`;
    ops.push(`${matrix} ${num(y)} Tm ${num(tz)} Tz <${hex}> Tj`);
  }
  ops.push('ET');
  return ops.join('\n');
}

/** Whether `next` continues `run`'s line to its right (left-to-right text only). */
function followedOnLine(run: TextRun, next: TextRun | undefined): boolean {
  if (!next || isRtl(run.text) || isRtl(next.text)) return false;
  const shared = Math.min(run.line[1], next.line[1]) - Math.max(run.line[0], next.line[0]);
  const height = Math.min(run.line[1] - run.line[0], next.line[1] - next.line[0]);
  return height > 0 && shared >= height / 2 && next.box[0] >= run.box[0] + (run.box[2] - run.box[0]) / 2;
}
