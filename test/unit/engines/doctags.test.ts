import { describe, expect, it } from 'vitest';
import { docTagsToBlocks } from '../../../src/engines/vlm/doctags';
import { layoutPage } from '../../../src/layout';

// As granite-docling writes a page: no spaces between tags, locations on a 0..500 grid.
const PAGE =
  '<doctag><page_header><loc_40><loc_10><loc_200><loc_20>ACME Quarterly</page_header>' +
  '<title><loc_50><loc_30><loc_450><loc_50>Results for the third quarter</title>' +
  '<section_header_level_1><loc_50><loc_60><loc_450><loc_70>1 Revenue</section_header_level_1>' +
  '<text><loc_50><loc_75><loc_450><loc_110>Revenue rose by 12% on the year, led by tea.</text>' +
  '<unordered_list><list_item><loc_60><loc_115><loc_450><loc_125>Tea: up 20%</list_item><list_item><loc_60><loc_126><loc_450><loc_136>Coffee: flat</list_item></unordered_list>' +
  '<ordered_list><list_item><loc_60><loc_140><loc_450><loc_150>Open two shops</list_item><list_item><loc_60><loc_151><loc_450><loc_161>Hire a baker</list_item></ordered_list>' +
  '<otsl><loc_50><loc_170><loc_450><loc_250><ched>Item<ched>Q2<ched>Q3<nl><fcel>Tea<fcel>10<fcel>12<nl><fcel>Cake<ecel><fcel>4<nl></otsl>' +
  '<picture><loc_50><loc_260><loc_300><loc_400><caption><loc_50><loc_405><loc_300><loc_415>Figure 1: sales by month</caption></picture>' +
  '<formula><loc_50><loc_420><loc_450><loc_440>E = m c^{2}</formula>' +
  '<page_footer><loc_240><loc_480><loc_260><loc_490>3</page_footer></doctag><end_of_utterance>';

describe('DocTags to blocks', () => {
  it('keeps the kinds, levels, order and boxes the model wrote', () => {
    const blocks = docTagsToBlocks(PAGE, 1000, 2000, 0.9);
    expect(blocks.map((b) => [b.structure?.kind, b.lines.map((l) => l.text).join(' / ')])).toEqual([
      ['paragraph', 'ACME Quarterly'],
      ['heading', 'Results for the third quarter'],
      ['heading', '1 Revenue'],
      ['paragraph', 'Revenue rose by 12% on the year, led by tea.'],
      ['list', 'Tea: up 20%'],
      ['list', 'Coffee: flat'],
      ['list', '1. Open two shops'],
      ['list', '2. Hire a baker'],
      ['table', 'Item\tQ2\tQ3 / Tea\t10\t12 / Cake\t\t4'],
      ['caption', 'Figure 1: sales by month'],
      ['paragraph', '$$ E = m c^{2} $$'],
      ['paragraph', '3'],
    ]);
    expect(blocks[1]!.structure?.level).toBe(1);
    expect(blocks[2]!.structure?.level).toBe(2);
    // loc_50..loc_450 of 500 on a 1000 × 2000 page
    expect(blocks[1]!.bbox).toEqual([100, 120, 900, 200]);
    expect(blocks[8]!.structure?.rows).toEqual([
      ['Item', 'Q2', 'Q3'],
      ['Tea', '10', '12'],
      ['Cake', '', '4'],
    ]);
    const words = blocks[3]!.lines[0]!.words;
    expect(words.map((w) => w.text).join(' ')).toBe('Revenue rose by 12% on the year, led by tea.');
    expect(words[0]!.bbox[0]).toBe(100);
    expect(words.at(-1)!.bbox[2]).toBe(900);
    for (const w of words) expect(w.confidence).toBe(0.9);
  });

  it('reads tags written with spaces between them, and survives an unclosed element', () => {
    const spaced = '<doctag> <text> <loc_0> <loc_0> <loc_500> <loc_100> tiny page words </text> <text> <loc_0> <loc_100> <loc_500> <loc_200> cut off';
    const blocks = docTagsToBlocks(spaced, 500, 500, 1);
    expect(blocks.map((b) => b.lines[0]!.text)).toEqual(['tiny page words', 'cut off']);
    expect(blocks[1]!.bbox).toEqual([0, 100, 500, 200]);
  });

  it('the layout keeps the structure: Markdown headings, lists and a pipe table', () => {
    const page = layoutPage({ width: 1000, height: 2000, source: 'ocr', blocks: docTagsToBlocks(PAGE, 1000, 2000, 0.9) }, 0);
    expect(page.markdown).toBe(
      [
        'ACME Quarterly',
        '# Results for the third quarter',
        '## 1 Revenue',
        'Revenue rose by 12% on the year, led by tea.',
        // consecutive list blocks are one run of lines; the change of marker starts a new list
        '- Tea: up 20%\n- Coffee: flat\n1. Open two shops\n2. Hire a baker',
        '| Item | Q2 | Q3 |\n| --- | --- | --- |\n| Tea | 10 | 12 |\n| Cake |  | 4 |',
        'Figure 1: sales by month',
        '$$ E = m c^{2} $$',
        '3',
      ].join('\n\n'),
    );
    expect(page.tables).toEqual([{ rows: [['Item', 'Q2', 'Q3'], ['Tea', '10', '12'], ['Cake', '', '4']], bbox: [100, 680, 900, 1000] }]);
    expect(page.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'heading', 'paragraph', 'list', 'list', 'list', 'list', 'table', 'caption', 'paragraph', 'paragraph']);
    expect(page.confidence).toBeCloseTo(0.9);
  });
});
