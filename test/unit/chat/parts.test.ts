// The pieces under the answerer: value patterns, question intent, sentences and snippets.
import { describe, expect, it } from 'vitest';
import { detectField, resolveQuestion } from '../../../src/chat/intent';
import { splitSentences } from '../../../src/chat/passages';
import { amounts, findDate, findPhones, findTime, isAmountLine } from '../../../src/fields/patterns';
import { keywords, locateSnippet } from '../../../src/chat/text';

describe('patterns', () => {
  it('reads dates in many formats, as written', () => {
    const cases: Array<[string, string]> = [
      ['DATE: 25/12/2018 8:13:39 PM', '25/12/2018'],
      ['Issued 2018-12-25', '2018-12-25'],
      ['25-DEC-2018', '25-DEC-2018'],
      ['Dec 25, 2018', 'Dec 25, 2018'],
      ['28 MAR 18 18:32:36', '28 MAR 18'],
      ['25-06-18 11:25 SH01 B003', '25-06-18'],
      ['on 3rd March 2019 we met', '3rd March 2019'],
      ['Date: 12.05.2021', '12.05.2021'],
      // the space before the time lost by the scan
      ['Dat: 09/01/20198:01:11PM', '09/01/2019'],
      ['14/04/201814:07', '14/04/2018'],
    ];
    for (const [text, date] of cases) expect(findDate(text), text).toBe(date);
  });

  it('does not take amounts, phone numbers, codes or times for dates', () => {
    for (const text of ['TOTAL 10.00', 'TEL: 03-6258 0869', '01-143008', 'GA06-07 - 6/24', '1/4 CHIC+ 1SD-T @ 17.90', '31/45/2018', '10 MARKS 2000', 'REF 12/34/20191:30']) {
      expect(findDate(text), text).toBeNull();
    }
  });

  it('reads amounts with currencies, separators and tax codes', () => {
    expect(amounts('TOTAL INCL GST RM 62.00')).toEqual(['RM 62.00']);
    expect(amounts('TOTAL AMOUNT DUE: $1,234.56')).toEqual(['$1,234.56']);
    expect(amounts('25.12.2018')).toEqual([]);
    expect(amounts('9.000')).toEqual([]);
    expect(isAmountLine('53.00S')).toBe(true);
    expect(isAmountLine('RM 17.45')).toBe(true);
    expect(isAmountLine(': 9.00')).toBe(true);
    expect(isAmountLine('1 X 17.45')).toBe(false);
  });

  it('reads times and phone numbers', () => {
    expect(findTime('09/01/2019 8:01:11 PM')).toBe('8:01:11 PM');
    expect(findTime('MON-SAT 7.30AM-6.00PM')).toBe('7.30AM');
    expect(findTime('TOTAL 10.30')).toBeNull();
    expect(findPhones('TEL: 03-6258 0869 FAX')).toEqual(['03-6258 0869']);
    expect(findPhones('Phone: (217) 555-0142')).toEqual(['(217) 555-0142']);
    expect(findPhones('QTY 12')).toEqual([]);
  });
});

describe('intent', () => {
  it('names the field a question asks for', () => {
    const cases: Array<[string, string | null]> = [
      ['What is the total?', 'total'],
      ['How much did I pay?', 'total'],
      ['What is the grand total amount due?', 'total'],
      ['What is the subtotal?', 'subtotal'],
      ['How much GST?', 'tax'],
      ['What is the GST ID?', null],
      ['What is the tax invoice number?', 'number'],
      ['When was this bought?', 'date'],
      ['What is the date?', 'date'],
      ['Who is the vendor?', 'vendor'],
      ['Where is the shop?', 'vendor'],
      ['What is the address?', 'address'],
      ['What is their phone number?', 'phone'],
      ['When did Fisher publish his paper?', null],
      ['What is the date of the Fisher paper?', null],
      ['How much did the war cost?', null],
    ];
    for (const [q, field] of cases) expect(detectField(q), q).toBe(field);
  });

  it('merges an elliptical follow-up with the question before it', () => {
    const history = [
      { role: 'user' as const, content: 'What is the total?' },
      { role: 'assistant' as const, content: 'The total is 9.00 (p. 1).' },
    ];
    expect(resolveQuestion('and the tax?', history).field).toBe('tax');
    expect(resolveQuestion('and on the second receipt?', history).field).toBe('total');
    const prose = [{ role: 'user' as const, content: 'Who outlined the Iris data set?' }];
    const merged = resolveQuestion('and when?', prose);
    expect(merged.field).toBeNull();
    expect(merged.terms).toEqual(expect.arrayContaining(['outlin', 'iris', 'data', 'set']));
    // a full question stands on its own
    expect(resolveQuestion('What is the date?', history).terms).toEqual(['date']);
  });

  it('drops stop words and question words, keeps content words', () => {
    expect(keywords('What did the quick brown dog jump over?')).toEqual(['quick', 'brown', 'dog', 'jump']);
    expect(keywords('How many species are there?')).toEqual(['speci']);
  });

  it('reads "can it be found" as asking where it is, "if I don\'t pass" as asking for the default, and keeps a version whole', () => {
    expect(keywords('In what directory can the cache file be found?')).toEqual(['directori', 'cach', 'file']);
    expect(keywords('Who founded the club?')).toEqual(['found', 'club']);
    expect(keywords("If I don't pass -w, how wide is a line?")).toEqual(['default', 'w', 'wide', 'line']);
    expect(keywords('What changed in the 1.9-1 upload?')).toEqual(['chang', '1', '9', 'upload', '1.9-1']);
  });
});

describe('sentences and snippets', () => {
  it('splits sentences across lines, not at abbreviations', () => {
    const text = 'Belamcanda (blackberry lily, I. domestica) is included.\nThree varieties are used by Dr. Fisher in 1936. It works.';
    const parts = splitSentences(text).map(([s, e]) => text.slice(s, e));
    expect(parts).toEqual(['Belamcanda (blackberry lily, I. domestica) is included.', 'Three varieties are used by Dr. Fisher in 1936.', 'It works.']);
  });

  it('finds the page text a quote stands for, whatever the whitespace', () => {
    const page = 'TOTAL:\n\n9.00\nCASH';
    expect(locateSnippet(page, 'TOTAL:\n9.00')).toBe('TOTAL:\n\n9.00');
    expect(locateSnippet(page, 'CASH')).toBe('CASH');
  });
});

describe('passages of short paragraphs', () => {
  it('a sentence run over two short lines is one passage; an address of short lines stays lines', async () => {
    const { buildIndex } = await import('../../../src/chat/search');
    const { jobFromTexts } = await import('./helpers');
    const index = buildIndex(jobFromTexts(['Before HUG, ALARCON and\nKOZINSKI, Circuit Judges.\n\nNO.53, JALAN SAGU 18,\nTAMAN DAYA, 81100 JOHOR.'], 'short'));
    const texts = index.passages.map((p) => p.text.replace(/\s+/g, ' '));
    expect(texts).toContain('Before HUG, ALARCON and KOZINSKI, Circuit Judges.');
    expect(texts).toContain('NO.53, JALAN SAGU 18,');
    expect(texts).toContain('TAMAN DAYA, 81100 JOHOR.');
  });
});
