// The Receipt tool through the file picker: a receipt drawn in the test is read into a form
// (merchant, date, total, line items); clicking the total marks its place on the page image,
// and the CSV download holds the line items, the JSON download the fields. On the cpu tier a
// scanned receipt is read by PP-OCR, and its unsure lines again by Tesseract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useBrowser } from './browser';
import { downloadByButton, openedJob, pick } from './ui-page';
import { EVAL_DIR } from '../shared-dir';

const RECEIPT = [
  'GREEN LEAF CAFE',
  '25 Harbour Road',
  'Date: 14/03/2019',
  'Coffee 2 x 3.50 7.00',
  'Bagel 4.25',
  'Orange Juice 3.75',
  'SUBTOTAL 15.00',
  'TAX 1.50',
  'TOTAL 16.50',
  'CASH 20.00',
];

/** The receipt as a PNG drawn on a canvas in the page: large, plain, one line a row. */
async function receiptPng(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(async (lines) => {
    const canvas = new OffscreenCanvas(900, 110 + lines.length * 70);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#000';
    ctx.font = '40px sans-serif';
    lines.forEach((l, i) => ctx.fillText(l, 60, 90 + i * 70));
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  }, RECEIPT);
  return Buffer.from(b64, 'base64');
}

describe('the Receipt tool', () => {
  const s = useBrowser({ perTest: true });

  it('shows the fields as a form, marks the total on the page, and downloads the items as CSV', async () => {
    const page = await s.open('/');
    const data = await receiptPng(page);
    await page.locator('#tool').selectOption('receipt');
    await pick(page, [{ name: 'cafe-receipt.png', type: 'image/png', data }]);
    const uuid = await openedJob(page);

    const form = page.getByTestId('receipt-fields');
    await form.waitFor();
    expect(await page.getByTestId('field-total').textContent()).toContain('16.50');
    expect(await page.getByTestId('field-date').textContent()).toContain('2019-03-14');
    expect(await page.getByTestId('field-merchant').textContent()).toContain('GREEN LEAF CAFE');

    await page.getByTestId('field-total').click();
    const mark = page.getByTestId('field-box');
    await mark.waitFor();
    const job = await page.evaluate(async (id) => (await fetch(`/api/v1/ocr/${id}/`)).json(), uuid);
    const [x0, y0, x1, y1] = job.fields.total.bbox as number[];
    expect(Number(await mark.getAttribute('x'))).toBe(x0 - 4);
    expect(Number(await mark.getAttribute('y'))).toBe(y0 - 4);
    // the box is the total's: on the TOTAL line (the ninth of ten), at its right-hand side
    expect(y0).toBeGreaterThan(90 + 7 * 70);
    expect(y1).toBeLessThan(90 + 9 * 70);
    expect(x1 - x0).toBeLessThan(300);
    await page.screenshot({ path: screenshotPath('receipt-fields') });

    const csv = await downloadByButton(page, 'csv');
    const rows = csv.bytes.toString('utf8').trim().split(/\r?\n/);
    expect(rows[0]).toBe('description,quantity,unit_price,amount');
    expect(rows).toContain('Coffee,2,3.50,7.00');
    expect(rows.some((r) => /^Bagel,.*4\.25$/.test(r))).toBe(true);

    const saved = JSON.parse((await downloadByButton(page, 'json')).bytes.toString('utf8'));
    expect(saved.fields.total).toMatchObject({ amount: 16.5, page: 0 });
    expect(saved.fields.items.length).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it("reads a scanned receipt on the cpu tier with PP-OCR, and its name and address lines again with Tesseract", async () => {
    // receipt_sroie_240's name, thermal print: Tesseract reads "TANJONGHAS", PP-OCR the M
    const page = await s.open('/');
    const detail: string[] = [];
    const listen = (m: ConsoleMessage) => void (m.text().startsWith('ocrchat page') && detail.push(m.text()));
    s.context.on('console', listen);
    // the tier and the language as a person finds them: cpu, and the language found by itself
    expect(await page.locator('input[name="tier"][value="cpu"]').isChecked()).toBe(true);
    await page.locator('#tool').selectOption('receipt');
    await pick(page, [{ name: 'receipt_sroie_240.jpg', type: 'image/jpeg', data: readFileSync(join(EVAL_DIR, 'receipt_sroie_240.jpg')) }]);
    const uuid = await openedJob(page);
    await page.getByTestId('receipt-fields').waitFor();
    expect(await page.getByTestId('field-merchant').textContent()).toMatch(/TANJONGMAS BOOKCENTRE \(PJ\) SDN BHD/i);
    expect(await page.getByTestId('field-total').textContent()).toContain('62.00');
    // Tesseract told the language (auto), PP-OCR read the page, Tesseract its name and address lines
    await expect.poll(() => detail.join('\n')).toMatch(/"readBy":"vlm"/);
    expect(detail.join('\n')).toMatch(/"rereadLines":[1-9]/);
    s.context.off('console', listen);
    const job = await page.evaluate(async (id) => (await fetch(`/api/v1/ocr/${id}/`)).json(), uuid);
    expect(job.tier).toBe('cpu');
    expect(job.pages[0].language).toBe('eng');
  }, 300_000);
});
