// A page read by two workers at once (src/engines/cpu/split.ts): where it is cut, whether its
// halves would be made black and white as the page is, and its paragraphs put back together.
import { describe, expect, it } from 'vitest';
import type { EngineBlock } from '../../../src/shared/engine';
import type { BBox } from '../../../src/shared/contract';
import { cutRow, halvesThresholdAlike, joinHalves, shiftBlocks, SPLIT_START_PIXELS, twoWorkersFor } from '../../../src/engines/cpu/split';

/** A white page with black text rows (each `row` tall) at the given tops. */
function page(width: number, height: number, tops: number[], row = 20, ink = 0, paper = 255): Uint8Array {
  const g = new Uint8Array(width * height).fill(paper);
  for (const top of tops) for (let y = top; y < top + row; y++) for (let x = 100; x < width - 100; x += 3) g[y * width + x] = ink;
  return g;
}

/** Rows every `pitch` pixels from `from` to `to`. */
const rows = (from: number, to: number, pitch = 36) => Array.from({ length: Math.floor((to - from) / pitch) }, (_, i) => from + i * pitch);

describe('where a page is cut in two', () => {
  it('in the paragraph gap nearest the middle, never through a line', () => {
    // lines 16 px apart, paragraphs 60 px apart: one paragraph break at 640, one at 1000
    const tops = [...rows(100, 640), ...rows(700, 1000), ...rows(1060, 1400)];
    const g = page(1000, 1500, tops);
    const cut = cutRow(g, 1000, 1500)!;
    expect(cut).toBeGreaterThan(640 - 60 + 20);
    expect(cut).toBeLessThan(700);
    for (const t of tops) expect(cut < t || cut >= t + 20).toBe(true);
  });

  it('between two lines near the middle when no paragraph gap is there', () => {
    const g = page(1000, 1500, rows(100, 1400));
    const cut = cutRow(g, 1000, 1500)!;
    expect(Math.abs(cut - 750)).toBeLessThan(40);
    for (const t of rows(100, 1400)) expect(cut < t || cut >= t + 20).toBe(true);
  });

  it('nowhere on a page whose middle has no blank row across it (a ruled table, a form\'s boxes) or with few lines', () => {
    const g = page(1000, 1500, rows(100, 1400));
    for (let y = 300; y < 1200; y++) for (let x = 500; x < 504; x++) g[y * 1000 + x] = 0;
    expect(cutRow(g, 1000, 1500)).toBeNull();
    expect(cutRow(page(1000, 1500, [700, 740, 780]), 1000, 1500)).toBeNull();
  });

  it('a dark edge of the scan at the page\'s side does not stop the cut', () => {
    const g = page(1000, 1500, rows(100, 1400));
    for (let y = 0; y < 1500; y++) for (let x = 0; x < 12; x++) g[y * 1000 + x] = 20;
    expect(cutRow(g, 1000, 1500)).not.toBeNull();
  });
});

describe('the halves made black and white as the page is', () => {
  it('alike where both halves are printed alike; not where one half is fainter', () => {
    const even = page(400, 800, rows(20, 780), 20, 40, 220);
    const alike = halvesThresholdAlike(even, 400, 800, 400);
    expect(alike.alike).toBe(true);
    // the page's threshold parts its ink from its paper
    expect(alike.page).toBeGreaterThan(40);
    expect(alike.page).toBeLessThanOrEqual(220);
    const faint = page(400, 800, rows(20, 780), 20, 40, 220);
    // the lower half faded: its ink grey, its paper darker
    for (let i = 400 * 400; i < faint.length; i++) faint[i] = faint[i] === 40 ? 150 : 200;
    const t = halvesThresholdAlike(faint, 400, 800, 400);
    expect(t.alike).toBe(false);
    expect(t.lower).not.toBe(t.page);
  });
});

const box = (x0: number, y0: number, x1: number, y1: number): BBox => [x0, y0, x1, y1];
/** A paragraph of lines 20 px tall, `gap` apart, from `top` in the column x0..x1. */
function paragraph(x0: number, x1: number, top: number, lines: number, gap = 10, word = 'word'): EngineBlock {
  const ls = Array.from({ length: lines }, (_, i) => {
    const y = top + i * (20 + gap);
    return { text: `${word} ${i}`, bbox: box(x0, y, x1, y + 20), confidence: 0.9, words: [{ text: word, bbox: box(x0, y, x0 + 60, y + 20), confidence: 0.9 }, { text: String(i), bbox: box(x0 + 70, y, x0 + 90, y + 20), confidence: 0.9 }] };
  });
  return { bbox: box(x0, top, x1, ls[ls.length - 1]!.bbox[3]), confidence: 0.9, lines: ls };
}

describe('the halves\' paragraphs put back on the page', () => {
  it('the lower half\'s boxes are moved down by the cut', () => {
    const [b] = shiftBlocks([paragraph(100, 800, 10, 2)], 500);
    expect(b!.bbox[1]).toBe(510);
    expect(b!.lines[1]!.bbox[1]).toBe(540);
    expect(b!.lines[1]!.words[0]!.bbox).toEqual([100, 540, 160, 560]);
  });

  it('a paragraph the cut ran through is one block again; one after a paragraph gap stays apart', () => {
    // upper: a paragraph whose last line ends at 480; cut at 485; lower: its next line at 490,
    // as far below as its lines are apart; then, after a paragraph's gap, another paragraph
    const upper = [paragraph(100, 800, 100, 3), paragraph(100, 800, 400, 3)];
    const lower = [paragraph(100, 800, 5, 2), paragraph(100, 800, 120, 2)];
    const joined = joinHalves(upper, lower, 485);
    expect(joined).toHaveLength(3);
    expect(joined[1]!.lines).toHaveLength(5);
    expect(joined[1]!.bbox).toEqual([100, 400, 800, 485 + 5 + 50]);
    expect(joined[2]!.bbox[1]).toBe(485 + 120);
  });

  it('two columns: each column\'s paragraph is joined to its own continuation', () => {
    const upper = [paragraph(100, 480, 400, 3, 10, 'left'), paragraph(520, 900, 400, 3, 10, 'right')];
    const lower = [paragraph(520, 900, 5, 2, 10, 'right'), paragraph(100, 480, 5, 2, 10, 'left')];
    const joined = joinHalves(upper, lower, 485);
    expect(joined).toHaveLength(2);
    expect(joined[0]!.lines.every((l) => l.text.startsWith('left'))).toBe(true);
    expect(joined[1]!.lines.every((l) => l.text.startsWith('right'))).toBe(true);
    expect(joined[0]!.lines).toHaveLength(5);
  });
});

describe('when a page is read by two workers', () => {
  it('two free workers of its languages; or one and room to start another, on a large page only', () => {
    expect(twoWorkersFor({ ready: 2, room: 0 }, 1_500_000)).toBe(true);
    expect(twoWorkersFor({ ready: 1, room: 1 }, 1_500_000)).toBe(false);
    expect(twoWorkersFor({ ready: 1, room: 1 }, SPLIT_START_PIXELS)).toBe(true);
    expect(twoWorkersFor({ ready: 0, room: 2 }, SPLIT_START_PIXELS)).toBe(true);
    expect(twoWorkersFor({ ready: 1, room: 0 }, 14_000_000)).toBe(false);
  });
});
