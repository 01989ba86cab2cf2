// Merged cells in the exports: DOCX writes real merged cells (w:gridSpan across, w:vMerge
// down) and repeats every header row; Markdown and CSV, which have no merged cells, give
// the merged cell's text in its first cell and leave the cells it covers empty.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { block, job, line, page } from './support/fixture';
import { unzip } from './support/zip';

const TABLE: Table = {
  rows: [
    ['Region', 'Sales', '', 'Staff'],
    ['', 'Q1', 'Q2', ''],
    ['North', '120', '135', '12'],
    ['South', '98', '110', '9'],
    ['', '101', '117', '10'],
  ],
  bbox: [60, 100, 560, 300],
  header_rows: 2,
  spans: [
    { row: 0, col: 0, row_span: 2, col_span: 1 },
    { row: 0, col: 1, row_span: 1, col_span: 2 },
    { row: 0, col: 3, row_span: 2, col_span: 1 },
    { row: 3, col: 0, row_span: 2, col_span: 1 },
  ],
};

function tableJob() {
  const text = TABLE.rows.map((r) => r.join('\t')).join('\n');
  const b = { ...block('table', [line(text.replace(/\s+/g, ' '), 60, 100)]), bbox: TABLE.bbox };
  return job([page(0, [b], [TABLE])]);
}

describe('merged cells in the exports', () => {
  it('DOCX: gridSpan and vMerge, both header rows repeated on each page', async () => {
    const blob = await exporters.docx.export({ job: tableJob(), pageImage: async () => null });
    const xml = unzip(Buffer.from(await blob.arrayBuffer())).get('word/document.xml')!.toString('utf8');
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => {
        const text = [...tc[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
        const span = /<w:gridSpan w:val="(\d+)"/.exec(tc[1]!)?.[1];
        const merge = /<w:vMerge w:val="(\w+)"/.exec(tc[1]!)?.[1];
        return [text, span ? `span ${span}` : '', merge ?? ''].filter(Boolean).join(' ');
      }),
    );
    expect(rows).toEqual([
      ['Region restart', 'Sales span 2', 'Staff restart'],
      ['continue', 'Q1', 'Q2', 'continue'],
      ['North', '120', '135', '12'],
      ['South restart', '98', '110', '9'],
      ['continue', '101', '117', '10'],
    ]);
    const headers = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((tr) => /<w:tblHeader/.test(tr[1]!));
    expect(headers).toEqual([true, true, false, false, false]);
  });

  it('Markdown and CSV: the text in the first cell, the covered cells empty', async () => {
    const md = await (await exporters.md.export({ job: tableJob(), pageImage: async () => null })).text();
    expect(md).toContain('| Region | Sales |  | Staff |\n| --- | --- | --- | --- |\n|  | Q1 | Q2 |  |\n| North | 120 | 135 | 12 |\n| South | 98 | 110 | 9 |\n|  | 101 | 117 | 10 |');
    const csv = await (await exporters.csv.export({ job: tableJob(), pageImage: async () => null })).text();
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r.slice(3))).toEqual(TABLE.rows);
  });
});
