import { describe, expect, it } from 'vitest';
import { darkest, printAndPaper, restoredPage, scaledBlocks } from '../../../src/engines/cpu/restore';
import { otsu } from '../../../src/shared/pixels';

/** A page of `paper` grey with bars of print `ink` across its middle (rows of "letters"), and, with `edge`, black strips down both sides (a scanner's bed). */
function page(width: number, height: number, paper: number, ink: number, edge = 0): Uint8Array {
  const g = new Uint8Array(width * height).fill(paper);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / 20);
    const inText = y % 20 < 10 && row % 2 === 1 && y > height * 0.15 && y < height * 0.85;
    for (let x = 0; x < width; x++) {
      if (x < edge || x >= width - edge) g[y * width + x] = 5;
      else if (inText && x > width * 0.2 && x < width * 0.8 && x % 8 < 3) g[y * width + x] = ink;
    }
  }
  return g;
}

describe('printAndPaper: the levels of print and paper inside the page', () => {
  it('passes over a scanner bed\'s black edges, which draw the page\'s Otsu threshold below faint print', () => {
    const g = page(400, 600, 242, 185, 30);
    // the trap: Otsu's threshold of the whole page lies below the print, which goes white
    expect(otsu(g)).toBeLessThan(185);
    const { ink, paper } = printAndPaper(g, 400, 600);
    expect(ink).toBe(185);
    expect(paper).toBe(242);
  });
});

describe('restoredPage: a page read thinly, once more', () => {
  it('stretches faint print on a grey paper from black to white, and keeps its size', () => {
    const g = page(400, 600, 242, 185, 30);
    const r = restoredPage(g, 400, 600)!;
    expect(r.scale).toBe(1);
    expect([r.width, r.height]).toEqual([400, 600]);
    const at = (x: number, y: number) => r.grey[y * 400 + x]!;
    // a letter's pixel (row 1 of text, x % 8 < 3), the paper beside it, the bed's edge
    const y = 20 * 9 + 2;
    expect(at(120, y)).toBe(0);
    expect(at(124, y)).toBe(255);
    expect(at(10, y)).toBe(0);
    // and Otsu's threshold now parts the print from the paper
    expect(otsu(r.grey)).toBeGreaterThan(0);
    expect(otsu(r.grey)).toBeLessThan(255);
  });

  it('leaves a clear page of ordinary size alone', () => {
    expect(restoredPage(page(400, 600, 250, 10), 400, 600)).toBeNull();
  });

  it('does not stretch a blank grey page\'s noise', () => {
    const g = new Uint8Array(400 * 600).fill(230);
    for (let i = 0; i < g.length; i += 7) g[i] = 222;
    expect(restoredPage(g, 400, 600)).toBeNull();
  });

  it('joins a dot-matrix print\'s dots on a page scanned finely, and shrinks it to a usual resolution', () => {
    // a 3300-pixel-wide page: strokes drawn as dots two pixels wide, two apart
    const width = 3300;
    const height = 3400;
    const g = new Uint8Array(width * height).fill(255);
    for (let y = 1000; y < 1060; y++) for (let x = 1000; x < 1400; x++) if (x % 4 < 2 && y % 4 < 2) g[y * width + x] = 0;
    const r = restoredPage(g, width, height)!;
    expect(r.scale).toBe(2);
    expect([r.width, r.height]).toEqual([1650, 1700]);
    // inside the dotted bar every pixel is dark now: no gap between the dots is left white
    let light = 0;
    for (let y = 502; y < 528; y++) for (let x = 502; x < 698; x++) if (r.grey[y * r.width + x]! > 128) light++;
    expect(light).toBe(0);
    // and the paper round it stays paper
    expect(r.grey[400 * r.width + 400]).toBe(255);
  });
});

describe('darkest: each pixel the darkest of its neighbourhood', () => {
  it('spreads a dark pixel over a square of side 2r+1, clipped at the edges', () => {
    const g = new Uint8Array(25).fill(200);
    g[0] = 10;
    g[12] = 50;
    const d = darkest(g, 5, 5, 1);
    expect([...d]).toEqual([
      10, 10, 200, 200, 200,
      10, 10, 50, 50, 200,
      200, 50, 50, 50, 200,
      200, 50, 50, 50, 200,
      200, 200, 200, 200, 200,
    ]);
  });
});

describe('scaledBlocks: boxes from the restored page back onto the page', () => {
  it('scales every box of blocks, lines and words', () => {
    const word = { text: 'TOTAL', bbox: [10, 20, 40, 30] as [number, number, number, number], confidence: 0.9 };
    const [b] = scaledBlocks([{ bbox: [5, 5, 50, 50], confidence: 0.9, lines: [{ text: 'TOTAL', bbox: [10, 20, 40, 30], confidence: 0.9, words: [word] }] }], 3);
    expect(b!.bbox).toEqual([15, 15, 150, 150]);
    expect(b!.lines[0]!.bbox).toEqual([30, 60, 120, 90]);
    expect(b!.lines[0]!.words[0]!.bbox).toEqual([30, 60, 120, 90]);
    expect(word.bbox).toEqual([10, 20, 40, 30]);
  });
});
