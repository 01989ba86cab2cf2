import { describe, expect, it } from 'vitest';
import { compareWords, missingCells, words } from '../../../bench/exports.mjs';

describe('bench exports: words as a reader compares them', () => {
  it('leaves out Markdown marks, bullets and bidi marks, and joins a word broken at a line end', () => {
    expect(words('# Title\n- • item **bold**\n‫مرحبا‬ whistleblo w-\ning Ver-\nbindung Garten-\nAusstellungen')).toEqual([
      'Title', 'item', 'bold', 'مرحبا', 'whistleblo', 'wing', 'Verbindung', 'Garten-', 'Ausstellungen',
    ]);
  });

  it("forgives pdftotext only the side a right-to-left word's edge punctuation comes out on", () => {
    expect(compareWords('pdf', 'فقيل له: ما', 'فقيل :له ما').missing).toEqual([]);
    expect(compareWords('txt', 'فقيل له: ما', 'فقيل :له ما').missing).toEqual(['له:']);
    expect(compareWords('pdf', 'فقيل له: ما', 'فقيل ما').missing).toEqual(['له']);
  });

  it('measures the order: the share of the words found in the same order', () => {
    expect(compareWords('txt', 'a b c d', 'a b d c').inOrder).toBe(0.75);
  });

  it("finds each table cell in the CSV's cells, formula-guarded cells too; a receipt's item CSV is not tables", () => {
    const job = { pages: [{ tables: [{ rows: [['Item', 'Total'], ['=1+1', '-3.50'], ['', 'x']] }] }] };
    expect(missingCells(job, [['page', 'table', 'row', 'col1', 'col2'], ['1', '1', '1', 'Item', 'Total'], ['1', '1', '2', "'=1+1", '-3.50'], ['1', '1', '3', '', 'x']])).toEqual([]);
    expect(missingCells(job, [['page', 'table', 'row', 'col1', 'col2'], ['1', '1', '1', 'Item', 'Total']])).toEqual(['=1+1', '-3.50', 'x']);
    expect(missingCells({ ...job, fields: { items: [{}] } }, [])).toBeNull();
  });
});
