// tool=receipt's second reading of unsure field lines: which lines are read again, and how the
// other recogniser's reading is weighed against the line's own.
import { describe, expect, it } from 'vitest';
import type { EngineLine, EnginePage } from '../../../src/shared/engine';
import { keepPunctuation, settle, spread, unsureFieldLines } from '../../../src/host/unsure-fields';

/** An engine page of one block, a line per text line (10 px a character, 30 px a line), with its confidence. */
function enginePage(lines: [text: string, confidence: number][]): EnginePage {
  const out: EngineLine[] = lines.map(([t, c], i) => {
    const y = 20 + i * 30;
    const words = [...t.matchAll(/\S+/g)].map((m) => ({ text: m[0], bbox: [20 + m.index! * 10, y, 20 + (m.index! + m[0].length) * 10, y + 24] as [number, number, number, number], confidence: c }));
    return { text: t, bbox: [20, y, 20 + t.length * 10, y + 24], confidence: c, words };
  });
  return { width: 800, height: 40 + lines.length * 30, source: 'ocr', blocks: [{ bbox: [20, 20, 780, 20 + lines.length * 30], confidence: 0.8, lines: out }] };
}

const RECEIPT: [string, number][] = [
  ['KEDAI MAJU JAYA SDN BHD', 0.95],
  ['NO. 12, JALAN MAWAR 3,', 0.62],
  ['81100 JOHOR BAHRU', 0.93],
  ['TEL: 07-3551234', 0.9],
  ['DATE: 14/04/2018', 0.96],
  ['MILO 1KG 25.90', 0.7],
  ['TOTAL (RM) 35.5O', 0.58],
  ['CASH 50.00', 0.6],
];

describe('unsure field lines', () => {
  it('are the lines of fields read with low confidence, not sure ones nor lines of no field', () => {
    const lines = unsureFieldLines(enginePage(RECEIPT), 0);
    const texts = lines.map((l) => l.text);
    // the address's unsure line and the total's; not the sure name or date, not the item or the cash line
    expect(texts).toContain('NO. 12, JALAN MAWAR 3,');
    expect(texts).toContain('TOTAL (RM) 35.5O');
    expect(texts).not.toContain('KEDAI MAJU JAYA SDN BHD');
    expect(texts).not.toContain('DATE: 14/04/2018');
    expect(texts).not.toContain('MILO 1KG 25.90');
    expect(texts).not.toContain('CASH 50.00');
  });

  it('none when every field was read surely', () => {
    expect(unsureFieldLines(enginePage(RECEIPT.map(([t]) => [t, 0.97])), 0)).toEqual([]);
  });
});

describe('settling two readings of a line', () => {
  const line = (text: string, confidence: number): EngineLine => ({ text, bbox: [0, 0, 200, 20], confidence, words: [{ text, bbox: [0, 0, 200, 20], confidence }] });

  it('the same characters: the line stands, as sure as the surer reading', () => {
    const l = line('TOTAL 35.50', 0.6);
    expect(settle(l, { text: 'TOTAL  35.50', confidence: 0.97 })).toBe(false);
    expect(l.text).toBe('TOTAL 35.50');
    expect(l.confidence).toBe(0.97);
  });

  it('a clearly surer other reading replaces it, its words spread over the line', () => {
    const l = line('TOTAL 35.5O', 0.58);
    expect(settle(l, { text: 'TOTAL 35.50', confidence: 0.96 })).toBe(true);
    expect(l.text).toBe('TOTAL 35.50');
    expect(l.words.map((w) => w.text)).toEqual(['TOTAL', '35.50']);
  });

  it('a reading not clearly surer, or of a part of the line, does not', () => {
    const l = line('TOTAL 35.5O', 0.8);
    expect(settle(l, { text: 'TOTAL 35.50', confidence: 0.85 })).toBe(false);
    expect(settle(l, { text: '35.50', confidence: 0.99 })).toBe(false);
    expect(l.text).toBe('TOTAL 35.5O');
  });

  it('spreads words by their characters, inside the box', () => {
    const w = spread('AB CDEF', [100, 10, 170, 30], 0.9);
    expect(w.map((x) => x.bbox)).toEqual([
      [100, 10, 120, 30],
      [130, 10, 170, 30],
    ]);
  });
});

describe('the marks one reading passed over', () => {
  it('are put back from the other: commas and stops only, not its misread letters', () => {
    expect(keepPunctuation('NO.53 55,57 & 59, JALAN SAGU 18, TAMAN DAYA,', 'NO.53 55,57 & 59 JALAN SAGU 18 TAMAN DAYA')).toBe('NO.53 55,57 & 59, JALAN SAGU 18, TAMAN DAYA,');
    expect(keepPunctuation('Lot F135, Jaian Puteri', 'LOT F15 JALAN PUTERI')).toBe('LOT F15, JALAN PUTERI');
    expect(keepPunctuation('TOTAL 35.5O', 'TOTAL 35.50')).toBe('TOTAL 35.50');
  });
});
