// Downloads checked with tools nobody here wrote: poppler's pdftotext/pdfinfo, the DOCX's XML, papaparse.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { postFile, useBrowser } from './browser';
import { scannedPdf, textPdf } from './fixtures';
import { signVoucher } from './vouchers';
import { altoStrings, checkAlto, checkHocr, hocrWords, parseXml } from '../unit/export/support/layout-xml';

const dir = mkdtempSync(join(tmpdir(), 'dl-'));

async function download(page: Page, uuid: string, format: string, token?: string) {
  const r = await page.evaluate(
    async ({ uuid, format, token }) => {
      const res = await fetch(`/api/v1/ocr/${uuid}/download/?format=${format}${token ? `&api_token=${token}` : ''}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { status: res.status, type: res.headers.get('Content-Type'), disposition: res.headers.get('Content-Disposition'), b64: btoa(s) };
    },
    { uuid, format, token },
  );
  return { ...r, bytes: Buffer.from(r.b64, 'base64') };
}

const sortedWords = (t: string) => t.split(/\s+/).filter(Boolean).sort();

function cer(a: string[], b: string[]): number {
  const s = a.join(' '), t = b.join(' ');
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[t.length]! / Math.max(1, t.length);
}

describe('downloads', () => {
  const s = useBrowser();
  let page: Page;
  let scan: Record<string, any>;
  beforeAll(async () => {
    page = await s.open('/');
    scan = (await postFile(page, scannedPdf(2), 'My Scan (final).pdf')).body;
    expect(scan.status).toBe('done');
  });

  it('pdf: a searchable PDF whose pdftotext gives the job text, one page per job page, image kept', async () => {
    const r = await download(page, scan.uuid, 'pdf');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.disposition).toContain('My Scan (final).pdf');
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, r.bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(cer(sortedWords(text), sortedWords(scan.text))).toBeLessThan(0.03);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBe(2);
  });

  it('docx: headings, paragraphs and page breaks as Word structures, with the job text', async () => {
    const digital = (await postFile(page, textPdf(2), 'report.pdf')).body;
    const r = await download(page, digital.uuid, 'docx');
    expect(r.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.disposition).toContain('report.docx');
    const file = join(dir, 'report.docx');
    writeFileSync(file, r.bytes);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toMatch(/<w:pStyle w:val="Heading\d"\/>/);
    expect(xml).toMatch(/w:type="page"|<w:pageBreakBefore|<w:sectPr/);
    const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(' ');
    // Word draws list markers itself, so the scanned bullets are not in the text runs.
    const withoutMarkers = (t: string) => sortedWords(t).filter((w) => !/^([•·*-]|\d+[.)])$/.test(w));
    expect(withoutMarkers(words)).toEqual(withoutMarkers(digital.text));
  });

  it('md, txt, csv and json each have their shape, type and file name', async () => {
    const md = await download(page, scan.uuid, 'md');
    expect(md.type).toMatch(/^text\/markdown/);
    expect(md.disposition).toContain('.md');
    expect(md.bytes.toString('utf8')).toContain('quick brown');
    const txt = await download(page, scan.uuid, 'txt');
    expect(txt.type).toMatch(/^text\/plain/);
    expect(txt.bytes.toString('utf8').split('\f')).toHaveLength(2);
    const csv = await download(page, scan.uuid, 'csv');
    expect(csv.type).toMatch(/^text\/csv/);
    const parsed = Papa.parse<string[]>(csv.bytes.toString('utf8'), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBeGreaterThan(2);
    const json = await download(page, scan.uuid, 'json');
    expect(json.type).toMatch(/^application\/json/);
    const job = JSON.parse(json.bytes.toString('utf8'));
    expect(job.uuid).toBe(scan.uuid);
    expect(job.text).toBe(scan.text);
  });

  it('hocr and alto: every word the engine read, with its box and confidence, in hOCR 1.2 and ALTO v4', async () => {
    const want = scan.pages.flatMap((p: any) => p.blocks.flatMap((b: any) => (b.lines ?? []).flatMap((l: any) => l.words.map((w: any) => ({ text: w.text, bbox: w.bbox.map(Math.round) })))));
    expect(want.length).toBeGreaterThan(20);
    const hocr = await download(page, scan.uuid, 'hocr');
    expect(hocr.status).toBe(200);
    expect(hocr.type).toBe('application/xhtml+xml');
    expect(hocr.disposition).toContain('My Scan (final).hocr');
    const hocrDoc = parseXml(hocr.bytes.toString('utf8'), 'application/xhtml+xml');
    expect(checkHocr(hocrDoc)).toEqual([]);
    const words = hocrWords(hocrDoc);
    expect(words.map((w) => ({ text: w.text, bbox: w.bbox }))).toEqual(want);
    expect(new Set(words.map((w) => w.page))).toEqual(new Set([0, 1]));
    const alto = await download(page, scan.uuid, 'alto');
    expect(alto.status).toBe(200);
    expect(alto.type).toBe('application/xml');
    expect(alto.disposition).toContain('My Scan (final).xml');
    const altoDoc = parseXml(alto.bytes.toString('utf8'));
    expect(checkAlto(altoDoc)).toEqual([]);
    expect(altoStrings(altoDoc).map((s) => ({ text: s.content, bbox: s.box }))).toEqual(want);
  });

  it('400 for an unknown format, 409 before the job is done', async () => {
    expect((await download(page, scan.uuid, 'exe')).status).toBe(400);
    const bad = await page.evaluate(async (u) => (await fetch(`/api/v1/ocr/${u}/download/?format=exe`)).json(), scan.uuid);
    expect(bad.error).toBe('bad_format');
    expect(bad.detail).toBe('Unknown format "exe"; use one of txt, md, docx, pdf, csv, json, hocr, alto.');
    const pending = (await postFile(page, scannedPdf(7), 'seven.pdf')).body;
    expect((await download(page, pending.uuid, 'pdf')).status).toBe(409);
    // Its seven scanned pages would be read through the next test, for nothing.
    expect(await page.evaluate(async (u) => (await fetch(`/api/v1/ocr/${u}/`, { method: 'DELETE' })).status, pending.uuid)).toBe(204);
  });

  it('a 50-page job exports in every format within seconds', async () => {
    const token = (await page.evaluate(async () => (await fetch('/api/v1/account/', { method: 'POST' })).json())).token as string;
    await page.evaluate(async ({ token, voucher }) => fetch('/api/v1/account/credits/', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ voucher }) }), { token, voucher: signVoucher({ id: `v50-${Date.now()}`, credits: 100 }) });
    const posted = await postFile(page, textPdf(50), 'fifty.pdf', {}, token);
    expect(posted.status).toBe(202);
    let job = posted.body;
    while (job.status !== 'done') {
      await page.waitForTimeout(500);
      job = await page.evaluate(async ({ u, t }) => (await fetch(`/api/v1/ocr/${u}/?api_token=${t}`)).json(), { u: job.uuid, t: token });
    }
    let searchable: Buffer | undefined;
    for (const format of ['txt', 'md', 'docx', 'pdf', 'csv', 'json', 'hocr', 'alto']) {
      const t0 = Date.now();
      const r = await download(page, job.uuid, format, token);
      expect(r.status, format).toBe(200);
      expect(Date.now() - t0, format).toBeLessThan(15_000);
      if (format === 'pdf') searchable = r.bytes;
    }
    const pdf = join(dir, 'fifty.pdf');
    writeFileSync(pdf, searchable!);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+50/);
  });
});
