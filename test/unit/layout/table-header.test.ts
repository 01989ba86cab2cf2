import { findTool } from '../../../src/tools';
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout';
import type { EngineLine, EngineWord } from '../../../src/shared/engine';
import { block, enginePage, lineOf, words } from './support/page';

const COLS = [60, 400, 700];
const DATA = [
  ['Miami', '127', '1,891'],
  ['New Orleans', '69', '1,132'],
  ['Ramey', '59', '562'],
];

function rowLine(cells: string[], y: number): EngineLine {
  return lineOf(cells.flatMap((c, i) => words(c, COLS[i]!, y)));
}

/** Words at given x positions on one line, for a header set in its own way. */
function placed(parts: [string, number][], y: number, h: number): EngineWord[] {
  return parts.flatMap(([text, x]) => words(text, x, y, { h }));
}

describe('table headers', () => {
  it('takes the taller line just above the rows, its cells under the columns, for the header', () => {
    // A shaded header band: taller text, rules read as "|", a heading wider than the
    // numbers under it and split by the engine into two pieces.
    const header = lineOf(placed([['Sector', 60], ['|', 330], ['Agent', 350], ['staffing', 440], ['|', 600], ['Apprehensions', 650]], 140, 30));
    const rows = DATA.map((r, i) => rowLine(r, 200 + i * 32));
    const page = layoutPage(enginePage([block([lineOf(words('Sector profile for the year', 60, 60, { h: 30 }))]), block([header, ...rows])]), 0, findTool('extract-tables')!.recipe);
    expect(page.tables).toHaveLength(1);
    expect(page.tables[0]!.rows).toEqual([['Sector', 'Agent staffing', 'Apprehensions'], ...DATA]);
    expect(page.tables[0]!.header).not.toBe(false);
    expect(page.markdown).toContain('| Sector | Agent staffing | Apprehensions |\n| --- | --- | --- |\n| Miami | 127 | 1,891 |');
    // The header's words are the table's, not a paragraph of their own.
    expect(page.blocks.filter((b) => b.kind !== 'table').map((b) => b.text)).toEqual(['Sector profile for the year']);
  });

  it('makes one header row of a heading of two lines read as two rows', () => {
    const top = lineOf([...words('Agent', 400, 160), ...words('Other than', 700, 160)]);
    const bottom = rowLine(['Sector', 'staffing', 'Mexican'], 182);
    const rows = DATA.map((r, i) => rowLine(r, 220 + i * 32));
    const page = layoutPage(enginePage([block([top, bottom, ...rows])]), 0, findTool('extract-tables')!.recipe);
    expect(page.tables[0]!.rows).toEqual([['Sector', 'Agent staffing', 'Other than Mexican'], ...DATA]);
  });

  it('does not promote a row of data to the header, nor take a title above for one', () => {
    const title = lineOf(words('Sectors by number of agents', 300, 150));
    const page = layoutPage(enginePage([block([title]), block(DATA.map((r, i) => rowLine(r, 200 + i * 32)))]), 0, findTool('extract-tables')!.recipe);
    expect(page.tables[0]!.rows).toEqual(DATA);
    expect(page.tables[0]!.header).toBe(false);
    expect(page.markdown).toContain('|  |  |  |\n| --- | --- | --- |\n| Miami | 127 | 1,891 |');
    expect(page.blocks[0]!.text).toBe('Sectors by number of agents');
  });
});
