// Commas and stops on a name or address line as its ink shows them: the glyphs found in a line's
// pixels, its words found by their gaps, what ends each word, and the merged reading's marks
// checked against that.
import { describe, expect, it } from 'vitest';
import { glyphsOf, inkWordEnds, splitWords, wordEnd, type Glyph } from '../../../src/host/mark-ink';
import { checkMarks, markWords } from '../../../src/host/unsure-fields';

const CAP = 20;
const BASE = 26;

/**
 * A line of print as grey pixels (white paper, black ink): each letter a 12 × CAP block standing
 * on the baseline, a stop a 4 × 4 dot on it, a comma 4 px wide from 5 above to 5 below it, a dash
 * 8 × 3 at mid height; 4 px between glyphs, 16 px a space. `dots`: letters printed as rows of
 * dots a pixel apart (a dot-matrix print).
 */
function line(text: string, dots = false, stop = 20): { grey: Uint8Array; width: number; height: number } {
  const width = 10 + [...text].reduce((n, c) => n + (c === ' ' ? 12 : c === '.' || c === ',' ? 8 : c === '-' ? 12 : 16), 0);
  const height = 34;
  const grey = new Uint8Array(width * height).fill(250);
  const fill = (x0: number, y0: number, w: number, h: number, ink = 20) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (!dots || y % 3 !== 2) grey[y * width + x] = ink;
  };
  let x = 6;
  for (const c of text) {
    if (c === ' ') x += 12;
    else if (c === '.') {
      fill(x, BASE - 4, 4, 4, stop);
      x += 8;
    } else if (c === ',') {
      fill(x, BASE - 5, 4, 10);
      x += 8;
    } else if (c === '-') {
      fill(x, BASE - 11, 8, 3);
      x += 12;
    } else {
      fill(x, BASE - CAP, 12, CAP);
      x += 16;
    }
  }
  return { grey, width, height };
}

const ends = (text: string, words: number, dots = false, stop = 20) => {
  const { grey, width, height } = line(text, dots, stop);
  return inkWordEnds(grey, width, height, 128, words);
};

describe("a line's glyphs and words in its ink", () => {
  it('finds each letter and mark as a glyph, left to right', () => {
    const { grey, width, height } = line('AB, C.');
    const ink = Uint8Array.from(grey, (v) => (v < 128 ? 1 : 0));
    const g = glyphsOf(ink, width, height);
    expect(g.map((x) => x.y1 - x.y0)).toEqual([CAP, CAP, 10, CAP, 4]);
    expect(g.every((x, i) => i === 0 || x.x0 >= g[i - 1]!.x1)).toBe(true);
  });

  it("joins a dot-matrix letter's dots into one glyph", () => {
    const { grey, width, height } = line('AB', true);
    const ink = Uint8Array.from(grey, (v) => (v < 128 ? 1 : 0));
    expect(glyphsOf(ink, width, height)).toHaveLength(2);
  });

  it('splits the glyphs into words at the widest gaps, only where those stand clear', () => {
    const g = (x0: number, x1: number): Glyph => ({ x0, x1, y0: 0, y1: 20, n: 100 });
    const glyphs = [g(0, 10), g(14, 24), g(40, 50), g(54, 64)];
    expect(splitWords(glyphs, 2)?.map((w) => w.length)).toEqual([2, 2]);
    expect(splitWords(glyphs, 1)?.map((w) => w.length)).toEqual([4]);
    // three words asked of two: the second cut is no wider than the gaps inside words
    expect(splitWords(glyphs, 3)).toBeNull();
    expect(splitWords(glyphs, 5)).toBeNull();
  });
});

describe("what ends a word in the ink", () => {
  it('a letter, a stop or a comma', () => {
    expect(ends('JALAN BESAR', 2)).toEqual([{ mark: false }, { mark: false }]);
    expect(ends('JALAN, BESAR.', 2)).toEqual([
      { mark: true, kind: ',' },
      { mark: true, kind: '.' },
    ]);
  });

  it('a stop printed fainter than the letters leaves the end unsure', () => {
    expect(ends('KUALA LUMPUR.', 2, false, 175)).toEqual([{ mark: false }, { mark: undefined }]);
    // paper's grey is no mark
    expect(ends('KUALA LUMPUR.', 2, false, 240)).toEqual([{ mark: false }, { mark: false }]);
  });

  it('a dash is no mark, and a lone glyph tells nothing', () => {
    expect(ends('AB- C', 2)).toEqual([{ mark: undefined }, { mark: undefined }]);
  });

  it('a tall narrow comma low on the line is no letter', () => {
    const g = (x0: number, w: number, y0: number, y1: number): Glyph => ({ x0, x1: x0 + w, y0, y1, n: 40 });
    expect(wordEnd([g(0, 12, 6, 26), g(16, 3, 14, 28)]).mark).not.toBe(false);
    // a narrow letter reaching the top is one
    expect(wordEnd([g(0, 12, 6, 26), g(16, 3, 6, 26)]).mark).toBe(false);
  });

  it('passes over a mark before the last glyph for the letters’ height', () => {
    const g = (x0: number, y0: number, y1: number): Glyph => ({ x0, x1: x0 + 4, y0, y1, n: 16 });
    expect(wordEnd([g(0, 6, 26), g(6, 22, 26), g(12, 22, 26)])).toEqual({ mark: true, kind: '.' });
  });

  it('on a dot-matrix print', () => {
    expect(ends('NO 2A JALAN COCHRANE', 4, true)).toEqual([{ mark: false }, { mark: false }, { mark: false }, { mark: false }]);
  });
});

describe("a merged line's marks checked against the ink", () => {
  it('finds the mark that ends each word, alone or glued to the next', () => {
    expect(markWords('LOT 485 .TMN LEMBAH')).toEqual([{ end: -1 }, { end: 8 }, { end: -1 }, { end: -1 }]);
    expect(markWords('CHERAS, 55100 ,')).toEqual([{ end: 6 }, { end: 14 }]);
  });

  it('drops a mark one reading alone read where the word ends in a letter', () => {
    const text = 'No 2A Jalan Cochrane.';
    expect(checkMarks(text, 'No 2A Jalan Cochrane', 'Yo 24 Jalan Cochrane.', ends('NO 2A JALAN COCHRANE', 4))).toBe('No 2A Jalan Cochrane');
    expect(checkMarks('CHERAS, 55100. KUALA LUMPUR', 'CHERAS, 55100 KUALA LUMPUR', 'CHERAS : 55100. KUALA LUMPUR', ends('CHERAS, 55100 KUALA LUMPUR', 4))).toBe(
      'CHERAS, 55100 KUALA LUMPUR',
    );
  });

  it('keeps a mark one reading read where the ink shows one, faint or not, and any mark both read', () => {
    expect(checkMarks('KUALA LUMPUR.', 'KUALA LUMPUR', 'KUALA LUMPUR.', ends('KUALA LUMPUR.', 2, false, 175))).toBe('KUALA LUMPUR.');
    expect(checkMarks('JALAN BESAR.', 'JALAN BESAR', 'JALAN BESAR.', ends('JALAN BESAR.', 2))).toBe('JALAN BESAR.');
    expect(checkMarks('JALAN BESAR.', 'JALAN BESAR.', 'JALAN BESAR.', ends('JALAN BESAR', 2))).toBe('JALAN BESAR.');
  });

  it('takes the mark whose shape the ink shows where the readings differ', () => {
    expect(checkMarks('NO 290, JALAN AIR PANAS.', 'NO 290, JALAN AIR PANAS', 'NO 290. JALAN AIR PANAS.', ends('NO 290. JALAN AIR PANAS.', 5))).toBe('NO 290. JALAN AIR PANAS.');
    expect(checkMarks('LOT 485 .TMN', 'LOT 485 .TMN', 'LOT 485, TMN', ends('LOT 485, TMN', 3))).toBe('LOT 485, TMN');
    // and a mark read apart from its word is put after it
    expect(checkMarks('LOT 485 , TMN', 'LOT 485 , TMN', 'LOT 485, TMN', ends('LOT 485, TMN', 3))).toBe('LOT 485, TMN');
  });

  it('changes nothing where the ink does not split into the words read', () => {
    expect(checkMarks('No 2A Jalan Cochrane.', 'No 2A Jalan Cochrane', 'No 2A Jalan Cochrane.', null)).toBe('No 2A Jalan Cochrane.');
    expect(checkMarks('No 2A Jalan Cochrane.', 'No 2A Jalan Cochrane', 'No 2A Jalan Cochrane.', ends('NO 2A JALAN COCHRANE', 3))).toBe('No 2A Jalan Cochrane.');
  });
});
