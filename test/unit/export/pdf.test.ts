import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { glyphlessFont } from '../../../src/export/pdf/glyphless-font';
import { pageSizePt } from '../../../src/export/text';
import { sampleJob } from './support/fixture';
import { encodePng } from './support/png';
import { blobOf, cer, saveBlob, sortedWords, tool, words } from './support/tools';

const pdf = exporters.pdf;

/** A page-sized RGB PNG: light paper with a darker band, so there is something to see. */
function paper(width: number, height: number): Blob {
  const png = encodePng(width, height, (_x, y) => (y % 100 < 10 ? [200, 210, 220] : [250, 250, 245]), { colorType: 2 });
  return blobOf(png, 'image/png');
}

async function exportPdf(job: Job, images: (Blob | null)[] = [], name = 'out.pdf'): Promise<string> {
  const blob = await pdf.export({ job, pageImage: async (i) => images[i] ?? null });
  expect(blob.type).toBe('application/pdf');
  return saveBlob(blob, name);
}

function pdfinfo(path: string, first = 1, last = 1): { pages: number; sizes: number[][]; stderr: string } {
  const r = tool('pdfinfo', ['-f', String(first), '-l', String(last), path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]);
  const sizes = [...r.stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  return { pages, sizes, stderr: r.stderr };
}

describe('pdf exporter', () => {
  it('ships the glyphless font byte for byte as assets/pdf.ttf', () => {
    const file = readFileSync(new URL('../../../src/export/assets/pdf.ttf', import.meta.url));
    expect(Buffer.from(glyphlessFont()).equals(file)).toBe(true);
  });

  it('writes one page per job page, at the page size, that poppler reads without complaint', async () => {
    const job = sampleJob();
    const path = await exportPdf(job, job.pages.map((p) => paper(p.width, p.height)));
    const info = pdfinfo(path, 1, 3);
    expect(info.stderr).toBe('');
    expect(info.pages).toBe(3);
    const want = pageSizePt(job.pages[0]!);
    expect(want.width).toBeCloseTo(595.3, 0); // A4: 620×877 px at 75 dpi
    for (const [w, h] of info.sizes) {
      expect(w).toBeCloseTo(want.width, 1);
      expect(h).toBeCloseTo(want.height, 1);
    }
  });

  it("gives pdftotext the job's text (word-sorted CER under 3%)", async () => {
    const job = sampleJob();
    const path = await exportPdf(job, job.pages.map((p) => paper(p.width, p.height)));
    const r = tool('pdftotext', ['-enc', 'UTF-8', path, '-']);
    expect(r.stderr).toBe('');
    const got = r.stdout.split('\f');
    job.pages.forEach((p, i) => expect(cer(sortedWords(p.text), sortedWords(got[i] ?? ''))).toBeLessThan(0.03));
    expect(cer(sortedWords(job.text), sortedWords(r.stdout))).toBeLessThan(0.03);
  });

  it('keeps Chinese (astral plane too), Arabic and Devanagari words whole and in reading order', async () => {
    const job = sampleJob();
    const path = await exportPdf(job);
    const text = tool('pdftotext', ['-enc', 'UTF-8', '-f', '3', '-l', '3', path, '-']).stdout;
    for (const w of ['你好', '世界', '𠮷野家', 'नमस्ते', 'दुनिया']) expect(words(text)).toContain(w);
    // The Arabic line comes out in logical order, first word first.
    expect(words(text).join(' ')).toContain('مرحبا بالعالم');
  });

  it('keeps lines together and in order in pdftotext -layout', async () => {
    const job = sampleJob();
    const path = await exportPdf(job);
    const lines = tool('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])
      .stdout.split('\n')
      .map((l) => l.trim().replace(/\s+/g, ' '));
    const expected = ['Quarterly Report 2026', 'Revenue grew strongly in the third quarter,', 'driven by exports to new markets.', '• Happier customers', '2. Approve the budget'];
    for (const l of expected) expect(lines).toContain(l);
    expect(lines.indexOf('Revenue grew strongly in the third quarter,')).toBeLessThan(lines.indexOf('driven by exports to new markets.'));
    // A table row keeps its cells on one line, left to right.
    expect(lines.find((l) => l.startsWith('North'))).toMatch(/^North 1,200 135$/);
  });

  it("places each word on its box (pdftotext -bbox, within 1 pt)", async () => {
    const job = sampleJob();
    const path = await exportPdf(job);
    const html = tool('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-']).stdout;
    const boxes = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5],
      box: m.slice(1, 5).map(Number),
    }));
    const { scale } = pageSizePt(job.pages[0]!);
    const words = job.pages[0]!.blocks.flatMap((b) => b.lines!.flatMap((l) => l.words.map((w) => ({ w, l }))));
    expect(boxes.length).toBe(words.length);
    // pdftotext lists words in reading order, as the fixture has them.
    for (const [i, { w, l }] of words.entries()) {
      const found = boxes[i];
      expect(found?.text).toBe(w.text);
      const [x0, y0, x1, y1] = found!.box;
      expect(x0).toBeCloseTo(w.bbox[0] * scale, 0);
      expect(x1).toBeCloseTo(w.bbox[2] * scale, 0);
      expect(y0).toBeCloseTo(l.bbox[1] * scale, 0);
      expect(y1).toBeCloseTo(l.bbox[3] * scale, 0);
    }
  });

  it('uses the glyphless CID font, embedded, with a ToUnicode map', async () => {
    const path = await exportPdf(sampleJob());
    const fonts = tool('pdffonts', [path]).stdout;
    expect(fonts).toMatch(/GlyphLessFont\s+CID TrueType\s+Identity-H\s+yes\s+no\s+yes/);
  });

  it('draws each page image once, at the page size, in the PNG data as given', async () => {
    const job = sampleJob();
    const images = job.pages.map((p) => paper(p.width, p.height));
    const path = await exportPdf(job, images);
    const list = tool('pdfimages', ['-list', path]).stdout.trim().split('\n').slice(2);
    expect(list).toHaveLength(3);
    for (const [i, row] of list.entries()) {
      const [pageNo, , type, width, height, color, , bpc, enc] = row.trim().split(/\s+/);
      expect([pageNo, type, width, height, color, bpc, enc]).toEqual([String(i + 1), 'image', '620', '877', 'rgb', '8', 'image']);
    }
  });

  it('writes the text layer on a white page when a page has no image', async () => {
    const job = sampleJob();
    const path = await exportPdf(job, [null, null, null]);
    expect(tool('pdfimages', ['-list', path]).stdout.trim().split('\n').slice(2)).toHaveLength(0);
    expect(pdfinfo(path).pages).toBe(3);
    expect(tool('pdftotext', [path, '-']).stdout).toContain('Quarterly Report 2026');
  });

  it('leaves a white page where the image cannot be read, and still writes the text', async () => {
    const job = sampleJob();
    const broken = new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])]);
    const webp = new Blob([Buffer.from('RIFF\0\0\0\0WEBPVP8 ')]);
    const path = await exportPdf(job, [broken, webp, null]);
    expect(pdfinfo(path).pages).toBe(3);
    expect(tool('pdftotext', [path, '-']).stdout).toContain('Sales by region');
  });

  it('gives an empty job one blank page', async () => {
    const job = { ...sampleJob(), pages: [], page_count: 0 };
    const path = await exportPdf(job);
    expect(pdfinfo(path).pages).toBe(1);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(pdf.export({ job: sampleJob(), pageImage: async () => null }, controller.signal)).rejects.toThrow(/abort/i);
  });
});
