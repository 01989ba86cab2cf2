// From an engine's blocks, lines and words to the contract's Page: blocks in reading
// order, each with its kind, the tables found, the text, the Markdown and a confidence.
import type { Block, Line, Page, Table, Word } from '../shared/contract';
import type { EngineLine, EnginePage } from '../shared/engine';
import { type Seg, core, lineOf, midY, union, weightedConfidence, yOverlapShare } from './geometry';
import { type Metrics, pageMetrics } from './metrics';
import { keepsLines, lineByLine } from './breaks';
import { classify } from './kind';
import { joinPieces } from './pieces';
import { pageMarkdown } from './markdown';
import { readingRegions } from './order';
import { findTables } from './table';
import { ruledTables } from './ruled';
import { textLayerRanks } from './text-order';
import { detectedBlocks } from './detected-lines';
import { LEVEL_SLOPE, levelPage, slopeOf, unlevelPage } from './level';

export interface LayoutOptions {
  /** a table is taken from this many rows (the extract-tables tool asks for 2); 3 otherwise */
  minTableRows?: number;
}

/** A block before its kind is known: the lines of one engine paragraph within one region,
 * or a table. */
interface Draft {
  lines: Line[];
  /** the engine's order of its first line */
  order: number;
  /** the engine block, when the draft holds all of it unchanged */
  whole?: { confidence: number };
  table?: Table;
  /** the x extent of the region (column) it stands in */
  frame: [number, number];
  /** a ruled table's engine blocks (its lines are new, made cell by cell) */
  blocks?: number[];
}

export function layoutPage(found: EnginePage, index: number, opts: LayoutOptions = {}): Page {
  // A page at a slant (its detector lines say so) is laid out level, and its boxes put back.
  const slope = slopeOf(found);
  if (Math.abs(slope) < LEVEL_SLOPE) return layoutLevel(found, index, opts);
  return unlevelPage(layoutLevel(levelPage(found, slope), index, opts), slope, found.width, found.height);
}

function layoutLevel(found: EnginePage, index: number, opts: LayoutOptions): Page {
  // Lines an engine found without grouping them (the vlm engine's) become paragraph blocks first.
  const page: EnginePage = found.lines?.length ? { ...found, blocks: [...found.blocks, ...detectedBlocks(found.lines, found.width, found.height)], lines: undefined } : found;
  if (page.blocks.length && page.blocks.every((b) => b.structure)) return structuredPage(page, index);
  const all = flatten(page);
  const m = pageMetrics(all);
  const minRows = opts.minTableRows ?? 3;
  // Tables drawn by ruling lines first: their cells are the rules'; the rest is laid out as usual.
  const ruled = m.vertical || !page.rules?.length ? { tables: [], rest: all } : ruledTables(all, page.rules, m);
  const segs = ruled.rest;
  const ruledDrafts = ruled.tables.map((t): Draft => ({
    lines: t.segs.map((s) => s.line),
    order: Math.min(...t.segs.map((s) => s.order)),
    table: t.table,
    frame: [t.table.bbox[0], t.table.bbox[2]],
    blocks: [...new Set(t.segs.map((s) => s.block))],
  }));
  // Vertical writing is left in the engine's order: the geometry below assumes rows.
  const regions = !segs.length ? [] : m.vertical ? [segs] : readingRegions(segs, m);
  let drafts = regions.flatMap((region) => regionDrafts(region, m, m.vertical ? Infinity : minRows, page, ruled.tables.map((t) => t.table)));
  for (const d of ruledDrafts) {
    const at = drafts.findIndex((o) => union(o.lines.map((l) => l.bbox))[1] > d.table!.bbox[1]);
    drafts.splice(at < 0 ? drafts.length : at, 0, d);
  }
  if (page.source === 'pdf-text' && !m.vertical && !m.rtl) drafts = inTextLayerOrder(drafts, segs, page);
  const blocks = toBlocks(drafts, m);
  const tableOf = new Map(blocks.flatMap((b, i) => (drafts[i]!.table ? [[b, drafts[i]!.table!] as const] : [])));
  return pageOf(page, index, blocks, tableOf);
}

/** The contract's page from its blocks in reading order and the table behind each table block. */
function pageOf(page: EnginePage, index: number, blocks: Block[], tableOf: ReadonlyMap<Block, Table>): Page {
  return {
    index,
    width: page.width,
    height: page.height,
    text: blocks.map((b) => b.text).join('\n\n'),
    markdown: pageMarkdown(blocks, (b) => tableOf.get(b)),
    blocks,
    tables: [...tableOf.values()],
    confidence: weightedConfidence(blocks),
    source: page.source,
    ...(page.rotation !== undefined ? { rotation: page.rotation } : {}),
    ...(page.detectedLanguage ? { language: page.detectedLanguage } : {}),
  };
}

/** A page whose engine said what each block is (a page model): its blocks, order and tables as given. */
function structuredPage(page: EnginePage, index: number): Page {
  const tableOf = new Map<Block, Table>();
  const blocks = page.blocks.flatMap((b): Block[] => {
    const lines = b.lines.map(cleanLine).filter((l): l is Line => l !== null);
    if (!lines.length) return [];
    const { kind, level, rows } = b.structure!;
    const block: Block = {
      text: rows ? rows.map((r) => r.join('\t')).join('\n') : lines.map((l) => l.text).join('\n'),
      bbox: b.bbox,
      confidence: b.confidence,
      kind,
      ...(kind === 'heading' ? { level: level ?? 1 } : {}),
      lines,
    };
    if (rows) tableOf.set(block, { rows, bbox: b.bbox });
    return [block];
  });
  return pageOf(page, index, blocks, tableOf);
}

/** Every line with words, tagged with its engine block; blank words and lines dropped. */
function flatten(page: EnginePage): Seg[] {
  const lines = page.blocks.flatMap((b, block) => b.lines.map((l) => ({ l, block })));
  return lines.flatMap(({ l, block }, order) => {
    const line = cleanLine(l);
    return line ? [{ line, block, order }] : [];
  });
}

function cleanLine(l: EngineLine): Line | null {
  const words = l.words.filter((w) => w.text.trim());
  if (words.length === 0) {
    // An engine that gives no word boxes: the line stands for its one word.
    return l.text.trim() && l.words.length === 0 ? { ...l, text: l.text.trim(), words: [{ text: l.text.trim(), bbox: l.bbox, confidence: l.confidence }] } : null;
  }
  if (words.length === l.words.length && l.text.trim()) return { ...l, words };
  return lineOf(words);
}

/** A region's tables and paragraphs, ordered top to bottom (left to right on one row). */
function regionDrafts(region: Seg[], m: Metrics, minRows: number, page: EnginePage, ruled: readonly Table[] = []): Draft[] {
  const found = findTables(region, m, minRows);
  const tables = found.tables;
  const rest = m.vertical ? found.rest : joinPieces(found.rest, m);
  const first = (segs: Seg[]) => Math.min(...segs.map((s) => s.order));
  const frame: [number, number] = [Math.min(...region.map((s) => s.line.bbox[0])), Math.max(...region.map((s) => s.line.bbox[2]))];
  const drafts: Draft[] = tables.map((t) => ({ lines: t.segs.map((s) => s.line), order: first(t.segs), table: t.table, frame }));
  for (const group of paragraphs(rest, [...tables.map((t) => t.table), ...ruled])) {
    const source = page.blocks[group[0]!.block]!;
    const own = new Set(source.lines.map((l) => l.bbox));
    const whole = group.length === source.lines.length && group.every((s) => own.has(s.line.bbox));
    drafts.push({ lines: group.map((s) => s.line), order: first(group), frame, ...(whole ? { whole: { confidence: source.confidence } } : {}) });
  }
  return m.vertical ? drafts.sort((a, b) => a.order - b.order) : byRows(drafts, m.rtl);
}

/** Lines of the same engine block stay together, in the engine's order, unless a table
 * stands between them. */
function paragraphs(segs: readonly Seg[], tables: readonly Table[]): Seg[][] {
  const byBlock = new Map<number, Seg[]>();
  for (const s of segs) {
    const group = byBlock.get(s.block);
    if (group) group.push(s);
    else byBlock.set(s.block, [s]);
  }
  const out: Seg[][] = [];
  for (const group of byBlock.values()) {
    group.sort((a, b) => a.order - b.order || a.line.bbox[0] - b.line.bbox[0]);
    let current: Seg[] = [];
    for (const s of group) {
      const prev = current[current.length - 1];
      const cut = prev && tables.some((t) => midY(t.bbox) > prev.line.bbox[3] && midY(t.bbox) < s.line.bbox[1]);
      if (cut) out.push(current), (current = []);
      current.push(s);
    }
    out.push(current);
  }
  return out;
}

/** Top to bottom; drafts whose first lines share a row go left to right (or right to
 * left in a right-to-left script). */
function byRows(drafts: Draft[], rtl: boolean): Draft[] {
  const top = (d: Draft) => core(d.lines[0]!);
  const along = (a: Draft, b: Draft) => (rtl ? top(b)[2] - top(a)[2] : top(a)[0] - top(b)[0]);
  const sorted = [...drafts].sort((a, b) => top(a)[1] - top(b)[1]);
  const rows: Draft[][] = [];
  for (const d of sorted) {
    const row = rows[rows.length - 1];
    if (row && yOverlapShare(top(row[0]!), top(d)) > 0.5) row.push(d);
    else rows.push([d]);
  }
  return rows.flatMap((r) => r.sort(along));
}

/** A text layer's blocks in the order pdftotext reads them (see text-order.ts); the
 * regions, tables and paragraphs found above stay as they are. */
function inTextLayerOrder(drafts: Draft[], segs: readonly Seg[], page: EnginePage): Draft[] {
  const ranks = textLayerRanks(page.blocks.map((b) => b.bbox));
  const blockOf = new Map(segs.map((s) => [s.line, s.block]));
  const rank = (d: Draft) => Math.min(...(d.blocks ?? d.lines.map((l) => blockOf.get(l) ?? -1)).map((b) => ranks[b] ?? Infinity));
  const keyed = drafts.map((d, i) => ({ d, r: rank(d), i }));
  return keyed.sort((a, b) => a.r - b.r || a.i - b.i).map((k) => k.d);
}

function toBlocks(drafts: readonly Draft[], m: Metrics): Block[] {
  const prose = drafts.filter((d) => !d.table);
  const tableBoxes = drafts.flatMap((d) => (d.table ? [d.table.bbox] : []));
  const kinds = new Map(classify(prose.map((d) => d.lines), m, tableBoxes).map((k, i) => [prose[i]!, k]));
  const allKept = lineByLine(prose, m);
  return drafts.map((d): Block => {
    const text = d.table ? d.table.rows.map((r) => r.join('\t')).join('\n') : d.lines.map((l) => l.text).join('\n');
    const kind = kinds.get(d) ?? { kind: 'table' as const };
    const keep = kind.kind === 'paragraph' && d.lines.length > 1 && (allKept || keepsLines(d, m));
    return {
      text,
      bbox: d.table?.bbox ?? union(d.lines.map((l) => l.bbox)),
      confidence: d.whole?.confidence ?? weightedConfidence(d.lines),
      ...kind,
      ...(keep ? { keep_lines: true } : {}),
      lines: d.lines,
    };
  });
}

/** The job's text, Markdown and confidence from its pages. */
export function joinPages(pages: readonly Page[]): { text: string; markdown: string; mean_confidence: number } {
  return {
    text: pages.map((p) => p.text).join('\n\n'),
    markdown: pages.map((p) => p.markdown).join('\n\n---\n\n'),
    mean_confidence: weightedConfidence(pages.flatMap((p) => p.blocks)),
  };
}

/** Every word of a page in reading order (for text layers and word-level exports). */
export function wordsOf(page: Page): Word[] {
  return page.blocks.flatMap((b) => (b.lines ?? []).flatMap((l) => l.words));
}
