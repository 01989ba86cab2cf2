// The extractive answerer on the SROIE receipts of the public evaluation set, read from
// their ground-truth text: "What is the total?" and "What is the date?" must quote the
// right value and cite page 1 on at least 90% of them.
import { EVAL_DIR } from '../../shared-dir';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer } from '../../../src/chat';
import type { ChatMessage, Job } from '../../../src/contract';
import { jobFromTexts } from './helpers';

const EVAL = EVAL_DIR;

/** Read off each receipt by hand: the amount paid (after rounding) and the transaction date. */
const EXPECTED: Array<{ id: string; total: string; date: string }> = [
  { id: '000', total: '9.00', date: '25/12/2018' }, // ROUND D TOTAL (RM): 9.00
  { id: '005', total: '31.00', date: '09/01/2019' }, // TOTAL AMOUNT: 31.00
  { id: '061', total: '129.30', date: '28 MAR 18' }, // AMT DUE 129.30
  { id: '090', total: '5.00', date: '13/03/2017' }, // TOTAL AFTER ROUNDING 5.00
  { id: '123', total: '39.75', date: '02/01/2018' }, // TOTAL SALES (INCLUSIVE OF GST) 39.75; the later "TOTAL : 37.50" is the GST summary
  { id: '188', total: '31.00', date: '09-04-2018' }, // TOTAL : 31.00 after ROUNDING ADJ -0.02 (31.02 before)
  { id: '240', total: '62.00', date: '17/03/2017' }, // TOTAL INCL GST RM 62.00
  { id: '307', total: '46.55', date: '20/04/2018' }, // TOTAL AFTER ADJ INCL GST 46.55 (46.54 before rounding)
  { id: '371', total: '27.20', date: '10/10/2017' }, // TOTAL PAYABLE: 27.20
  { id: '400', total: '110.00', date: '28/02/2016' }, // labels and amounts in two columns: TOTAL ↔ 110.00
  { id: '455', total: '156.00', date: '14/04/2018' }, // TOTAL AMT PAYABLE : 156.00
  { id: '512', total: '24.00', date: '15/09/2017' }, // two columns: TOTAL ↔ 24.00 (CASH 50.00, CHANGE 26.00)
  { id: '580', total: '17.45', date: '25-06-18' }, // TOTAL INCL. GST RM 17.45
  { id: '620', total: '58.00', date: '17-06-2018' }, // TOTAL : 58.00
];

function receiptJob(id: string): Job {
  return jobFromTexts([readFileSync(join(EVAL, `receipt_sroie_${id}.gt.txt`), 'utf8')], `receipt-${id}`);
}

/** The value as a whole number in the answer: "9.00" must not match inside "19.00". */
function quotes(content: string, value: string): boolean {
  return new RegExp(`(?<![\\d.])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d])`).test(content);
}

function citesPageOne(job: Job, msg: ChatMessage, value: string): boolean {
  const cites = msg.citations ?? [];
  const page = job.pages[0].text;
  return cites.length > 0 && cites.every((c) => c.page === 1 && page.includes(c.snippet)) && cites.some((c) => c.snippet.includes(value));
}

async function ask(job: Job, question: string): Promise<ChatMessage> {
  return extractiveAnswerer.answer({ question, job, history: [] });
}

describe('receipts (SROIE ground truth)', () => {
  it('lists every receipt of the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(EVAL, 'manifest.json'), 'utf8')) as Array<{ gt: string; kind: string }>;
    const ids = manifest.filter((m) => m.kind === 'receipt').map((m) => /receipt_sroie_(\d+)/.exec(m.gt)![1]);
    expect(ids.sort()).toEqual(EXPECTED.map((e) => e.id).sort());
  });

  it('answers the total and the date, citing page 1, on at least 90% of receipts', async () => {
    let right = 0;
    const misses: string[] = [];
    for (const { id, total, date } of EXPECTED) {
      const job = receiptJob(id);
      const t = await ask(job, 'What is the total?');
      const d = await ask(job, 'What is the date?');
      const ok = quotes(t.content, total) && citesPageOne(job, t, total) && d.content.includes(date) && citesPageOne(job, d, date);
      if (ok) right++;
      else misses.push(`${id}: ${t.content} | ${d.content}`);
    }
    const accuracy = right / EXPECTED.length;
    console.log(`receipts: total and date right on ${right}/${EXPECTED.length} = ${(accuracy * 100).toFixed(1)}%`);
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
