// DocTags, what granite-docling writes for a page, to the engine's blocks. Each element
// is <kind><loc_x0><loc_y0><loc_x1><loc_y1>content</kind>, locations on a 0..500 grid of
// the page; the kind says heading, paragraph, list item, caption, formula, code or table
// (OTSL: a cell tag before each cell, <nl> at each row's end). The structure is carried to
// the layout as it is (EngineBlock.structure): nothing is guessed again from geometry.
import type { BBox, BlockKind } from '../../shared/contract';
import type { EngineBlock } from '../../shared/engine';
import { wordsAlong } from '../../shared/text';

const GRID = 500;
const CELL_TAGS = new Set(['fcel', 'ecel', 'ched', 'rhed', 'srow', 'lcel', 'ucel', 'xcel']);
/** Elements that only group others: their children are read. */
const GROUPS = new Set(['doctag', 'document', 'picture', 'chart', 'ordered_list', 'unordered_list', 'form', 'key_value_region', 'group', 'inline', 'page_break']);
const PARAGRAPHS = new Set(['text', 'paragraph', 'footnote', 'page_header', 'page_footer', 'reference', 'smiles']);
/** Not text: the model's end markers and the like. */
const DROPPED = /^(end_of_utterance|\|end_of_text\||pad|fake_token_around_image|image|global-img)$/;

type Token = { tag: string; close: boolean } | { text: string };

function tokenize(doctags: string): Token[] {
  const out: Token[] = [];
  for (const m of doctags.matchAll(/<(\/?)([A-Za-z_][\w|-]*)>|[^<]+|</g)) {
    if (m[2]) out.push({ tag: m[2], close: m[1] === '/' });
    else out.push({ text: m[0] });
  }
  return out;
}

interface Element {
  tag: string;
  bbox?: BBox;
  /** text and child elements, in order */
  content: (string | Element)[];
}

/** A forgiving tree: an unclosed element ends where its parent does. */
function parse(tokens: Token[]): Element {
  const root: Element = { tag: 'doctag', content: [] };
  const stack: Element[] = [root];
  let locs: number[] = [];
  const top = () => stack[stack.length - 1]!;
  for (const t of tokens) {
    if ('text' in t) {
      top().content.push(t.text);
      continue;
    }
    const loc = /^loc_(\d+)$/.exec(t.tag);
    if (loc) {
      locs.push(Number(loc[1]));
      if (locs.length === 4) {
        const el = top();
        if (!el.bbox && el !== root) el.bbox = locs as BBox;
        locs = [];
      }
      continue;
    }
    locs = [];
    if (DROPPED.test(t.tag)) continue;
    if (t.close) {
      const at = stack.map((e) => e.tag).lastIndexOf(t.tag);
      if (at > 0) stack.length = at;
      continue;
    }
    if (CELL_TAGS.has(t.tag) || t.tag === 'nl' || t.tag.startsWith('checkbox_')) {
      top().content.push({ tag: t.tag, content: [] });
      continue;
    }
    const el: Element = { tag: t.tag, content: [] };
    top().content.push(el);
    stack.push(el);
  }
  return root;
}

const textOf = (el: Element): string =>
  el.content
    .map((c) => (typeof c === 'string' ? c : c.tag === 'checkbox_selected' ? '☑ ' : c.tag === 'checkbox_unselected' ? '☐ ' : textOf(c)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** OTSL rows: a cell tag opens a cell, <nl> ends a row; merged cells (lcel, ucel, xcel) stay empty. */
function tableRows(el: Element): { rows: string[][]; header: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let header = false;
  let cell: string[] | null = null;
  const endCell = () => {
    if (cell) row.push(cell.join('').replace(/\s+/g, ' ').trim());
    cell = null;
  };
  for (const c of el.content) {
    if (typeof c === 'string') {
      cell?.push(c);
      continue;
    }
    if (c.tag === 'nl') {
      endCell();
      if (row.length) rows.push(row);
      row = [];
    } else if (CELL_TAGS.has(c.tag)) {
      endCell();
      cell = [];
      if (c.tag === 'ched' && rows.length === 0) header = true;
    } else cell?.push(textOf(c));
  }
  endCell();
  if (row.length) rows.push(row);
  return { rows, header };
}

/**
 * The page's blocks from DocTags, in the model's reading order, boxes in pixels of a page
 * `width` × `height`; `confidence` is given to every word (the model's token probability).
 */
export function docTagsToBlocks(doctags: string, width: number, height: number, confidence: number): EngineBlock[] {
  const toPx = (b: BBox | undefined, fallback: BBox): BBox =>
    b ? [Math.round((b[0] / GRID) * width), Math.round((b[1] / GRID) * height), Math.round((b[2] / GRID) * width), Math.round((b[3] / GRID) * height)] : fallback;
  const blocks: EngineBlock[] = [];
  const whole: BBox = [0, 0, width, height];
  const add = (text: string, bbox: BBox, kind: BlockKind, extra: { level?: number; rows?: string[][] } = {}) => {
    if (!text.trim()) return;
    const lines = text.split('\n').filter((l) => l.trim());
    const h = (bbox[3] - bbox[1]) / lines.length;
    blocks.push({
      bbox,
      confidence,
      structure: { kind, ...extra },
      lines: lines.map((line, i) => {
        const box: BBox = [bbox[0], Math.round(bbox[1] + i * h), bbox[2], Math.round(bbox[1] + (i + 1) * h)];
        const words = wordsAlong(line, box, confidence).map((w) => ({ ...w, bbox: w.bbox.map(Math.round) as BBox }));
        return { text: line, bbox: box, confidence, words };
      }),
    });
  };
  const walk = (el: Element, parent: Element | null, inherited: BBox) => {
    const bbox = toPx(el.bbox, inherited);
    const heading = /^section_header_level_(\d)$/.exec(el.tag);
    if (el.tag === 'title') add(textOf(el), bbox, 'heading', { level: 1 });
    else if (heading) add(textOf(el), bbox, 'heading', { level: Math.min(3, Number(heading[1]) + 1) });
    else if (el.tag === 'caption') add(textOf(el), bbox, 'caption');
    else if (el.tag === 'list_item') {
      const n = parent?.tag === 'ordered_list' ? parent.content.filter((c) => typeof c !== 'string' && c.tag === 'list_item').indexOf(el) + 1 : 0;
      add(`${n ? `${n}. ` : ''}${textOf(el)}`, bbox, 'list');
    } else if (el.tag === 'formula') add(`$$ ${textOf(el)} $$`, bbox, 'paragraph');
    else if (el.tag === 'code') add(textOf(el), bbox, 'paragraph');
    else if (el.tag === 'otsl' || el.tag === 'table') {
      const { rows } = tableRows(el);
      add(rows.map((r) => r.join('\t')).join('\n'), bbox, 'table', { rows });
    } else if (PARAGRAPHS.has(el.tag)) add(textOf(el), bbox, 'paragraph');
    else if (GROUPS.has(el.tag) || el.content.some((c) => typeof c !== 'string')) {
      for (const c of el.content) if (typeof c !== 'string') walk(c, el, bbox);
    } else add(textOf(el), bbox, 'paragraph');
  };
  walk(parse(tokenize(doctags)), null, whole);
  return blocks;
}
