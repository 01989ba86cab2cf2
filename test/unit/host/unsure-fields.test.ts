// tool=receipt's second reading of unsure field lines: which lines are read again, and how the
// other recogniser's reading is weighed against the line's own.
import { describe, expect, it } from 'vitest';
import type { EngineLine, EnginePage } from '../../../src/shared/engine';
import { readReceipt } from '../../../src/fields/receipt';
import { layoutPage } from '../../../src/layout';
import { confirmWords, endMarks, fieldLinesToReread, lostRow, takesLostValue, keepPunctuation, merge, mergeReadings, settle, spread, sureWords, sureWordsOf, widenToInk } from '../../../src/host/unsure-fields';

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

describe('field lines read again', () => {
  it('are the name and address lines, sure or not, and the lines of other fields read with low confidence', () => {
    const lines = fieldLinesToReread(enginePage(RECEIPT), 0);
    const texts = (header: boolean) => lines.filter((l) => l.header === header).map((l) => l.line.text);
    expect(texts(true)).toEqual(['KEDAI MAJU JAYA SDN BHD', 'NO. 12, JALAN MAWAR 3,', '81100 JOHOR BAHRU']);
    // the total's unsure line; not the sure date, not the item or the cash line
    expect(texts(false)).toEqual(['TOTAL (RM) 35.5O']);
  });

  it("where no seller's name was found, the two lines above the address are read again as the name's", () => {
    const page = enginePage([['A', 0.2], ['‘', 0.1], ['oy', 0.2], ['TIMES BOETomss', 0.22], ['LOT F21 & 22, CITTA MALL', 0.8], ['NO 1, JLN PJU 1A/4 47301', 0.8], ['Tez31 x 12.37', 0.95]]);
    expect(readReceipt([layoutPage(page, 0)]).merchant).toBeUndefined();
    const lines = fieldLinesToReread(page, 0);
    expect(lines.filter((l) => l.header).map((l) => l.line.text)).toEqual(['oy', 'TIMES BOETomss', 'LOT F21 & 22, CITTA MALL', 'NO 1, JLN PJU 1A/4 47301']);
    // not where the name was found
    expect(fieldLinesToReread(enginePage([['x', 0.2], ...RECEIPT]), 0).some((l) => l.line.text === 'x')).toBe(false);
  });

  it('only the name and address lines when every other field was read surely', () => {
    const lines = fieldLinesToReread(enginePage(RECEIPT.map(([t]) => [t.replace('35.5O', '35.50'), 0.97])), 0);
    expect(lines.every((l) => l.header)).toBe(true);
    expect(lines).toHaveLength(3);
  });
});

describe('a date the reading lost', () => {
  it("a date's label with no date beside it, on a page where no date was found: its row is read again", () => {
    const lost = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('DATE') ? ['Date', 0.9] : [t, c]));
    const lines = fieldLinesToReread(enginePage(lost), 0);
    expect(lines.filter((l) => l.lost === 'date').map((l) => l.line.text)).toEqual(['Date']);
    // a page whose date was read has no such line
    expect(fieldLinesToReread(enginePage(RECEIPT), 0).some((l) => l.lost === 'date')).toBe(false);
    // a label at the line's end, its value further along the row; not a label inside a sentence
    const atEnd = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('DATE') ? ['INV NO: CS-SA-0120436 Date', 0.9] : [t, c]));
    expect(fieldLinesToReread(enginePage(atEnd), 0).filter((l) => l.lost === 'date').map((l) => l.line.text)).toEqual(['INV NO: CS-SA-0120436 Date']);
    const sentence = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('DATE') ? ['PURCHASE DATE FOR I.T PRODUCT WARRANTY', 0.9] : [t, c]));
    expect(fieldLinesToReread(enginePage(sentence), 0).some((l) => l.lost === 'date')).toBe(false);
    // a label inside the line, its value beside it garbled to digits and marks
    for (const garbled of ['Salesperson: Date: 120202018', 'RECEIPT # CS00633890 DATE: 258/M4£2017', 'RECEIPT #: CSP0A TATE: 15/41/2017']) {
      const inside = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('DATE') ? [garbled, 0.6] : [t, c]));
      expect(fieldLinesToReread(enginePage(inside), 0).filter((l) => l.lost === 'date').map((l) => l.line.text)).toEqual([garbled]);
    }
  });
});

describe('a total the reading lost', () => {
  it("a total's label with no amount beside it, or a garbled one: its row is read again", () => {
    const garbled = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('TOTAL') ? ['Net Total 25: J', 0.9] : [t, c]));
    expect(fieldLinesToReread(enginePage(garbled), 0).filter((l) => l.lost === 'total').map((l) => l.line.text)).toEqual(['Net Total 25: J']);
    // a subtotal's, a tax's or a rounding's label is not the total's; a total read with its amount is not lost
    const others = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('TOTAL') ? ['SUB TOTAL', 0.9] : t.startsWith('CASH') ? ['GST 6%', 0.9] : [t, c]));
    expect(fieldLinesToReread(enginePage([...others, ['Rounding Adj', 0.9]]), 0).some((l) => l.lost)).toBe(false);
    expect(fieldLinesToReread(enginePage(RECEIPT.map(([t]) => [t.replace('35.5O', '35.50'), 0.97])), 0).some((l) => l.lost)).toBe(false);
    // nor is the head of the items' Total column
    expect(fieldLinesToReread(enginePage([['Description Qty U.Price Total', 0.9], ...RECEIPT.map(([t]): [string, number] => [t.replace('35.5O', '35.50'), 0.97])]), 0).some((l) => l.lost)).toBe(false);
  });
});

describe("a lost value's second reading", () => {
  it('stands when it holds the date, or the total with its label and amount', () => {
    expect(takesLostValue('date', 'Date F 18 06- 018', 0.46, { text: 'Date : 18 06-2018 16:15:47', confidence: 0.8 })).toBe(true);
    expect(takesLostValue('date', 'Date E 12- - 2017', 0.69, { text: 'Date 12 -2017', confidence: 0.9 })).toBe(false);
    expect(takesLostValue('total', 'Net Total', 0.9, { text: 'Net Total 25.00', confidence: 0.8 })).toBe(true);
    // the label lost in the second reading: the first keeps it
    expect(takesLostValue('total', 'TOTAL', 0.95, { text: 'TTA295.07', confidence: 0.77 })).toBe(false);
    // a garbled amount read less surely again is not put right
    expect(takesLostValue('total', 'Total Amount: 31.000', 0.71, { text: 'Total mount: 1.00', confidence: 0.65 })).toBe(false);
    expect(takesLostValue('total', 'Total Sales (Inclusive GST) RA 280', 0.6, { text: 'Total Sales (Inclusive GST) RM 20.80', confidence: 0.9 })).toBe(true);
  });
});

describe('merging two readings of a name or address line', () => {
  /** A word of a line, 40 pixels wide from `x`. */
  const word = (text: string, confidence: number, x: number) => ({ text, bbox: [x, 0, x + 40, 20] as [number, number, number, number], confidence });
  /** The text of a fresh line from `make` merged with PP-OCR's `text`, read at `confidence`. */
  const mergedWith = (make: () => EngineLine, text: string, confidence: number) => {
    const l = make();
    merge(l, { text, confidence }, true);
    return l.text;
  };

  it("takes PP-OCR's letters, Tesseract's spaces, and the marks either printed", () => {
    // PP-OCR tells T from I and J from I; Tesseract keeps the word gap PP-OCR lost and the end comma
    expect(mergeReadings('IAMAN BUKIT (PI) SDN BHD,', 'TAMAN BUKIT (PJ)SDN BHD')).toBe('TAMAN BUKIT (PJ) SDN BHD,');
    // a gap PP-OCR read inside a word is not one
    expect(mergeReadings('GOLDEN BAKERIES SDN BHD', 'G0LDEN BAK ERIES SDN BHD')).toBe('G0LDEN BAKERIES SDN BHD');
    // marks and letters only PP-OCR read are kept ("KG." Tesseract missed)
    expect(mergeReadings('BATU 3,', 'KG.BATU 3,')).toBe('KG.BATU 3,');
    // a mark Tesseract read where PP-OCR read a letter is the letter
    expect(mergeReadings('(NE TWO TRADING', 'ONE TWO TRADING')).toBe('ONE TWO TRADING');
  });

  it('keeps the letters of a line Tesseract is sure of, adding only the marks PP-OCR alone read', () => {
    expect(mergeReadings('TRI SHAAS SDN BHD', 'TRI SIHAAS SDN BHD', true)).toBe('TRI SHAAS SDN BHD');
    expect(mergeReadings('Lot 5, Jalan Mawar 2/1', 'Lot 5, Jalan Mawar 2/1,', true)).toBe('Lot 5, Jalan Mawar 2/1,');
    expect(mergeReadings('43300 SERI KEMBANGAN, SELANGOR', '43300 SERI KEMBANGAN . SELANGOR', true)).toBe('43300 SERI KEMBANGAN, SELANGOR');
    expect(mergeReadings('(NE TWO TRADING', 'ONE TWO TRADING', true)).toBe('ONE TWO TRADING');
  });

  it("decides word by word: a word Tesseract was unsure of takes PP-OCR's letters, however sure the rest of its line", () => {
    // the line reads surely but its postcode did not; PP-OCR's digits stand there, Tesseract's letters elsewhere
    expect(mergeReadings('63188 KAJANG, SELANGOR', '63100 KAJANG, SELANG0R', [false, true, true])).toBe('63100 KAJANG, SELANGOR');
    expect(mergeReadings('NO.T, JALAN MAWAR', 'NO.1, JALAN MAWAR', [false, true, true])).toBe('NO.1, JALAN MAWAR');
    expect(mergeReadings('SRI MAJU SDN 8HD', 'SRI MAJU SDN BHD', [true, true, true, false])).toBe('SRI MAJU SDN BHD');
    // a sure word keeps its letters beside an unsure one
    expect(mergeReadings('TRI SHAAS 8HD', 'TRI SIHAAS BHD', [true, true, false])).toBe('TRI SHAAS BHD');
  });

  it("keeps an unsure word of digits where PP-OCR read a look-alike letter, and takes PP-OCR's '&' for a digit", () => {
    expect(mergeReadings('52100 KUALA LUMPUR', 'S2100 KUALA LUMPUR', [false, true, true])).toBe('52100 KUALA LUMPUR');
    expect(mergeReadings('No.688, JALAN BESAR', 'No.6&8,JALAN BESAR', [false, true, true])).toBe('No.6&8, JALAN BESAR');
    // either way round: the faint sign is the sign
    expect(mergeReadings('No.6&8 JALAN BESAR', 'No.688, JALAN BESAR', [false, true, true])).toBe('No.6&8, JALAN BESAR');
    // a short word of digits may be a unit's letter and number: PP-OCR's letter stands
    expect(mergeReadings('LOT 515,', 'LOT F15,', [true, false])).toBe('LOT F15,');
  });

  it("takes the first letters only PP-OCR read, glued to the line's first word, where it read the line surely", () => {
    expect(mergeReadings('AVENDER CONFECTIONERY & BAKERY §/B', 'LAVENDER CONFECTIONERY & BAKERY S/B', true, { surely: true })).toBe('LAVENDER CONFECTIONERY & BAKERY S/B');
    expect(mergeReadings('MAN DESA TEBRAU, 81100 JOHOR', 'TAMAN DESA TEBRAU, 81100 JOHOR', [true, true, true, true, true], { surely: true })).toBe('TAMAN DESA TEBRAU, 81100 JOHOR');
    // not where PP-OCR was unsure of the line, nor letters standing apart, nor more than three
    expect(mergeReadings('AVENDER CONFECTIONERY', 'LAVENDER CONFECTIONERY', true)).toBe('AVENDER CONFECTIONERY');
    expect(mergeReadings('SRI MAJU SDN BHD', 'X SRI MAJU SDN BHD', true, { surely: true })).toBe('SRI MAJU SDN BHD');
    expect(mergeReadings('BAKERY SDN BHD', 'ABCDBAKERY SDN BHD', true, { surely: true })).toBe('BAKERY SDN BHD');
  });

  it('pairs a gap with a gap: a space read beside a letter is no misreading of it', () => {
    expect(mergeReadings('JLN PJU 1A3,', 'JLN PJU 1A 3')).toBe('JLN PJU 1A3,');
  });

  it('drops whole words only one of them read at an end of the line, where the other saw no text', () => {
    expect(mergeReadings('Wi RA NO.8, JALAN MERAK 2,', 'NO.8, JALAN MERAK 2,')).toBe('NO.8, JALAN MERAK 2,');
    expect(mergeReadings('SRI MAJU SDN BHD', 'SRI MAJU SDN BHD Lot3Ja')).toBe('SRI MAJU SDN BHD');
    // a letter inside a word only Tesseract read stays
    expect(mergeReadings('NO.18 JALAN', 'NO.1 JALAN')).toBe('NO.18 JALAN');
  });

  it("reads each word's confidence from the line's words", () => {
    const l: EngineLine = {
      text: '47188 PUCHONG, SELANGOR',
      bbox: [0, 0, 230, 20],
      confidence: 0.88,
      words: [
        { text: '47188', bbox: [0, 0, 50, 20], confidence: 0.74 },
        { text: 'PUCHONG,', bbox: [60, 0, 140, 20], confidence: 0.9 },
        { text: 'SELANGOR', bbox: [150, 0, 230, 20], confidence: 0.96 },
      ],
    };
    expect(sureWords(l)).toEqual([false, true, true]);
    expect(merge(l, { text: '47100 PUCHONG, SELANG0R', confidence: 0.98 }, true)).toBe(true);
    expect(l.text).toBe('47100 PUCHONG, SELANGOR');
    // words that do not spell the text: the line's confidence for all
    expect(sureWords({ ...l, text: 'OTHER TEXT' })).toBe(true);
  });

  it('pairs a letter with a letter before a mark with a letter, and a changed letter before one dropped and one added', () => {
    // "MAJUI," against "MAJUL": I pairs with L and the comma stays (not "MAJUIL")
    expect(mergeReadings('TAMAN MAJUI,', 'TAMAN MAJUL', [true, false])).toBe('TAMAN MAJUL,');
    // "PERAK," against "PERAM": K pairs with M; the comma is Tesseract's alone (not "PERAKM")
    expect(mergeReadings('IPOH PERAK,', 'IPOH PERAM', [true, false])).toBe('IPOH PERAM,');
  });

  it("takes PP-OCR's reading whole of a word Tesseract guessed, where PP-OCR read the line surely", () => {
    const guessed = (): EngineLine => ({ text: 'NOSE 12, JALAN MAWAR', bbox: [0, 0, 200, 20], confidence: 0.8, words: [word('NOSE', 0.05, 0), word('12,', 0.9, 50), word('JALAN', 0.95, 100), word('MAWAR', 0.95, 150)] });
    const sure = guessed();
    expect(merge(sure, { text: 'NO.8 12, JALAN MAWAR', confidence: 0.95 }, true)).toBe(true);
    expect(sure.text).toBe('NO.8 12, JALAN MAWAR');
    // PP-OCR unsure of the line: letter by letter, Tesseract's letter kept where PP-OCR read a mark
    expect(mergedWith(guessed, 'NO.8 12, JALAN MAWAR', 0.8)).toBe('NOS8 12, JALAN MAWAR');
  });

  it('drops a letter only Tesseract read in a word it was unsure of, where PP-OCR read the line surely', () => {
    const line = (): EngineLine => ({ text: 'LOT B247, PLAZA MAJU', bbox: [0, 0, 200, 20], confidence: 0.85, words: [word('LOT', 0.95, 0), word('B247,', 0.7, 50), word('PLAZA', 0.95, 100), word('MAJU', 0.95, 150)] });
    expect(mergedWith(line, 'LOT B27, PLAZA MAJU', 0.97)).toBe('LOT B27, PLAZA MAJU');
    expect(mergedWith(line, 'LOT B27, PLAZA MAJU', 0.86)).toBe('LOT B247, PLAZA MAJU');
    // a sure reading that dropped more (spaces, marks, letters) may have dropped that letter too
    expect(mergedWith(line, 'LOTB27 PLAZAMAJ', 0.97)).toBe('LOT B247, PLAZA MAJU');
  });

  it("keeps a comma or stop that ends a word where the other read a letter (a speck, the crop's edge)", () => {
    expect(mergeReadings('JALAN MAJU 2,', 'JALAN MAJU 2R', true)).toBe('JALAN MAJU 2,');
    expect(mergeReadings('JALAN MAJU 2,', 'JALAN MAJU 2R', [true, true, false])).toBe('JALAN MAJU 2,');
    // a mark at a word's start is still the letter the other read ("(NE" for ONE)
    expect(mergeReadings('(NE TWO TRADING', 'ONE TWO TRADING', true)).toBe('ONE TWO TRADING');
  });

  it("takes PP-OCR's sure reading that runs on from Tesseract's, whose box cut the word short", () => {
    const short = (): EngineLine => ({ text: 'PERSI', bbox: [0, 0, 60, 20], confidence: 0.5, words: [{ text: 'PERSI', bbox: [0, 0, 60, 20], confidence: 0.5 }] });
    const l = short();
    expect(merge(l, { text: 'PERSIARAN', confidence: 0.97 }, true)).toBe(true);
    expect(l.text).toBe('PERSIARAN');
    // unsure, it may be a neighbour's text: the line stands
    const m = short();
    expect(merge(m, { text: 'PERSIARAN', confidence: 0.8 }, true)).toBe(false);
    expect(m.text).toBe('PERSI');
  });

  it("takes PP-OCR's sure reading of a line Tesseract all but guessed, however far apart the two are", () => {
    // Tesseract read "KG.BATU," as "“Batu" (0.42); BATU is a word it read surely elsewhere on the page
    const guessed = (): EngineLine => ({ text: '“Batu', bbox: [0, 0, 80, 20], confidence: 0.42, words: [word('“Batu', 0.42, 0)] });
    const l = guessed();
    expect(merge(l, { text: 'KG.BATU,', confidence: 0.96 }, true, new Set(['BATU']))).toBe(true);
    expect(l.text).toBe('KG.BATU,');
    // PP-OCR unsure too: two readings that far apart may be of different text, and the line stands
    const m = guessed();
    expect(merge(m, { text: 'KG.BATU,', confidence: 0.8 }, true)).toBe(false);
    expect(m.text).toBe('“Batu');
    // Tesseract not guessing (0.7): the same
    const n: EngineLine = { text: '“Batu', bbox: [0, 0, 80, 20], confidence: 0.7, words: [word('“Batu', 0.7, 0)] };
    expect(merge(n, { text: 'KG.BATU,', confidence: 0.96 }, true)).toBe(false);
  });

  it("counts a word as unsure where PP-OCR's reading of its line is clearly surer than Tesseract's of the word", () => {
    const line = (): EngineLine => ({ text: '12000 KOTA MARU', bbox: [0, 0, 200, 20], confidence: 0.9, words: [word('12000', 0.95, 0), word('KOTA', 0.95, 50), word('MARU', 0.86, 100)] });
    expect(sureWords(line(), new Set(), 0.8)).toEqual([true, true, true]);
    expect(sureWords(line(), new Set(), 0.97)).toEqual([true, true, false]);
    expect(mergedWith(line, '12000 KOTA BARU', 0.97)).toBe('12000 KOTA BARU');
    expect(mergedWith(line, '12000 KOTA BARU', 0.9)).toBe('12000 KOTA MARU');
  });

  it('counts a faint word as sure when the page reads the same word surely elsewhere', () => {
    const line: EngineLine = { text: 'ONE ONE FOUR BAKERY', bbox: [0, 0, 200, 20], confidence: 0.9, words: [word('ONE', 0.66, 0), word('ONE', 0.95, 50), word('FOUR', 0.95, 100), word('BAKERY', 0.93, 150)] };
    const page: EnginePage = { width: 300, height: 100, blocks: [{ bbox: [0, 0, 200, 20], confidence: 0.9, lines: [line] }] } as EnginePage;
    const known = sureWordsOf(page);
    expect(known.has('ONE')).toBe(true);
    expect(sureWords(line, known)).toEqual([true, true, true, true]);
    expect(merge(line, { text: 'CNE ONE FOUR BAKERY', confidence: 0.95 }, true, known)).toBe(false);
    expect(line.text).toBe('ONE ONE FOUR BAKERY');
    // without the page's words, the faint word takes PP-OCR's letters
    const alone = structuredClone(line);
    expect(merge(alone, { text: 'CNE ONE FOUR BAKERY', confidence: 0.95 }, true)).toBe(true);
    expect(alone.text).toBe('CNE ONE FOUR BAKERY');
  });

  it('changes the line, its words keeping their boxes, unless the readings are of different text', () => {
    const l: EngineLine = { text: 'IAMAN SRI', bbox: [0, 0, 90, 20], confidence: 0.7, words: [{ text: 'IAMAN', bbox: [0, 0, 50, 20], confidence: 0.7 }, { text: 'SRI', bbox: [60, 0, 90, 20], confidence: 0.7 }] };
    expect(merge(l, { text: 'TAMAN SRI', confidence: 0.8 }, true)).toBe(true);
    expect(l.text).toBe('TAMAN SRI');
    expect(l.words.map((w) => [w.text, w.bbox[0]])).toEqual([['TAMAN', 0], ['SRI', 60]]);
    // Tesseract as the other reader (a vlm job): PP-OCR's reading stands, with the marks that end Tesseract's words
    const v: EngineLine = { text: 'NO. 3 JALAN SRI MAJU', bbox: [0, 0, 90, 20], confidence: 0.9, words: [] };
    expect(merge(v, { text: 'N0. 3, JALAN SRl.MAJU,', confidence: 0.8 }, false)).toBe(true);
    expect(v.text).toBe('NO. 3, JALAN SRI MAJU,');
    const far: EngineLine = { text: 'TEL 03-1234567', bbox: [0, 0, 90, 20], confidence: 0.9, words: [] };
    expect(merge(far, { text: 'JALAN MAWAR', confidence: 0.99 }, true)).toBe(false);
    expect(far.text).toBe('TEL 03-1234567');
  });

  it("drops a stop PP-OCR alone read in a gap between two words Tesseract read (a vlm page's name line)", () => {
    // PP-OCR reads a wide word gap as a stop; Tesseract reads the gap plainly
    expect(endMarks('UNIHAKKA INTERNATIONAL SDN BHD', 'UNIHAKKA INTERNATIONAL. SDN BHD')).toBe('UNIHAKKA INTERNATIONAL SDN BHD');
    expect(endMarks('THE MARCO POLO KITCH', 'THE MARCO POLO . KITCH')).toBe('THE MARCO POLO KITCH');
    expect(endMarks('POPULAR BOOK CO. (M) SDN BHD', 'POPULAR BOOK. CO. (M) SDN BHD')).toBe('POPULAR BOOK CO. (M) SDN BHD');
    // a stop Tesseract read too, an abbreviation's, one that ends the line, or glued to the next word, stands
    expect(endMarks('BOOK. CO SDN BHD', 'BOOK. CO SDN BHD')).toBe('BOOK. CO SDN BHD');
    expect(endMarks('ENW CENTRE SDN BHD', 'ENW CENTRE SDN. BHD')).toBe('ENW CENTRE SDN. BHD');
    expect(endMarks('ACME CORP SDN BHD', 'ACME CORP. SDN BHD')).toBe('ACME CORP. SDN BHD');
    expect(endMarks('JALAN RAJA CHULAN, 50200 KUALA LUMPUR, MALAYSIA', 'JALAN RAJA CHULAN, 50200 KUALA LUMPUR, MALAYSIA.')).toBe('JALAN RAJA CHULAN, 50200 KUALA LUMPUR, MALAYSIA.');
    expect(endMarks('SUPER SEVEN CASH', 'SUPER.SEVEN CASH')).toBe('SUPER.SEVEN CASH');
    // a word Tesseract did not read: nothing says the stop is a gap's
    expect(endMarks('UNIHAKKA SDN BHD', 'UNIHAKKA INTERNATIONAL. SDN BHD')).toBe('UNIHAKKA INTERNATIONAL. SDN BHD');
  });

  it('on a page PP-OCR read, drops its space inside a word where the two readings differ in nothing else', () => {
    const l: EngineLine = { text: 'Taman Ma luri', bbox: [0, 0, 120, 20], confidence: 0.99, words: [] };
    expect(merge(l, { text: 'Taman Maluri', confidence: 0.92 }, false)).toBe(true);
    expect(l.text).toBe('Taman Maluri');
    expect(l.words.map((w) => w.text)).toEqual(['Taman', 'Maluri']);
    // Tesseract's page, PP-OCR the other: its spaces are not taken there
    const t: EngineLine = { text: 'Taman Maluri', bbox: [0, 0, 120, 20], confidence: 0.99, words: [] };
    expect(merge(t, { text: 'Taman Ma luri', confidence: 0.92 }, true)).toBe(false);
    expect(t.text).toBe('Taman Maluri');
  });

  it('drops a space PP-OCR alone read inside a word Tesseract read whole with the same characters', () => {
    expect(endMarks('BEYOND BROTHERS HARDWARE', 'BEYOND BROTHERS HARD WARE')).toBe('BEYOND BROTHERS HARDWARE');
    expect(endMarks('47301 PETALING JAYA.', '47301 PETAL ING JAYA.')).toBe('47301 PETALING JAYA.');
    expect(endMarks('Malaysia', 'M alaysia')).toBe('Malaysia');
    expect(endMarks('SECTION U6, 40150 SHAH ALAM.', 'SECTION U6, 40 150 SHAH ALAM.')).toBe('SECTION U6, 40150 SHAH ALAM.');
    expect(endMarks("DOMINO'S PIZZA", "DOMINO 'S PIZZA")).toBe("DOMINO'S PIZZA");
    // Tesseract's word other than PP-OCR's two halves joined, or its own space there: the space stands
    expect(endMarks('No: G3, BKG, Jin PJU', 'No: G3, BIk G, JIn PJU')).toBe('No: G3, BIk G, JIn PJU');
    expect(endMarks('TAMAN DESA', 'TAMAN DESA')).toBe('TAMAN DESA');
    expect(endMarks('TAMANDESA', 'TAMAN DES4')).toBe('TAMAN DES4');
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

describe("a line's box widened to its row's ink", () => {
  /** A white `width`×20 row with ink in the columns of `runs` ([from, to) each), rows 4 to 16. */
  const row = (width: number, runs: [number, number][]) => {
    const grey = new Uint8Array(width * 20).fill(240);
    for (const [a, b] of runs) for (let y = 4; y < 16; y++) for (let x = a; x < b; x++) grey[y * width + x] = 30;
    return grey;
  };

  it('takes in a letter the box left out at either end, across a gap as wide as a word gap', () => {
    // letters at 20-30, 34-44 (the box starts at 34), 48-90 (it ends at 80); a letter 96-104 after a gap of 6
    const grey = row(200, [[20, 30], [34, 44], [48, 90], [96, 104]]);
    expect(widenToInk(grey, 200, 20, [34, 2, 80, 18], 128)).toEqual([20, 2, 104, 18]);
  });

  it('stops at a gap wider than a word gap, and at three line heights', () => {
    // a column of text 30 pixels on (over 0.8 of the 16-pixel line height): not the line's
    const grey = row(300, [[40, 100], [130, 140]]);
    expect(widenToInk(grey, 300, 20, [40, 2, 100, 18], 128)).toEqual([40, 2, 100, 18]);
    // ink running on and on (a dark edge of the scan) is taken no further than three line heights
    const edge = row(300, [[0, 300]]);
    expect(widenToInk(edge, 300, 20, [100, 2, 150, 18], 128)).toEqual([52, 2, 198, 18]);
  });

  it('passes over a speck: ink narrower than a stroke of a letter', () => {
    // a 2-pixel speck 4 pixels before the box, and a 3-pixel one after it
    const grey = row(200, [[44, 46], [50, 120], [124, 127]]);
    expect(widenToInk(grey, 200, 20, [50, 2, 120, 18], 128)).toEqual([50, 2, 120, 18]);
    // a letter of dots (one blank column between them) is a letter
    const dots = row(200, [[38, 40], [41, 43], [44, 46], [50, 120]]);
    expect(widenToInk(dots, 200, 20, [50, 2, 120, 18], 128)).toEqual([38, 2, 120, 18]);
  });

  it('leaves a box whose ends are clear as it is', () => {
    const grey = row(200, [[50, 120]]);
    expect(widenToInk(grey, 200, 20, [46, 2, 124, 18], 128)).toEqual([46, 2, 124, 18]);
  });
});

describe("a name or address line's words, as the vocabulary confirms them", () => {
  it('takes the word of the vocabulary one letter from the merged one, where one recogniser read it', () => {
    expect(confirmWords('43300 SERT KEMBANGAN, SELANGOR', ['43300 SERT KEMBANGAN, SELANGOR', '43300 SERI KEMBANGAN, SELANGOR'])).toBe('43300 SERI KEMBANGAN, SELANGOR');
    expect(confirmWords('40170 Shar Alam', ['40170 Shar Alam', '40170 SHAH ALAM'])).toBe('40170 Shah Alam');
  });

  it('leaves a word of the vocabulary, and a word near none that was read', () => {
    expect(confirmWords('JALAN PUTERI 1/1', ['JALAN PUTERI 1/1', 'JALAN PUTERT 1/1'])).toBe('JALAN PUTERI 1/1');
    // near a word of the vocabulary that neither recogniser read on the line
    expect(confirmWords('43300 SERT KEMBANGAN', ['43300 SERT KEMBANGAN', '43300 SERT KEMBANGAN'])).toBe('43300 SERT KEMBANGAN');
    // a word of the vocabulary stands however the other read it
    expect(confirmWords('JALAN AMAN', ['JALAN AMAN', 'JALAN ALAM'])).toBe('JALAN AMAN');
    // a reading that is no word of the vocabulary gives nothing
    expect(confirmWords('PERAH', ['PERAH', 'PERAN'])).toBe('PERAH');
  });

  it('a word with one digit among its letters, or (five letters or more) with a letter lost or read into it', () => {
    expect(confirmWords('NO. 17-G, 3ALAN SETIA', ['NO. 17-G, 3ALAN SETIA', 'ND. 17-6, JALAN SETIA'])).toBe('NO. 17-G, JALAN SETIA');
    expect(confirmWords('Bandar Baru Pemas Jay', ['Bandar Baru Pemas Jay', 'Bandar Baru Permas Jay'])).toBe('Bandar Baru Permas Jay');
    // a code of letters and digits, a number, or a short word with a letter lost: left
    expect(confirmWords('JALAN SS4C/5', ['JALAN SS4C/5', 'JALAN SSAC/5'])).toBe('JALAN SS4C/5');
    expect(confirmWords('LOT 1504', ['LOT 1504', 'LOT 1504'])).toBe('LOT 1504');
    expect(confirmWords('SHAH ALA', ['SHAH ALA', 'SHAH ALAM'])).toBe('SHAH ALA');
  });

  it("a post town's word one recogniser read confirms the merged word one letter off it", () => {
    expect(confirmWords('45600 BAIANG BERJUNTAI', ['45600 BAIANG BERJUNTAI', '46500 BATANG BERJUNTA}'])).toBe('45600 BATANG BERJUNTAI');
    expect(confirmWords('43800 DENGKIL', ['43800 DENGKIL', '43800 DENGKIL'])).toBe('43800 DENGKIL');
  });
});

describe('a date lost beside a misread label, or cut short', () => {
  it('reads again a line whose first word is DATE one letter off, before a garbled date, and a date whose year was cut', () => {
    const reread = (line: string) => fieldLinesToReread(enginePage(RECEIPT.map(([t, c]): [string, number] => (t.startsWith('DATE') ? [line, 0.6] : [t, c]))), 0).filter((l) => l.lost === 'date').map((l) => l.line.text);
    expect(reread('Deter 2304/3007 Times 10,00,537')).toEqual(['Deter 2304/3007 Times 10,00,537']);
    expect(reread('Dafe: 2304/3007')).toEqual(['Dafe: 2304/3007']);
    expect(reread('17/06/201 {i Bes BOB3895')).toEqual(['17/06/201 {i Bes BOB3895']);
    // a rate, a discount's range, a word that is not DATE: not a date's line
    expect(reread('RATE 23/04/3007')).toEqual([]);
    expect(reread('Disc 10-20% 1.00')).toEqual([]);
    expect(reread('Dozen 12/24 1.00')).toEqual([]);
  });
});

describe('a date lost beside its time', () => {
  it('where no date was found and no date label is left, the lines with a time and no date are read again', () => {
    const lost = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('DATE') ? ['ahd 19:15 #1000000163', 0.6] : [t, c]));
    const lines = fieldLinesToReread(enginePage(lost), 0);
    expect(lines.filter((l) => l.besideTime).map((l) => [l.line.text, l.lost])).toEqual([['ahd 19:15 #1000000163', 'date']]);
    // not where a date was read, nor where a date's label is left to read
    const withDate = RECEIPT.map(([t, c]): [string, number] => (t.startsWith('DATE') ? ['DATE: 14/04/2018 19:15', c] : [t, c]));
    expect(fieldLinesToReread(enginePage(withDate), 0).some((l) => l.besideTime)).toBe(false);
    const labelled = [...lost.filter(([t]) => !t.startsWith('ahd')), ['Date', 0.9] as [string, number], ['19:15', 0.9] as [string, number]];
    expect(fieldLinesToReread(enginePage(labelled), 0).some((l) => l.besideTime)).toBe(false);
  });

  it("a time's row runs between its neighbours on the row, or the page's edges; a label's from the label to the right edge", () => {
    const line = (text: string, bbox: [number, number, number, number]): EngineLine => ({ text, bbox, confidence: 0.9, words: [] });
    const time = line('11:32', [300, 100, 360, 120]);
    const before = line('CASH SALES', [20, 102, 200, 121]);
    const after = line('#1000', [500, 99, 560, 119]);
    const above = line('TOTAL 12.00', [20, 60, 700, 85]);
    expect(lostRow({ line: time, header: false, lost: 'date', besideTime: true }, [time, above], 800)).toEqual([0, 100, 800, 120]);
    expect(lostRow({ line: time, header: false, lost: 'date', besideTime: true }, [before, time, after, above], 800)).toEqual([200, 100, 500, 120]);
    expect(lostRow({ line: time, header: false, lost: 'date' }, [before, time, after], 800)).toEqual([300, 100, 800, 120]);
  });
});
