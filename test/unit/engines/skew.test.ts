import { describe, expect, it } from 'vitest';
import { estimateSkew, smallGreyOf } from '../../../src/engines/cpu/skew';

/**
 * A page of text-like ink: rows of "words" (dark runs with gaps), `lines` of them, turned so
 * that each row slopes by `slope` (dy/dx), on white.
 */
function page(width: number, height: number, slope: number, lines = 14, seed = 7): Uint8Array {
  const grey = new Uint8Array(width * height).fill(240);
  let r = seed;
  const rand = () => ((r = (r * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pitch = Math.floor((height - 40) / lines);
  for (let k = 0; k < lines; k++) {
    const base = 20 + k * pitch;
    let x = 10 + Math.floor(rand() * 30);
    while (x < width - 40) {
      const word = 15 + Math.floor(rand() * 50);
      for (let dx = 0; dx < word && x + dx < width - 10; dx++) {
        const cx = x + dx;
        const y0 = Math.round(base + cx * slope);
        // letters: strokes of varying height on the line
        const tall = rand() < 0.3 ? 14 : 9;
        for (let dy = 0; dy < tall; dy++) {
          const y = y0 + 14 - dy;
          if (y >= 0 && y < height && rand() < 0.55) grey[y * width + cx] = 20;
        }
      }
      x += word + 8 + Math.floor(rand() * 6);
    }
  }
  return grey;
}

describe('the slope of the text lines, from the ink profile', () => {
  it.each([0.026, -0.044, 0.017])('finds lines sloping by %f', (slope) => {
    const s = estimateSkew(page(600, 900, slope), 600, 900);
    expect(Math.abs(s.slope - slope)).toBeLessThan(0.003);
    expect(s.gain).toBeGreaterThan(1.15);
  });

  it('finds level lines level, no sharper at a slope', () => {
    const s = estimateSkew(page(600, 900, 0), 600, 900);
    expect(Math.abs(s.slope)).toBeLessThan(0.003);
    expect(s.gain).toBeLessThan(1.05);
  });

  it('a blank or all-dark page has no slope', () => {
    expect(estimateSkew(new Uint8Array(400 * 400).fill(250), 400, 400)).toEqual({ slope: 0, gain: 1 });
    expect(estimateSkew(new Uint8Array(400 * 400).fill(5), 400, 400)).toEqual({ slope: 0, gain: 1 });
  });
});

describe('the small copy the slope is found in, from the page in grey', () => {
  it('is at most 480 wide, each pixel the mean of those it covers', () => {
    const width = 1500;
    const height = 7;
    const grey = new Uint8Array(width * height).fill(200);
    // a black square of 4×4 in the first cell: 16 of its 16 pixels (the cell is 4×4)
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) grey[y * width + x] = 0;
    const small = smallGreyOf(grey, width, height);
    expect(small.width).toBe(375);
    expect(small.height).toBe(2);
    expect(small.grey[0]).toBe(0);
    expect(small.grey[1]).toBe(200);
    // the last row of cells covers three page rows
    expect(small.grey[375]).toBe(200);
  });

  it('a page narrower than that is its own small copy', () => {
    const grey = new Uint8Array(300 * 10).fill(9);
    expect(smallGreyOf(grey, 300, 10)).toEqual({ grey, width: 300, height: 10 });
  });

  it('finds the slope of a page as well as at full size', () => {
    const full = page(1800, 2400, 0.03, 30);
    const small = smallGreyOf(full, 1800, 2400);
    expect(Math.abs(estimateSkew(small.grey, small.width, small.height).slope - 0.03)).toBeLessThan(0.004);
  });
});
