import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout';
import { block, enginePage, line, lines, prose } from './support/page';

const BODY = prose('Body', 6, 70);

describe('block kinds and Markdown', () => {
  it('finds headings by their size and gives the larger ones the higher level', () => {
    const page = layoutPage(
      enginePage([
        block([line('Annual Report', 60, 40, { h: 44, cw: 22 })]),
        block([line('Results by region', 60, 120, { h: 30, cw: 15 })]),
        block(lines(BODY, 60, 180)),
        block([line('Outlook', 60, 400, { h: 29, cw: 15 })]),
        block(lines(prose('More', 4, 70), 60, 460)),
      ]),
      0,
    );
    expect(page.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['paragraph', undefined],
      ['heading', 2],
      ['paragraph', undefined],
    ]);
    expect(page.markdown.startsWith('# Annual Report\n\n## Results by region\n\nBody1 ')).toBe(true);
    expect(page.markdown).toContain('\n\n## Outlook\n\n');
  });

  it('takes a numbered line in capitals at text size for a heading on a page of prose, not a list', () => {
    const page = layoutPage(enginePage([block([line('1. INTRODUCTION', 60, 60)]), block(lines(BODY, 60, 120))]), 0);
    expect(page.blocks[0]).toMatchObject({ kind: 'heading', level: 2 });
    expect(page.markdown.startsWith('## 1. INTRODUCTION\n\nBody1')).toBe(true);
    // Without prose around it, a line in capitals is just a line (a receipt's "THANK YOU").
    const receipt = layoutPage(enginePage([block([line('THANK YOU', 60, 60)]), block([line('PLEASE COME AGAIN', 60, 100)])]), 0);
    expect(receipt.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('does not take a large line that ends with a period, or a long one, for a heading', () => {
    const page = layoutPage(
      enginePage([
        block([line('This is a sentence set large.', 60, 40, { h: 40, cw: 20 })]),
        block([line('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen', 60, 100, { h: 40, cw: 9 })]),
        block(lines(BODY, 60, 180)),
      ]),
      0,
    );
    expect(page.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('writes bullet and numbered lists as Markdown lists, each item with its marker as read, an item running on over two lines', () => {
    const bullets = block(lines(['• apples', '• pears that are', 'ripe and sweet', '- plums', '* figs', '· dates'], 80, 100));
    const numbered = block(lines(['1. first step', '2) second step', '3. third step'], 80, 320));
    const lettered = block(lines(['a) one', 'b) two'], 80, 440));
    const page = layoutPage(enginePage([bullets, numbered, lettered, block(lines(BODY, 60, 520))]), 0);
    expect(page.blocks.slice(0, 3).map((b) => b.kind)).toEqual(['list', 'list', 'list']);
    expect(page.markdown).toContain('- apples\n- pears that are ripe and sweet\n- plums\n- figs\n- dates');
    // Numbers keep the page's own marker, ")" as read; letters, which Markdown has no list
    // for, stay the item's first word.
    expect(page.markdown).toContain('1. first step\n2) second step\n3. third step');
    expect(page.markdown).toContain('- a) one\n- b) two');
    // The text stays as the engine read it.
    expect(page.blocks[1]!.text).toBe('1. first step\n2) second step\n3. third step');
  });

  it('reflows paragraphs in Markdown and mends words broken at a line end, but keeps the text as read', () => {
    const para = block(lines(['The committee exam-', 'ined the well-', 'Known proposal and', 'approved it.'], 60, 100));
    const page = layoutPage(enginePage([para]), 0);
    expect(page.text).toBe('The committee exam-\nined the well-\nKnown proposal and\napproved it.');
    expect(page.markdown).toBe('The committee examined the well- Known proposal and approved it.');
    expect(page.blocks[0]!.lines).toHaveLength(4);
  });

  it('escapes a paragraph that Markdown would read as something else', () => {
    const page = layoutPage(enginePage([block(lines(['# not a heading', 'just text'], 60, 100))]), 0);
    expect(page.markdown).toBe('\\# not a heading just text');
  });

  it('joins blocks with a blank line in the text and weights confidence by text length', () => {
    const long = block([line('a long and confident line of text', 60, 100, { confidence: 0.9 })], 0.9);
    const short = block([line('x', 60, 200, { confidence: 0.1 })], 0.1);
    const page = layoutPage(enginePage([long, short]), 0);
    expect(page.text).toBe('a long and confident line of text\n\nx');
    const n = 'a long and confident line of text'.length;
    expect(page.confidence).toBeCloseTo((0.9 * n + 0.1) / (n + 1), 6);
    expect(page.blocks.map((b) => b.confidence)).toEqual([0.9, 0.1]);
  });

  it('lays out an empty page as empty', () => {
    const page = layoutPage({ ...enginePage([]), rotation: 90, detectedLanguage: 'deu' }, 1);
    expect(page).toMatchObject({ index: 1, text: '', markdown: '', blocks: [], tables: [], confidence: 0, rotation: 90, language: 'deu', source: 'ocr' });
  });
});
