import { describe, expect, it } from 'vitest';
import { bandRows, middleBand, textRows } from '../../../src/engines/cpu/band';

/** A white page with black bars where text lines would be: [top, height, width share]. */
function page(width: number, height: number, lines: [number, number, number][]): Uint8Array {
  const grey = new Uint8Array(width * height).fill(255);
  for (const [top, h, share] of lines) {
    for (let y = top; y < top + h; y++) {
      // words: ink in runs, with gaps, as text has
      for (let x = 20; x < 20 + width * share; x++) if (x % 9 < 6) grey[y * width + x] = 20;
    }
  }
  return grey;
}

describe('text rows from the ink profile', () => {
  it('finds each line, joins an accent to its line and drops specks and rules', () => {
    const lines: [number, number, number][] = [];
    for (let i = 0; i < 10; i++) lines.push([40 + i * 30, 16, 0.8]);
    const grey = page(600, 400, lines);
    // an accent two rows above line 3, a speck, and a rule across the page
    for (let x = 100; x < 104; x++) grey[(40 + 3 * 30 - 3) * 600 + x] = 0;
    grey[395 * 600 + 300] = 0;
    for (let x = 0; x < 600; x++) grey[10 * 600 + x] = 0;
    const rows = textRows(grey, 600, 400);
    expect(rows.length).toBe(10);
    expect(rows[3]).toEqual({ top: 40 + 3 * 30 - 3, bottom: 40 + 3 * 30 + 16 });
    expect(rows[0]).toEqual({ top: 40, bottom: 56 });
  });

  it('a blank page has none', () => {
    expect(textRows(new Uint8Array(100 * 100).fill(255), 100, 100)).toEqual([]);
  });
});

describe('the middle band', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ top: 100 + i * 40, bottom: 120 + i * 40 }));

  it('takes a quarter of the lines from the middle, two to six, with white around them', () => {
    expect(bandRows(5)).toBe(2);
    expect(bandRows(14)).toBe(4);
    expect(bandRows(60)).toBe(6);
    const band = middleBand(rows(40), 2000)!;
    // rows 17..22 of 40, half a line (10 px) of white either side
    expect(band).toEqual({ top: 100 + 17 * 40 - 10, bottom: 120 + 22 * 40 + 10 });
  });

  it('never reaches into the lines beside it', () => {
    const tight = Array.from({ length: 12 }, (_, i) => ({ top: i * 22, bottom: i * 22 + 20 }));
    const band = middleBand(tight, 400)!;
    expect(band.top).toBeGreaterThanOrEqual(tight[3]!.bottom);
    expect(band.bottom).toBeLessThanOrEqual(tight[7]!.top);
  });

  it('none on a page of few lines: it is read whole first', () => {
    expect(middleBand(rows(3), 400)).toBeNull();
  });
});
