// The page's typical sizes and writing direction: every threshold in the layout is a
// multiple of a size measured here, so it works the same on a 640 px screenshot and a
// 600 dpi scan.
import { type Seg, height, median, textSize, width, wordGaps } from './geometry';

export interface Metrics {
  /** the typical line's height, about the font size */
  lineHeight: number;
  /** the typical space between words */
  wordGap: number;
  /** columns and rows read right to left (Arabic, Hebrew) */
  rtl: boolean;
  /** lines run top to bottom (vertical Chinese or Japanese): the engine's order stands */
  vertical: boolean;
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/gu;
const LETTER = /\p{L}/gu;

export function pageMetrics(segs: readonly Seg[]): Metrics {
  const heights = segs.map((s) => textSize(s.line)).filter((h) => h > 0);
  const lineHeight = median(heights) || 10;
  // Gaps wider than a line's height part table cells, not words: on a page of tables
  // they are the majority and would hide the word spacing.
  const gaps = segs.flatMap((s) => wordGaps([...s.line.words].sort((a, b) => a.bbox[0] - b.bbox[0])));
  // Without any gap to measure (one-word lines), a third of the line height is typical.
  const wordGap = median(gaps.filter((g) => g > 0 && g < lineHeight)) || lineHeight / 3;
  const text = segs.map((s) => s.line.text).join(' ');
  const letters = text.match(LETTER)?.length ?? 0;
  const rtl = letters > 0 && (text.match(RTL_LETTER)?.length ?? 0) > letters / 2;
  // A line of several characters that is much taller than wide runs downwards.
  const long = segs.filter((s) => s.line.text.replace(/\s/g, '').length >= 3);
  const vertical = long.length > 0 && long.filter((s) => height(s.line.bbox) > 2 * width(s.line.bbox)).length > long.length / 2;
  return { lineHeight, wordGap, rtl, vertical };
}
