// What counts as a blank page: one colour give or take noise and a speck, never a word.
import { describe, expect, it } from 'vitest';
import { isBlankGrey, isBlankLuma } from '../../../src/documents/blank';
import { pgmHeader } from '../../../src/shared/page-image';

const page = (fill: number, w = 1600, h = 1200) => new Uint8Array(w * h).fill(fill);

describe('isBlankGrey', () => {
  it('white paper, grey paper and a black page are blank', () => {
    expect(isBlankGrey(page(255))).toBe(true);
    expect(isBlankGrey(page(180))).toBe(true);
    expect(isBlankGrey(page(0))).toBe(true);
  });

  it('scanner noise and a few specks of dust leave a page blank', () => {
    const g = page(250);
    for (let i = 0; i < g.length; i += 7) g[i] = 230 + (i % 25);
    for (const at of [1000, 500_000, 1_200_000]) g[at] = g[at + 1] = 40;
    expect(isBlankGrey(g)).toBe(true);
  });

  it('one short word on a page is not blank', () => {
    const g = page(255);
    // "Hi" at 12 pt scanned at 150 dpi, seen at this size: two strokes and a bar, 20 px tall.
    for (let y = 600; y < 620; y++) for (const x of [800, 801, 812, 813, 820, 821]) g[y * 1600 + x] = 20;
    for (let x = 800; x < 814; x++) g[610 * 1600 + x] = 20;
    expect(isBlankGrey(g)).toBe(false);
  });

  it('a lone page number is not blank', () => {
    const g = page(255);
    // A "1" at 10 pt, 300 dpi, seen at this size: a stroke 2 px wide and 14 px tall.
    for (let y = 1100; y < 1114; y++) g[y * 1600 + 800] = g[y * 1600 + 801] = 30;
    expect(isBlankGrey(g)).toBe(false);
  });
});

describe('isBlankLuma: the test on a page in grey from its decoder', () => {
  const luma = (grey: Uint8Array, width: number, height: number) => {
    const header = pgmHeader(width, height);
    const pgm = new Uint8Array(header.length + grey.length);
    pgm.set(header);
    pgm.set(grey, header.length);
    return { pgm, width, height };
  };

  it('a large photo of paper is blank; a word on it, in strokes three pixels wide, is not', () => {
    const width = 4000;
    const height = 5000;
    const g = new Uint8Array(width * height).fill(235);
    expect(isBlankLuma(luma(g, width, height))).toBe(true);
    // a word 40 px tall: four strokes and a bar, each 3 px wide (the grid samples every 4th pixel)
    for (let y = 2000; y < 2040; y++) for (const x0 of [1000, 1030, 1060, 1090]) for (let x = x0; x < x0 + 3; x++) g[y * width + x] = 30;
    for (let y = 2020; y < 2023; y++) for (let x = 1000; x < 1093; x++) g[y * width + x] = 30;
    expect(isBlankLuma(luma(g, width, height))).toBe(false);
  });

  it('a small page is looked at whole', () => {
    const g = new Uint8Array(300 * 200).fill(250);
    for (let x = 100; x < 130; x++) g[100 * 300 + x] = 0;
    expect(isBlankLuma(luma(g, 300, 200))).toBe(false);
  });
});
