// A JPEG's luma plane stands for the page only when the page has no colour: its colour planes
// neutral but for JPEG's rounding and a speck.
import { describe, expect, it } from 'vitest';
import { neutral } from '../../../src/documents/luma';

describe('a grey page, by its colour planes', () => {
  it('planes all at 128, or a step off it (rounding), are grey', () => {
    const u = new Uint8Array(10_000).fill(128);
    const v = new Uint8Array(10_000).fill(128);
    expect(neutral([u, v])).toBe(true);
    for (let i = 0; i < u.length; i += 3) u[i] = 127;
    for (let i = 0; i < v.length; i += 5) v[i] = 129;
    expect(neutral([u, v])).toBe(true);
  });

  it('a speck of colour leaves it grey; a tint, coloured ink or a stamp does not', () => {
    const speck = new Uint8Array(20_000).fill(128);
    for (let i = 0; i < 15; i++) speck[i * 999] = 160;
    expect(neutral([speck, new Uint8Array(20_000).fill(128)])).toBe(true);
    // cream paper: every sample a few steps off
    expect(neutral([new Uint8Array(20_000).fill(124), new Uint8Array(20_000).fill(131)])).toBe(false);
    // blue ink on white: a line of text's worth of samples far off
    const ink = new Uint8Array(20_000).fill(128);
    for (let i = 0; i < 400; i++) ink[5000 + i] = 170;
    expect(neutral([ink, new Uint8Array(20_000).fill(128)])).toBe(false);
  });

  it('no colour planes at all say nothing', () => {
    expect(neutral([])).toBe(false);
  });
});
