import { describe, expect, it } from 'vitest';
import { layoutPage, wordsOf } from '../../../src/layout';
import { block, enginePage, line, lineOf, lines, prose, words } from './support/page';

// Two columns of 38-character lines (380 px) at x=60 and x=540: a 100 px gutter.
const LEFT = prose('L', 12);
const RIGHT = prose('R', 12);
const TOP = 160;

/** The order in which the page's text mentions each of the given markers. */
function orderOf(text: string, markers: string[]): string[] {
  return markers.filter((m) => text.includes(m)).sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

describe('reading order', () => {
  it('reads a two-column page column by column, with the full-width title first', () => {
    const title = block([line('A Study of Two Columns Across the Page', 300, 60, { h: 36, cw: 16 })]);
    // Paragraphs start at different heights in the two columns, as they do in print.
    const left = [block(lines(LEFT.slice(0, 5), 60, TOP)), block(lines(LEFT.slice(5), 60, TOP + 5 * 30))];
    const right = [block(lines(RIGHT.slice(0, 2), 540, TOP)), block(lines(RIGHT.slice(2), 540, TOP + 2 * 30))];
    // The engine hands the blocks over in a scrambled order.
    const page = layoutPage(enginePage([right[1]!, left[1]!, title, right[0]!, left[0]!]), 0);
    expect(page.blocks.map((b) => b.text.split('\n')[0])).toEqual(['A Study of Two Columns Across the Page', LEFT[0], LEFT[5], RIGHT[0], RIGHT[2]]);
    expect(page.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(page.text.indexOf(LEFT[11]!)).toBeLessThan(page.text.indexOf(RIGHT[0]!));
  });

  it('splits lines that the engine merged across the gutter and reads each column whole', () => {
    // One engine paragraph whose lines run from the left column into the right one.
    const merged = LEFT.map((l, i) => lineOf([...words(l, 60, TOP + i * 30), ...words(RIGHT[i]!, 540, TOP + i * 30)]));
    const page = layoutPage(enginePage([block(merged)]), 0);
    const expected = [...LEFT, ...RIGHT].join('\n');
    expect(page.text.replace(/\n\n/g, '\n')).toBe(expected);
    expect(page.blocks).toHaveLength(2);
    expect(page.blocks[1]!.lines![0]!.text).toBe(RIGHT[0]);
    // Words keep their boxes through the split.
    expect(wordsOf(page)).toHaveLength(merged.flatMap((l) => l.words).length);
  });

  it('puts an element that spans both columns mid-page between the parts it separates', () => {
    const upperL = block(lines(prose('UL', 6), 60, TOP - 60));
    const upperL2 = block(lines(prose('UM', 2), 60, TOP + 120));
    const upperR = block(lines(prose('UR', 6), 540, TOP - 60));
    const wide = block([line('Figure 1: a caption running across both of the columns here', 100, 360)]);
    const lowerL = block(lines(prose('DL', 6), 60, 420));
    const lowerR = block(lines(prose('DR', 6), 540, 420));
    const page = layoutPage(enginePage([lowerR, upperR, wide, upperL2, lowerL, upperL]), 0);
    const expected = ['UL1', 'UM1', 'UR1', 'Figure 1', 'DL1', 'DR1'];
    expect(orderOf(page.text, expected)).toEqual(expected);
    expect(page.blocks.find((b) => b.text.startsWith('Figure'))?.kind).toBe('caption');
  });

  it('reads three columns left to right, and a centred page number last', () => {
    // Each column in two paragraphs, broken at a different line in each column.
    const cols = [40, 360, 680].flatMap((x, c) => {
      const text = prose(`C${c}x`, 10, 27);
      const cut = 3 + 2 * c;
      return [block(lines(text.slice(0, cut), x, TOP)), block(lines(text.slice(cut), x, TOP + cut * 30))];
    });
    const folio = block([line('12', 490, 1300)]);
    const page = layoutPage(enginePage([folio, ...cols.reverse()]), 0);
    expect(orderOf(page.text, ['C0x1 ', 'C0x10', 'C1x1 ', 'C1x10', 'C2x1 ', 'C2x10'])).toEqual(['C0x1 ', 'C0x10', 'C1x1 ', 'C1x10', 'C2x1 ', 'C2x10']);
    expect(page.blocks.at(-1)!.text).toBe('12');
  });

  it('keeps a single column of text in order and leaves its lines as they are', () => {
    const paras = [block(lines(prose('P', 5, 80), 60, 100)), block(lines(prose('Q', 4, 80), 60, 280))];
    const page = layoutPage(enginePage(paras), 3);
    expect(page.index).toBe(3);
    expect(page.text).toBe([prose('P', 5, 80).join('\n'), prose('Q', 4, 80).join('\n')].join('\n\n'));
    expect(page.tables).toEqual([]);
  });

  it('reads a running head row left to right before the columns', () => {
    const headL = block([line('A. Author and B. Author', 60, 40)]);
    const headR = block([line('Journal of Layout 12 (2024)', 640, 40)]);
    const left = block(lines(LEFT, 60, TOP));
    const right = block(lines(RIGHT, 540, TOP));
    const page = layoutPage(enginePage([headL, left, headR, right]), 0);
    expect(orderOf(page.text, ['A. Author', 'Journal of', 'L1 ', 'R1 '])).toEqual(['A. Author', 'Journal of', 'L1 ', 'R1 ']);
  });

  it('reads the footnotes at the foot of the columns after both columns', () => {
    const small = { h: 14, cw: 7 };
    const page = layoutPage(
      enginePage([
        block(lines(LEFT.slice(0, 8), 60, TOP)),
        block(lines(['1 A note set small at the foot of the left', 'column, running on over a second line.'], 60, TOP + 8 * 30 + 40, small, 18)),
        block(lines(RIGHT, 540, TOP)),
        block(lines(['2 Another note, this one at the foot of the', 'right column, also over two lines.'], 540, TOP + 12 * 30 + 40, small, 18)),
      ]),
      0,
    );
    const expected = ['L1 ', 'L8 ', 'R1 ', 'R12 ', '1 A note', '2 Another note'];
    expect(orderOf(page.text, expected)).toEqual(expected);
  });

  it('reads a column of text before the infobox beside it, and the infobox as a table', () => {
    const text = prose('Text', 14, 56);
    const infobox = [['Kingdom:', 'Plantae'], ['Clade:', 'Tracheophytes'], ['Order:', 'Asparagales'], ['Family:', 'Iridaceae'], ['Genus:', 'Iris']];
    // The engine merged each line of text with the infobox row beside it.
    const merged = text.map((t, i) => {
      const row = infobox[i];
      return lineOf([...words(t, 40, TOP + i * 30), ...(row ? [...words(row[0]!, 700, TOP + i * 30), ...words(row[1]!, 820, TOP + i * 30)] : [])]);
    });
    const page = layoutPage(enginePage([block(merged)], 1000), 0);
    expect(page.text.startsWith(text.join('\n'))).toBe(true);
    expect(page.tables.map((t) => t.rows)).toEqual([infobox]);
  });

  it('reads the columns of a right-to-left script from the right', () => {
    const arabic = (tag: string) => Array.from({ length: 10 }, (_, i) => `${tag}${i + 1} كلمة في سطر من النص العربي الطويل هنا`);
    const left = block(lines(arabic('يسار'), 60, TOP));
    const right = block(lines(arabic('يمين'), 540, TOP));
    const page = layoutPage(enginePage([left, right]), 0);
    expect(page.blocks.map((b) => b.text.split(' ')[0])).toEqual(['يمين1', 'يسار1']);
  });

  it('leaves vertical writing in the engine order', () => {
    // Three vertical paragraphs, right to left as the engine read them.
    const column = (text: string, x: number) => ({ text, bbox: [x, 100, x + 20, 100 + text.length * 20] as [number, number, number, number], confidence: 0.9 });
    const vline = (text: string, x: number) => lineOf([column(text, x)]);
    const page = layoutPage(enginePage([block([vline('縦書きの一行目', 500)]), block([vline('二行目です', 460)]), block([vline('三行目', 420)])]), 0);
    expect(page.text).toBe('縦書きの一行目\n\n二行目です\n\n三行目');
  });
});
