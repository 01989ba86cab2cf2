// The job as nested boxes for the layout formats (hOCR, ALTO): pages → blocks → lines →
// words, in the job's reading order, every word with its box in whole pixels of the page
// image. Where the engine gave no words (a line's text only, a block's text only, a page's
// text only), the words are laid along the line as wide as their share of the letters.
// Each box holds the boxes inside it (a line's box grows to its words', a block's to its
// lines'), and every box lies on the page.
import type { BBox, Block, Job, Page } from '../shared/contract';
import { wordsAlong } from '../shared/text';
import { clean, isRtl, orderedPages } from './text';

export interface BoxWord {
  text: string;
  bbox: BBox;
  /** 0..1 */
  confidence: number;
}

export interface BoxLine {
  bbox: BBox;
  words: BoxWord[];
}

export interface BoxBlock {
  bbox: BBox;
  /** its text is right to left */
  rtl: boolean;
  lines: BoxLine[];
}

export interface BoxPage {
  /** 0-based */
  index: number;
  width: number;
  height: number;
  blocks: BoxBlock[];
}

function union(boxes: BBox[]): BBox {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

const num = (v: number) => (Number.isFinite(v) ? v : 0);

/** A box in whole pixels, on the page, never inside out. */
function fit(b: BBox, w: number, h: number): BBox {
  const clampX = (v: number) => Math.min(Math.max(0, Math.round(num(v))), w);
  const clampY = (v: number) => Math.min(Math.max(0, Math.round(num(v))), h);
  const x0 = clampX(Math.min(b[0], b[2]));
  const y0 = clampY(Math.min(b[1], b[3]));
  return [x0, y0, Math.max(x0, clampX(Math.max(b[0], b[2]))), Math.max(y0, clampY(Math.max(b[1], b[3])))];
}

const conf = (c: number) => Math.min(1, Math.max(0, Number.isFinite(c) ? c : 0));

/** Lines of text spread down a box, each line's words laid along it. */
function spread(lines: string[], box: BBox, confidence: number): { bbox: BBox; words: BoxWord[] }[] {
  const h = (box[3] - box[1]) / Math.max(1, lines.length);
  return lines.map((text, i) => {
    const bbox: BBox = [box[0], box[1] + i * h, box[2], box[1] + (i + 1) * h];
    return { bbox, words: wordsAlong(text, bbox, confidence) };
  });
}

function blockLines(block: Block): { bbox: BBox; words: BoxWord[] }[] {
  if (!block.lines?.length) {
    return spread(clean(block.text).split('\n').filter((l) => l.trim()), block.bbox, block.confidence);
  }
  return block.lines.map((line) => {
    const words = line.words.filter((w) => clean(w.text).trim());
    return { bbox: line.bbox, words: words.length > 0 ? words : wordsAlong(clean(line.text), line.bbox, line.confidence) };
  });
}

/** The page's words in boxes; empty blocks and lines left out. */
export function pageBoxes(page: Page): BoxPage {
  const width = Math.max(0, Math.round(num(page.width)));
  const height = Math.max(0, Math.round(num(page.height)));
  // A page without a size (it should not happen) takes its boxes' size.
  const w = width > 0 ? width : Number.MAX_SAFE_INTEGER;
  const h = height > 0 ? height : Number.MAX_SAFE_INTEGER;
  let blocks: { block: Pick<Block, 'bbox' | 'text'>; lines: { bbox: BBox; words: BoxWord[] }[] }[] = page.blocks.map((block) => ({ block, lines: blockLines(block) }));
  if (blocks.every((b) => b.lines.every((l) => l.words.length === 0)) && clean(page.text).trim()) {
    // Text without boxes: its lines down the page, as the searchable PDF lays them.
    const lines = clean(page.text).split('\n').filter((l) => l.trim());
    const pw = page.width > 0 ? page.width : 2480;
    const ph = page.height > 0 ? page.height : 3508;
    const lh = Math.min(ph / (lines.length + 2), ph / 40);
    const box: BBox = [pw * 0.05, lh, pw * 0.95, lh * (lines.length + 1)];
    blocks = [{ block: { bbox: box, text: page.text }, lines: spread(lines, box, page.confidence) }];
  }
  const out: BoxBlock[] = [];
  for (const { block, lines } of blocks) {
    const boxLines: BoxLine[] = [];
    for (const line of lines) {
      const words = line.words
        .map((word) => ({ text: clean(word.text).trim(), bbox: fit(word.bbox, w, h), confidence: conf(word.confidence) }))
        .filter((word) => word.text);
      if (words.length === 0) continue;
      boxLines.push({ bbox: union([fit(line.bbox, w, h), ...words.map((x) => x.bbox)]), words });
    }
    if (boxLines.length === 0) continue;
    out.push({ bbox: union([fit(block.bbox, w, h), ...boxLines.map((l) => l.bbox)]), rtl: isRtl(block.text), lines: boxLines });
  }
  if (width === 0 || height === 0) {
    const all = union([[0, 0, 0, 0], ...out.map((b) => b.bbox)]);
    return { index: page.index, width: width || all[2], height: height || all[3], blocks: out };
  }
  return { index: page.index, width, height, blocks: out };
}

/** Every page of the job in boxes, in page order. */
export function jobBoxes(job: Job): BoxPage[] {
  return orderedPages(job).map(pageBoxes);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text for XML character data and attribute values: quotes escaped too (the apostrophe as
 * &#39;, which HTML parsers read as well; tab and line breaks as references, which an
 * attribute value keeps), and characters XML cannot hold removed. */
export function xmlEscape(text: string): string {
  return clean(text).replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]!);
}
