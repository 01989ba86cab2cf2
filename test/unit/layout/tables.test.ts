import { findTool } from '../../../src/tools';
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout';
import type { EngineLine } from '../../../src/shared/engine';
import { block, enginePage, line, lineOf, lines, prose, words } from './support/page';

const GRID = [
  ['Region', 'Units', 'Revenue'],
  ['North', '120', '4,500'],
  ['South | East', '75', '2,100'],
  ['West', '210', '7,900'],
];
const COLS = [60, 400, 700];

/** A table row as one engine line, its cells far apart (as Tesseract often reads them). */
function rowLine(cells: string[], y: number): EngineLine {
  return lineOf(cells.flatMap((c, i) => words(c, COLS[i]!, y)));
}

describe('tables', () => {
  it('turns a 3×4 grid into a pipe table, a table block and page.tables', () => {
    const intro = block(lines(prose('Intro', 3, 70), 60, 60));
    const table = block(GRID.map((r, i) => rowLine(r, 200 + i * 32)));
    const page = layoutPage(enginePage([intro, table]), 0);
    expect(page.tables).toHaveLength(1);
    expect(page.tables[0]!.rows).toEqual(GRID);
    expect(page.tables[0]!.bbox).toEqual([60, 200, 770, 316]);
    const tableBlock = page.blocks.find((b) => b.kind === 'table')!;
    expect(tableBlock.text).toBe(GRID.map((r) => r.join('\t')).join('\n'));
    expect(tableBlock.lines).toHaveLength(4);
    expect(page.markdown).toContain(
      ['| Region | Units | Revenue |', '| --- | --- | --- |', '| North | 120 | 4,500 |', '| South \\| East | 75 | 2,100 |', '| West | 210 | 7,900 |'].join('\n'),
    );
    expect(page.markdown.indexOf('Intro1')).toBeLessThan(page.markdown.indexOf('| Region'));
  });

  it('rebuilds the rows when the engine gives each column as its own block', () => {
    const columns = COLS.map((x, c) => block(GRID.map((r, i) => line(r[c]!, x, 200 + i * 32))));
    const page = layoutPage(enginePage(columns), 0);
    expect(page.tables.map((t) => t.rows)).toEqual([GRID]);
    expect(page.text).toBe(GRID.map((r) => r.join('\t')).join('\n'));
  });

  it('does not make a table of a justified paragraph, even with a few wide word gaps', () => {
    // Every line has gaps four spaces wide, but they do not line up from line to line.
    const text = [
      'The quarterly    results were better    than they expected',
      'across every region,    and the board approved    the sum',
      'that had been    proposed in the spring    board meeting',
      'while the committee    reviewed the budget    for the year',
      'and asked for a report on    the new office    downtown.',
    ];
    const page = layoutPage(enginePage([block(lines(text, 60, 100))]), 0, findTool('extract-tables')!.recipe);
    expect(page.tables).toEqual([]);
    expect(page.blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('does not make a table of two short paragraphs side by side', () => {
    const left = block(lines(['We met on Monday to review the plan', 'and agreed on the next steps for', 'the team before the summer break'], 60, 100));
    const right = block(lines(['Everyone will send their notes by', 'Friday so that the draft can be', 'shared with the board next week'], 520, 100));
    const page = layoutPage(enginePage([left, right]), 0);
    expect(page.tables).toEqual([]);
  });

  it('reads receipt lines of item and price as a table from three rows on', () => {
    const items = ['Coffee beans 500g     12.50', 'Oat milk              2.20', 'Croissant             1.80'];
    const three = layoutPage(enginePage([block([line('CAFE CENTRAL', 60, 40)]), block(lines(items, 60, 100))]), 0);
    expect(three.tables.map((t) => t.rows)).toEqual([
      [
        ['Coffee beans 500g', '12.50'],
        ['Oat milk', '2.20'],
        ['Croissant', '1.80'],
      ],
    ]);
    expect(three.blocks[0]!.text).toBe('CAFE CENTRAL');
    const two = layoutPage(enginePage([block(lines(items.slice(0, 2), 60, 100))]), 0);
    expect(two.tables).toEqual([]);
    // The extract-tables tool asks for tables more eagerly.
    const eager = layoutPage(enginePage([block(lines(items.slice(0, 2), 60, 100))]), 0, findTool('extract-tables')!.recipe);
    expect(eager.tables).toHaveLength(1);
  });

  it('does not make a table of list markers set apart from their items', () => {
    const list = block(lines(['•      first item here', '•      second item here', '•      third item here'], 60, 100));
    const page = layoutPage(enginePage([list]), 0);
    expect(page.tables).toEqual([]);
    expect(page.blocks[0]!.kind).toBe('list');
  });

  it('keeps a title that straddles the columns out of the table', () => {
    const title = line('Sales by region and quarter', 300, 150);
    const page = layoutPage(enginePage([block([title]), block(GRID.map((r, i) => rowLine(r, 200 + i * 32)))]), 0);
    expect(page.tables[0]!.rows).toEqual(GRID);
    expect(page.blocks[0]!.text).toBe('Sales by region and quarter');
  });

  it('ends a table at a line of text below it, and starts another after', () => {
    const note = line('The figures below are for the second half of the year only.', 60, 200 + 4 * 32);
    const second = GRID.map((r, i) => rowLine(r, 200 + (i + 5) * 32));
    const page = layoutPage(enginePage([block([...GRID.map((r, i) => rowLine(r, 200 + i * 32)), note, ...second])]), 0);
    expect(page.tables.map((t) => t.rows)).toEqual([GRID, GRID]);
    expect(page.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'table']);
  });
});
