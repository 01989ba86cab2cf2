// The cpu engine reads a ruled table's doubtful cells again, one by one: which cells, and
// how their new words replace the old.
import { describe, expect, it } from 'vitest';
import type { BBox } from '../../../src/shared/contract';
import type { EngineBlock, EngineWord } from '../../../src/shared/engine';
import { ruledGrids, type Rule } from '../../../src/shared/ruling';
import { rereadCells } from '../../../src/engines/cpu/cells';

const word = (text: string, bbox: BBox, confidence: number): EngineWord => ({ text, bbox, confidence });
const blockOf = (words: EngineWord[]): EngineBlock => ({ bbox: [0, 0, 1000, 1000], confidence: 0.9, lines: [{ text: words.map((w) => w.text).join(' '), bbox: [0, 0, 1000, 1000], confidence: 0.9, words }] });

/** A 3×3 grid, cells 200 wide and 60 high, from (100, 100). */
function grid() {
  const rules: Rule[] = [];
  for (const y of [100, 160, 220, 280]) rules.push([100, y - 1, 700, y + 1]);
  for (const x of [100, 300, 500, 700]) rules.push([x - 1, 100, x + 1, 280]);
  return ruledGrids(rules, 12);
}

describe('cells read again', () => {
  it('reads again a cell with a doubtful word and a cell with ink but no word, and keeps the rest', async () => {
    const words = [
      word('staging:', [310, 110, 400, 150], 0.3), // the heading read badly
      word('Apples', [110, 170, 180, 200], 0.95),
      word('3', [310, 170, 320, 200], 0.95),
      word('Pears', [110, 230, 170, 260], 0.95),
      // (row 2, column 1) holds a digit Tesseract passed over
      word('2.50', [510, 230, 560, 260], 0.95),
    ];
    const asked: BBox[] = [];
    const read = async (box: BBox) => {
      asked.push(box);
      const text = box[1] < 200 ? 'Agent Staffing' : '5';
      return { blocks: [blockOf([word(text, [box[0] + 5, box[1] + 5, box[0] + 60, box[1] + 30], 0.9)])], confidence: 0.9 };
    };
    const inked = (box: BBox) => box[0] > 300 && box[0] < 400 && box[1] > 220;
    const out = await rereadCells([blockOf(words)], grid(), read, inked);
    // Inside the rules (2 px thick): a margin of 4.
    expect(asked).toEqual([
      [304, 104, 496, 156],
      [304, 224, 496, 276],
    ]);
    const texts = out.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text)));
    expect(texts).toEqual(['Apples', '3', 'Pears', '2.50', 'Agent Staffing', '5']);
  });

  it('reads again a cell with ink beside its sure words (letters lost by a rule), and takes a fuller reading that reaches that ink, however less sure', async () => {
    // (row 1, column 2): "1 Jan 1999" read "an 1999", surely; the "1 J" left of it is ink no word covers
    const words = [word('Apples', [110, 170, 180, 200], 0.95), word('3', [310, 170, 320, 200], 0.95), word('an', [540, 170, 560, 200], 0.95), word('1999', [565, 170, 610, 200], 0.95)];
    const asked: BBox[] = [];
    const read = async (box: BBox) => (asked.push(box), { blocks: [blockOf([word('1', [508, 170, 514, 200], 0.4), word('Jan', [520, 170, 560, 200], 0.5), word('1999', [565, 170, 610, 200], 0.6)])], confidence: 0.52 });
    // ink from x 508 to 560 on that row; none beside the other cells' words
    const inked = (box: BBox) => box[1] < 220 && box[1] > 160 && box[0] < 540 && box[2] > 508;
    const out = await rereadCells([blockOf(words)], grid(), read, inked);
    expect(asked).toEqual([[504, 164, 696, 216]]);
    expect(out.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text)))).toEqual(['Apples', '3', '1', 'Jan', '1999']);
    // a reading with more letters that does not reach the lost ink is not taken
    const short = async () => ({ blocks: [blockOf([word('and', [540, 170, 562, 200], 0.6), word('1999', [565, 170, 610, 200], 0.6)])], confidence: 0.6 });
    const kept = await rereadCells([blockOf(words)], grid(), short, inked);
    expect(kept.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text)))).toEqual(['Apples', '3', 'an', '1999']);
  });

  it('on a page read with no tool, only the cells that lost letters by a rule are read again', async () => {
    const words = [word('staging:', [310, 110, 400, 150], 0.3), word('Apples', [110, 170, 180, 200], 0.95), word('3', [310, 170, 320, 200], 0.95), word('an', [540, 170, 560, 200], 0.95), word('1999', [565, 170, 610, 200], 0.95)];
    const asked: BBox[] = [];
    const read = async (box: BBox) => (asked.push(box), { blocks: [blockOf([word('1', [508, 170, 514, 200], 0.6), word('Jan', [520, 170, 560, 200], 0.6), word('1999', [565, 170, 610, 200], 0.6)])], confidence: 0.6 });
    const inked = (box: BBox) => box[1] < 220 && box[1] > 160 && box[0] < 540 && box[2] > 508;
    await rereadCells([blockOf(words)], grid(), read, inked, undefined, true);
    expect(asked).toEqual([[504, 164, 696, 216]]);
  });

  it('keeps the old words when the new ones read no better, and reads nothing in a grid without two cells read well', async () => {
    const words = [word('Apples', [110, 170, 180, 200], 0.95), word('3', [310, 170, 320, 200], 0.95), word('x', [510, 170, 520, 200], 0.5)];
    const worse = async () => ({ blocks: [blockOf([word('y', [510, 170, 520, 200], 0.4)])], confidence: 0.4 });
    const same = await rereadCells([blockOf(words)], grid(), worse, () => false);
    expect(same.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text)))).toEqual(['Apples', '3', 'x']);
    let calls = 0;
    const one = [word('Apples', [110, 170, 180, 200], 0.95), word('x', [510, 170, 520, 200], 0.5)];
    await rereadCells([blockOf(one)], grid(), async () => (calls++, { blocks: [], confidence: 0 }), () => true);
    expect(calls).toBe(0);
  });
});
