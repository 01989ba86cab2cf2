// A page as a reader sees it: headings, paragraphs, lists and tables in reading order.
// Markdown and DOCX are both written from this, so they agree with each other.
import type { BBox, Block, Page, Table, TableSpan } from '../shared/contract';
import { area, clean, overlap } from './text';

export type Section =
  | { kind: 'heading'; level: number; text: string }
  /** `kept`: each line is a line of its own (a receipt, an address), not reflowed */
  | { kind: 'paragraph'; lines: string[]; caption?: boolean; kept?: boolean }
  /** `markers`: each item's marker as the page shows it ("3.", "a)", "(2)", "•"), "" for none */
  | { kind: 'list'; ordered: boolean; start: number; items: string[]; markers: string[] }
  /** `header`: the first row is the table's header, `headerRows` of them (0 without
   * one); `spans`: its merged cells, whose text stands in their first cell, the cells
   * they cover being "" */
  | { kind: 'table'; rows: string[][]; header: boolean; headerRows: number; spans: TableSpan[] };

const BULLET = /^\s*[-*+•·‣◦▪▫■□●○–—]\s+/;
const NUMBER = /^\s*\(?(\d{1,3})[.)]\s+/;
const LETTER = /^\s*\(?([a-zA-Z])[.)]\s+/;

function blockLines(block: Block): string[] {
  const lines = block.lines?.length ? block.lines.map((l) => l.text) : block.text.split('\n');
  return lines.map((l) => clean(l).trim()).filter((l) => l.length > 0);
}

/** A list block's items: a line with a marker starts an item, a line without one continues it. */
export function listItems(lines: string[]): { ordered: boolean; start: number; items: string[]; markers: string[] } {
  const items: string[] = [];
  const markers: string[] = [];
  let ordered = false;
  let start = 1;
  for (const line of lines) {
    const num = NUMBER.exec(line) ?? LETTER.exec(line);
    const marker = num ?? BULLET.exec(line);
    if (marker || items.length === 0) {
      if (items.length === 0 && num) {
        ordered = true;
        start = /\d/.test(num[1]!) ? Number(num[1]) : num[1]!.toLowerCase().charCodeAt(0) - 96;
      }
      items.push(marker ? line.slice(marker[0].length) : line);
      markers.push(marker ? marker[0].trim() : '');
    } else {
      items[items.length - 1] += ` ${line}`;
    }
  }
  return { ordered, start, items, markers };
}

function tableRows(table: Table): string[][] {
  return tableGrid(table).rows;
}

/** The table's rows, each as wide as the widest, without the wholly empty ones, and its
 * merged cells and header rows counted among the rows kept. */
function tableGrid(table: Table): { rows: string[][]; spans: TableSpan[]; headerRows: number } {
  const rows = table.rows.map((r) => r.map((c) => clean(c).replace(/\s+/g, ' ').trim()));
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const kept = rows.map((r) => r.some((c) => c));
  const before = (i: number) => kept.slice(0, i).filter(Boolean).length;
  const spans = (table.spans ?? [])
    .filter((s) => kept[s.row] && s.col < cols)
    .map((s) => ({ row: before(s.row), col: s.col, row_span: Math.max(1, kept.slice(s.row, s.row + s.row_span).filter(Boolean).length), col_span: Math.min(s.col_span, cols - s.col) }))
    .filter((s) => s.row_span > 1 || s.col_span > 1);
  const header = table.header === false ? 0 : Math.max(1, table.header_rows ?? 1);
  return {
    rows: rows.filter((_, i) => kept[i]).map((r) => [...r, ...Array<string>(cols - r.length).fill('')]),
    spans,
    headerRows: header && Math.max(1, before(header)),
  };
}

function tableSection(table: Table): Section {
  const { rows, spans, headerRows } = tableGrid(table);
  return { kind: 'table', rows, header: table.header !== false, headerRows, spans };
}

function blockSection(block: Block): Section | null {
  const lines = blockLines(block);
  if (lines.length === 0) return null;
  switch (block.kind) {
    case 'heading':
      return { kind: 'heading', level: Math.min(6, Math.max(1, Math.round(block.level ?? 1))), text: lines.join(' ') };
    case 'list':
      return { kind: 'list', ...listItems(lines) };
    case 'caption':
      return { kind: 'paragraph', lines, caption: true };
    default:
      return { kind: 'paragraph', lines, ...(block.keep_lines && lines.length > 1 ? { kept: true } : {}) };
  }
}

/**
 * The table a block belongs to: most of the block lies inside it, and most of its words are
 * the table's cells not yet taken by the blocks before it. A block that only overlaps a
 * table's box (footnotes under it, a column beside it, a total printed again below it)
 * keeps its own place: leaving it out would drop its words from the export.
 */
function tableOf(block: Block, tables: Table[], cellWords: Map<string, number>[]): number {
  const a = area(block.bbox);
  const lines = blockLines(block);
  const t = tables.findIndex((t, i) => (a > 0 ? overlap(block.bbox, t.bbox) / a > 0.5 : inside(block.bbox, t.bbox)) && mostlyIn(lines, cellWords[i]!) !== null);
  if (t >= 0) cellWords[t] = mostlyIn(lines, cellWords[t]!)!;
  return t;
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

function countWords(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of texts.flatMap(wordsOf)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Whether at least 80% of these lines' words are among the cells: then the cells left
 * after them, else null. */
function mostlyIn(lines: string[], cells: Map<string, number>): Map<string, number> | null {
  const words = lines.flatMap(wordsOf);
  if (words.length === 0) return cells;
  const left = new Map(cells);
  let found = 0;
  for (const w of words) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      found++;
      left.set(w, n - 1);
    }
  }
  return found >= 0.8 * words.length ? left : null;
}

function inside(b: BBox, t: BBox): boolean {
  return b[0] >= t[0] && b[1] >= t[1] && b[2] <= t[2] && b[3] <= t[3];
}

/** The page's sections. A table stands where its first block stood; a table no block
 * lies in goes before the first block below its top. */
export function pageSections(page: Page): Section[] {
  const tables = page.tables.filter((t) => t.rows.some((r) => r.some((c) => c.trim())));
  const placed = new Set<number>();
  const out: { top: number; section: Section }[] = [];
  const cellWords = tables.map((t) => countWords(tableRows(t).flat()));
  for (const block of page.blocks) {
    const t = tableOf(block, tables, cellWords);
    if (t >= 0) {
      if (!placed.has(t)) out.push({ top: tables[t]!.bbox[1], section: tableSection(tables[t]!) });
      placed.add(t);
      continue;
    }
    const section = blockSection(block);
    if (section) out.push({ top: block.bbox[1], section });
  }
  tables.forEach((table, t) => {
    if (placed.has(t)) return;
    const at = out.findIndex((o) => o.top > table.bbox[1]);
    const entry = { top: table.bbox[1], section: tableSection(table) };
    out.splice(at < 0 ? out.length : at, 0, entry);
  });
  if (out.length === 0 && page.text.trim()) {
    // No layout: paragraphs are the blank-line-separated runs of the page's text.
    for (const para of clean(page.text).split(/\n\s*\n/)) {
      const lines = para.split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.length) out.push({ top: 0, section: { kind: 'paragraph', lines } });
    }
  }
  return out.map((o) => o.section);
}
