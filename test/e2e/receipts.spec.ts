// Receipts and tables as people upload them through the file picker: a receipt's lines
// stay lines in the Text tab and in the Markdown and DOCX downloads, with no heading made
// of a line item; a table's real column headers are its header row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { downloadInPage, screenshotPath, useBrowser } from './browser';
import { openedJob, pick } from './ui-page';
import { unzip } from '../unit/export/support/zip';
import { EVAL_DIR } from '../shared-dir';

const evalFile = (name: string, type: string) => ({ name, type, data: readFileSync(join(EVAL_DIR, name)) });

const download = (page: Page, uuid: string, format: 'md' | 'docx') => downloadInPage(page, uuid, format);

/** Markdown as the lines a reader sees: a hard break (trailing backslash or two spaces) or
 * a blank line ends a line; other line ends reflow. */
const markdownLines = (md: string) =>
  md
    .split(/\n\s*\n/)
    .flatMap((para) => para.split(/(?:\\| {2,})\n/))
    .map((l) => l.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/** DOCX body text as lines: each paragraph, and each part of one between line breaks. */
function docxLines(docx: Buffer): string[] {
  const xml = unzip(docx).get('word/document.xml')!.toString('utf8');
  return xml
    .split(/<\/w:p>|<w:br\/>/)
    .map((part) => [...part.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').trim())
    .filter(Boolean);
}

/** The line holding the item, which must not run on into the next item. */
function itemLine(lines: string[], what: string): string {
  const line = lines.find((l) => /DELIVERY/i.test(l));
  expect(line, `${what}: a line with DELIVERY CHG in ${JSON.stringify(lines)}`).toBeDefined();
  expect(line, what).not.toMatch(/Chic/i);
  expect(lines.some((l) => /Chic/i.test(l) && !/DELIVERY/i.test(l)), `${what}: the next item on a line of its own`).toBe(true);
  return line!;
}

/** Picks `file` from the eval set with a tier and a tool chosen as a person does; the opened job's uuid. */
async function readWith(page: Page, tier: 'cpu' | 'vlm', tool: string, file: string, type: string): Promise<string> {
  await page.locator(`input[name="tier"][value="${tier}"]`).check();
  await page.locator('#tool').selectOption(tool);
  await pick(page, [evalFile(file, type)]);
  return openedJob(page);
}

describe('receipts and tables through the file picker', () => {
  // One browser for the four: none depends on a fresh profile (each sets the tier and tool it
  // reads with), and a fresh one costs a launch, a service-worker install and a cold engine each.
  const s = useBrowser();

  for (const tier of ['cpu', 'vlm'] as const) {
    it(`a receipt's lines stay lines in the Text tab, Markdown and DOCX, with no heading on an item (${tier})`, async () => {
      const page = await s.open('/');
      const uuid = await readWith(page, tier, '', 'receipt_sroie_061.jpg', 'image/jpeg');
      const text = (await page.getByTestId('result-text').textContent()) ?? '';
      itemLine(text.split('\n').map((l) => l.trim()), 'Text tab');
      await page.screenshot({ path: screenshotPath(`receipt-text-${tier}`) });

      const md = (await download(page, uuid, 'md')).toString('utf8');
      itemLine(markdownLines(md), 'Markdown');
      expect(md).not.toMatch(/^#+ .*(DELIVERY|\d[.,]\d\d)/im);
      itemLine(docxLines(await download(page, uuid, 'docx')), 'DOCX');
    }, 300_000);
  }

  it("a line Tesseract's page segmentation passed over is read on its own, in its place (cpu)", async () => {
    // receipt_sroie_188's "TOTAL: 31.00", set in type twice the receipt's size: PSM 3 drops the
    // line whole, as it drops the column headers over its items
    const page = await s.open('/');
    const uuid = await readWith(page, 'cpu', '', 'receipt_sroie_188.jpg', 'image/jpeg');
    const lines = ((await page.getByTestId('result-text').textContent()) ?? '').split('\n').map((l) => l.trim());
    const total = lines.findIndex((l) => /^TOTAL:?\s+31[.,]00$/.test(l));
    expect(total, JSON.stringify(lines)).toBeGreaterThan(0);
    // between the rounding and the cash paid, where it is printed
    expect(lines.findIndex((l) => /Rounding/i.test(l))).toBeLessThan(total);
    expect(lines.findIndex((l) => /^CASH\s*:\s*31/i.test(l))).toBeGreaterThan(total);
    const md = (await download(page, uuid, 'md')).toString('utf8');
    // a row of the totals' table in the Markdown, as "Rounding Adj:" is
    expect(md).toMatch(/^\|\s*TOTAL:?\s*\|\s*31[.,]00\s*\|/m);
  }, 300_000);

  it("a faint receipt scanned on a scanner's dark bed, which Tesseract's threshold takes for blank paper, is read restored (cpu)", async () => {
    // receipt_sroie_061 printed faint (grey 185 on paper 242) between black strips down both
    // sides: Otsu's threshold of the page falls between the strips and the print, and Tesseract,
    // native as well, reads nothing. The page is read again stretched from its print to its paper.
    const page = await s.open('/');
    const jpeg = readFileSync(join(EVAL_DIR, 'receipt_sroie_061.jpg')).toString('base64');
    const png = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const image = g.getImageData(0, 0, canvas.width, canvas.height);
      const d = image.data;
      const edge = Math.round(canvas.width * 0.03);
      for (let i = 0; i < d.length; i += 4) {
        const x = (i / 4) % canvas.width;
        const luma = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
        d[i] = d[i + 1] = d[i + 2] = x < edge || x >= canvas.width - edge ? 5 : Math.round(185 + (luma * 57) / 255);
      }
      g.putImageData(image, 0, 0);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let out = '';
      for (let k = 0; k < bytes.length; k += 0x8000) out += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
      return btoa(out);
    }, jpeg);
    // the engine's page detail (the line bench/dump-job.mjs prints), from whichever tab hosts the engines
    const detail: string[] = [];
    const listen = (m: ConsoleMessage) => void (m.text().startsWith('ocrchat page') && detail.push(m.text()));
    s.context.on('console', listen);
    await page.locator('input[name="tier"][value="cpu"]').check();
    await page.locator('#tool').selectOption('');
    await pick(page, [{ name: 'faint-receipt.png', type: 'image/png', data: Buffer.from(png, 'base64') }]);
    await openedJob(page);
    const text = (await page.getByTestId('result-text').textContent()) ?? '';
    expect(text).toMatch(/Chickenland/i);
    expect(text).toMatch(/Mont Kiara/i);
    // read from the restored page, at its own size (not shrunk)
    await expect.poll(() => detail.join('\n')).toMatch(/"restored":1\b/);
    s.context.off('console', listen);
  }, 300_000);

  it('the Receipt tool on the cpu tier reads the page with PP-OCR, its name and address lines again with Tesseract, and merges the readings before it reports them', async () => {
    // The only tab, so its window hosts the engines (an earlier tab read on the vlm tier).
    for (const p of s.context.pages()) await p.close();
    const page = await s.open('/');
    const uuid = await readWith(page, 'cpu', 'receipt', 'receipt_sroie_620.jpg', 'image/jpeg');
    const job = await page.evaluate(async (u) => (await fetch(`/api/v1/ocr/${u}/`)).json(), uuid);
    const key = JSON.parse(readFileSync(join(EVAL_DIR, 'receipt_sroie_620.key.json'), 'utf8'));
    const squeeze = (v: string) => v.replace(/\s+/g, '').toUpperCase();
    // Tesseract alone reads "NO.T," (confidence under 0.85) and the name's first O as a bracket,
    // "(NE ONE THREE"; PP-OCR reads "NO.1," and the O, and Tesseract's second reading of the lines
    // adds the marks that end its words
    expect(job.pages[0].timings_ms.reread).toBeGreaterThan(0);
    expect(squeeze(job.fields.address.value)).toBe(squeeze(key.address));
    expect(squeeze(job.fields.merchant.value)).toBe(squeeze(key.company));
    await expect.poll(() => page.getByTestId('receipt-fields').textContent()).toMatch(/DENGKIL/i);
    // PP-OCR read the page: its detector, line classifier and recogniser, as on the vlm tier
    expect(await page.evaluate(() => (globalThis as unknown as { __ocrchatVlm?: { sessions?: string[] } }).__ocrchatVlm?.sessions)).toEqual(['det', 'cls', 'rec']);
    expect(job.tier).toBe('cpu');
  }, 300_000);

  it('a table form with extract-tables: the real column headers are the header row, not its first sector', async () => {
    const page = await s.open('/');
    const uuid = await readWith(page, 'cpu', 'extract-tables', 'form_table_border_patrol_p1.png', 'image/png');
    const md = (await download(page, uuid, 'md')).toString('utf8').split('\n');
    const rule = md.findIndex((l) => /^\|( --- \|)+$/.test(l));
    expect(rule, md.join('\n')).toBeGreaterThan(0);
    expect(md[rule - 1]).toMatch(/SECTOR/i);
    expect(md[rule - 1]).not.toMatch(/Miami/);
    expect(md[rule + 1]).toMatch(/^\| Miami \|/);
    // The headers are the table's, not a paragraph of garbled text above it.
    expect(md.slice(0, rule - 1).join('\n')).not.toMatch(/\bSECTOR\b/);
  }, 300_000);
});
