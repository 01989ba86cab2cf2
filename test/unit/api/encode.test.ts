import { describe, expect, it } from 'vitest';
import { greyBmp } from '../../../src/documents/encode';

describe('greyBmp', () => {
  it('writes a bottom-up 8-bit BMP with padded rows and a grey palette', () => {
    const grey = new Uint8Array([10, 20, 30, 40, 50, 60]); // 3×2
    const bmp = greyBmp(grey, 3, 2);
    const dv = new DataView(bmp.buffer);
    expect(String.fromCharCode(bmp[0]!, bmp[1]!)).toBe('BM');
    expect(dv.getUint32(2, true)).toBe(bmp.length);
    expect(dv.getInt32(18, true)).toBe(3);
    expect(dv.getUint16(28, true)).toBe(8);
    const off = dv.getUint32(10, true);
    expect([...bmp.subarray(off, off + 3)]).toEqual([40, 50, 60]); // last row first
    expect([...bmp.subarray(off + 4, off + 7)]).toEqual([10, 20, 30]);
    expect(bmp[54 + 200 * 4]).toBe(200);
  });
});
