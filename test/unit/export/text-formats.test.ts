import { marked, type Tokens } from 'marked';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { TABLE_ROWS, block, job, line, page, sampleJob } from './support/fixture';

async function exportText(format: 'txt' | 'md' | 'csv' | 'json', j: Job): Promise<string> {
  const blob = await exporters[format].export({ job: j, pageImage: async () => null });
  return new TextDecoder('utf-8', { fatal: true }).decode(await blob.arrayBuffer());
}

describe('txt exporter', () => {
  it("is the pages' text, pages separated by a form feed", async () => {
    const j = sampleJob();
    const text = await exportText('txt', j);
    expect(text.split('\f')).toEqual(j.pages.map((p) => p.text));
  });

  it('puts pages in page order, whatever order the job lists them in', async () => {
    const j = sampleJob();
    const text = await exportText('txt', { ...j, pages: [...j.pages].reverse() });
    expect(text.split('\f')[0]).toBe(j.pages[0]!.text);
  });
});

describe('md exporter', () => {
  it("uses the job's own Markdown when it has one", async () => {
    const j = { ...sampleJob(), markdown: '# Already\n\nwritten' };
    expect(await exportText('md', j)).toBe('# Already\n\nwritten\n');
  });

  it('builds headings, paragraphs, lists, pipe tables and page breaks from the pages', async () => {
    const tokens = marked.lexer(await exportText('md', sampleJob())).filter((t) => t.type !== 'space');
    const shape = tokens.map((t) => (t.type === 'heading' ? `h${(t as Tokens.Heading).depth}` : t.type === 'list' ? ((t as Tokens.List).ordered ? 'ol' : 'ul') : t.type));
    expect(shape).toEqual(['h1', 'paragraph', 'ul', 'hr', 'h2', 'table', 'paragraph', 'ol', 'hr', 'paragraph', 'paragraph', 'paragraph']);
    const ul = tokens[2] as Tokens.List;
    expect(ul.items.map((i) => i.text)).toEqual(['Lower costs', 'Faster delivery', 'Happier customers']);
    const ol = tokens[7] as Tokens.List;
    expect(ol.items.map((i) => i.text)).toEqual(['Review the figures', 'Approve the budget']);
    const table = tokens[5] as Tokens.Table;
    expect([table.header.map((c) => c.text), ...table.rows.map((r) => r.map((c) => c.text))]).toEqual(TABLE_ROWS);
    expect((tokens[9] as Tokens.Paragraph).text).toBe('你好 世界 𠮷野家');
  });

  it("uses a page's own Markdown where the layout wrote one", async () => {
    const j = sampleJob();
    j.pages[1] = { ...j.pages[1]!, markdown: '**page two**' };
    const md = await exportText('md', j);
    expect(md.split('\n\n---\n\n')[1]).toBe('**page two**');
  });

  it("keeps each list item's marker as the page shows it: numbers as Markdown's own, letters as the item's first word", async () => {
    const j = job([
      page(0, [
        block('list', [line('33. On February 17', 10, 10), line('35) During a call', 10, 40)]),
        block('list', [line('a) Defendants made', 10, 100), line('(2) The omissions', 10, 130)]),
      ]),
    ]);
    expect(await exportText('md', j)).toBe('33. On February 17\n35) During a call\n\n- a) Defendants made\n- (2) The omissions\n');
  });

  it('escapes text that would otherwise turn into Markdown structure', async () => {
    const j = job([
      page(0, [
        block('paragraph', [line('# not a heading', 10, 10), line('1. not a list', 10, 40), line('- nor this', 10, 70), line('> nor a quote', 10, 100)]),
        block('table', [line('a|b', 10, 140)]),
      ]),
    ]);
    j.pages[0]!.tables = [{ rows: [['a|b', 'c\\d']], bbox: j.pages[0]!.blocks[1]!.bbox }];
    const tokens = marked.lexer(await exportText('md', j)).filter((t) => t.type !== 'space');
    expect(tokens.map((t) => t.type)).toEqual(['paragraph', 'table']);
    expect((tokens[0] as Tokens.Paragraph).text.replace(/\\/g, '')).toBe('# not a heading\n1. not a list\n- nor this\n> nor a quote');
    expect((tokens[1] as Tokens.Table).header.map((c) => c.text)).toEqual(['a|b', 'c\\\\d']);
  });

  it('builds paragraphs from the text of a page without blocks', async () => {
    const j = job([{ ...page(0, []), text: 'first para\nstill first\n\nsecond para' }]);
    const tokens = marked.lexer(await exportText('md', j)).filter((t) => t.type !== 'space');
    expect(tokens.map((t) => (t as Tokens.Paragraph).text)).toEqual(['first para\nstill first', 'second para']);
  });
});

describe('csv exporter', () => {
  it('writes the tables as page, table, row, col1… with RFC 4180 quoting', async () => {
    const text = await exportText('csv', sampleJob());
    expect(text).toContain('\r\n');
    expect(text).toContain('2,1,2,North,"1,200",135');
    expect(text).toContain('"South ""East"""');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['page', 'table', 'row', 'col1', 'col2', 'col3'],
      ...TABLE_ROWS.map((r, i) => ['2', '1', String(i + 1), ...r]),
    ]);
  });

  it('numbers tables across the job and pads short rows', async () => {
    const j = sampleJob();
    j.pages[2]!.tables = [{ rows: [['only one cell'], ['a', 'b', 'c', 'd']], bbox: [0, 0, 10, 10] }];
    const rows = Papa.parse<Record<string, string>>(await exportText('csv', j), { header: true }).data;
    expect(Object.keys(rows[0]!)).toEqual(['page', 'table', 'row', 'col1', 'col2', 'col3', 'col4']);
    expect(rows.at(-2)).toEqual({ page: '3', table: '2', row: '1', col1: 'only one cell', col2: '', col3: '', col4: '' });
    expect(rows.at(-1)!.col4).toBe('d');
  });

  it('writes the lines of text as page, line, text when there is no table', async () => {
    const j = sampleJob();
    j.pages[1] = { ...j.pages[1]!, tables: [] };
    const parsed = Papa.parse<string[]>(await exportText('csv', j));
    expect(parsed.data[0]).toEqual(['page', 'line', 'text']);
    expect(parsed.data[1]).toEqual(['1', '1', 'Quarterly Report 2026']);
    expect(parsed.data).toContainEqual(['2', '3', 'North 1,200 135']);
    expect(parsed.data).toContainEqual(['3', '2', 'مرحبا بالعالم']);
    const lines = j.pages.flatMap((p) => p.text.split('\n').filter((l) => l.trim()));
    expect(parsed.data).toHaveLength(lines.length + 1);
  });
});

describe('csv exporter and formulas', () => {
  const HOSTILE = ['=1+1', '+2+2', '-2+3', '@SUM(A1)', "=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example","click")', '\tTAB', '\rCR'];
  const NUMBERS = ['-3.50', '+1,200', '42', '-7%', '1 234,56'];

  it('neutralises every cell a spreadsheet would run as a formula, in tables and in lines', async () => {
    const j = sampleJob();
    j.pages[1]!.tables = [{ rows: [HOSTILE.slice(0, 4), HOSTILE.slice(4)], bbox: [0, 0, 10, 10] }];
    const inTables = Papa.parse<string[]>(await exportText('csv', j), { skipEmptyLines: true }).data.slice(1).flatMap((r) => r.slice(3));
    const lines = { ...sampleJob(), pages: sampleJob().pages.map((p) => ({ ...p, tables: [], text: HOSTILE.join('\n') })) };
    const inLines = Papa.parse<string[]>(await exportText('csv', lines), { skipEmptyLines: true }).data.slice(1).map((r) => r[2]!);
    for (const cell of [...inTables, ...inLines].filter(Boolean)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(inTables).toContain("'=1+1");
    expect(inTables).toContain("'@SUM(A1)");
  });

  it('keeps plain numbers, signed ones included, as numbers', async () => {
    const j = sampleJob();
    j.pages[1]!.tables = [{ rows: [NUMBERS], bbox: [0, 0, 10, 10] }];
    const row = Papa.parse<string[]>(await exportText('csv', j), { skipEmptyLines: true }).data[1]!;
    expect(row.slice(3)).toEqual(NUMBERS);
  });
});

describe('json exporter', () => {
  it('is the job itself', async () => {
    const j = sampleJob();
    const text = await exportText('json', j);
    expect(JSON.parse(text)).toEqual(j);
    expect(text).toContain('\n  "uuid"');
  });
});
