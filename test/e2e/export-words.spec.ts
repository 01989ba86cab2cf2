// Every export carries every word of the job, in reading order: eval pages of several kinds
// on both tiers, each download read back with the tool a person would use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { downloadInPage, postFile, useBrowser } from './browser';
import { EVAL_DIR } from '../shared-dir';
import { exportText, inOrder, missingWords as missing, words } from '../../bench/exports.mjs';

const download = downloadInPage;

const CASES: [string, string, 'cpu' | 'vlm'][] = [
  ['multicol_report1_p1.png', 'image/png', 'cpu'],
  ['form_table_border_patrol_p1.png', 'image/png', 'cpu'],
  ['receipt_sroie_061.jpg', 'image/jpeg', 'vlm'],

];

describe('exports carry every word', () => {
  const s = useBrowser();

  for (const [name, , tier] of CASES) {
    it(`${name} on ${tier}: txt, md, docx and pdf hold every word in order; json is the job; csv every cell`, async () => {
      const page = await s.open('/');
      const { body: job } = await postFile(page, readFileSync(join(EVAL_DIR, name)), name, { tier, tool: 'extract-tables' });
      expect(job.status, job.error).toBe('done');
      const want = words(job.text);
      expect(want.length).toBeGreaterThan(20);

      const formats: Record<string, string> = {};
      for (const f of ['txt', 'md', 'docx', 'pdf']) formats[f] = exportText(f, await download(page, job.uuid, f));
      for (const [format, text] of Object.entries(formats)) {
        const got = words(text);
        expect(missing(want, got), `${format} lacks words of the job`).toEqual([]);
        expect(inOrder(want, got), `${format} in reading order`).toBeGreaterThan(0.9);
      }
      const json = JSON.parse((await download(page, job.uuid, 'json')).toString('utf8'));
      expect(json.uuid).toBe(job.uuid);
      expect(json.text).toBe(job.text);
      expect(json.pages.length).toBe(job.pages.length);
      const rows = Papa.parse<string[]>((await download(page, job.uuid, 'csv')).toString('utf8'), { skipEmptyLines: true }).data;
      const cells = (job.pages as { tables: { rows: string[][] }[] }[]).flatMap((p) => p.tables.flatMap((t) => t.rows.flat())).filter((c) => c.trim());
      if (cells.length) expect(missing(words(cells.join(' ')), words(rows.flatMap((r) => r.slice(3)).join(' ').replace(/(^|\s)'(?=[=+\-@])/g, '$1'))), 'csv lacks cells').toEqual([]);
    });
  }
});
