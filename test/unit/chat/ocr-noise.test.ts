// The extractive answerer on receipts as OCR really reads them: a garbled "TOTAL", amounts
// with letters or a dash for digits, a misread rounded total, a tax line that says
// "PAYABLE", an amount the scan lost, and dates with misread digits. Each receipt here is
// made up, in the shapes tesseract.js produced on the evaluation receipts.
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer, NOT_FOUND } from '../../../src/chat';
import type { ChatMessage, Job } from '../../../src/shared/contract';
import { findDate } from '../../../src/fields/patterns';
import { amountReadings, amountValue, lineAmount, repairDate } from '../../../src/fields/readings';
import { jobFromTexts } from './helpers';

async function ask(text: string, question: string): Promise<{ msg: ChatMessage; job: Job }> {
  const job = jobFromTexts([text]);
  const msg = await extractiveAnswerer.answer({ question, job, history: [] });
  for (const c of msg.citations ?? []) expect(job.pages[c.page - 1].text).toContain(c.snippet);
  return { msg, job };
}

const snippets = (m: ChatMessage) => (m.citations ?? []).map((c) => c.snippet).join('\n');

describe('reading garbled amounts and dates', () => {
  it('reads letters and dashes that stand for digits, likeliest first', () => {
    expect(amountReadings('So.00')).toEqual(['50.00']);
    expect(amountReadings('26-00')).toEqual(['26.00']);
    expect(amountReadings('1O.5O')).toEqual(['10.50']);
    expect(amountReadings('zq.00')).toEqual(['29.00', '24.00', '79.00', '74.00']);
    for (const word of ['NO.12', 'ABC.00', 'TEL.03', 'x.00', '12.345']) expect(amountReadings(word), word).toEqual([]);
    expect(lineAmount('CASH\tSo.00')).toEqual({ value: '50.00', readings: ['50.00'], read: 'So.00' });
    expect(lineAmount('TOTAL 12.00')).toEqual({ value: '12.00', readings: ['12.00'] });
    expect(lineAmount('Total Amount:')).toBeNull();
  });

  it('turns printed amounts into numbers', () => {
    expect(amountValue('RM 1,234.56')).toBe(1234.56);
    expect(amountValue('12,80')).toBe(12.8);
    expect(amountValue('-0.02')).toBe(-0.02);
    expect(amountValue('$120')).toBe(120);
  });

  it('mends a date whose digits were misread, with the fewest swaps, into a date of our times', () => {
    expect(repairDate('CASH H18-82 17/83/2817 21:35')).toEqual({ value: '17/03/2017', read: '17/83/2817' });
    expect(repairDate('Date: 12/O5/2O19')).toEqual({ value: '12/05/2019', read: '12/O5/2O19' });
    expect(repairDate('DATE 25/12/2018')).toBeNull(); // already a date
    for (const text of ['TEL 03-8868 4233', 'INV 99/99/9999', 'CODE AB/CD/EFGH', '1/4 CHIC 6/24']) expect(repairDate(text), text).toBeNull();
  });

  it('does not take an impossible year for a date', () => {
    expect(findDate('17/03/2817')).toBeNull();
    expect(findDate('1887-03-17')).toBeNull();
    expect(findDate('17/03/2017')).toBe('17/03/2017');
    expect(findDate('17-03-17')).toBe('17-03-17');
  });
});

describe('the total on noisy receipts', () => {
  it('reads a misspelt TOTAL', async () => {
    for (const label of ['T0TAL', 'TOTA1', 'TO TAL', 'T0TAI']) {
      const { msg } = await ask(`ACME STORE\n1 PEN 4.50\nSUBTOTAL 4.50\n${label} 45.00\nCASH 50.00\nCHANGE 5.00`, 'What is the total?');
      expect(msg.content, label).toBe('The total is 45.00 (p. 1).');
    }
  });

  it('does not take the tax\'s "PAYABLE" line for the total', async () => {
    const { msg } = await ask('Total (Excluding GST): 20.00\nGST Payable: 1.20\nTotal (Inclusive of GST): 21.20\nCASH : 30.00\nCHANGE : 8.80', 'What is the total?');
    expect(msg.content).toBe('The total is 21.20 (p. 1).');
  });

  it('applies a rounding adjustment printed after the total when no rounded total was read', async () => {
    const { msg } = await ask('Total (Inclusive of GST): 31.02\nRounding Adj: -0.02\nCASH : 50.00\nCHANGE : 19.00', 'What is the total?');
    expect(msg.content).toBe('The total is 31.00 (p. 1). That is 31.02 with the rounding adjustment of -0.02.');
    expect(snippets(msg)).toBe('Total (Inclusive of GST): 31.02\nRounding Adj: -0.02');
  });

  it('keeps a rounded total that agrees with the total and its adjustment', async () => {
    const { msg } = await ask('1 PEN 12.03\nTotal 12.03\nRounding Adjustment -0.03\nRounded Total (RM): 12.00', 'What is the total?');
    expect(msg.content).toBe('The total is 12.00 (p. 1).');
  });

  it('distrusts a rounded total that the total, the adjustment and the items contradict', async () => {
    const text = '1 CLAY KIT 12.00 0.00 12.00\nTotal 12.00\nRour ding Adjustment 0.00\nRound. d Total (RM): 12.80\nCash\nCHANGE';
    const { msg } = await ask(text, 'What is the total?');
    expect(msg.content).toMatch(/^The total is 12\.00 \(p\. 1\)\. The line "Round\. d Total \(RM\): 12\.80" disagrees with it/);
    expect(snippets(msg)).toContain('Total 12.00');
    // Nothing else on the receipt backs the plain total: the rounded one stands.
    const alone = await ask('Total 12.00\nRounding Adjustment 0.00\nRounded Total (RM): 12.80', 'What is the total?');
    expect(alone.msg.content).toBe('The total is 12.80 (p. 1).');
  });

  it('does not mistake tax between the net and the grand total for a misread', async () => {
    const { msg } = await ask('Widget 100.00\nTotal 100.00\nTax 6.00\nGrand Total 106.00', 'What is the total?');
    expect(msg.content).toBe('The total is 106.00 (p. 1).');
  });

  it('a misread total that an exact payment (no change given) and the amounts the receipt repeats contradict', async () => {
    const { msg } = await ask('Net (excl. VAT): 35.50\nTotal (incl. VAT): 38.50\nTOTAL 35.50\nCARD PAYMENT 35.50\nVAT 0% 35.50 0.00', 'What is the total?');
    expect(msg.content).toMatch(/^The total is 35\.50 \(p\. 1\)\. The total line reads "Total \(incl\. VAT\): 38\.50", but the payment "CARD PAYMENT 35\.50" \(no change given\) is 35\.50/);
    // with change given and none printed beside it, a payment is not what was paid
    const change = await ask('Total (incl. VAT): 38.50\nCASH 50.00\nCHANGE', 'What is the total?');
    expect(change.msg.content).toBe('The total is 38.50 (p. 1).');
    // a change line the scan lost: two payment lines print the cash, and nothing billed does
    const tendered = await ask('Total (incl. VAT): 38.50\nTENDERED 50.00\nCASH 50.00', 'What is the total?');
    expect(tendered.msg.content).toBe('The total is 38.50 (p. 1).');
    // nor does it replace a garbled total it does not agree with
    const garbled = await ask('TOTAL 3B.5O\nCASH 50.00', 'What is the total?');
    expect(garbled.msg.content).toMatch(/^The total is 38\.50 \(p\. 1\)\. The total line reads "3B\.5O", so this amount is uncertain\./);
  });

  it('a misread total, and a misread discount under the subtotal: the subtotal as printed confirms cash less change', async () => {
    const { msg } = await ask('SUB-TOTAL\t36.00\nDISCOUNT\t6.00\nROUNDING\t0.00\nTOTAL\t38.00\nCASH\t50.00\nCHANGE\t14.00', 'What is the total?');
    expect(msg.content).toMatch(/^The total is 36\.00 \(p\. 1\)\. The total line reads "TOTAL 38\.00", but cash 50\.00 less change 14\.00 is 36\.00/);
  });

  it('reads a garbled total back with cash less change', async () => {
    const { msg } = await ask('SUB-TOTAL (GST)\t28.00\nDISC\t4.00\nROUNDING\t0.00\nTOTAL\tzq.00\nCASH\tSo.00\nCHANGE\t26-00', 'What is the total?');
    expect(msg.content).toBe('The total is 24.00 (p. 1). The total line reads "zq.00"; cash 50.00 less change 26.00 is 24.00.');
    expect(snippets(msg)).toBe('TOTAL\tzq.00\nCASH\tSo.00\nCHANGE\t26-00');
  });

  it('says so when the total line lost its amount, and names the likeliest one', async () => {
    const { msg } = await ask('PEN 2 15.50 31.00\nTotal Amount:\nCash Received\nChange :', 'What is the total?');
    expect(msg.content).toBe('The total is 31.00 (p. 1). No amount could be read beside "Total Amount:"; 31.00 is the largest amount billed on the page, so it is probably the total.');
    expect(snippets(msg)).toBe('PEN 2 15.50 31.00\nTotal Amount:');
    // a lost total with cash and change read: what was paid
    const paid = await ask('PEN 2 15.50 31.00\nTotal Amount:\nCash 40.00\nChange 9.00', 'What is the total?');
    expect(paid.msg.content).toMatch(/^The total is 31\.00 \(p\. 1\)\. No amount could be read beside "Total Amount:"; cash 40\.00 less change 9\.00/);
  });

  it('does not answer the total with a label that holds no amount at all', async () => {
    const { msg } = await ask('THANK YOU\nTotal Amount:\nCash Received\nChange :', 'What is the total?');
    expect(msg.content).toBe(NOT_FOUND);
    expect(msg.citations).toEqual([]);
  });
});

describe('the date on noisy receipts', () => {
  it('answers a misread date mended, and says what the scan shows', async () => {
    const { msg } = await ask('TAX INVOICE\nBILL: 26544\nCASH H18-82 17/83/2817 21:35\nTOTAL 62.00', 'What is the date?');
    expect(msg.content).toBe('The date is 17/03/2017 (p. 1). The scan reads "17/83/2817".');
    expect(snippets(msg)).toBe('CASH H18-82 17/83/2817 21:35');
  });

  it('prefers a printed date to a mended one', async () => {
    const { msg } = await ask('Printed 17/83/2817\nDate: 18/03/2017', 'What is the date?');
    expect(msg.content).toBe('The date is 18/03/2017 (p. 1).');
  });
});
