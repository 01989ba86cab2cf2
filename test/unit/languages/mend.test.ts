import { describe, expect, it } from 'vitest';
import { mendText, mendWord } from '../../../src/languages/mend';
import { mendPage, readsEnglish } from '../../../src/host/mend-words';
import type { EnginePage } from '../../../src/shared/engine';
import { shippedVectors } from '../chat/helpers';

const vectors = shippedVectors();
const knows = (w: string) => vectors.knows(w);

describe("English words mended from a recogniser's known misreadings", () => {
  it('puts back the letter a ligature lost, and look-alike letters, where one reading is a word', () => {
    expect(mendWord('Offce', knows)).toBe('Office');
    expect(mendWord('signifcant', knows)).toBe('significant');
    expect(mendWord('eficient', knows)).toBe('efficient');
    expect(mendWord('equaily', knows)).toBe('equally');
    expect(mendWord('diffieult', knows)).toBe('difficult');
    expect(mendWord('lnvestor', knows)).toBe('Investor');
    // marks around the word stay; capitals stay capitals
    expect(mendWord('(Offce),', knows)).toBe('(Office),');
    // a word in capitals is a name or a product: left alone
    expect(mendWord('MENTAI', knows)).toBe('MENTAI');
  });

  it('leaves words it knows, names and short words as they are', () => {
    for (const w of ['office', 'file', 'Kozinski', 'Fiserv', 'Marfa', 'Iridaceae', 'eans', 'Riffe', 'A1B2', 'l23', 'ERIES']) expect(mendWord(w, knows), w).toBe(w);
  });

  it("mends a line's text and its words alike, in English jobs", () => {
    expect(mendText('The Offce of  the lnvestor', knows)).toBe('The Office of  the Investor');
    const page: EnginePage = {
      width: 100,
      height: 20,
      source: 'ocr',
      blocks: [],
      lines: [{ text: 'Offce hours', confidence: 0.9, quad: [[0, 0], [90, 0], [90, 20], [0, 20]], bbox: [0, 0, 90, 20], vertical: false, words: [{ text: 'Offce', bbox: [0, 0, 40, 20], confidence: 0.9 }, { text: 'hours', bbox: [50, 0, 90, 20], confidence: 0.9 }] }],
    };
    mendPage(page, knows);
    expect(page.lines![0]!.text).toBe('Office hours');
    expect(page.lines![0]!.words.map((w) => w.text)).toEqual(['Office', 'hours']);
    expect(readsEnglish('eng')).toBe(true);
    expect(readsEnglish('chi_sim+eng')).toBe(true);
    expect(readsEnglish('deu')).toBe(false);
  });
});
