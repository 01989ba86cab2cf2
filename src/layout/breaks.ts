// Whose line breaks a block has. In running text a line ends only where the next word
// no longer fits, so the breaks are the typesetter's and the lines reflow into one
// paragraph. A receipt, an address, a form or a list of short items breaks its lines on
// purpose: a line leaves room for the next line's first word, or has a wide gap in it
// (an item and its price, a label and its value). Those lines are kept as lines.
import type { Line, Word } from '../shared/contract';
import { median, wordGaps } from './geometry';
import type { Metrics } from './metrics';

/** A block narrower than this share of its column, of short lines, is set line by line
 * (an address, a list of names), not a paragraph, which fills the column. */
const NARROW = 0.6;
const SHORT_LINE_WORDS = 5;

export interface LinesInFrame {
  lines: readonly Line[];
  /** the x extent of the column the block stands in */
  frame: readonly [number, number];
}

/** Whether the block's lines are each a line of their own: a narrow block of short lines,
 * or at least half of its breaks are deliberate. */
export function keepsLines({ lines, frame }: LinesInFrame, m: Metrics): boolean {
  if (lines.length < 2) return false;
  const x0 = Math.min(...lines.map((l) => l.bbox[0]));
  const x1 = Math.max(...lines.map((l) => l.bbox[2]));
  const short = median(lines.map((l) => l.words.length)) <= SHORT_LINE_WORDS;
  if (short && x1 - x0 < NARROW * (frame[1] - frame[0])) return true;
  let kept = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (hasWideGap(lines[i]!, m) || hasWideGap(lines[i + 1]!, m) || leavesRoom(lines[i]!, lines[i + 1]!, [x0, x1], m)) kept++;
  }
  return 2 * kept >= lines.length - 1;
}

/** Whether a page is set line by line (a receipt, a form): more of its lines are in
 * blocks that keep their lines, or are lone lines with a wide gap (an item and its price),
 * than in blocks of running text. Then every block of it keeps its lines. */
export function lineByLine(blocks: readonly LinesInFrame[], m: Metrics): boolean {
  let kept = 0;
  let running = 0;
  for (const b of blocks) {
    if (b.lines.length === 1) kept += hasWideGap(b.lines[0]!, m) ? 1 : 0;
    else if (keepsLines(b, m)) kept += b.lines.length;
    else running += b.lines.length;
  }
  return kept > running;
}

/** A gap between words that parts cells of a table rather than words of a sentence. */
export function wideGap(m: Metrics): number {
  return Math.max(3 * m.wordGap, m.lineHeight);
}

export function hasWideGap(line: Line, m: Metrics): boolean {
  return wordGaps(byX(line.words)).some((g) => g >= wideGap(m));
}

/** Whether the next line's first word would have fitted on this line: beside it towards
 * the margin where lines end, or, for a centred line, in the room on both sides. */
function leavesRoom(line: Line, next: Line, [x0, x1]: [number, number], m: Metrics): boolean {
  const words = byX(next.words);
  const first = m.rtl ? words[words.length - 1] : words[0];
  if (!first) return false;
  const need = m.wordGap + (first.bbox[2] - first.bbox[0]) + m.wordGap;
  const left = line.bbox[0] - x0;
  const right = x1 - line.bbox[2];
  const centred = Math.abs(left - right) < m.lineHeight && Math.min(left, right) > m.lineHeight;
  const room = centred ? left + right : m.rtl ? left : right;
  return room > need;
}

const byX = (words: readonly Word[]) => [...words].sort((a, b) => a.bbox[0] - b.bbox[0]);
