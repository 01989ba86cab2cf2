// Tables: runs of rows whose words fall into two or more columns with a vertical strip
// of white between them in every row. Running text never has such strips; receipts
// (item and price) do, and count once three rows line up.
import { joinWords } from '../shared/text';
import type { BBox, Table, TableSpan, Word } from '../shared/contract';
import type { Metrics } from './metrics';
import { type Interval, type Seg, mergeIntervals, median, midY, rowsOf, union, wordGaps } from './geometry';
import { wideGap } from './breaks';
import { MARK_ONLY } from './kind';
import { firstRowIsData, headerCells, headerLines } from './table-header';

export interface FoundTable {
  table: Table;
  /** the lines it was made from, row by row */
  segs: Seg[];
}

interface Cell {
  words: Word[];
  x0: number;
  x1: number;
}

interface Row {
  segs: Seg[];
  cells: Cell[];
  bbox: BBox;
}

/** Cells hold a few words; more than this in a typical cell is running text side by side. */
const MAX_CELL_WORDS = 4;
/** A line with this many words and no wide gap is a line of text, not a table row. */
const TEXT_LINE_WORDS = 9;
/** A header is at most this many rows (a heading of three lines in a narrow column)… */
const MAX_HEADER_ROWS = 3;
/** …each at most this many line heights over the next. */
const HEADER_GAP = 2.5;

/** Finds the tables among a region's lines; what they do not use is left for paragraphs. */
export function findTables(segs: readonly Seg[], m: Metrics, minRows: number): { tables: FoundTable[]; rest: Seg[] } {
  // Lines of running text beside a table (a note, a sidebar) are no part of its rows,
  // but one between two rows ends the table.
  const text = segs.filter((s) => isTextLine(s, m));
  const isText = new Set(text);
  const rows = rowsOf(segs.filter((s) => !isText.has(s))).map((r) => rowOf(r, m));
  const tables: FoundTable[] = [];
  const between = (a: Row, b: Row) => textBetween(text, a, b);
  let start = 0;
  // Rows from here on belong to no table yet.
  let free = 0;
  while (start < rows.length) {
    const end = runEnd(rows, start, m, between);
    const run = rows.slice(start, end);
    const table = end - start >= minRows ? tableOf(run, rows.slice(free, start), m, between) : null;
    if (table) tables.push(table), (free = end);
    start = Math.max(end, start + 1);
  }
  const used = new Set(tables.flatMap((t) => t.segs));
  return { tables, rest: segs.filter((s) => !used.has(s)) };
}

/** Whether a line of text lies between two rows, under the one and over the other. */
function textBetween(text: readonly Seg[], a: Row, b: Row): boolean {
  const x0 = Math.min(a.bbox[0], b.bbox[0]);
  const x1 = Math.max(a.bbox[2], b.bbox[2]);
  return text.some((s) => {
    const y = midY(s.line.bbox);
    return y > a.bbox[3] && y < b.bbox[1] && s.line.bbox[0] < x1 && s.line.bbox[2] > x0;
  });
}

/** A line of running text: many words and no gap wide enough to part cells. */
function isTextLine(s: Seg, m: Metrics): boolean {
  const words = [...s.line.words].sort((a, b) => a.bbox[0] - b.bbox[0]);
  return words.length >= TEXT_LINE_WORDS && wordGaps(words).every((g) => g < cellGap(m));
}

const cellGap = wideGap;

/** A row's words split into cells where the gap is much wider than between words. */
function rowOf(segs: Seg[], m: Metrics): Row {
  const engineOrder = segs.flatMap((s) => s.line.words);
  const words = [...engineOrder].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const cells: Cell[] = [];
  for (const w of words) {
    const last = cells[cells.length - 1];
    if (last && w.bbox[0] - last.x1 < cellGap(m)) {
      last.words.push(w);
      last.x1 = Math.max(last.x1, w.bbox[2]);
    } else cells.push({ words: [w], x0: w.bbox[0], x1: w.bbox[2] });
  }
  // A cell's words in the engine's order, which is reading order in any script.
  const rank = new Map(engineOrder.map((w, i) => [w, i]));
  for (const c of cells) c.words.sort((a, b) => rank.get(a)! - rank.get(b)!);
  return { segs, cells, bbox: union(segs.map((s) => s.line.bbox)) };
}

/** The end (exclusive) of the run of aligned rows that starts at `start`. */
function runEnd(rows: readonly Row[], start: number, m: Metrics, between: (a: Row, b: Row) => boolean): number {
  if (rows[start]!.cells.length < 2) return start + 1;
  let cols = columnsOf([rows[start]!], m);
  let end = start + 1;
  while (end < rows.length) {
    const next = rows[end]!;
    const prev = rows[end - 1]!;
    if (next.cells.length < 2 || next.bbox[1] - prev.bbox[3] > 2.5 * m.lineHeight || between(prev, next)) break;
    const merged = mergeIntervals([...cols, ...next.cells.map(span)], m.wordGap / 2);
    // Only when two columns ran together need the earlier rows be looked at again.
    const joined = merged.some((mc) => cols.filter((c) => c[0] >= mc[0] && c[1] <= mc[1]).length > 1);
    const check = joined ? rows.slice(start, end + 1) : [next];
    // A row whose cell straddles two columns of the others (a title above the table)
    // does not belong to it.
    if (merged.length < 2 || check.some((r) => new Set(r.cells.map((c) => columnIndex(c, merged))).size < r.cells.length)) break;
    cols = merged;
    end++;
  }
  return end;
}

const span = (c: Cell): Interval => [c.x0, c.x1];

/** Column spans: the union of the cells' spans, so a strip between columns is white in every row. */
function columnsOf(rows: readonly Row[], m: Metrics): Interval[] {
  return mergeIntervals(rows.flatMap((r) => r.cells.map(span)), m.wordGap / 2);
}

function columnIndex(c: Cell, cols: readonly Interval[]): number {
  const mid = (c.x0 + c.x1) / 2;
  const i = cols.findIndex((col) => mid >= col[0] && mid <= col[1]);
  return i < 0 ? 0 : i;
}

/** Rows just above a table that are its header: up to three, each close over the next
 * and with cells under at least half of the columns. Their words, column by column. */
function headerAbove(above: readonly Row[], first: Row, cols: Interval[], m: Metrics, between: (a: Row, b: Row) => boolean) {
  const found: Row[] = [];
  const header = cols.map(() => [] as Word[]);
  let next = first;
  for (let i = above.length - 1; i >= 0 && found.length < MAX_HEADER_ROWS; i--) {
    const row = above[i]!;
    if (next.bbox[1] - row.bbox[3] > HEADER_GAP * m.lineHeight || between(row, next)) break;
    const cells = headerCells(row.segs.flatMap((s) => s.line.words), cellGap(m), cols);
    if (!cells) break;
    cells.forEach((ws, c) => header[c]!.unshift(...ws));
    found.push(row);
    next = row;
  }
  return { rows: found.reverse(), words: header };
}

/** The run as a table, unless it reads as text side by side or as a list's markers. */
function tableOf(run: Row[], above: readonly Row[], m: Metrics, between: (a: Row, b: Row) => boolean, depth = 0): FoundTable | null {
  const cols = columnsOf(run, m);
  // A first row that makes or merges columns that the rows under it do not (a header with
  // rules read as text, headings wider than their numbers) is read as a header above them.
  const peel = depth < MAX_HEADER_ROWS && run.length > 2 && wordy(run[0]!) && columnsOf(run.slice(1), m).length !== cols.length;
  if (peel) return tableOf(run.slice(1), [...above, run[0]!], m, between, depth + 1);
  if (cols.length < 2) return null;
  const cells = run.flatMap((r) => r.cells);
  if (median(cells.map((c) => c.words.length)) > MAX_CELL_WORDS) return null;
  const grid = run.map((r) => {
    const out = cols.map(() => [] as Word[]);
    for (const c of r.cells) out[columnIndex(c, cols)]!.push(...c.words);
    return out;
  });
  // Bullets or numbers set apart from their items are a list, not a column.
  if (cols.length === 2 && grid.every((row) => row[0]!.length === 0 || MARK_ONLY.test(cellText(row[0]!)))) return null;
  // A right-to-left table's first column is its rightmost.
  const texts = (row: Word[][]) => (m.rtl ? [...row].reverse() : row).map(cellText);
  // A header of several lines read as several rows is one row.
  const lead = headerLines(grid.map(texts));
  const rows = [texts(cols.map((_, c) => grid.slice(0, lead).flatMap((row) => row[c]!))), ...grid.slice(lead).map(texts)];
  const head = headerAbove(above, run[0]!, cols, m, between);
  const headRow = texts(head.words);
  const withHead = head.rows.length > 0 && !firstRowIsData([headRow, ...rows]);
  const header = withHead || !firstRowIsData(rows);
  // A heading over a group of columns, above the header (a merged cell of a header of two rows).
  const top = withHead ? head.rows[0]! : run[0]!;
  const rest = above.slice(0, above.length - (withHead ? head.rows.length : 0));
  const group = header ? groupAbove(rest, top, cols, m, between) : null;
  const all = [...(group ? [group.row] : []), ...(withHead ? head.rows : []), ...run];
  const segs = all.flatMap((r) => r.segs);
  const body = withHead ? [headRow, ...rows] : rows;
  const spans = group ? group.spans.map((sp) => (m.rtl ? { ...sp, col: cols.length - sp.col - sp.col_span } : sp)) : [];
  const table: Table = {
    rows: group ? [texts(group.cells), ...body] : body,
    bbox: union(segs.map((s) => s.line.bbox)),
    ...(header ? {} : { header: false }),
    ...(group ? { header_rows: 2, spans } : {}),
  };
  return { table, segs };
}

/**
 * The row just above a table's header, when it is a heading over groups of its columns:
 * close over the header (a line and a half at most) in type of the same size, words and no
 * figures, each of its cells over one column or more, one over two or more, none over the
 * first column (a title). Its cells as the table's columns, and its spans.
 */
function groupAbove(above: readonly Row[], top: Row, cols: Interval[], m: Metrics, between: (a: Row, b: Row) => boolean) {
  const row = above[above.length - 1];
  if (!row || top.bbox[1] - row.bbox[3] > 1.5 * m.lineHeight || between(row, top)) return null;
  const size = (r: Row) => median(r.segs.flatMap((s) => s.line.words.map((w) => w.bbox[3] - w.bbox[1])));
  if (size(row) > 1.25 * size(top) || size(row) < 0.75 * size(top)) return null;
  const cells = cols.map(() => [] as Word[]);
  const spans: TableSpan[] = [];
  const taken = new Set<number>();
  for (const c of row.cells) {
    if (!/\p{L}/u.test(cellText(c.words)) || /\d/.test(cellText(c.words))) return null;
    const over = cols.flatMap((col, i) => (c.x0 < col[1] && c.x1 > col[0] ? [i] : []));
    if (!over.length || over.some((i) => taken.has(i))) return null;
    for (const i of over) taken.add(i);
    cells[over[0]!]!.push(...c.words);
    if (over.length > 1) spans.push({ row: 0, col: over[0]!, row_span: 1, col_span: over.length });
  }
  // The first column (the rows' names; the rightmost in a right-to-left table) has no group:
  // a line over it and its neighbours is a title.
  const stub = m.rtl ? cols.length - 1 : 0;
  if (!spans.length || spans.some((sp) => stub >= sp.col && stub < sp.col + sp.col_span)) return null;
  return { row, cells, spans };
}

/** More letters than digits: headings, not figures. */
function wordy(row: Row): boolean {
  const text = row.segs.map((s) => s.line.text).join(' ');
  return (text.match(/\p{L}/gu)?.length ?? 0) > (text.match(/\p{N}/gu)?.length ?? 0);
}

function cellText(words: readonly Word[]): string {
  return joinWords(words.map((w) => w.text));
}
