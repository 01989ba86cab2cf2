// The searchable PDF's text layer read back by pdftotext, in both its modes: -raw (the
// layer's own order) and the default (poppler's layout analysis). Every word of the page's
// text comes out, whole, in the text's order, whatever script and whatever the engine's boxes.
import { describe, expect, it } from 'vitest';
import type { BBox, Block, Line, Page, Word } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { inTextOrder, textRuns } from '../../../src/export/pdf/text-layer';
import { job } from './support/fixture';
import { saveBlob, tool, words } from './support/tools';

/** A line of words at the given boxes (x0, x1), top y, height h. */
function boxedLine(parts: [string, number, number][], y: number, h = 40): Line {
  const ws: Word[] = parts.map(([text, x0, x1]) => ({ text, bbox: [x0, y, x1, y + h], confidence: 0.9 }));
  const bbox: BBox = [Math.min(...parts.map((p) => p[1])), y, Math.max(...parts.map((p) => p[2])), y + h];
  return { text: parts.map((p) => p[0]).join(' '), bbox, confidence: 0.9, words: ws };
}

function pageOf(lines: Line[], text: string, kind: Block['kind'] = 'paragraph'): Page {
  const bbox: BBox = [Math.min(...lines.map((l) => l.bbox[0])), Math.min(...lines.map((l) => l.bbox[1])), Math.max(...lines.map((l) => l.bbox[2])), Math.max(...lines.map((l) => l.bbox[3]))];
  const block: Block = { text: lines.map((l) => l.text).join('\n'), bbox, confidence: 0.9, kind, lines };
  return { index: 0, width: 1600, height: 400, text, markdown: '', blocks: [block], tables: [], confidence: 0.9, source: 'ocr' };
}

async function pdftotext(page: Page, name: string): Promise<{ raw: string; plain: string }> {
  const blob = await exporters.pdf.export({ job: job([page]), pageImage: async () => null });
  const path = await saveBlob(blob, name);
  return { raw: tool('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).stdout, plain: tool('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout };
}

describe('searchable PDF: words as pdftotext reads them', () => {
  it('gives right-to-left words whole and in logical order, in -raw as in the default mode', async () => {
    // Arabic, right to left: the first word is the rightmost.
    const text = 'فإئما هو فعيل بمعنى مفعول';
    const line = boxedLine([['فإئما', 463, 541], ['هو', 391, 440], ['فعيل', 294, 375], ['بمعنى', 168, 270], ['مفعول', 32, 143]], 10);
    const { raw, plain } = await pdftotext(pageOf([line], text), 'rtl.pdf');
    expect(words(raw)).toEqual(text.split(' '));
    expect(words(plain)).toEqual(text.split(' '));
  });

  it('keeps Chinese words the text joins as one, and the spaces the text has', async () => {
    // Tesseract gives Chinese characters as separate "words"; the page's text joins them.
    const tess = boxedLine([['社區', 100, 198], ['防疫', 202, 262], ['表', 284, 303], ['單', 324, 345], ['-', 352, 381], ['指', 382, 397], ['定', 423, 442]], 10);
    // A reader that saw a gap writes one, even between Chinese words.
    const vlm = boxedLine([['通知書及提', 100, 500], ['權利告知', 560, 800]], 80);
    const { raw, plain } = await pdftotext(pageOf([tess, vlm], '社區防疫表單 - 指定\n通知書及提 權利告知'), 'cjk.pdf');
    for (const out of [raw, plain]) expect(words(out)).toEqual(['社區防疫表單', '-', '指定', '通知書及提', '權利告知']);
  });

  it('keeps words apart and in order where the boxes touch or overlap', async () => {
    // The vlm engine's boxes touch; Tesseract's can overlap the next word's, and be narrow.
    const touching = boxedLine([['Total', 100, 220], ['Payable:', 220, 400], ['27.20', 400, 520]], 10);
    const overlapping = boxedLine([['嚴重', 100, 629], ['特', 260, 325], ['行為', 700, 735], [',', 733, 777], ['不予', 776, 850]], 80);
    const { raw } = await pdftotext(pageOf([touching, overlapping], 'Total Payable: 27.20\n嚴重特 行為 , 不予'), 'tight.pdf');
    expect(words(raw)).toEqual(['Total', 'Payable:', '27.20', '嚴重特', '行為', ',', '不予']);
  });

  it("follows the page text's order where the lines run across a table's cells", async () => {
    // Two rows of a two-column table; the first cell of each row wraps onto a second line.
    const lines = [
      boxedLine([['BMS', 100, 180], ['WebPT', 600, 720]], 10),
      boxedLine([['DailyPay', 100, 260], ['Series', 600, 720], ['B', 730, 750]], 60),
      boxedLine([['Dwolla', 100, 230], ['venture', 600, 740]], 110),
      boxedLine([['Inc.', 100, 170], ['round', 600, 700]], 160),
    ];
    const text = 'BMS DailyPay\tWebPT Series B\nDwolla Inc.\tventure round';
    const page = pageOf(lines, text, 'table');
    const { raw } = await pdftotext(page, 'table.pdf');
    expect(words(raw)).toEqual(text.split(/\s+/));
    // The same words drawn in line order without the text to follow.
    expect(inTextOrder(textRuns({ ...page, text: '' }), '').map((r) => r.text)).toEqual(['BMS', 'WebPT', 'DailyPay', 'Series', 'B', 'Dwolla', 'venture', 'Inc.', 'round']);
  });

  it('places a repeated short word at its own place, not the first one free', () => {
    // "2" is read in two places; the second run must not take the first one's place.
    const runs = [
      { text: 'Qty', box: [0, 0, 10, 10] as BBox, line: [0, 10] as [number, number] },
      { text: '2', box: [20, 0, 30, 10] as BBox, line: [0, 10] as [number, number] },
      { text: 'Total', box: [0, 20, 10, 30] as BBox, line: [20, 30] as [number, number] },
      { text: '2', box: [20, 20, 30, 30] as BBox, line: [20, 30] as [number, number] },
      { text: 'SB5', box: [40, 0, 50, 10] as BBox, line: [0, 10] as [number, number] },
    ];
    expect(inTextOrder(runs, 'Qty 2 SB5\nTotal 2').map((r) => r.text)).toEqual(['Qty', '2', 'SB5', 'Total', '2']);
  });
});
