// Every export carries every word of the job, in reading order: eval pages of several kinds
// on both tiers, each download read back with the tool a person would use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postFile, useBrowser } from './browser';
import { EVAL_DIR } from '../shared-dir';

const dir = mkdtempSync(join(tmpdir(), 'words-'));

async function download(page: Page, uuid: string, format: string): Promise<Buffer> {
  const b64 = await page.evaluate(async ({ uuid, format }) => {
    const res = await fetch(`/api/v1/ocr/${uuid}/download/?format=${format}`);
    if (!res.ok) throw new Error(`${format}: HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, { uuid, format });
  return Buffer.from(b64, 'base64');
}

/** Words as a reader compares them: Markdown's own marks and escapes, and rules drawn as | or -, left out. */
const words = (text: string) =>
  text
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(/[\\|#*_`>]/g, '').replace(/^-+$/, ''))
    .filter(Boolean);

const unescapeXml = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function missing(want: string[], got: string[]): string[] {
  const left = new Map<string, number>();
  for (const w of got) left.set(w, (left.get(w) ?? 0) + 1);
  const out: string[] = [];
  for (const w of want) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

/** The share of `want` that `got` has in the same order (longest common subsequence). */
function inOrder(want: string[], got: string[]): number {
  let prev = new Array<number>(got.length + 1).fill(0);
  for (let i = 1; i <= want.length; i++) {
    const cur = new Array<number>(got.length + 1).fill(0);
    for (let j = 1; j <= got.length; j++) cur[j] = want[i - 1] === got[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return want.length ? prev[got.length]! / want.length : 1;
}

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

      const docx = join(dir, `${tier}-${name}.docx`);
      writeFileSync(docx, await download(page, job.uuid, 'docx'));
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
      const pdf = join(dir, `${tier}-${name}.pdf`);
      writeFileSync(pdf, await download(page, job.uuid, 'pdf'));
      const formats: Record<string, string> = {
        txt: (await download(page, job.uuid, 'txt')).toString('utf8'),
        md: (await download(page, job.uuid, 'md')).toString('utf8'),
        // Paragraphs and table cells apart, the runs of one paragraph together.
        docx: xml.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)].map((m) => (m[1] === undefined ? ' ' : unescapeXml(m[1]))).join('')).join('\n'),
        pdf: execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }),
      };
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
