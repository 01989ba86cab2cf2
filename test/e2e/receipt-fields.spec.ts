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

/** A thermal receipt as the synthetic bench draws it: a monospace face on grey paper, centred header lines. */
const THERMAL = ['WAWASAN CEMERLANG ENTERPRISE SDN BHD', '(960957-X)', 'LOT 85-G, LORONG PUTRA 3/4,', 'TAMAN SENTOSA,', '93400 MELAKA, MELAKA.', 'TEL: 09-6301285', '', 'TAX INVOICE', 'DATE: 06/12/2018  17:45', '', 'NOTEBOOK         3 x  45.06  135.18', 'KOPI O           4 x  41.35  165.40', 'ROTI CANAI       2 x   6.99   13.98', '', 'TOTAL                            314.56', 'CASH                             320.00', '', 'THANK YOU. PLEASE COME AGAIN'];

/** THERMAL drawn by the browser and photographed: grey speckle (a fixed seed), JPEG at 90%. */
async function thermalJpeg(page: Page): Promise<Buffer> {
  const centred = new Set([0, 1, 2, 3, 4, 5, 7, THERMAL.length - 1]);
  await page.setViewportSize({ width: 560, height: 1100 });
  await page.setContent(`<body style="margin:0;background:#f4f1ea;color:#222;font:17px 'DejaVu Sans Mono',monospace;padding:30px 18px;width:524px">${THERMAL.map((l, i) => `<div style="white-space:pre;min-height:21px;text-align:${centred.has(i) ? 'center' : 'left'}">${l}</div>`).join('')}</body>`);
  const height = await page.evaluate(() => document.body.scrollHeight + 40);
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 560, height } });
  const b64 = await page.evaluate(async (src) => {
    const img = await createImageBitmap(await (await fetch(src)).blob());
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let seed = 7;
    for (let i = 0; i < d.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const n = (seed / 2147483648 - 0.5) * 40;
      for (let k = 0; k < 3; k++) d.data[i + k] = Math.max(0, Math.min(255, d.data[i + k]! + n));
    }
    ctx.putImageData(d, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  }, `data:image/png;base64,${png.toString('base64')}`);
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

  it('reads again as one block the name and address lines that Tesseract, reading the sheet of them as a page, left unread', async () => {
    const drawn = await s.context.newPage();
    const data = await thermalJpeg(drawn);
    await drawn.close();
    const page = await s.open('/');
    const detail: string[] = [];
    const listen = (m: ConsoleMessage) => void (/^ocrchat (?:page|reread)/.test(m.text()) && detail.push(m.text()));
    s.context.on('console', listen);
    await page.locator('#tool').selectOption('receipt');
    await pick(page, [{ name: 'thermal-receipt.jpg', type: 'image/jpeg', data }]);
    await openedJob(page);
    await page.getByTestId('receipt-fields').waitFor();
    expect(await page.getByTestId('field-merchant').textContent()).toContain('WAWASAN CEMERLANG ENTERPRISE SDN BHD');
    expect(await page.getByTestId('field-total').textContent()).toContain('314.56');
    // the sheet's page reading (PSM 3) left lines of it unread; read as one block (PSM 6) one of them was read
    await expect.poll(() => detail.join('\n')).toMatch(/"rereadAsBlock":[1-9]/);
    expect(detail.join('\n')).toMatch(/"own":"93400 MELAKA, MELAKA","other":"93400 MELAKA/);
    s.context.off('console', listen);
  }, 300_000);
});
