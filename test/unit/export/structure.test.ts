import { describe, expect, it } from 'vitest';
import { listItems, pageSections } from '../../../src/export/structure';
import { block, line, page } from './support/fixture';

describe('pageSections', () => {
  it('reads a page as headings, paragraphs, lists and tables in order', () => {
    const p = page(0, [
      block('heading', [line('Title', 10, 10)], 1),
      block('paragraph', [line('one', 10, 50), line('two', 10, 80)]),
      block('list', [line('• a', 10, 120)]),
    ]);
    expect(pageSections(p)).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', lines: ['one', 'two'] },
      { kind: 'list', ordered: false, start: 1, items: ['a'], markers: ['•'] },
    ]);
  });

  it('puts a table where the blocks inside it were, once, and drops those blocks', () => {
    const cells = [block('paragraph', [line('A B', 10, 100)]), block('paragraph', [line('1 2', 10, 130)])];
    const p = page(0, [block('paragraph', [line('before', 10, 10)]), ...cells, block('paragraph', [line('after', 10, 300)])], [
      { rows: [['A', 'B'], ['1', '2']], bbox: [0, 90, 600, 170] },
    ]);
    expect(pageSections(p).map((s) => s.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });

  it('keeps a block that lies in a table\'s box but whose words are not its cells (footnotes under a table)', () => {
    const cells = [block('paragraph', [line('Region Sales', 10, 100)]), block('paragraph', [line('North 120', 10, 130)])];
    const notes = block('paragraph', [line('1 Figures are unaudited and rounded', 10, 160), line('2 Source: the annual report', 10, 185)]);
    const p = page(0, [...cells, notes], [{ rows: [['Region', 'Sales'], ['North', '120']], bbox: [0, 90, 600, 200] }]);
    const sections = pageSections(p);
    expect(sections.map((s) => s.kind)).toEqual(['table', 'paragraph']);
    expect(sections[1]).toMatchObject({ lines: ['1 Figures are unaudited and rounded', '2 Source: the annual report'] });
  });

  it('keeps a block in a table\'s box whose words the table\'s blocks already took (a total printed again under it)', () => {
    const cells = [block('table', [line('Rate Amount', 10, 100), line('0% 0.00', 10, 130)])];
    const again = block('paragraph', [line('0.00', 10, 160)]);
    const p = page(0, [...cells, again], [{ rows: [['Rate', 'Amount'], ['0%', '0.00']], bbox: [0, 90, 600, 200] }]);
    expect(pageSections(p)).toEqual([
      { kind: 'table', rows: [['Rate', 'Amount'], ['0%', '0.00']], header: true, headerRows: 1, spans: [] },
      { kind: 'paragraph', lines: ['0.00'] },
    ]);
  });

  it('puts a table no block lies in before the first block below its top', () => {
    const p = page(0, [block('paragraph', [line('top', 10, 10)]), block('paragraph', [line('bottom', 10, 500)])], [
      { rows: [['x', 'y']], bbox: [0, 200, 600, 260] },
    ]);
    expect(pageSections(p).map((s) => s.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });

  it('keeps a table block without a table as text', () => {
    const p = page(0, [block('table', [line('a b', 10, 10)])]);
    expect(pageSections(p)).toEqual([{ kind: 'paragraph', lines: ['a b'] }]);
  });

  it('uses block text when a block has no lines, and page text when there are no blocks', () => {
    const p = page(0, [{ text: 'x\ny', bbox: [0, 0, 10, 10], confidence: 1, kind: 'caption' }]);
    expect(pageSections(p)).toEqual([{ kind: 'paragraph', lines: ['x', 'y'], caption: true }]);
    expect(pageSections({ ...page(0, []), text: 'a\n\n\nb' })).toEqual([
      { kind: 'paragraph', lines: ['a'] },
      { kind: 'paragraph', lines: ['b'] },
    ]);
  });

  it('keeps heading levels within 1..6', () => {
    expect(pageSections(page(0, [block('heading', [line('h', 1, 1)], 9)]))[0]).toMatchObject({ level: 6 });
    expect(pageSections(page(0, [block('heading', [line('h', 1, 1)])]))[0]).toMatchObject({ level: 1 });
  });
});

describe('listItems', () => {
  it('starts an item at each marker and joins the lines that carry on', () => {
    expect(listItems(['• first item that', 'wraps', '- second', '* third'])).toEqual({ ordered: false, start: 1, items: ['first item that wraps', 'second', 'third'], markers: ['•', '-', '*'] });
  });

  it('reads numbers and letters as an ordered list, from the number shown', () => {
    expect(listItems(['3. c', '4) d'])).toEqual({ ordered: true, start: 3, items: ['c', 'd'], markers: ['3.', '4)'] });
    expect(listItems(['b) two', 'c) three'])).toEqual({ ordered: true, start: 2, items: ['two', 'three'], markers: ['b)', 'c)'] });
    expect(listItems(['(2) two', '(3) three'])).toEqual({ ordered: true, start: 2, items: ['two', 'three'], markers: ['(2)', '(3)'] });
  });

  it('takes lines without markers as one item each when the first has none', () => {
    expect(listItems(['apples']).items).toEqual(['apples']);
  });
});
