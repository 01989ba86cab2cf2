import { describe, expect, it } from 'vitest';
import { verticalShare } from '../../../src/engines/cpu';
import type { EngineBlock } from '../../../src/engines/types';

const word = (text: string, bbox: [number, number, number, number]) => ({ text, bbox, confidence: 0.9 });
const block = (words: ReturnType<typeof word>[]): EngineBlock => ({ bbox: [0, 0, 1, 1], confidence: 0.9, lines: [{ text: words.map((w) => w.text).join(' '), bbox: [0, 0, 1, 1], confidence: 0.9, words }] });

describe('verticalShare: a page lying on its side, read line by line as vertical text', () => {
  it('counts the characters of words set in boxes taller than wide', () => {
    const upright = block([word('quick', [0, 0, 100, 20]), word('brown', [110, 0, 210, 20])]);
    const sideways = block([word('quick', [0, 0, 20, 100]), word('brown', [0, 110, 20, 210])]);
    expect(verticalShare([upright])).toBe(0);
    expect(verticalShare([sideways])).toBe(1);
    expect(verticalShare([upright, sideways])).toBe(0.5);
  });
  it('ignores short words (a tall "I" or "1" says nothing) and an empty page', () => {
    expect(verticalShare([block([word('I', [0, 0, 5, 20]), word('to', [0, 0, 8, 20])])])).toBe(0);
    expect(verticalShare([])).toBe(0);
  });
});
