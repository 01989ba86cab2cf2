// The decision a second opinion makes for a number read from an unsure line: the answer
// gives the reading both agree on, or says it is unsure and shows both. The reader here is a
// stand-in that answers a fixed text for the crop it is asked about: this tests what the
// answerer does with a second reading, not a recogniser (the host hands in the real one).
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer, type LineReader } from '../../../src/chat';
import type { BBox, Job } from '../../../src/shared/contract';
import { jobFromTexts } from './helpers';

function receipt(totalConfidence: number): Job {
  const job = jobFromTexts(['KEDAI MAJU\nDATE: 02/03/2018\n\nNASI LEMAK 4.50\nTEH 1.50\n\nTOTAL: 14.19\nCASH 20.00\nCHANGE 5.81'], `receipt-${totalConfidence}`);
  for (const b of job.pages[0].blocks) for (const l of b.lines ?? []) if (l.text.startsWith('TOTAL')) l.confidence = totalConfidence;
  return job;
}

function reader(text: string | null): LineReader & { asked: Array<{ page: number; bbox: BBox }> } {
  const asked: Array<{ page: number; bbox: BBox }> = [];
  return { engine: 'PP-OCR', asked, read: async (page, bbox) => (asked.push({ page, bbox }), text) };
}

const ask = (job: Job, r?: LineReader) => extractiveAnswerer.answer({ question: 'What is the total?', job, history: [], reader: r });

describe('a second opinion for numbers', () => {
  it('does not re-read a line the OCR was sure of', async () => {
    const r = reader('TOTAL: 14.10');
    const msg = await ask(receipt(0.95), r);
    expect(msg.content).toBe('The total is 14.19 (p. 1).');
    expect(r.asked).toEqual([]);
  });

  it('re-reads the unsure line, by its box on its page, and says when both readings agree', async () => {
    const r = reader('TOTAL: 14.19');
    const msg = await ask(receipt(0.55), r);
    expect(r.asked).toHaveLength(1);
    expect(r.asked[0].page).toBe(1);
    expect(msg.content).toContain('The total is 14.19 (p. 1).');
    expect(msg.content).toContain('A second reading (PP-OCR) of the unclear line agrees.');
  });

  it('says it is unsure and shows both readings when they differ', async () => {
    const msg = await ask(receipt(0.55), reader('T0TAL : 14.10'));
    expect(msg.content).toMatch(/unsure/);
    expect(msg.content).toContain('The first reading gives 14.19; a second reading (PP-OCR) gives 14.10.');
    expect(msg.citations?.[0].snippet).toContain('TOTAL: 14.19');
  });

  it('warns when the second reading finds no amount', async () => {
    const msg = await ask(receipt(0.55), reader(null));
    expect(msg.content).toContain('The total is 14.19');
    expect(msg.content).toContain('found no value on it');
  });

  it('answers as before with no reader', async () => {
    expect((await ask(receipt(0.55))).content).toBe('The total is 14.19 (p. 1).');
  });

  it('a date whose value the scan lost beside its label: the other recogniser reads that row across the page', async () => {
    const job = jobFromTexts(['BOOK TA K SDN BHD\nDocument No: TD01167104\nDate\nCashier: HANS\n\nTotal 9.00\nCash 10.00\nChange 1.00'], 'lost-date');
    const r = reader('Date : 25/12/2018 8:13:39 PM');
    const msg = await extractiveAnswerer.answer({ question: 'What is the date of this receipt?', job, history: [], reader: r });
    expect(msg.content).toBe('The date is 25/12/2018 (p. 1). The line "Date" lost its value in the first reading; a second reading (PP-OCR) of that row gives it.');
    expect(msg.citations?.[0]).toMatchObject({ page: 1, snippet: 'Date' });
    // the row from the label to the page's right edge
    expect(r.asked).toHaveLength(1);
    expect(r.asked[0].bbox[2]).toBe(job.pages[0].width);
    // no second reader, or a second reading without a date: declined
    expect((await extractiveAnswerer.answer({ question: 'What is the date of this receipt?', job, history: [] })).content).toBe("I couldn't find that in this document.");
    expect((await extractiveAnswerer.answer({ question: 'What is the date of this receipt?', job, history: [], reader: reader('Date : ~~ ::') })).content).toBe("I couldn't find that in this document.");
  });
});
