// The layout of a detector's lines (the vlm engine's): segments joined into lines, columns
// read one after the other, paragraphs grouped.
import { describe, expect, it } from 'vitest';
import { findGutters, detectedBlocks } from '../../../src/layout/detected-lines';
import type { BBox } from '../../../src/shared/contract';
import type { DetectedLine as RawLine } from '../../../src/shared/engine';

describe('lines and blocks', () => {
  const seg = (text: string, x0: number, y0: number, x1: number, y1: number): RawLine => {
    const words = text.split(' ');
    const step = (x1 - x0) / words.length;
    return {
      text,
      confidence: 0.9,
      quad: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]],
      bbox: [x0, y0, x1, y1],
      vertical: false,
      words: words.map((w, i) => ({ text: w, bbox: [x0 + i * step, y0, x0 + (i + 1) * step, y1], confidence: 0.9 })),
    };
  };
  const text = (blocks: ReturnType<typeof detectedBlocks>) => blocks.map((b) => b.lines.map((l) => l.text).join(' / ')).join(' | ');

  it('reads a receipt row by row, labels beside their values', () => {
    const raw = [seg('10.00', 400, 100, 460, 120), seg('CASH', 20, 100, 80, 120), seg('CHANGE', 20, 126, 100, 146), seg('1.00', 410, 126, 460, 146)];
    expect(text(detectedBlocks(raw, 500, 200))).toBe('CASH | 10.00 | CHANGE | 1.00');
  });

  it('reads a receipt photographed at a slant (2°) row by row along the slope, each amount beside its own label', () => {
    // Across a 800-pixel receipt a 2° turn moves the amount at the right about 20 pixels
    // down from its label at the left, two thirds of a line's pitch: level rows would put it
    // beside the next label.
    const slope = Math.tan((2 * Math.PI) / 180);
    const tilted = (t: string, x0: number, y: number, x1: number): RawLine => {
      const at = (x: number, dy: number): [number, number] => [x, y + dy + slope * x];
      const quad = [at(x0, 0), at(x1, 0), at(x1, 20), at(x0, 20)];
      const bbox: BBox = [x0, y + slope * x0, x1, y + 20 + slope * x1];
      return { text: t, confidence: 0.9, quad, bbox, vertical: false, words: [{ text: t, bbox, confidence: 0.9 }] };
    };
    const rows: [string, string][] = [['SUBTOTAL (EXCL GST)', '47.17'], ['GST 6% ON 47.17', '2.83'], ['ROUNDING ADJUSTMENT', '0.00'], ['TOTAL AFTER ROUNDING', '50.00'], ['CASH TENDERED', '100.00'], ['CHANGE DUE', '50.00']];
    const raw = rows.flatMap(([label, amount], i) => [tilted(label, 20, 100 + 30 * i, 240), tilted(amount, 660, 100 + 30 * i, 760)]);
    const lines = detectedBlocks(raw.reverse(), 800, 400).flatMap((b) => b.lines.map((l) => l.text));
    expect(lines).toEqual(rows.flat());
  });

  it('a level page keeps its rows level: a few slanted boxes (a stamp) do not tilt it', () => {
    const raw = [seg('CASH', 20, 100, 120, 120), seg('10.00', 400, 100, 460, 120), seg('CHANGE', 20, 126, 140, 146), seg('1.00', 410, 126, 460, 146)];
    const stamp = (y: number): RawLine => ({ ...seg('PAID IN FULL THANK YOU', 100, y, 400, y + 20), quad: [[100, y], [400, y + 40], [400, y + 60], [100, y + 20]] });
    raw.push(stamp(200), seg('a level line of text here', 20, 300, 420, 320), seg('another level line of text', 20, 330, 420, 350), seg('and a third level line', 20, 360, 420, 380));
    expect(text(detectedBlocks(raw, 500, 400)).startsWith('CASH | 10.00 | CHANGE | 1.00')).toBe(true);
  });

  it('joins segments of one line split at a wide space', () => {
    const raw = [seg('The quick brown', 20, 100, 200, 120), seg('fox jumps', 215, 101, 320, 121)];
    const blocks = detectedBlocks(raw, 400, 200);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.lines[0]!.text).toBe('The quick brown fox jumps');
    expect(blocks[0]!.lines[0]!.words.map((w) => w.text)).toEqual(['The', 'quick', 'brown', 'fox', 'jumps']);
  });

  it('reads two columns of full lines one after the other, each as a paragraph', () => {
    const raw: RawLine[] = [];
    for (let i = 0; i < 5; i++) {
      raw.push(seg(`left column line number ${i} of text`, 20, 100 + i * 24, 380, 120 + i * 24));
      raw.push(seg(`right column line number ${i} of text`, 420, 100 + i * 24, 780, 120 + i * 24));
    }
    const blocks = detectedBlocks(raw, 800, 400);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.lines.every((l) => l.text.startsWith('left'))).toBe(true);
    expect(blocks[1]!.lines.every((l) => l.text.startsWith('right'))).toBe(true);
    expect(blocks[0]!.bbox).toEqual([20, 100, 380, 216]);
  });

  it('two columns half a line apart: lines the detector ran across the gutter are split, and each column is read whole', () => {
    // As a court opinion's scan comes out of PP-OCR: the gutter (12 px) is narrower than a
    // line (20 px) and than the gap order() looks for, and some rows came back as one
    // segment spanning both columns.
    const raw: RawLine[] = [];
    const words = (side: string, i: number) => `${side} column words on line ${i} go on`;
    // Word boxes with a space between words, as the recogniser gives them.
    const spaced = (line: RawLine): RawLine => ({ ...line, words: line.words.map((w) => ({ ...w, bbox: [w.bbox[0] + 2, w.bbox[1], w.bbox[2] - 2, w.bbox[3]] as BBox })) });
    for (let i = 0; i < 8; i++) {
      const y = 100 + i * 24;
      const left = spaced(seg(words('left', i), 20, y, 394, y + 20));
      const right = spaced(seg(words('right', i), 406, y + 3, 780, y + 23));
      if (i % 3 === 1) raw.push({ ...left, text: `${left.text} ${right.text}`, quad: [[20, y], [780, y], [780, y + 23], [20, y + 23]], bbox: [20, y, 780, y + 23], words: [...left.words, ...right.words] });
      else raw.push(left, right);
    }
    const blocks = detectedBlocks(raw, 800, 400);
    const lines = blocks.flatMap((b) => b.lines.map((l) => l.text));
    expect(lines).toEqual([...Array.from({ length: 8 }, (_, i) => words('left', i)), ...Array.from({ length: 8 }, (_, i) => words('right', i))]);
  });

  it('a receipt\'s labels and prices are not columns of prose: no gutter between them', () => {
    const raw: RawLine[] = [];
    for (let i = 0; i < 10; i++) raw.push(seg(`ITEM ${i}`, 20, 100 + i * 24, 90, 120 + i * 24), seg(`${i}.50`, 400, 100 + i * 24, 460, 120 + i * 24));
    const segs = raw.map((r) => ({ line: { text: r.text, bbox: r.bbox, confidence: 0.9, words: r.words }, h: 20, cy: (r.bbox[1] + r.bbox[3]) / 2, vertical: false }));
    expect(findGutters(segs, 500, 20)).toEqual([]);
    expect(text(detectedBlocks(raw, 500, 400)).split(' | ').slice(0, 4)).toEqual(['ITEM 0', '0.50', 'ITEM 1', '1.50']);
  });
});
