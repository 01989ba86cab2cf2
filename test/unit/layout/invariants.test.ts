import { TOOLS } from '../../../src/tools';
import { describe, expect, it } from 'vitest';
import { layoutPage, wordsOf } from '../../../src/layout';
import type { EngineBlock, EnginePage, EngineWord } from '../../../src/shared/engine';
import { block, lineOf } from './support/page';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A page of random lines: columns, tables, specks, blank words, overlapping boxes. */
function randomPage(seed: number): EnginePage {
  const r = random(seed);
  const blocks: EngineBlock[] = [];
  const nBlocks = 1 + Math.floor(r() * 12);
  for (let b = 0; b < nBlocks; b++) {
    const x = Math.floor(r() * 900);
    let y = Math.floor(r() * 1300);
    const lines = Array.from({ length: 1 + Math.floor(r() * 8) }, () => {
      let cx = x;
      const h = 8 + Math.floor(r() * 30);
      const ws: EngineWord[] = Array.from({ length: 1 + Math.floor(r() * 9) }, () => {
        const w = Math.floor(r() * 120);
        const word = { text: r() < 0.05 ? ' ' : `w${Math.floor(r() * 1000)}`, bbox: [cx, y, cx + w, y + (r() < 0.05 ? 400 : h)] as [number, number, number, number], confidence: r() };
        cx += w + Math.floor(r() * (r() < 0.2 ? 300 : 15));
        return word;
      });
      y += h + Math.floor(r() * 20);
      return lineOf(ws);
    });
    blocks.push(block(lines));
  }
  return { width: 1200, height: 1600, blocks, source: 'ocr' };
}

const key = (w: EngineWord) => `${w.text}@${w.bbox.join(',')}`;

describe('layout invariants', () => {
  it('keeps every word exactly once, whatever the page looks like', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const engine = randomPage(seed);
      for (const recipe of TOOLS.map((t) => t.recipe)) {
        const page = layoutPage(engine, 0, recipe);
        const input = engine.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)).filter((w) => w.text.trim()).map(key).sort();
        expect(wordsOf(page).map(key).sort(), `seed ${seed}`).toEqual(input);
        expect(page.confidence).toBeGreaterThanOrEqual(0);
        expect(page.confidence).toBeLessThanOrEqual(1);
        for (const t of page.tables) expect(t.rows.every((row) => row.length === t.rows[0]!.length)).toBe(true);
      }
    }
  });
});
