// Ruled tables: where the page's ruling lines draw a grid (src/shared/ruling.ts), the
// table is that grid. Each word goes to the cell its middle lies in; cells that a missing
// rule joins are one merged cell (a span); the header is the first row, and the rows under
// it that its cells reach down into (a heading over two rows of sub-headings).
import type { BBox, Table, TableSpan, Word } from '../shared/contract';
import { type RuledGrid, type Rule, ruledGrids } from '../shared/ruling';
import { joinWords } from '../shared/text';
import { type Seg, lineOf, median, midY } from './geometry';
import type { Metrics } from './metrics';
import type { FoundTable } from './table';
import { firstRowIsData } from './table-header';

/** What an engine reads a vertical rule as. */
const RULE_TEXT = /^[|¦‖[\]!]+$/;
/** At most this many rows make the header. */
const MAX_HEADER_ROWS = 3;

/** The tables that the rules draw over the region's lines; the words outside them are left. */
export function ruledTables(segs: readonly Seg[], rules: readonly Rule[], m: Metrics): { tables: FoundTable[]; rest: Seg[] } {
  if (!rules.length || !segs.length) return { tables: [], rest: [...segs] };
  const grids = ruledGrids(rules, 0.6 * m.lineHeight).filter((g) => holdsWords(g, segs));
  if (!grids.length) return { tables: [], rest: [...segs] };
  const inside = (w: Word, g: RuledGrid) => within(mid(w.bbox), g.bbox);
  const tables: FoundTable[] = [];
  const taken = new Set<Word>();
  for (const g of grids) {
    const words = segs.flatMap((s) => s.line.words.map((w) => ({ w, s }))).filter(({ w }) => !taken.has(w) && inside(w, g));
    for (const { w } of words) taken.add(w);
    const table = tableOf(g, words, m, rules);
    if (table) tables.push(table);
  }
  // Lines partly in a table keep their other words.
  const rest = segs.flatMap((s): Seg[] => {
    const left = s.line.words.filter((w) => !taken.has(w));
    if (left.length === s.line.words.length) return [s];
    return left.length ? [{ ...s, line: lineOf(left) }] : [];
  });
  return { tables, rest };
}

/**
 * A cell's lines as one text: joined with a space, but a line that ends in a hyphen goes on
 * with the next without one ("Apache-" / "2.0" is "Apache-2.0"; the hyphen stays: in a narrow
 * cell it is as often the word's own as the line's).
 */
export function joinCellLines(lines: string[]): string {
  return lines.reduce((out, l) => (!out ? l : /\p{L}-$/u.test(out) && /^[\p{L}\p{N}]/u.test(l) ? out + l : `${out} ${l}`), '');
}

const mid = (b: BBox): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const within = (p: [number, number], b: BBox) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/**
 * A grid is a table when its words fill two cells of one row and two cells of one column (a
 * box drawn round a paragraph is not, nor two amounts in the corners of a receipt's boxes).
 */
function holdsWords(g: RuledGrid, segs: readonly Seg[]): boolean {
  const filled = new Set<number>();
  for (const s of segs) for (const w of s.line.words) {
    const p = mid(w.bbox);
    const i = g.cells.findIndex((c) => within(p, c.bbox));
    if (i >= 0 && !RULE_TEXT.test(w.text)) filled.add(i);
  }
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (const i of filled) {
    const c = g.cells[i]!;
    rows.set(c.row, (rows.get(c.row) ?? 0) + 1);
    cols.set(c.col, (cols.get(c.col) ?? 0) + 1);
  }
  return [...rows.values()].some((n) => n >= 2) && [...cols.values()].some((n) => n >= 2);
}

/** Whether a word is a rule read as a letter: all bars, lying on a vertical rule. */
function isRuleText(w: Word, rules: readonly Rule[]): boolean {
  if (!RULE_TEXT.test(w.text)) return false;
  return rules.some((r) => r[3] - r[1] > r[2] - r[0] && r[0] <= w.bbox[2] && r[2] >= w.bbox[0] && r[1] <= w.bbox[3] && r[3] >= w.bbox[1]);
}

function tableOf(g: RuledGrid, found: { w: Word; s: Seg }[], m: Metrics, rules: readonly Rule[]): FoundTable | null {
  const kept = found.filter(({ w }) => !isRuleText(w, rules));
  const byCell = g.cells.map(() => [] as { w: Word; s: Seg }[]);
  for (const f of kept) {
    const p = mid(f.w.bbox);
    let i = g.cells.findIndex((c) => within(p, c.bbox));
    // A word on a rule (its middle just outside every cell) goes to the nearest.
    if (i < 0) i = nearest(g, p);
    byCell[i]!.push(f);
  }
  // Rows and columns too thin to hold a line of text, and empty (the space between a
  // double rule), are no rows or columns.
  const thin = 0.8 * m.lineHeight;
  const emptyRow = (r: number) => g.cells.every((c, i) => byCell[i]!.length === 0 || r < c.row || r >= c.row + c.row_span);
  const emptyCol = (k: number) => g.cells.every((c, i) => byCell[i]!.length === 0 || k < c.col || k >= c.col + c.col_span);
  const rowsKept = g.ys.slice(1).map((y, r) => !(y - g.ys[r]! < thin && emptyRow(r)));
  const colsKept = g.xs.slice(1).map((x, k) => !(x - g.xs[k]! < thin && emptyCol(k)));
  const rowIndex = renumber(rowsKept);
  const colIndex = renumber(colsKept);
  const nRows = rowsKept.filter(Boolean).length;
  const nCols = colsKept.filter(Boolean).length;
  if (nRows < 1 || nCols < 2) return null;
  const rows = Array.from({ length: nRows }, () => Array<string>(nCols).fill(''));
  const spans: TableSpan[] = [];
  const lines: Seg[] = [];
  g.cells.forEach((c, i) => {
    const rr = range(c.row, c.row_span, rowsKept, rowIndex);
    const cc = range(c.col, c.col_span, colsKept, colIndex);
    if (!rr || !cc) return;
    const cellLines = linesOf(byCell[i]!.map((f) => f.w), m);
    rows[rr[0]]![cc[0]] = joinCellLines(cellLines.map((ws) => joinWords(ws.map((w) => w.text))));
    if (rr[1] > 1 || cc[1] > 1) spans.push({ row: rr[0], col: cc[0], row_span: rr[1], col_span: cc[1] });
    for (const ws of cellLines) {
      const from = byCell[i]!.filter((f) => ws.includes(f.w)).map((f) => f.s);
      lines.push({ line: lineOf(ws), block: from[0]!.block, order: Math.min(...from.map((s) => s.order)) });
    }
  });
  if (!lines.length) return null;
  spans.sort((a, b) => a.row - b.row || a.col - b.col);
  if (m.rtl) {
    for (const row of rows) row.reverse();
    for (const s of spans) s.col = nCols - s.col - s.col_span;
  }
  const headerRows = headerRowsOf(rows, spans);
  const table: Table = {
    rows,
    bbox: g.bbox.map(Math.round) as BBox,
    ...(headerRows === 0 ? { header: false } : headerRows > 1 ? { header_rows: headerRows } : {}),
    ...(spans.length ? { spans } : {}),
  };
  return { table, segs: lines };
}

/** The index of the nearest cell to a point. */
function nearest(g: RuledGrid, p: [number, number]): number {
  let best = 0;
  let dist = Infinity;
  g.cells.forEach((c, i) => {
    const dx = Math.max(c.bbox[0] - p[0], 0, p[0] - c.bbox[2]);
    const dy = Math.max(c.bbox[1] - p[1], 0, p[1] - c.bbox[3]);
    if (dx + dy < dist) (dist = dx + dy), (best = i);
  });
  return best;
}

function renumber(kept: boolean[]): number[] {
  let n = 0;
  return kept.map((k) => (k ? n++ : -1));
}

/** A span of grid rows (or columns) as [first, count] among those kept; null when none is kept. */
function range(first: number, span: number, kept: boolean[], index: number[]): [number, number] | null {
  const ks = Array.from({ length: span }, (_, i) => first + i).filter((i) => kept[i]);
  return ks.length ? [index[ks[0]!]!, ks.length] : null;
}

/** A cell's words as lines, top to bottom, each left to right (right to left in such a script). */
function linesOf(words: Word[], m: Metrics): Word[][] {
  const sorted = [...words].sort((a, b) => midY(a.bbox) - midY(b.bbox));
  const out: Word[][] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    const h = last ? median(last.map((x) => x.bbox[3] - x.bbox[1])) : 0;
    if (last && Math.abs(midY(w.bbox) - median(last.map((x) => midY(x.bbox)))) < Math.max(h, w.bbox[3] - w.bbox[1]) / 2) last.push(w);
    else out.push([w]);
  }
  return out.map((l) => l.sort((a, b) => (m.rtl ? b.bbox[0] - a.bbox[0] : a.bbox[0] - b.bbox[0])));
}

/**
 * How many of the first rows are the header: none when the first row reads as data (a
 * number where the rows under it hold numbers); else the first row, and each row under it
 * that a header cell reaches down into, or that stands under a header cell spanning
 * columns (a heading over its sub-headings), while that row is no data row itself.
 */
export function headerRowsOf(rows: readonly string[][], spans: readonly TableSpan[]): number {
  if (rows.length < 2 || firstRowIsData(rows)) return rows.length < 2 ? 1 : 0;
  let n = 1;
  for (;;) {
    if (n >= Math.min(MAX_HEADER_ROWS, rows.length - 1)) break;
    const down = Math.max(n, ...spans.filter((s) => s.row < n).map((s) => s.row + s.row_span));
    const grouped = spans.some((s) => s.row === n - 1 && s.col_span > 1);
    const next = down > n ? down : grouped ? n + 1 : n;
    if (next === n || next >= rows.length || firstRowIsData(rows.slice(n))) break;
    n = Math.min(next, MAX_HEADER_ROWS);
  }
  return n;
}
