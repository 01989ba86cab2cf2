// The extractive answerer on the SROIE receipts of the public evaluation set, read from
// their ground-truth text: "What is the total?" and "What is the date?" must quote the
// right value and cite page 1 on at least 90% of them.
import { EVAL_DIR } from '../../shared-dir';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer } from '../../../src/chat';
import type { ChatMessage, Job } from '../../../src/shared/contract';
import {
  answersMissingFromGroundTruth,
  citesValue,
  DATE_QUESTION,
  manifestReceipts,
  RECEIPT_ANSWERS,
  receiptGtPath,
  statesValue,
  TOTAL_QUESTION,
} from '../../../bench/receipts.mjs';
import { jobFromTexts } from './helpers';

const EVAL = EVAL_DIR;

function receiptJob(id: string): Job {
  return jobFromTexts([readFileSync(receiptGtPath(EVAL, id), 'utf8')], `receipt-${id}`);
}

async function ask(job: Job, question: string): Promise<ChatMessage> {
  return extractiveAnswerer.answer({ question, job, history: [] });
}

describe('receipts (SROIE ground truth)', () => {
  it('lists every receipt of the manifest, with values its ground truth holds', () => {
    expect(manifestReceipts(EVAL).map((r) => r.id)).toEqual(RECEIPT_ANSWERS.map((e) => e.id).sort());
    expect(answersMissingFromGroundTruth(EVAL)).toEqual([]);
    expect(manifestReceipts(EVAL).map((r) => [r.id, r.answers?.total])).toEqual(RECEIPT_ANSWERS.map((e) => [e.id, e.total]).sort());
  });

  it('scores the value an answer states, not one its note quotes from the scan', () => {
    expect(statesValue('The total is 295.07 (p. 1).', '295.07')).toBe(true);
    expect(statesValue('The total is 1295.07 (p. 1).', '295.07')).toBe(false);
    expect(statesValue('The total is 300.00 (p. 1). The total line reads "TOTAL 295.07", but the payment is 300.00.', '295.07')).toBe(false);
    expect(statesValue('The date is 28 Mar 18 (p. 1).', '28 MAR 18')).toBe(true);
    // unsure, with both readings shown: it states both
    const unsure = 'The date is unsure: the line "Date : 18/03/2017" is hard to read (p. 1). The first reading gives 18/03/2017; a second reading (PP-OCR) gives 13/03/2017.';
    expect(statesValue(unsure, '13/03/2017')).toBe(true);
  });

  it('takes the values of a receipt outside the table from the key beside it (bench/synth-receipts.mjs), and leaves out one with neither', () => {
    const dir = mkdtempSync(join(tmpdir(), 'receipts-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify([
      { file: 'receipt_synth_00.jpg', gt: 'receipt_synth_00.gt.txt', kind: 'receipt' },
      { file: 'receipt_other.png', gt: 'receipt_other.gt.txt', kind: 'receipt' },
      { file: 'receipt_sroie_000d1.jpg', gt: 'receipt_sroie_000d1.gt.txt', kind: 'receipt' },
    ]));
    writeFileSync(join(dir, 'receipt_synth_00.key.json'), JSON.stringify({ company: 'X SDN BHD', date: '07/03/2018', address: 'NO 1', total: '169.40' }));
    expect(manifestReceipts(dir)).toEqual([
      { id: 'receipt_other', file: join(dir, 'receipt_other.png'), answers: null },
      { id: 'receipt_sroie_000d1', file: join(dir, 'receipt_sroie_000d1.jpg'), answers: { total: '9.00', date: '25/12/2018' } },
      { id: 'receipt_synth_00', file: join(dir, 'receipt_synth_00.jpg'), answers: { total: '169.40', date: '07/03/2018' } },
    ]);
  });

  it('answers the total and the date, citing page 1, on at least 90% of receipts', async () => {
    let right = 0;
    const misses: string[] = [];
    for (const { id, total, date } of RECEIPT_ANSWERS) {
      const job = receiptJob(id);
      const page = job.pages[0].text;
      const t = await ask(job, TOTAL_QUESTION);
      const d = await ask(job, DATE_QUESTION);
      const ok = statesValue(t.content, total) && citesValue(t, page, total) && statesValue(d.content, date) && citesValue(d, page, date);
      if (ok) right++;
      else misses.push(`${id}: ${t.content} | ${d.content}`);
    }
    const accuracy = right / RECEIPT_ANSWERS.length;
    console.log(`receipts: total and date right on ${right}/${RECEIPT_ANSWERS.length} = ${(accuracy * 100).toFixed(1)}%`);
    if (misses.length) console.log(`misses:\n${misses.join('\n')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('answers in a short sentence that quotes the value and its page', async () => {
    const job = receiptJob('000');
    const t = await ask(job, 'What is the total?');
    expect(t.content).toBe('The total is 9.00 (p. 1).');
    expect(t.citations).toEqual([{ page: 1, snippet: 'ROUND D TOTAL (RM):\n9.00' }]);
    const d = await ask(job, 'When was this receipt issued?');
    expect(d.content).toBe('The date is 25/12/2018 (p. 1).');
  });

  it('finds the other fields of a receipt', async () => {
    const cases: Array<[string, string, string]> = [
      ['061', 'What is the company name?', "NANDO'S CHICKENLAND MALAYSIA SDN BHD"],
      ['188', 'Which company issued this?', 'KMF FOODICIOUS SDN BHD'],
      ['400', 'What is the receipt number?', 'CS00052997'],
      ['307', 'What is the invoice number?', '2018042010090010411'],
      ['123', 'How much GST was charged?', '2.25'],
      ['061', 'What is the tax?', '7.30'],
      ['400', 'What is the tax?', '6.23'],
      ['090', 'What is the phone number?', '03-51217970'],
      ['005', 'What is the address?', 'NO.2&4,JALAN HARMONI 3/2'],
      ['188', 'What is the address?', '55100 KUALA LUMPUR'],
      ['061', 'What is the subtotal?', '129.30'],
      ['000', 'Who is the cashier?', 'MANIS'],
      ['005', 'How much change was given?', '70.00'],
    ];
    for (const [id, question, value] of cases) {
      const job = receiptJob(id);
      const msg = await ask(job, question);
      expect(msg.content, `${id}: ${question}`).toContain(value);
      for (const c of msg.citations ?? []) expect(job.pages[0].text).toContain(c.snippet);
    }
  });
});
