// What each block is: a heading (set larger than the page's text, short, not a sentence),
// a list (lines that start with a bullet or a number), a caption, or a paragraph.
import type { BlockKind, Line } from '../contract';
import { median, textSize } from './geometry';
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

export interface Kind {
  kind: BlockKind;
  level?: number;
}

interface Facts {
  lines: Line[];
  text: string;
  words: number;
  size: number;
}

/** Kinds for a page's (non-table) blocks, in the same order. */
export function classify(blocks: readonly Line[][], m: Metrics): Kind[] {
  const facts = blocks.map(factsOf);
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

function factsOf(lines: Line[]): Facts {
  const text = lines.map((l) => l.text).join(' ').trim();
  return { lines, text, words: text.split(/\s+/).filter(Boolean).length, size: median(lines.map(textSize)) };
}

/** Short, has letters, and does not end like a sentence or a clause. */
function isShortTitle(f: Facts): boolean {
  return f.lines.length <= 3 && f.words <= 15 && /\p{L}/u.test(f.text) && !/[.,;]$/.test(f.text);
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
