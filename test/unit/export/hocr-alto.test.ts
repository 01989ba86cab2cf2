// hOCR and ALTO exports, parsed with @xmldom/xmldom and checked against the hOCR 1.2 spec and
// the ALTO v4 schema's rules (support/layout-xml.ts); then against Tesseract's own hOCR and
// ALTO of the same page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BBox, Block, Job, Line, Word } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { job, page, sampleJob } from './support/fixture';
import { ALTO_NS, XHTML_NS, altoPaths, altoStrings, checkAlto, checkHocr, descendants, elements, hocrPaths, hocrProps, hocrWords, parseXml } from './support/layout-xml';

async function exported(format: 'hocr' | 'alto', j: Job): Promise<{ text: string; doc: Document }> {
  const blob = await exporters[format].export({ job: j, pageImage: async () => null });
  const text = new TextDecoder('utf-8', { fatal: true }).decode(await blob.arrayBuffer());
  return { text, doc: parseXml(text, format === 'hocr' ? 'application/xhtml+xml' : 'application/xml') };
}

/** The job's words in reading order: pages → blocks → lines → words. */
function jobWords(j: Job): Word[] {
  return [...j.pages].sort((a, b) => a.index - b.index).flatMap((p) => p.blocks.flatMap((b) => (b.lines ?? []).flatMap((l) => l.words)));
}

const round = (b: BBox) => b.map(Math.round);

describe('hOCR exporter', () => {
  it('is an XHTML document with ocr-system and ocr-capabilities, and every rule of hOCR 1.2 holds', async () => {
    const j = sampleJob();
    const { text, doc } = await exported('hocr', j);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html')).toBe(true);
    expect(doc.documentElement.namespaceURI).toBe(XHTML_NS);
    expect(checkHocr(doc)).toEqual([]);
    const meta = (name: string) => descendants(doc.documentElement).find((el) => el.localName === 'meta' && el.getAttribute('name') === name)?.getAttribute('content');
    expect(meta('ocr-system')).toBe('OCR.chat');
    expect(meta('ocr-capabilities')!.split(' ')).toEqual(expect.arrayContaining(['ocr_page', 'ocr_carea', 'ocr_par', 'ocr_line', 'ocrx_word', 'ocrp_wconf']));
    expect(meta('ocr-number-of-pages')).toBe('3');
    expect([...hocrPaths(doc)]).toEqual(['ocr_page', 'ocr_page>ocr_carea', 'ocr_page>ocr_carea>ocr_par', 'ocr_page>ocr_carea>ocr_par>ocr_line', 'ocr_page>ocr_carea>ocr_par>ocr_line>ocrx_word']);
  });

  it('carries every word with its box and confidence, in reading order, table words too', async () => {
    const j = sampleJob();
    const words = hocrWords((await exported('hocr', j)).doc);
    const want = jobWords(j);
    expect(words.map((w) => w.text)).toEqual(want.map((w) => w.text));
    expect(words.map((w) => w.bbox)).toEqual(want.map((w) => round(w.bbox)));
    expect(words.map((w) => w.wconf)).toEqual(want.map(() => 95));
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['Region', '1,200', '"East"', '𠮷野家', 'مرحبا']));
    // Pages by ppageno, ids unique (checkHocr), each page's words under its own page.
    expect(new Set(words.map((w) => w.page))).toEqual(new Set([0, 1, 2]));
  });

  it('marks right-to-left paragraphs, and gives each page its size', async () => {
    const { doc } = await exported('hocr', sampleJob());
    const pars = descendants(doc.documentElement).filter((el) => el.getAttribute('class') === 'ocr_par');
    const arabic = pars.find((p) => p.textContent!.includes('مرحبا'))!;
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(pars[0]!.getAttribute('dir')).toBe('ltr');
    const first = descendants(doc.documentElement).find((el) => el.getAttribute('class') === 'ocr_page')!;
    expect(hocrProps(first).bbox).toEqual(['0', '0', '620', '877']);
  });

  it('escapes markup, removes what XML cannot hold, and keeps boxes inside their line and page', async () => {
    const l: Line = {
      text: '<b>&amp; "x" it\'s a\u0001b',
      bbox: [10, 10, 300, 40],
      confidence: 0.5,
      words: [
        { text: '<b>&amp;', bbox: [10, 10, 80, 40], confidence: 1.7 },
        { text: '"x"', bbox: [90, 9.6, 120.4, 41], confidence: -0.2 },
        { text: "it's", bbox: [130, 10, 900, 40], confidence: 0.333 },
        { text: 'a\u0001b\uffff', bbox: [200, 10, 220, 40], confidence: 0.5 },
        { text: '  ', bbox: [230, 10, 240, 40], confidence: 0.5 },
      ],
    };
    const j = job([page(0, [{ text: l.text, bbox: [10, 10, 300, 40], confidence: 0.5, lines: [l] }])]);
    for (const format of ['hocr', 'alto'] as const) {
      const { doc } = await exported(format, j);
      expect(format === 'hocr' ? checkHocr(doc) : checkAlto(doc)).toEqual([]);
    }
    const words = hocrWords((await exported('hocr', j)).doc);
    expect(words.map((w) => w.text)).toEqual(['<b>&amp;', '"x"', "it's", 'ab']);
    expect(words.map((w) => w.wconf)).toEqual([100, 0, 33, 50]);
    // Rounded to whole pixels, and cut at the page's edge (620 wide).
    expect(words[1]!.bbox).toEqual([90, 10, 120, 41]);
    expect(words[2]!.bbox).toEqual([130, 10, 620, 40]);
    const strings = altoStrings((await exported('alto', j)).doc);
    expect(strings.map((s) => s.content)).toEqual(['<b>&amp;', '"x"', "it's", 'ab']);
    expect(strings.map((s) => s.wc)).toEqual([1, 0, 0.333, 0.5]);
  });

  it('lays words along a line that has only its text, a block that has only its text, and a page that has only its text', async () => {
    const textOnlyLine: Block = { text: 'alpha beta', bbox: [0, 0, 200, 20], confidence: 0.8, lines: [{ text: 'alpha beta', bbox: [0, 0, 200, 20], confidence: 0.8, words: [] }] };
    const textOnlyBlock: Block = { text: 'gamma delta\nepsilon', bbox: [0, 100, 300, 160], confidence: 0.7 };
    const p0 = page(0, [textOnlyLine, textOnlyBlock]);
    const p1 = { ...page(1, []), text: 'zeta eta\ntheta', source: 'pdf-text' as const };
    const j = job([p0, p1]);
    for (const format of ['hocr', 'alto'] as const) {
      const { doc } = await exported(format, j);
      expect(format === 'hocr' ? checkHocr(doc) : checkAlto(doc)).toEqual([]);
    }
    const words = hocrWords((await exported('hocr', j)).doc);
    expect(words.map((w) => w.text)).toEqual(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']);
    expect(words[0]!.bbox[0]).toBe(0);
    expect(words[1]!.bbox[2]).toBe(200);
    expect(words[4]!.bbox[1]).toBeGreaterThanOrEqual(130);
    expect(words.slice(5).every((w) => w.page === 1 && w.bbox[2] > w.bbox[0])).toBe(true);
  });

  it('the checks catch what is wrong: a word outside its line, a confidence past 100, an id twice, a word in a paragraph', () => {
    const doc = parseXml(
      `<html xmlns="${XHTML_NS}"><head><title>t</title><meta name="ocr-system" content="x"/><meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf"/></head><body>
      <div class="ocr_page" id="p" title="bbox 0 0 100 100; ppageno 0"><div class="ocr_carea" id="c" title="bbox 0 0 50 50"><p class="ocr_par" id="r" title="bbox 0 0 50 50">
      <span class="ocr_line" id="l" title="bbox 0 0 50 10"><span class="ocrx_word" id="w" title="bbox 0 0 60 10; x_wconf 101">a</span><span class="ocrx_word" id="l" title="bbox 0 0 5 5; x_wconf 9.5">b</span></span>
      <span class="ocrx_word" id="w2" title="bbox 0 0 5 5; x_wconf 9">c</span></p></div></div></body></html>`,
      'application/xhtml+xml',
    );
    const problems = checkHocr(doc).join('\n');
    expect(problems).toMatch(/w: bbox 0 0 60 10 outside its ocr_line/);
    expect(problems).toMatch(/w: x_wconf 101 is not an integer/);
    expect(problems).toMatch(/x_wconf 9.5 is not an integer/);
    expect(problems).toMatch(/id l twice/);
    expect(problems).toMatch(/w2: a ocrx_word in ocr_par, not in ocr_line/);
  });
});

describe('ALTO exporter', () => {
  it('is ALTO v4: Description, Layout → Page → PrintSpace → TextBlock → TextLine → String, and every rule of the schema holds', async () => {
    const j = sampleJob();
    const { doc } = await exported('alto', j);
    expect(doc.documentElement.namespaceURI).toBe(ALTO_NS);
    expect(doc.documentElement.getAttribute('xsi:schemaLocation')).toMatch(/^http:\/\/www\.loc\.gov\/standards\/alto\/ns-v4# http:\/\/www\.loc\.gov\/standards\/alto\/v4\/alto-4-\d\.xsd$/);
    expect(checkAlto(doc)).toEqual([]);
    const description = elements(doc.documentElement)[0]!;
    expect(elements(description).map((e) => e.localName)).toEqual(['MeasurementUnit', 'sourceImageInformation', 'Processing']);
    expect(elements(description)[0]!.textContent).toBe('pixel');
    expect(elements(description)[1]!.textContent!.trim()).toBe('quarterly report.pdf');
    expect([...altoPaths(doc)]).toEqual(['Layout', 'Layout>Page', 'Layout>Page>PrintSpace', 'Layout>Page>PrintSpace>TextBlock', 'Layout>Page>PrintSpace>TextBlock>TextLine', 'Layout>Page>PrintSpace>TextBlock>TextLine>String', 'Layout>Page>PrintSpace>TextBlock>TextLine>SP']);
    const pages = descendants(doc.documentElement).filter((e) => e.localName === 'Page');
    expect(pages.map((p) => [p.getAttribute('ID'), p.getAttribute('PHYSICAL_IMG_NR'), p.getAttribute('WIDTH'), p.getAttribute('HEIGHT')])).toEqual([
      ['page_1', '1', '620', '877'],
      ['page_2', '2', '620', '877'],
      ['page_3', '3', '620', '877'],
    ]);
  });

  it('carries every word with its box and confidence, in reading order, an SP between the words of a line', async () => {
    const j = sampleJob();
    const { doc } = await exported('alto', j);
    const strings = altoStrings(doc);
    const want = jobWords(j);
    expect(strings.map((s) => s.content)).toEqual(want.map((w) => w.text));
    expect(strings.map((s) => s.box)).toEqual(want.map((w) => round(w.bbox)));
    expect(strings.every((s) => s.wc === 0.95)).toBe(true);
    for (const tl of descendants(doc.documentElement).filter((e) => e.localName === 'TextLine')) {
      const kids = elements(tl);
      const box = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((a) => Number(tl.getAttribute(a)));
      kids.forEach((k, i) => {
        expect(k.localName).toBe(i % 2 === 0 ? 'String' : 'SP');
        if (k.localName !== 'SP') return;
        // The space lies between the two words it separates (right to left too).
        const [a, b] = [kids[i - 1]!, kids[i + 1]!].map((s) => [Number(s.getAttribute('HPOS')), Number(s.getAttribute('HPOS')) + Number(s.getAttribute('WIDTH'))]);
        const x0 = Number(k.getAttribute('HPOS'));
        const x1 = x0 + Number(k.getAttribute('WIDTH'));
        expect(x0).toBe(Math.min(a![1]!, b![1]!));
        expect(x1).toBe(Math.max(a![0]!, b![0]!));
      });
      // Each String within its line.
      for (const s of kids.filter((k) => k.localName === 'String')) {
        const h = Number(s.getAttribute('HPOS'));
        const v = Number(s.getAttribute('VPOS'));
        expect(h >= box[0]! && v >= box[1]! && h + Number(s.getAttribute('WIDTH')) <= box[0]! + box[2]! && v + Number(s.getAttribute('HEIGHT')) <= box[1]! + box[3]!).toBe(true);
      }
    }
  });

  it('the checks catch what is wrong: no CONTENT, WC past 1, a box that is not a number, an ID twice or not an NCName, SP first', () => {
    const doc = parseXml(
      `<alto xmlns="${ALTO_NS}"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page ID="1p" PHYSICAL_IMG_NR="1"><PrintSpace>
      <TextBlock ID="b"><TextLine ID="b"><SP/><String HPOS="x" WC="1.5"/></TextLine></TextBlock><TextBlock/></PrintSpace></Page></Layout></alto>`,
    );
    const problems = checkAlto(doc).join('\n');
    expect(problems).toMatch(/String: no CONTENT/);
    expect(problems).toMatch(/WC="1.5" is not a float in 0..1/);
    expect(problems).toMatch(/HPOS="x" is not an xsd:float/);
    expect(problems).toMatch(/ID b twice/);
    expect(problems).toMatch(/ID "1p" is not an NCName/);
    expect(problems).toMatch(/TextLine b: holds SP,String,/);
    expect(problems).toMatch(/TextBlock: no ID/);
  });
});

// Tesseract's own hOCR and ALTO of testocr.png, and ours of the same words (read from its
// hOCR into a job): the same element structure, the same words with the same boxes.
const hasTesseract = (() => {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasTesseract)("against Tesseract's own hOCR and ALTO", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tess-layout-'));
  const image = fileURLToPath(new URL('../../fixtures/testocr.png', import.meta.url));
  const outputs = new Map<string, string>();
  const run = (config: 'hocr' | 'alto') => {
    if (outputs.has(config)) return outputs.get(config)!;
    execFileSync('tesseract', [image, join(dir, config), '-l', 'eng', config], { stdio: 'ignore', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    outputs.set(config, readFileSync(join(dir, `${config}.${config === 'hocr' ? 'hocr' : 'xml'}`), 'utf8'));
    return outputs.get(config)!;
  };
  // Tesseract names some lines by their kind (a caption, a header, a floating line).
  const LINE_LIKE = /^ocr_(line|caption|header|textfloat)$/;

  /** Tesseract's hOCR as a job: its paragraphs, lines and words with their boxes and confidences. */
  function jobOf(doc: Document): Job {
    const all = descendants(doc.documentElement);
    const cls = (el: Element) => el.getAttribute('class') ?? '';
    const bbox = (el: Element) => hocrProps(el).bbox!.map(Number) as BBox;
    const pageEl = all.find((el) => cls(el) === 'ocr_page')!;
    // A job's block is a paragraph: Tesseract's ocr_par (its ALTO's TextBlock; its ocr_carea
    // is the ALTO's ComposedBlock, a grouping of paragraphs jobs do not keep).
    const blocks: Block[] = descendants(pageEl)
      .filter((el) => cls(el) === 'ocr_par')
      .map((par) => {
        const lines: Line[] = descendants(par)
          .filter((el) => LINE_LIKE.test(cls(el)))
          .map((l) => {
            const words = descendants(l)
              .filter((el) => cls(el) === 'ocrx_word')
              .map((w) => ({ text: w.textContent!, bbox: bbox(w), confidence: Number(hocrProps(w).x_wconf![0]) / 100 }));
            return { text: words.map((w) => w.text).join(' '), bbox: bbox(l), confidence: 0.9, words };
          });
        return { text: lines.map((l) => l.text).join('\n'), bbox: bbox(par), confidence: 0.9, lines };
      });
    const [, , width, height] = bbox(pageEl);
    const p = { ...page(0, blocks), width, height };
    return job([p], 'testocr.png');
  }

  it('hOCR: the same classes nested the same way, the same words and boxes', async () => {
    const theirs = parseXml(run('hocr'), 'application/xhtml+xml');
    const j = jobOf(theirs);
    const ours = (await exported('hocr', j)).doc;
    expect(checkHocr(ours)).toEqual([]);
    expect(hocrWords(theirs).length).toBeGreaterThan(50);
    expect(hocrPaths(ours)).toEqual(hocrPaths(theirs, LINE_LIKE));
    const strip = (w: ReturnType<typeof hocrWords>[number]) => ({ text: w.text, bbox: w.bbox, wconf: w.wconf });
    expect(hocrWords(ours).map(strip)).toEqual(hocrWords(theirs).map(strip));
  });

  it("ALTO: the same elements nested the same way (Tesseract's ComposedBlock aside), the same Strings", async () => {
    const theirs = parseXml(run('alto'));
    const j = jobOf(parseXml(run('hocr'), 'application/xhtml+xml'));
    const ours = (await exported('alto', j)).doc;
    expect(checkAlto(ours)).toEqual([]);
    expect(altoPaths(ours)).toEqual(altoPaths(theirs, ['ComposedBlock']));
    const strip = (s: ReturnType<typeof altoStrings>[number]) => ({ content: s.content, box: s.box });
    expect(altoStrings(ours).map(strip)).toEqual(altoStrings(theirs).map(strip));
    expect(altoStrings(ours).map((s) => s.wc)).toEqual(altoStrings(theirs).map((s) => expect.closeTo(s.wc, 2)));
    // Tesseract's (v3) and ours (v4) describe the page the same way.
    const desc = (d: Document) => elements(elements(d.documentElement)[0]!).map((e) => e.localName)[0];
    expect(desc(ours)).toBe(desc(theirs));
    const count = (d: Document, name: string) => descendants(d.documentElement).filter((e) => e.localName === name).length;
    for (const name of ['Page', 'TextBlock', 'TextLine', 'String', 'SP']) expect(count(ours, name), name).toBe(count(theirs, name));
  });
});
