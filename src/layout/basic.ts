// A stand-in layout (blocks in the engine's order, text and plain Markdown) used until the
// full layout module lands.
import type { Block, Line, Page, Word } from '../contract';
import type { EnginePage } from '../engines/types';

export function layoutPage(p: EnginePage, index: number, _opts: { tool?: string } = {}): Page {
  const blocks: Block[] = p.blocks.map((b) => ({
    text: b.lines.map((l) => l.text).join('\n'),
    bbox: b.bbox,
    confidence: b.confidence,
    kind: 'paragraph',
    lines: b.lines,
  }));
  const text = blocks.map((b) => b.text).join('\n\n');
  return { index, width: p.width, height: p.height, text, markdown: text, blocks, tables: [], confidence: weighted(blocks), source: p.source };
}

function weighted(blocks: Block[]): number {
  const n = blocks.reduce((s, b) => s + b.text.length, 0);
  return n ? blocks.reduce((s, b) => s + b.confidence * b.text.length, 0) / n : 0;
}

export function joinPages(pages: Page[]): { text: string; markdown: string; mean_confidence: number } {
  return {
    text: pages.map((p) => p.text).join('\n\n'),
    markdown: pages.map((p) => p.markdown).join('\n\n---\n\n'),
    mean_confidence: weighted(pages.flatMap((p) => p.blocks)),
  };
}

export function wordsOf(page: Page): Word[] {
  return page.blocks.flatMap((b) => (b.lines ?? ([] as Line[])).flatMap((l) => l.words));
}
