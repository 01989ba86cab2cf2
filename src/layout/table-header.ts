// A table's header. Column headings are often set apart from the rows: taller cells of
// two lines, a shaded band with rules, words wider than the numbers under them. They do
// not line up with the rows' columns as the rows do with each other, so the run of rows
// starts below them. Here the lines just above the first row are taken as the header when
// their cells fall under the table's columns; and a first row that reads like the rows
// under it (a number where they have numbers) is data, not a header.
import type { Word } from '../shared/contract';
import { joinWords } from '../shared/text';
import type { Interval } from './geometry';

/** Rules between header cells that an engine reads as letters. */
const RULE = /^[|¦‖[\]]+$/;
/** A number or an amount, perhaps with a currency, a sign, a percent or a tax code. */
const NUMBER = /^[-+(]?[$€£¥@]?\s?\d[\d\s.,:/]*%?\)?(?:\s+\p{L}{1,2})?$/u;
const LETTER = /\p{L}/u;
/** Headings hold no prices. */
const AMOUNT = /\d[.,]\d{2}(?!\d)/;
const MAX_HEADER_LINES = 3;

/** A row's words (in reading order) column by column, or null when its cells (words
 * closer than `gap`, parted by rules) do not fall under at least two columns, and half of
 * them, or one cell spans two columns (a title). */
export function headerCells(words: readonly Word[], gap: number, cols: readonly Interval[]): Word[][] | null {
  if (words.some((w) => AMOUNT.test(w.text))) return null;
  const out = cols.map(() => [] as Word[]);
  for (const c of cellsOf(words, gap)) {
    if (NUMBER.test(cellText(c.words))) return null;
    const spans = cols.filter((col) => col[0] >= c.x0 && col[1] <= c.x1).length;
    if (spans > 1) return null;
    out[zoneOf((c.x0 + c.x1) / 2, cols)]!.push(...c.words);
  }
  const filled = out.filter((ws) => ws.length > 0);
  const named = filled.filter((ws) => ws.some((w) => LETTER.test(w.text))).length;
  return filled.length >= 2 && 2 * filled.length >= cols.length && 2 * named >= filled.length ? out : null;
}

const cellText = (words: readonly Word[]) => joinWords(words.map((w) => w.text));

/** Words closer than `gap` share a cell; a rule between two words parts them. */
function cellsOf(words: readonly Word[], gap: number): { words: Word[]; x0: number; x1: number }[] {
  const rank = new Map(words.map((w, i) => [w, i]));
  const cells: { words: Word[]; x0: number; x1: number }[] = [];
  let ruled = false;
  for (const w of [...words].sort((a, b) => a.bbox[0] - b.bbox[0])) {
    if (RULE.test(w.text)) {
      ruled = true;
      continue;
    }
    const last = cells[cells.length - 1];
    if (last && !ruled && w.bbox[0] - last.x1 < gap) last.words.push(w), (last.x1 = Math.max(last.x1, w.bbox[2]));
    else cells.push({ words: [w], x0: w.bbox[0], x1: w.bbox[2] });
    ruled = false;
  }
  for (const c of cells) c.words.sort((a, b) => rank.get(a)! - rank.get(b)!);
  return cells;
}

/** The column whose zone (up to halfway to its neighbours) holds x. */
function zoneOf(x: number, cols: readonly Interval[]): number {
  let i = 0;
  while (i + 1 < cols.length && x > (cols[i]![1] + cols[i + 1]![0]) / 2) i++;
  return i;
}

/** How many of the first rows are lines of one header (1 when only the first): a
 * heading of two or three lines read as rows. Each holds words, not numbers, in the
 * columns where the rows under them hold numbers, and each but the last leaves a column
 * empty (its other headings are one line high) yet fills two. */
export function headerLines(rows: readonly string[][]): number {
  const filled = (r: readonly string[]) => r.filter((c) => c.trim()).length;
  let n = 1;
  while (n < Math.min(MAX_HEADER_LINES, rows.length - 1)) {
    const prev = rows[n - 1]!;
    const body = rows.slice(n + 1);
    if (!(filled(prev) >= 2 && filled(prev) < prev.length && isHeading(prev, body) && isHeading(rows[n]!, body))) break;
    n++;
  }
  return n;
}

/** A row of words over columns of numbers: no number or price in it, and at least one
 * column of numbers under it. */
function isHeading(row: readonly string[], body: readonly string[][]): boolean {
  const numeric = row.map((_, c) => {
    const cells = body.map((r) => (r[c] ?? '').trim()).filter(Boolean);
    return cells.length > 0 && 2 * cells.filter((v) => NUMBER.test(v)).length >= cells.length;
  });
  return numeric.some(Boolean) && row.every((cell) => !NUMBER.test(cell.trim()) && !AMOUNT.test(cell)) && row.some((c) => LETTER.test(c));
}

/** Whether the first row is a row of data: in some column where most rows hold numbers,
 * it holds a number too. */
export function firstRowIsData(rows: readonly string[][]): boolean {
  const [first, ...body] = rows;
  if (!first || body.length === 0) return false;
  return first.some((cell, c) => {
    if (!NUMBER.test(cell.trim())) return false;
    const filled = body.map((r) => (r[c] ?? '').trim()).filter(Boolean);
    return filled.length > 0 && 2 * filled.filter((v) => NUMBER.test(v)).length >= filled.length;
  });
}
