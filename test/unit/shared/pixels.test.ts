import { describe, expect, it } from 'vitest';
import { greyInto, greyPgm } from '../../../src/shared/pixels';

describe('greyPgm', () => {
  it('writes a binary PGM: P5 header, then the rows top-down, one byte a pixel', () => {
    const grey = new Uint8Array([10, 20, 30, 40, 50, 60]); // 3×2
    const pgm = greyPgm(grey, 3, 2);
    const header = 'P5\n3 2\n255\n';
    expect(new TextDecoder().decode(pgm.subarray(0, header.length))).toBe(header);
    expect(pgm.length).toBe(header.length + 6);
    expect([...pgm.subarray(header.length)]).toEqual([10, 20, 30, 40, 50, 60]);
  });
});

describe('greyInto', () => {
  it('gives the luma of opaque pixels, paper white, ink black and pure colours as the ITU-R 601 weights round them', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 128, 128, 128, 255]);
    const out = new Uint8Array(8).fill(7);
    greyInto(rgba, out, 2);
    expect([...out]).toEqual([7, 7, 255, 0, 76, 150, 29, 128]);
  });

  it('is within one level of the floating-point luma for any colour, transparency counted as white paper', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const n = 20000;
    const rgba = new Uint8ClampedArray(4 * n);
    for (let i = 0; i < rgba.length; i++) rgba[i] = next();
    for (let i = 0; i < 64; i++) rgba[4 * i + 3] = i * 4; // some see-through
    const out = new Uint8Array(n);
    greyInto(rgba, out, 0);
    let worst = 0;
    for (let p = 0; p < n; p++) {
      const a = rgba[4 * p + 3]! / 255;
      const y = 0.299 * rgba[4 * p]! + 0.587 * rgba[4 * p + 1]! + 0.114 * rgba[4 * p + 2]!;
      worst = Math.max(worst, Math.abs(out[p]! - (y * a + 255 * (1 - a))));
    }
    expect(worst).toBeLessThan(1);
    // fully transparent is paper
    const clear = new Uint8Array(1);
    greyInto(new Uint8ClampedArray([0, 0, 0, 0]), clear, 0);
    expect(clear[0]).toBe(255);
  });
});
