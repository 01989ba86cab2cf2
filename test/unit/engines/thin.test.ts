// A page Tesseract's page segmentation read thinly is read again as one uniform block (PSM 6):
// which readings count as thin, and when the block's reading is kept.
import { describe, expect, it } from 'vitest';
import type { EngineBlock } from '../../../src/shared/engine';
import { keepsBlock, readAgainAsBlock, sureWordCount } from '../../../src/engines/cpu/thin';

/** A block of one line holding these words, each with its confidence. */
function blockOf(words: [string, number][]): EngineBlock {
  const ws = words.map(([text, confidence], i) => ({ text, confidence, bbox: [i * 50, 0, i * 50 + 40, 20] as [number, number, number, number] }));
  return { bbox: [0, 0, 50 * words.length, 20], confidence: 0.5, lines: [{ text: words.map((w) => w[0]).join(' '), bbox: [0, 0, 50 * words.length, 20], confidence: 0.5, words: ws }] };
}

describe('a page read thinly', () => {
  it('counts the words of two letters or digits read surely, not the scraps beside them', () => {
    expect(sureWordCount([blockOf([['THANK', 0.9], ['YOU', 0.8], ['a', 0.95], ['~', 0.99], ['pleess', 0.4]])])).toBe(2);
  });

  it('is read again as a block by its sure words: 40 scraps with 3 sure words are thin, 12 sure words are not', () => {
    const scraps: [string, number][] = [...Array.from({ length: 37 }, (): [string, number] => ['mal', 0.3]), ['Sdn', 0.9], ['Bhd', 0.9], ['Unit', 0.8]];
    expect(readAgainAsBlock(sureWordCount([blockOf(scraps)]))).toBe(true);
    expect(readAgainAsBlock(sureWordCount([blockOf(Array.from({ length: 12 }, (): [string, number] => ['JALAN', 0.9]))]))).toBe(false);
  });

  it("keeps the block's reading where it holds twelve sure words or more, twice the first's", () => {
    // a purple receipt on grey paper: 1 sure word, 32 as a block
    expect(keepsBlock(32, 1)).toBe(true);
    expect(keepsBlock(11, 0)).toBe(false);
    expect(keepsBlock(15, 10)).toBe(false);
    expect(keepsBlock(20, 10)).toBe(true);
  });
});
