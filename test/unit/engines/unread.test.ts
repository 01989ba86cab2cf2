// Text the page segmentation passed over: where it is found, how it is laid on one sheet, and
// what of its reading is put back on the page.
import { describe, expect, it } from 'vitest';
import type { BBox } from '../../../src/shared/contract';
import type { EngineBlock, EngineLine } from '../../../src/shared/engine';
import { lineHeight, placeBack, sheetOf, unreadInk, withUnread } from '../../../src/engines/cpu/unread';

const W = 400;
const H = 300;

/** A white page with dark boxes drawn on it (each a "word": strokes one pixel apart, half its area ink). */
function page(words: BBox[], solid: BBox[] = []): Uint8Array {
  const g = new Uint8Array(W * H).fill(250);
  for (const [x0, y0, x1, y1] of words) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x += 2) g[y * W + x] = 10;
  for (const [x0, y0, x1, y1] of solid) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g[y * W + x] = 10;
  return g;
}

const line = (bbox: BBox, text = 'WORDS READ', confidence = 0.9): EngineLine => ({ text, bbox, confidence, words: [{ text, bbox, confidence }] });
const block = (lines: EngineLine[]): EngineBlock => ({ bbox: lines[0]!.bbox, confidence: 0.9, lines });

// three lines read, 12 px tall, at y 20, 50 and 80
const READ: BBox[] = [
  [20, 20, 200, 32],
  [20, 50, 180, 62],
  [20, 80, 220, 92],
];

describe('ink no line read covers', () => {
  it('is found as a place to read where it is as tall as a line and stands apart from what was read', () => {
    const g = page([...READ, [60, 120, 200, 132]]);
    expect(lineHeight([block(READ.map((b) => line(b)))])).toBe(12);
    expect(unreadInk(g, W, H, [block(READ.map((b) => line(b)))])).toEqual([[60, 120, 199, 132]]);
  });

  it('is a line twice the size of the page\'s type too, and two parts of one row far apart are two places', () => {
    const g = page([...READ, [20, 150, 90, 172], [300, 150, 380, 172]]);
    expect(unreadInk(g, W, H, [block(READ.map((b) => line(b)))])).toEqual([
      [20, 150, 89, 172],
      [300, 150, 379, 172],
    ]);
  });

  it('is nothing where every line was read, or the ink is a rule, a photo, a solid bar or the scan\'s edge', () => {
    const lines = [block(READ.map((b) => line(b)))];
    expect(unreadInk(page(READ), W, H, lines)).toEqual([]);
    // a rule (3 px), a photo (80 px tall), a solid bar, a dark border along the page's left edge
    expect(unreadInk(page(READ, [[20, 110, 380, 113]]), W, H, lines)).toEqual([]);
    expect(unreadInk(page([...READ, [20, 120, 200, 200]]), W, H, lines)).toEqual([]);
    expect(unreadInk(page(READ, [[20, 120, 200, 132]]), W, H, lines)).toEqual([]);
    expect(unreadInk(page(READ, [[0, 120, 30, 132]]), W, H, lines)).toEqual([]);
  });

  it("is a word left out between two of a line's words", () => {
    const words: BBox[] = [
      [20, 110, 80, 122],
      [300, 110, 360, 122],
    ];
    const lines = [...READ.map((b) => line(b)), { text: 'Tipalti U.S.', bbox: [20, 110, 360, 122] as BBox, confidence: 0.9, words: words.map((b, i) => ({ text: ['Tipalti', 'U.S.'][i]!, bbox: b, confidence: 0.9 })) }];
    const g = page([...READ, ...words, [150, 110, 220, 122]]);
    expect(unreadInk(g, W, H, [block(lines)])).toEqual([[150, 110, 219, 122]]);
  });

  it('passes over rules and underlines: amounts ruled off one from the next are each a place', () => {
    const g = page([...READ, [60, 120, 200, 132], [60, 140, 200, 152]], [
      [40, 134, 260, 136],
      [40, 154, 260, 156],
    ]);
    expect(unreadInk(g, W, H, [block(READ.map((b) => line(b)))])).toEqual([
      [60, 120, 199, 132],
      [60, 140, 199, 152],
    ]);
  });

  it('leaves out a dashed rule just over the line, apart from it by a blank row, and takes its width from the line', () => {
    const dashes: BBox[] = Array.from({ length: 20 }, (_, i) => [40 + i * 10, 116, 46 + i * 10, 118]);
    const g = page([...READ, [60, 120, 200, 132]], dashes);
    expect(unreadInk(g, W, H, [block(READ.map((b) => line(b)))])).toEqual([[60, 120, 199, 132]]);
  });

  it('is found on a page of large type looked at smaller, in the page\'s own pixels', () => {
    // the page three times the size: lines 36 px tall
    const big = (b: BBox): BBox => [b[0] * 3, b[1] * 3, b[2] * 3, b[3] * 3];
    const w = W * 3;
    const h = H * 3;
    const g = new Uint8Array(w * h).fill(250);
    for (const [x0, y0, x1, y1] of [...READ, [60, 120, 200, 132] as BBox].map(big)) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x += 9) g.fill(10, y * w + x, y * w + x + 3);
    const places = unreadInk(g, w, h, [block(READ.map((b) => line(big(b))))]);
    expect(places).toHaveLength(1);
    const [x0, y0, x1, y1] = places[0]!;
    for (const [got, want] of [[x0, 180], [y0, 360], [x1, 600], [y1, 396]]) expect(Math.abs(got! - want!)).toBeLessThanOrEqual(3);
  });

  it('is nothing on a page with too few lines read to know its type size', () => {
    expect(unreadInk(page([READ[0]!, [60, 120, 200, 132]]), W, H, [block([line(READ[0]!)])])).toEqual([]);
  });
});

describe('the places read on one sheet', () => {
  it('lies their crops one under another on white, and puts what was read surely back where it came from', () => {
    const g = page([[60, 120, 200, 132], [300, 150, 380, 172]]);
    const places: BBox[] = [
      [60, 120, 200, 132],
      [300, 150, 380, 172],
    ];
    // type 30 px tall: the crops as they are, a margin of 15 px (half a line) round each
    const sheet = sheetOf(g, W, places, 30);
    expect([sheet.width, sheet.height]).toEqual([140 + 30, 15 + 12 + 15 + 22 + 15]);
    expect(sheet.placed.map((p) => [p.x, p.y, p.scale])).toEqual([
      [15, 15, 1],
      [15, 42, 1],
    ]);
    // (the ink as black as the sheet holds, the paper white: each crop stretched)
    expect(sheet.grey[15 * sheet.width + 15]).toBe(0);
    expect(sheet.grey[15 * sheet.width + 16]).toBe(255);
    expect(sheet.grey[0]).toBe(255);
    const read: EngineBlock[] = [
      block([line([15, 15, 155, 27], 'TAMAN BANDAR,', 0.91), line([15, 43, 95, 63], 'TOTAL: 31.00', 0.88)]),
      // a smudge's marks, and a line between the crops
      block([line([15, 42, 40, 64], '~ .', 0.9), line([15, 30, 80, 31], 'x', 0.3)]),
    ];
    const back = placeBack(read, sheet.placed);
    expect(back.map((b) => b.lines.map((l) => [l.text, l.bbox]))).toEqual([[['TAMAN BANDAR,', [60, 120, 200, 132]]], [['TOTAL: 31.00', [300, 151, 380, 171]]]]);
    expect(back[1]!.lines[0]!.words[0]!.bbox).toEqual([300, 151, 380, 171]);
  });

  it('lays small type twice its size, faint ink as dark as the rest, and puts it back at its own size', () => {
    const g = page([]);
    // a faint line: grey 180 on paper 250
    for (let y = 120; y < 132; y++) for (let x = 60; x < 200; x += 2) g[y * W + x] = 180;
    const sheet = sheetOf(g, W, [[60, 120, 200, 132]], 12);
    expect(sheet.placed.map((p) => [p.x, p.y, p.scale])).toEqual([[12, 12, 2]]);
    expect([sheet.width, sheet.height]).toEqual([280 + 24, 12 + 24 + 12]);
    const dark = [...sheet.grey].filter((v) => v < 128).length;
    // half the crop's columns were ink; twice as large, it covers four times the pixels
    expect(dark).toBeGreaterThan(0.4 * 4 * 140 * 12);
    expect(Math.min(...sheet.grey)).toBe(0);
    const back = placeBack([block([line([12, 12, 292, 36], '25/05/2017', 0.9)])], sheet.placed);
    expect(back[0]!.lines[0]!.bbox).toEqual([60, 120, 200, 132]);
  });

  it('keeps nothing read unsurely', () => {
    const sheet = sheetOf(page([[60, 120, 200, 132]]), W, [[60, 120, 200, 132]], 30);
    expect(placeBack([block([line([15, 15, 155, 27], 'IAMAN 8ANDAR', 0.4)])], sheet.placed)).toEqual([]);
  });

  it("keeps of a line read unsurely its words read surely, where they hold most of it", () => {
    const sheet = sheetOf(page([[60, 120, 200, 132]]), W, [[60, 120, 200, 132]], 30);
    const date: EngineLine = {
      text: '1 27/10/2017',
      bbox: [15, 15, 155, 27],
      confidence: 0.4,
      words: [
        { text: '1', bbox: [15, 15, 20, 27], confidence: 0.23 },
        { text: '27/10/2017', bbox: [35, 15, 155, 27], confidence: 0.81 },
      ],
    };
    const back = placeBack([block([date])], sheet.placed);
    expect(back.map((b) => b.lines.map((l) => [l.text, l.bbox, l.confidence.toFixed(2)]))).toEqual([[['27/10/2017', [80, 120, 200, 132], '0.81']]]);
    // a sure word among unsure ones is a mark of a logo read as letters
    const logo: EngineLine = { ...date, text: 'Ae ~~ 12', words: [{ text: 'Ae', bbox: [15, 15, 30, 27], confidence: 0.3 }, { text: '~~', bbox: [40, 15, 60, 27], confidence: 0.2 }, { text: '12', bbox: [70, 15, 90, 27], confidence: 0.7 }] };
    expect(placeBack([block([logo])], sheet.placed)).toEqual([]);
  });
});

describe('the lines read in the places, added to the page', () => {
  it("join a line read before on their row (the amount beside its label), their words in order along it", () => {
    const blocks = [block([line([20, 20, 120, 32], 'Cash Received'), line([20, 40, 100, 52], 'Change :')])];
    const found = [block([line([300, 41, 360, 53], '70.00', 0.9)])];
    const out = withUnread(blocks, found);
    expect(out).toHaveLength(1);
    expect(out[0]!.lines.map((l) => [l.text, l.bbox])).toEqual([
      ['Cash Received', [20, 20, 120, 32]],
      ['Change : 70.00', [20, 40, 360, 53]],
    ]);
    expect(out[0]!.lines[1]!.words.map((w) => w.text)).toEqual(['Change :', '70.00']);
    // the page's own blocks are not changed
    expect(blocks[0]!.lines[1]!.text).toBe('Change :');
  });

  it('join the line they were left out of, between its words', () => {
    const w = (text: string, x0: number, x1: number) => ({ text, bbox: [x0, 20, x1, 32] as BBox, confidence: 0.9 });
    const host: EngineLine = { text: 'Tipalti Series C U.S.', bbox: [20, 20, 380, 32], confidence: 0.9, words: [w('Tipalti', 20, 80), w('Series', 100, 150), w('C', 155, 165), w('U.S.', 340, 380)] };
    const out = withUnread([block([host])], [block([line([250, 21, 300, 33], '$30.0', 0.9)])]);
    expect(out.map((b) => b.lines.map((l) => l.text))).toEqual([['Tipalti Series C $30.0 U.S.']]);
  });

  it('are a block of their own on a row of their own, or in a column of their own beside another', () => {
    const left = block([line([20, 20, 180, 32], 'left column one'), line([20, 40, 180, 52], 'left column two')]);
    const right = block([line([220, 20, 380, 32], 'right column one')]);
    // the right column's second line was passed over: it is not the end of the left column's row
    const found = [block([line([220, 40, 370, 52], 'right column two')]), block([line([20, 200, 120, 212], 'TOTAL: 31.00')])];
    const out = withUnread([left, right], found);
    expect(out.map((b) => b.lines.map((l) => l.text))).toEqual([['left column one', 'left column two'], ['right column one'], ['right column two'], ['TOTAL: 31.00']]);
  });

  it("join their row's line where the line under them is of a block across the page, not beside it", () => {
    // a receipt's column headers read in part ("Qty U.P Disc"), the items' lines below them across the page
    const header = block([line([200, 40, 380, 52], 'Qty U.P Disc')]);
    const items = block([line([20, 60, 380, 72], 'WHITE BREAD 2 2.13 4.26')]);
    const out = withUnread([header, items], [block([line([20, 41, 120, 53], 'Description')])]);
    expect(out.map((b) => b.lines.map((l) => l.text))).toEqual([['Description Qty U.P Disc'], ['WHITE BREAD 2 2.13 4.26']]);
  });
});
