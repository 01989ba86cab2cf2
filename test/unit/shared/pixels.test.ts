import { describe, expect, it } from 'vitest';
import { greyPgm } from '../../../src/shared/pixels';

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
