import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { block, job, line, page, sampleJob } from './support/fixture';
import { sortedWords } from './support/tools';
import { unzip } from './support/zip';

async function docxParts(j: Job): Promise<Map<string, string>> {
  const blob = await exporters.docx.export({ job: j, pageImage: async () => null });
  expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const files = unzip(Buffer.from(await blob.arrayBuffer()));
  return new Map([...files].map(([name, data]) => [name, data.toString('utf8')]));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each w:p's text, in document order (a tab as \t). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => unescape([...m[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => t[1] ?? '\t').join('')));
}

// Bullets are Word's list bullets in the document, not its text; numbers are its text.
const withoutMarkers = (text: string) => text.replace(/^•\s+/gm, '');

describe('docx exporter', () => {
  it('is a Word package with the parts Word needs', async () => {
    const parts = await docxParts(sampleJob());
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']) expect(parts.has(name), name).toBe(true);
    expect(parts.get('docProps/core.xml')).toContain('quarterly report.pdf');
  });

  it("holds the job's text", async () => {
    const j = sampleJob();
    const xml = (await docxParts(j)).get('word/document.xml')!;
    expect(sortedWords(paragraphs(xml).join('\n'))).toBe(sortedWords(withoutMarkers(j.text)));
  });

  it('makes headings with heading styles at their level', async () => {
    const xml = (await docxParts(sampleJob())).get('word/document.xml')!;
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t[^>]*>Quarterly Report 2026</);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t[^>]*>Sales by region</);
  });

  it("makes bullets Word's bulleted paragraphs, without the scanned bullet", async () => {
    const parts = await docxParts(sampleJob());
    const xml = parts.get('word/document.xml')!;
    const items = [...xml.matchAll(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>[\s\S]*?<w:t[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(items.map((i) => i[1])).toEqual(['Lower costs', 'Faster delivery', 'Happier customers']);
    const numbering = parts.get('word/numbering.xml')!;
    const abstract = new RegExp(`<w:num w:numId="${items[0]![0]}"><w:abstractNumId w:val="(\\d+)"`).exec(numbering)![1];
    expect(new RegExp(`<w:abstractNum w:abstractNumId="${abstract}"[\\s\\S]*?<w:numFmt w:val="(\\w+)"`).exec(numbering)![1]).toBe('bullet');
  });

  it('keeps a numbered item\'s marker as the page shows it, hanging before a tab', async () => {
    const j = job([
      page(0, [
        block('list', [line('33. On February 17', 10, 10), line('34. During a call', 10, 40)]),
        block('paragraph', [line('between', 10, 70)]),
        block('list', [line('a) Defendants made', 10, 100), line('b) The omissions', 10, 130)]),
        block('list', [line('(2) Second point', 10, 160)]),
      ]),
    ]);
    const xml = (await docxParts(j)).get('word/document.xml')!;
    expect(paragraphs(xml)).toEqual(['33.\tOn February 17', '34.\tDuring a call', 'between', 'a)\tDefendants made', 'b)\tThe omissions', '(2)\tSecond point']);
    // Each marker and its tab in runs of their own, the item hanging from them; no Word numbering.
    expect(xml).toMatch(/<w:ind w:left="720" w:hanging="360"\/>[\s\S]*?<w:t[^>]*>33\.<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:t[^>]*>On February 17</);
    expect(xml).not.toContain('<w:numPr>');
  });

  it('makes tables real Word tables, header row first', async () => {
    const xml = (await docxParts(sampleJob())).get('word/document.xml')!;
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)];
    expect(tables).toHaveLength(1);
    const rows = [...tables[0]![1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => paragraphs(r[1]!));
    expect(rows).toEqual([
      ['Region', 'Q1', 'Q2'],
      ['North', '1,200', '135'],
      ['South "East"', '98', '110'],
    ]);
    expect(tables[0]![1]).toContain('<w:tblHeader/>');
    // The table's words are not written a second time as a paragraph.
    expect(paragraphs(xml).filter((p) => p.includes('North'))).toHaveLength(1);
  });

  it('gives each page its own section, so each page starts a new page', async () => {
    const xml = (await docxParts(sampleJob())).get('word/document.xml')!;
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(3);
    expect(xml).not.toMatch(/<w:type w:val="(continuous|nextColumn)"\/>/);
    // The first two sections end inside a paragraph; the last is the body's own.
    expect(xml).toMatch(/<\/w:sectPr><\/w:pPr><w:r><w:t[^>]*>Happier customers/);
  });

  it('marks right-to-left paragraphs', async () => {
    const xml = (await docxParts(sampleJob())).get('word/document.xml')!;
    expect(xml).toMatch(/<w:p><w:pPr><w:bidi\/><\/w:pPr><w:r><w:rPr><w:rtl\/><\/w:rPr><w:t[^>]*>مرحبا بالعالم</);
  });

  it('turns a landscape page into a landscape section', async () => {
    const j = sampleJob();
    j.pages[0] = { ...j.pages[0]!, width: 1200, height: 800 };
    const xml = (await docxParts(j)).get('word/document.xml')!;
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
  });

  it('leaves out characters XML cannot hold', async () => {
    const j = job([page(0, [block('paragraph', [line('bell\u0007 and \u000bvertical tab', 10, 10)])])]);
    const xml = (await docxParts(j)).get('word/document.xml')!;
    expect(paragraphs(xml)).toContain('bell and vertical tab');
  });

  it('writes an empty page as an empty section', async () => {
    const j = job([page(0, []), page(1, [block('paragraph', [line('after', 10, 10)])])]);
    const xml = (await docxParts(j)).get('word/document.xml')!;
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(2);
  });
});
