// What each block is: a heading (set larger than the page's text, or in capitals on a
// page of prose; short, not a sentence, set apart from its neighbours, and not an item
// with its amount), a list (lines that start with a bullet or a number), a caption, or a
// paragraph.
import type { BBox, BlockKind, Line } from '../shared/contract';
import { wideGap } from './breaks';
import { median, textSize, union } from './geometry';
import type { Metrics } from './metrics';

const BULLETS = '•\\-*·‣◦▪▫●○■□–';
/** A list item's marker and the space after it: • item, - item, 1. item, 1) item, a) item. */
export const LIST_MARK = new RegExp(`^\\s*(?:[${BULLETS}]|\\(?\\d{1,3}[.)]|\\(?[a-z][.)])\\s+`, 'u');
/** A marker standing alone (a table cell holding only it). */
export const MARK_ONLY = new RegExp(`^(?:[${BULLETS}]|\\(?\\d{1,3}[.)]|\\(?[a-z][.)])$`, 'u');
/** Numbered rather than bulleted. */
export const ORDERED_MARK = /^\s*\(?(\d{1,3}|[a-z])[.)]\s+/;

const CAPTION = /^(?:fig(?:ure)?|table|tab|chart|plate)\.?\s*[\dIVX]+[a-z]?\s*[.:|—–-]/i;
/** A line this much taller than the page's typical line is a heading when it is short. */
const HEADING_SIZE = 1.3;
/** Heading sizes within this ratio of each other share a level. */
const LEVEL_STEP = 0.88;
/** A heading has at least this much white (in line heights) above or below it. */
const APART = 0.5;
/** A line that ends in an amount, perhaps with a tax code after it: "4.00 S", "€17.90". */
const AMOUNT = /\d[.,]\d{2}(?:\s+\S{1,3})?\s*$/u;

export interface Kind {
  kind: BlockKind;
  level?: number;
}

interface Facts {
  lines: Line[];
  text: string;
  words: number;
  size: number;
  /** a line item or a form field: it ends in an amount, or has a number after a wide gap */
  item: boolean;
  /** white above or below it */
  apart: boolean;
}

/** Kinds for a page's (non-table) blocks, in the same order; `others` are the boxes of
 * everything else on the page (tables), for the white around a heading. */
export function classify(blocks: readonly Line[][], m: Metrics, others: readonly BBox[] = []): Kind[] {
  const boxes = [...blocks.map((b) => union(b.map((l) => l.bbox))), ...others];
  const facts = blocks.map((b, i) => factsOf(b, m, isApart(boxes[i]!, boxes, m)));
  const sized = facts.map((f) => (isShortTitle(f) && f.size >= HEADING_SIZE * m.lineHeight ? f.size : 0));
  const levels = headingLevels(sized.filter((s) => s > 0));
  const prosePage = facts.some((f) => f.lines.length >= 3 && f.words >= 20);
  return facts.map((f, i): Kind => {
    if (sized[i]! > 0) return { kind: 'heading', level: levels(sized[i]!) };
    if (prosePage && isCapsTitle(f)) return { kind: 'heading', level: Math.max(2, levels(0)) };
    if (CAPTION.test(f.text) && f.lines.length <= 6) return { kind: 'caption' };
    if (LIST_MARK.test(f.lines[0]?.text ?? '')) return { kind: 'list' };
    return { kind: 'paragraph' };
  });
}

function factsOf(lines: Line[], m: Metrics, apart: boolean): Facts {
  const text = lines.map((l) => l.text).join(' ').trim();
  const item = lines.some((l) => AMOUNT.test(l.text) || valueAfterGap(l, m));
  return { lines, text, words: text.split(/\s+/).filter(Boolean).length, size: median(lines.map(textSize)), item, apart };
}

/** A line with a number after a wide gap: an item and its price, a label and its value. */
function valueAfterGap(l: Line, m: Metrics): boolean {
  const words = [...l.words].sort((a, b) => a.bbox[0] - b.bbox[0]);
  return words.some((w, i) => i > 0 && w.bbox[0] - words[i - 1]!.bbox[2] >= wideGap(m) && /\d/.test(w.text));
}

/** Whether a block has white above or below it: not one line of a tight stack (the lines
 * of a receipt, an address). */
function isApart(box: BBox, boxes: readonly BBox[], m: Metrics): boolean {
  let above = Infinity;
  let below = Infinity;
  for (const b of boxes) {
    if (b === box || b[0] >= box[2] || b[2] <= box[0]) continue;
    if (b[3] <= box[1] + 0.5 * m.lineHeight && b[1] < box[1]) above = Math.min(above, box[1] - b[3]);
    else if (b[1] >= box[3] - 0.5 * m.lineHeight && b[3] > box[3]) below = Math.min(below, b[1] - box[3]);
  }
  return Math.max(above, below) >= APART * m.lineHeight;
}

/** Short, has letters, does not end like a sentence or a clause, is not a line item, and
 * stands apart. */
function isShortTitle(f: Facts): boolean {
  return f.lines.length <= 3 && f.words <= 15 && /\p{L}/u.test(f.text) && !/[.,;]$/.test(f.text) && !f.item && f.apart;
}

/** A title in capitals at text size ("1. INTRODUCTION"), on a page of prose. */
function isCapsTitle(f: Facts): boolean {
  if (f.lines.length > 2 || f.words > 10 || !isShortTitle(f)) return false;
  const body = f.text.replace(/^\d+(?:\.\d+)*\.?\s+/, '');
  const letters = body.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && !/\d/.test(body) && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Level by size rank: the largest headings are #, the next ##, the rest ###. A size of
 * 0 asks for the level below the smallest (for headings set at text size). */
function headingLevels(sizes: number[]): (size: number) => number {
  const tops: number[] = [];
  for (const s of [...sizes].sort((a, b) => b - a)) {
    if (tops.length === 0 || s < tops[tops.length - 1]! * LEVEL_STEP) tops.push(s);
  }
  return (size) => {
    if (size <= 0) return Math.min(3, tops.length + 1);
    const rank = tops.findIndex((t) => size >= t * LEVEL_STEP);
    return Math.min(3, (rank < 0 ? tops.length - 1 : rank) + 1);
  };
}
