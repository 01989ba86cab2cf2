import { describe, expect, it } from 'vitest';
import { lineSlope, readsUpright, unskew, verticalShare } from '../../../src/engines/cpu';
import { turnGrey } from '../../../src/engines/cpu/skew';
import type { EngineBlock } from '../../../src/shared/engine';

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

describe('unskew: boxes from the straightened page back onto the page as uploaded', () => {
  const one = (bbox: [number, number, number, number]) => [block([word('middle', bbox)])];
  const boxOf = (blocks: EngineBlock[]) => blocks[0]!.lines[0]!.words[0]!.bbox;
  it('leaves boxes alone when the page was not turned', () => {
    expect(boxOf(unskew(one([10, 10, 50, 30]), 0, 100, 100))).toEqual([10, 10, 50, 30]);
  });
  it('keeps a box at the centre where it is, moves a box at the right edge up or down, and stays on the page', () => {
    const a = (3 * Math.PI) / 180;
    expect(boxOf(unskew(one([490, 490, 510, 510]), a, 1000, 1000))).toEqual([489, 489, 511, 511]);
    const right = boxOf(unskew(one([900, 490, 990, 510]), a, 1000, 1000));
    const left = boxOf(unskew(one([10, 490, 100, 510]), a, 1000, 1000));
    // turned back the other way round: the right end rises as far as the left end sinks
    expect(right[1]).toBeLessThan(490);
    expect(left[3]).toBeGreaterThan(510);
    expect(490 - right[1]).toBeCloseTo(left[3] - 510, 0);
    const corner = boxOf(unskew(one([0, 0, 20, 20]), a, 1000, 1000));
    expect(Math.min(...corner)).toBeGreaterThanOrEqual(0);
  });
});

describe('lineSlope: how far the lines Tesseract found slope', () => {
  const line = (slope: number, y0: number) => block(['one', 'two', 'three', 'four'].map((t, i) => word(t, [i * 100, y0 + i * 100 * slope - 20, i * 100 + 80, y0 + i * 100 * slope])));
  it('is about zero on a straight page and the lines\' slope on a skewed one', () => {
    expect(lineSlope([line(0, 100), line(0, 200)])).toBeCloseTo(0, 5);
    expect(lineSlope([line(0.05, 100), line(0.05, 200), line(0.04, 300)])).toBeCloseTo(0.05, 2);
    expect(lineSlope([line(-0.05, 100)])).toBeCloseTo(-0.05, 2);
  });
  it('ignores lines of fewer than three words', () => {
    expect(lineSlope([block([word('ab', [0, 0, 10, 10]), word('cd', [20, 30, 30, 40])])])).toBe(0);
  });
});

describe('a doubtful page that still reads upright', () => {
  const words = (n: number, text: string, confidence: number, tall = false) =>
    Array.from({ length: n }, (_, i) => ({ text, confidence, bbox: (tall ? [i * 20, 0, i * 20 + 10, 60] : [i * 60, 0, i * 60 + 50, 12]) as [number, number, number, number] }));
  const page = (ws: ReturnType<typeof words>) => [{ bbox: [0, 0, 1000, 100] as [number, number, number, number], confidence: 0.5, lines: [{ text: ws.map((w) => w.text).join(' '), bbox: [0, 0, 1000, 12] as [number, number, number, number], confidence: 0.5, words: ws }] }];

  it('holds ten sure words or more, a tenth of its characters, laid left to right: upright, no OSD needed', () => {
    expect(readsUpright(page([...words(12, 'TOTAL', 0.93), ...words(30, 'x1', 0.3)]))).toBe(true);
    // a faint receipt: 12 sure words of 5 letters among 100 unsure ones (13% of its characters)
    expect(readsUpright(page([...words(12, 'TOTAL', 0.93), ...words(100, 'abcd', 0.4)]))).toBe(true);
  });

  it('is not called upright on a few sure words, on sure words lost among many unsure ones, on digits, or on words set on end', () => {
    expect(readsUpright(page([...words(9, 'TOTAL', 0.93), ...words(5, 'ab', 0.3)]))).toBe(false);
    // a page turned over reads a few words surely by chance: 2% of its characters at most
    expect(readsUpright(page([...words(12, 'TOTAL', 0.93), ...words(250, 'abcd', 0.4)]))).toBe(false);
    expect(readsUpright(page(words(20, '12.00', 0.95)))).toBe(false);
    expect(readsUpright(page(words(20, 'TOTAL', 0.95, true)))).toBe(false);
  });
});

describe('turnGrey: the page straightened as Tesseract straightened it, for the lines its reading passed over', () => {
  it('puts the ink of a box found on the straight page where unskew puts the box back', () => {
    const [w, h] = [400, 300];
    const a = (4 * Math.PI) / 180;
    // a level bar on the straight page, drawn on the page as uploaded where unskew says it lies
    const straightBar: [number, number, number, number] = [250, 140, 370, 156];
    const onPage = boxOf(unskewed(straightBar, a, w, h));
    const grey = new Uint8Array(w * h).fill(250);
    // (the bar's own pixels: points of the straight bar turned back one by one)
    for (let y = straightBar[1]; y < straightBar[3]; y += 0.5)
      for (let x = straightBar[0]; x < straightBar[2]; x += 0.5) {
        const p = boxOf(unskewed([x, y, x, y], a, w, h));
        grey[p[1] * w + p[0]] = 10;
      }
    const turned = turnGrey(grey, w, h, a);
    const dark: [number, number][] = [];
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (turned[y * w + x]! < 128) dark.push([x, y]);
    const xs = dark.map((p) => p[0]);
    const ys = dark.map((p) => p[1]);
    // level on the turned page, where it was drawn straight
    expect(Math.abs(Math.min(...xs) - straightBar[0])).toBeLessThanOrEqual(2);
    expect(Math.abs(Math.max(...xs) - straightBar[2])).toBeLessThanOrEqual(2);
    expect(Math.abs(Math.min(...ys) - straightBar[1])).toBeLessThanOrEqual(2);
    expect(Math.abs(Math.max(...ys) - straightBar[3])).toBeLessThanOrEqual(2);
    // and sloping on the page as uploaded: its box there is taller than the bar
    expect(onPage[3] - onPage[1]).toBeGreaterThan(straightBar[3] - straightBar[1] + 6);
    // the paper brought in at the corners is white
    expect(turned[0]).toBe(255);
  });
});

function unskewed(bbox: [number, number, number, number], a: number, w: number, h: number) {
  return unskew([block([word('bar', bbox)])], a, w, h);
}
function boxOf(blocks: EngineBlock[]) {
  return blocks[0]!.lines[0]!.words[0]!.bbox;
}
