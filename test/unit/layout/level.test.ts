// A receipt photographed at a slant: laid out level, its boxes put back on the slanted page.
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout';
import type { BBox } from '../../../src/shared/contract';
import type { DetectedLine, EnginePage } from '../../../src/shared/engine';

const WIDTH = 800;
/** A detector's line at a slant: its quad turned, its box and words' boxes axis-aligned around it. */
function tilted(text: string, x0: number, y: number, x1: number, slope: number): DetectedLine {
  const at = (x: number, dy: number): [number, number] => [x, y + dy + slope * x];
  const box = (a: number, b: number): BBox => [a, Math.min(y + slope * a, y + slope * b), b, Math.max(y + 20 + slope * a, y + 20 + slope * b)];
  const words = text.split(' ');
  const step = (x1 - x0) / words.length;
  return {
    text,
    confidence: 0.95,
    quad: [at(x0, 0), at(x1, 0), at(x1, 20), at(x0, 20)],
    bbox: box(x0, x1),
    vertical: false,
    words: words.map((w, i) => ({ text: w, bbox: box(x0 + i * step, x0 + (i + 1) * step - 4), confidence: 0.95 })),
  };
}

const ROWS: [string, string][] = [
  ['SUBTOTAL (EXCL GST)', '47.17'],
  ['GST 6% ON 47.17', '2.83'],
  ['ROUNDING ADJUSTMENT', '0.00'],
  ['TOTAL AFTER ROUNDING', '50.00'],
  ['CASH TENDERED', '100.00'],
  ['CHANGE DUE', '50.00'],
];

function receipt(degrees: number): { page: EnginePage; lines: DetectedLine[] } {
  const slope = Math.tan((degrees * Math.PI) / 180);
  const lines = [tilted('THANK YOU FOR SHOPPING WITH US TODAY', 120, 40, 680, slope), ...ROWS.flatMap(([label, amount], i) => [tilted(label, 20, 100 + 30 * i, 300, slope), tilted(amount, 660, 100 + 30 * i, 760, slope)])];
  return { page: { width: WIDTH, height: 400, blocks: [], lines, source: 'ocr' }, lines };
}

describe('a page at a slant', () => {
  for (const degrees of [2, -2.5]) {
    it(`${degrees}°: each amount is read beside its own label, and every box still covers its words on the slanted page`, () => {
      const { page, lines } = receipt(degrees);
      const out = layoutPage(page, 0);
      for (const [label, amount] of ROWS) expect(out.text).toMatch(new RegExp(`${label.replace(/[()]/g, '\\$&')}\\s+${amount.replace('.', '\\.')}`));
      const words = out.blocks.flatMap((b) => (b.lines ?? []).flatMap((l) => l.words));
      for (const l of lines) {
        for (const w of l.words) {
          const mid = (b: BBox) => (b[1] + b[3]) / 2;
          // the same word may stand twice ("50.00"): the one nearest
          const got = words.filter((x) => x.text === w.text && Math.abs(x.bbox[0] - w.bbox[0]) < 1).sort((a, b) => Math.abs(mid(a.bbox) - mid(w.bbox)) - Math.abs(mid(b.bbox) - mid(w.bbox)))[0];
          expect(got, w.text).toBeTruthy();
          // the box is back where the word is: its middle within 2 px of the word's
          expect(Math.abs((got!.bbox[1] + got!.bbox[3]) / 2 - (w.bbox[1] + w.bbox[3]) / 2)).toBeLessThan(2);
        }
      }
      for (const b of out.blocks) for (const l of b.lines ?? []) for (const w of l.words) {
        expect(l.bbox[1]).toBeLessThanOrEqual(w.bbox[1] + 0.5);
        expect(l.bbox[3]).toBeGreaterThanOrEqual(w.bbox[3] - 0.5);
      }
    });
  }

  it('a level page is laid out as it was (no shear)', () => {
    const { page } = receipt(0);
    const out = layoutPage(page, 0);
    const words = out.blocks.flatMap((b) => (b.lines ?? []).flatMap((l) => l.words));
    expect(words.find((w) => w.text === 'CHANGE')!.bbox).toEqual([20, 250, 20 + 280 / 2 - 4, 270]);
  });
});
