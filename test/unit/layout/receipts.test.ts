import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout';
import type { EngineBlock } from '../../../src/shared/engine';
import { block, enginePage, line, lineOf, lines, prose, words } from './support/page';

// A till receipt 42 characters wide (cw 10): centred shop lines, then items with the
// price at the right margin.
const WIDTH = 420;
const centred = (text: string, y: number) => line(text, Math.round((WIDTH - text.length * 10) / 2), y);
const item = (name: string, price: string, y: number) => lineOf([...words(name, 0, y), ...words(price, WIDTH - price.length * 10, y)]);

const SHOP = ['CAFE CENTRAL', '12 Market Street', 'Springfield 4410', 'Tel 555 0199'];
const ITEMS: [string, string][] = [
  ['1 DELIVERY CHG', '4.00 S'],
  ['4 CHICKEN WRAP @17.90', '71.60 S'],
  ['2 OAT MILK', '4.40 S'],
];

/** The receipt as Tesseract gives it: a block of shop lines and a block of items. */
function tesseractReceipt(): EngineBlock[] {
  return [block(SHOP.map((t, i) => centred(t, 20 + i * 30))), block(ITEMS.map(([n, p], i) => item(n, p, 180 + i * 30)))];
}

/** The receipt as PP-OCR gives it: each run of text a block of its own, a row's item
 * and price apart; the shop's lines stacked in one block. */
function pieceReceipt(): EngineBlock[] {
  const pieces = ITEMS.flatMap(([n, p], i) => [block([line(n, 0, 180 + i * 30)]), block([line(p, WIDTH - p.length * 10, 180 + i * 30)])]);
  return [block(SHOP.map((t, i) => centred(t, 20 + i * 30))), ...pieces];
}

const receiptLines = [...SHOP, ...ITEMS.map(([n, p]) => `${n} ${p}`)];

/** The page's Markdown as the lines a reader sees: hard breaks (a trailing backslash),
 * blank lines and table rows end a line; anything else would reflow. */
function renderedLines(md: string): string[] {
  return md
    .split(/\n\s*\n/)
    .flatMap((para) => (para.startsWith('|') ? para.split('\n').map(tableRow) : para.split(/\\\n/)))
    .map((l) => l.replace(/\n/g, ' ').trim())
    .filter(Boolean);
}

/** A pipe table's row as a line of its cells; the rule under the header as nothing. */
const tableRow = (row: string) => (/^\|( --- \|)+$/.test(row) ? '' : row.split('|').map((c) => c.trim()).filter(Boolean).join(' '));

/** The text's lines, a table's cells (parted by tabs) read as one line. */
const textLines = (text: string) => text.split('\n').map((l) => l.replace(/\t+/g, ' ').trim()).filter(Boolean);

describe('receipts and other line-by-line text', () => {
  it("keeps a receipt's lines as lines in the text and the Markdown, with no heading", () => {
    const page = layoutPage(enginePage(tesseractReceipt(), 440, 400), 0);
    expect(textLines(page.text)).toEqual(receiptLines);
    expect(renderedLines(page.markdown)).toEqual(receiptLines);
    expect(page.markdown).not.toMatch(/^#/m);
    expect(page.blocks.every((b) => b.kind !== 'heading')).toBe(true);
    expect(page.blocks.filter((b) => b.kind === 'paragraph').every((b) => b.keep_lines)).toBe(true);
    // Three items line up as a table; its first row is an item, not a header.
    expect(page.tables.map((t) => t.header)).toEqual([false]);
    expect(page.markdown).toContain('|  |  |\n| --- | --- |\n| 1 DELIVERY CHG | 4.00 S |');
  });

  it('joins the pieces of a printed line that an engine gives apart, and never heads an item with its amount', () => {
    // A block of prose on the page makes capitals at text size count as headings.
    const note = block(lines(prose('Note', 4, 40), 0, 400));
    const page = layoutPage(enginePage([...pieceReceipt(), note], 440, 600), 0);
    const text = textLines(page.text);
    expect(text.slice(0, receiptLines.length)).toEqual(receiptLines);
    expect(page.markdown).not.toMatch(/^#/m);
    expect(renderedLines(page.markdown).slice(0, receiptLines.length)).toEqual(receiptLines);
  });

  it('takes a lone item line in capitals for a line, not a heading, even set apart', () => {
    const body = block(lines(prose('Body', 5, 40), 0, 200));
    const page = layoutPage(enginePage([block([item('DELIVERY CHG', '4.00', 100)]), body], 440, 600), 0);
    expect(page.blocks[0]!.kind).toBe('paragraph');
    // A title in capitals with white around it on the same page still is one.
    const titled = layoutPage(enginePage([block([line('DELIVERY TERMS', 0, 100)]), body], 440, 600), 0);
    expect(titled.blocks[0]).toMatchObject({ kind: 'heading', text: 'DELIVERY TERMS' });
  });

  it('keeps the lines of an address, and reflows the paragraph of running text under it', () => {
    const address = block(lines(['Ms Ada Byron', '12 Market Street', 'Springfield 4410'], 60, 40));
    const letter = [
      'Thank you for your letter of the fourth of',
      'March about the delivery of the chairs that',
      'we ordered in January for the new reading',
      'room of the library on the second floor.',
    ];
    const page = layoutPage(enginePage([address, block(lines(letter, 60, 200))]), 0);
    expect(page.blocks.map((b) => b.keep_lines ?? false)).toEqual([true, false]);
    expect(page.markdown).toBe(`Ms Ada Byron\\\n12 Market Street\\\nSpringfield 4410\n\n${letter.join(' ')}`);
  });

  it('still joins prose into paragraphs, on one column and on two', () => {
    const one = layoutPage(enginePage([block(lines(prose('P', 6, 60), 60, 100))]), 0);
    expect(one.blocks[0]!.keep_lines).toBeUndefined();
    expect(one.markdown).toBe(prose('P', 6, 60).join(' '));
    const two = layoutPage(enginePage([block(lines(prose('L', 12), 60, 100)), block(lines(prose('R', 12), 540, 100))]), 0);
    expect(two.blocks.some((b) => b.keep_lines)).toBe(false);
    expect(two.markdown.split('\n\n')).toEqual([prose('L', 12).join(' '), prose('R', 12).join(' ')]);
  });
});
