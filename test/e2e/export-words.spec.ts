// Every export carries every word of the job, in reading order: eval pages of several kinds
// on both tiers, each download read back with the tool a person would use (unzip for the
// DOCX, pdftotext for the searchable PDF). Right to left (Arabic), Chinese, lists with their
// markers ("33.", "a)"), footnotes under a table, a receipt whose boxes touch (vlm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadInPage as download, postFile, useBrowser } from './browser';
import { EVAL_DIR } from '../shared-dir';
import { compareWords, exportText, missingCells, words } from '../../bench/exports.mjs';

const CASES: { file: string; tier: 'cpu' | 'vlm'; language: string; tool?: string }[] = [
  // footnotes under a table (the DOCX once dropped them), the table's cells in the CSV
  { file: 'multicol_report1_p1.png', tier: 'cpu', language: 'eng', tool: 'extract-tables' },
  // right to left, with punctuation at the words' ends
  { file: 'line_ara_IbnAthir_Kamil_000010.png', tier: 'cpu', language: 'ara' },
  // Chinese: Tesseract's characters joined as the text joins them; the vlm tier's own words
  { file: 'form_chi_eng_mixed_p1.png', tier: 'cpu', language: 'chi_tra+eng' },
  { file: 'form_chi_eng_mixed_p1.png', tier: 'vlm', language: 'chi_tra+eng' },
  // numbered lists ("33.", "a)") on a born-digital PDF, on both tiers
  { file: 'pdf/complaint_1.pdf', tier: 'cpu', language: 'eng' },
  { file: 'pdf/complaint_1.pdf', tier: 'vlm', language: 'eng' },
  // a receipt whose word boxes touch
  { file: 'receipt_sroie_061.jpg', tier: 'vlm', language: 'eng', tool: 'extract-tables' },
];

/** The finished job: the POST answers a small file's job done, a longer one 202 to poll. */
async function ocr(page: Page, c: (typeof CASES)[number]): Promise<Record<string, any>> {
  const fields: Record<string, string> = { tier: c.tier, language: c.language, ...(c.tool ? { tool: c.tool } : {}) };
  const { status, body } = await postFile(page, readFileSync(join(EVAL_DIR, c.file)), c.file.split('/').pop()!, fields);
  expect([200, 202], JSON.stringify(body)).toContain(status);
  return page.evaluate(async (first) => {
    let job = first;
    while (job.status === 'pending' || job.status === 'processing') {
      await new Promise((r) => setTimeout(r, 250));
      job = await (await fetch(`/api/v1/ocr/${job.uuid}/`)).json();
    }
    return job;
  }, body);
}

describe('exports carry every word', () => {
  const s = useBrowser();
  // One page for the cases: each asks the API for its own job only.
  let page: Page;
  beforeAll(async () => {
    page = await s.open('/');
  });

  for (const c of CASES) {
    it(`${c.file} on ${c.tier}: txt, md, docx and pdf hold every word in order; json is the job; csv every table cell`, async () => {
      const job = await ocr(page, c);
      expect(job.status, job.error).toBe('done');
      expect(words(job.text).length).toBeGreaterThan(5);

      for (const format of ['txt', 'md', 'docx', 'pdf']) {
        const { missing, inOrder } = compareWords(format, job.text, exportText(format, await download(page, job.uuid, format)));
        expect(missing, `${format} lacks words of the job`).toEqual([]);
        expect(inOrder, `${format} in the job's order`).toBe(1);
      }
      const json = JSON.parse((await download(page, job.uuid, 'json')).toString('utf8'));
      expect(json).toEqual(job);
      const rows = Papa.parse<string[]>((await download(page, job.uuid, 'csv')).toString('utf8'), { skipEmptyLines: true }).data;
      const cells = missingCells(job as never, rows);
      if (cells) expect(cells, 'csv lacks table cells').toEqual([]);
    });
  }
});
