// Ruled tables: rules found in pixels, the grid they draw with its merged cells, the
// header rows, and the table the layout makes of words placed in the cells.
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout';
import { headerRowsOf } from '../../../src/layout/ruled';
import { findRules, ruledGrids, type Rule } from '../../../src/shared/ruling';
import { pathRules, type PathOps } from '../../../src/documents/pdf-rules';
import type { EngineLine } from '../../../src/shared/engine';
import { block, enginePage, line, lineOf, lines, prose, words } from './support/page';

/** The rules of a grid: xs and ys its boundaries; `open` the sides left out ("h r c": the
 * rule under row r-1 over column c; "v r c": the rule left of column c in row r). */
function gridRules(xs: number[], ys: number[], open: string[] = [], t = 2): Rule[] {
  const out: Rule[] = [];
  for (let r = 0; r < ys.length; r++) for (let c = 0; c + 1 < xs.length; c++) if (!open.includes(`h ${r} ${c}`)) out.push([xs[c]!, ys[r]! - t / 2, xs[c + 1]!, ys[r]! + t / 2]);
  for (let c = 0; c < xs.length; c++) for (let r = 0; r + 1 < ys.length; r++) if (!open.includes(`v ${r} ${c}`)) out.push([xs[c]! - t / 2, ys[r]!, xs[c]! + t / 2, ys[r + 1]!]);
  return out;
}

const XS = [100, 300, 420, 540, 660];
const YS = [200, 240, 280, 320, 360, 400, 440];
/** Region and Staff span the two header rows, Sales the two quarters, South two rows, Total's sum two columns. */
const OPEN = ['h 1 0', 'h 1 3', 'v 0 2', 'h 4 0', 'v 5 2'];
const CELLS: [string, number, number][] = [
  ['Region', 0, 0], ['Sales', 0, 1], ['Staff', 0, 3],
  ['Q1', 1, 1], ['Q2', 1, 2],
  ['North', 2, 0], ['120', 2, 1], ['135', 2, 2], ['12', 2, 3],
  ['South', 3, 0], ['98', 3, 1], ['110', 3, 2], ['9', 3, 3],
  ['101', 4, 1], ['117', 4, 2], ['10', 4, 3],
  ['Total', 5, 0], ['463', 5, 1], ['31', 5, 3],
];
const GRID = [
  ['Region', 'Sales', '', 'Staff'],
  ['', 'Q1', 'Q2', ''],
  ['North', '120', '135', '12'],
  ['South', '98', '110', '9'],
  ['', '101', '117', '10'],
  ['Total', '463', '', '31'],
];
const SPANS = [
  { row: 0, col: 0, row_span: 2, col_span: 1 },
  { row: 0, col: 1, row_span: 1, col_span: 2 },
  { row: 0, col: 3, row_span: 2, col_span: 1 },
  { row: 3, col: 0, row_span: 2, col_span: 1 },
  { row: 5, col: 1, row_span: 1, col_span: 2 },
];

/** Each cell's text as one engine line, set in its cell's top-left corner (a row of one engine line each, as a text layer gives them). */
function cellLines(): EngineLine[] {
  return CELLS.map(([text, r, c]) => line(text, XS[c]! + 8, YS[r]! + 10));
}

describe('ruled grids', () => {
  it('finds rows, columns and the cells that missing rules merge', () => {
    const [grid, ...more] = ruledGrids(gridRules(XS, YS, OPEN), 12);
    expect(more).toEqual([]);
    expect(grid!.xs).toEqual(XS);
    expect(grid!.ys).toEqual(YS);
    const merged = grid!.cells.filter((c) => c.row_span > 1 || c.col_span > 1).map(({ row, col, row_span, col_span }) => ({ row, col, row_span, col_span }));
    expect(merged).toEqual(SPANS);
    expect(grid!.cells).toHaveLength(6 * 4 - 5);
  });

  it('takes a double rule as one, and bounds a table ruled only inside by its rules’ ends', () => {
    const double = [...gridRules([100, 300, 500], [100, 140, 180]), [100, 146, 500, 148] as Rule];
    expect(ruledGrids(double, 12)[0]!.ys).toHaveLength(3);
    // Only the inner rules: one across, one down.
    const inner: Rule[] = [[100, 139, 500, 141], [299, 100, 301, 180]];
    const g = ruledGrids(inner, 12)[0]!;
    expect(g.xs).toEqual([100, 300, 500]);
    expect(g.ys).toEqual([100, 140, 180]);
  });

  it('is no grid without two rows and two columns (a box round a paragraph, an underline)', () => {
    expect(ruledGrids(gridRules([100, 500], [100, 300]), 12)).toEqual([]);
    expect(ruledGrids([[100, 100, 500, 102]], 12)).toEqual([]);
  });
});

describe('header rows', () => {
  it('the first row, and the rows its cells reach into or stand over', () => {
    expect(headerRowsOf(GRID, SPANS)).toBe(2);
    expect(headerRowsOf([['Name', 'Qty'], ['Apples', '3'], ['Pears', '5']], [])).toBe(1);
    // A heading spanning two columns over its sub-headings.
    expect(headerRowsOf([['', 'Sales', ''], ['Region', 'Q1', 'Q2'], ['North', '1', '2']], [{ row: 0, col: 1, row_span: 1, col_span: 2 }])).toBe(2);
  });

  it('none when the first row is data like the rows under it', () => {
    expect(headerRowsOf([['Miami', '127', '1,891'], ['New Orleans', '69', '1,132'], ['Ramey', '59', '562']], [])).toBe(0);
  });
});

describe('ruled tables in the layout', () => {
  it('puts each word in its cell, with the merged cells, the header rows and the text around it', () => {
    const title = block([line('Sales by region', 100, 120, { h: 30, cw: 15 })]);
    const after = block(lines(prose('After', 2, 60), 100, 480));
    const table = block(cellLines());
    const page = layoutPage({ ...enginePage([title, table, after]), rules: gridRules(XS, YS, OPEN) }, 0, { minTableRows: 2 });
    expect(page.tables).toHaveLength(1);
    const [t] = page.tables;
    expect(t!.rows).toEqual(GRID);
    expect(t!.spans).toEqual(SPANS);
    expect(t!.header_rows).toBe(2);
    expect(t!.bbox).toEqual([100, 200, 660, 440]);
    expect(page.blocks.map((b) => b.kind)).toEqual(['heading', 'table', 'paragraph']);
    // Every word is kept, the table's in its block.
    expect(page.blocks[1]!.lines!.flatMap((l) => l.words.map((w) => w.text)).sort()).toEqual(CELLS.map((c) => c[0]).sort());
    expect(page.markdown).toContain('| Region | Sales |  | Staff |\n| --- | --- | --- | --- |\n|  | Q1 | Q2 |  |\n| North | 120 | 135 | 12 |');
  });

  it('joins a cell’s lines, leaves out rules read as bars, and takes a row of Tesseract’s across the cells apart', () => {
    const xs = [100, 400, 600];
    const ys = [100, 180, 220, 260];
    // The header row read as one engine line, with a bar where the rule is; a heading of two lines.
    const head = lineOf([...words('Other Than', 110, 110), ...words('|', 398, 105), ...words('Staff', 410, 130), ...words('Mexican', 110, 140)]);
    const rows = [lineOf([...words('Miami', 110, 190), ...words('127', 410, 190)]), lineOf([...words('Ramey', 110, 230), ...words('59', 410, 230)])];
    const page = layoutPage({ ...enginePage([block([head]), block(rows)]), rules: gridRules(xs, ys) }, 0, { minTableRows: 2 });
    expect(page.tables[0]!.rows).toEqual([
      ['Other Than Mexican', 'Staff'],
      ['Miami', '127'],
      ['Ramey', '59'],
    ]);
    expect(page.tables[0]!.header).toBeUndefined();
  });

  it('a grid whose words stand in no shared row and column is no table (two amounts in a receipt\'s boxes)', () => {
    const xs = [300, 400, 500];
    const ys = [400, 440, 480];
    const amounts = block([line('31.00', 310, 410), line('101.00', 410, 450)]);
    const page = layoutPage({ ...enginePage([block(lines(prose('Items', 2, 60), 100, 200)), amounts]), rules: gridRules(xs, ys) }, 0);
    expect(page.tables).toEqual([]);
    expect(page.text).toContain('31.00');
    expect(page.text).toContain('101.00');
  });

  it('leaves a page without rules to the alignment of its columns', () => {
    const table = block(cellLines());
    const without = layoutPage(enginePage([table]), 0, { minTableRows: 2 });
    expect(without.tables.every((t) => !t.spans)).toBe(true);
  });
});

describe('rules in pixels', () => {
  it('finds long thin runs of ink across and down, not letters or a solid block', () => {
    const w = 400;
    const h = 300;
    const grey = new Uint8Array(w * h).fill(255);
    const ink = (x0: number, y0: number, x1: number, y1: number, v = 0) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) grey[y * w + x] = v;
    };
    ink(20, 50, 380, 52); // a rule across, two pixels thick
    ink(20, 150, 200, 151);
    ink(203, 150, 380, 151); // the same rule, broken by a gap of three pixels: two rules
    ink(100, 50, 102, 250); // a rule down
    ink(300, 60, 310, 70); // a letter: too short
    ink(250, 200, 350, 280); // a solid block: too thick
    ink(20, 100, 380, 101, 200); // light grey shading: no ink
    const rules = findRules(grey, w, h, 20);
    const across = rules.filter((r) => r[2] - r[0] > r[3] - r[1]).sort((a, b) => a[1] - b[1]);
    const down = rules.filter((r) => r[2] - r[0] < r[3] - r[1]);
    expect(across).toEqual([
      [20, 50, 380, 52],
      [20, 150, 200, 151],
      [203, 150, 380, 151],
    ]);
    expect(down).toEqual([[100, 50, 102, 250]]);
  });
});

describe('rules in a PDF’s paths', () => {
  const OPS: PathOps = { save: 10, restore: 11, transform: 12, setLineWidth: 2, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, setStrokeRGBColor: 58, setFillRGBColor: 59, setStrokeGray: 56, setFillGray: 57 };
  // pdf.js's path data: 0 moveTo, 1 lineTo, 2 curveTo, 4 closePath.
  const path = (paint: number, data: number[]) => [OPS.constructPath, [paint, [Float32Array.from(data)], null]] as const;

  it('takes straight strokes and thin filled boxes, in page pixels, and leaves out curves, fat boxes and white paint', () => {
    // PDF space: y up, 792 high; pixels at twice the scale, y down.
    const view: [number, number, number, number, number, number] = [2, 0, 0, -2, 0, 1584];
    const list = [
      [OPS.setLineWidth, [1]],
      path(OPS.stroke, [0, 72, 700, 1, 300, 700]), // a rule across
      path(OPS.stroke, [0, 72, 700, 1, 72, 600]), // a rule down
      path(OPS.stroke, [0, 72, 500, 2, 100, 520, 150, 520, 200, 500]), // a curve
      path(OPS.stroke, [0, 72, 400, 1, 200, 450]), // a slanted stroke
      path(OPS.fill, [0, 72, 300, 1, 300, 300, 1, 300, 301, 1, 72, 301, 4]), // a thin filled box
      path(OPS.fill, [0, 72, 100, 1, 300, 100, 1, 300, 200, 1, 72, 200, 4]), // a filled panel
      [OPS.setStrokeRGBColor, ['#ffffff']],
      path(OPS.stroke, [0, 72, 50, 1, 300, 50]), // white
      [OPS.save, null],
      [OPS.setStrokeRGBColor, ['#000000']],
      [OPS.transform, [1, 0, 0, 1, 0, -100]],
      path(OPS.stroke, [0, 72, 700, 1, 300, 700]), // moved down 100 pt
      [OPS.restore, null],
    ] as const;
    const rules = pathRules(
      list.map((l) => l[0]),
      list.map((l) => l[1]),
      OPS,
      view,
    );
    expect(rules.map((r) => r.map(Math.round))).toEqual([
      [144, 183, 600, 185],
      [143, 184, 145, 384],
      [144, 982, 600, 984],
      [144, 383, 600, 385],
    ]);
  });
});

describe('a borderless table’s group heading', () => {
  it('is a header row over the columns it stands over, a merged cell', () => {
    // Columns at 60, 300, 450, 600; a heading over the last two, just above the header.
    const at = (cells: [string, number][], y: number) => lineOf(cells.flatMap(([t, x]) => words(t, x, y)));
    const rows = [
      at([['Price per kilogram', 450]], 100),
      at([['Item', 60], ['Qty', 300], ['Small', 450], ['Large', 600]], 130),
      at([['Apples', 60], ['3', 300], ['1.20', 450], ['2.10', 600]], 160),
      at([['Pears', 60], ['5', 300], ['2.50', 450], ['4.00', 600]], 190),
      at([['Plums', 60], ['12', 300], ['0.80', 450], ['1.50', 600]], 220),
    ];
    const page = layoutPage(enginePage([block(rows)]), 0, { minTableRows: 2 });
    expect(page.tables).toHaveLength(1);
    const [t] = page.tables;
    expect(t!.rows).toEqual([
      ['', '', 'Price per kilogram', ''],
      ['Item', 'Qty', 'Small', 'Large'],
      ['Apples', '3', '1.20', '2.10'],
      ['Pears', '5', '2.50', '4.00'],
      ['Plums', '12', '0.80', '1.50'],
    ]);
    expect(t!.spans).toEqual([{ row: 0, col: 2, row_span: 1, col_span: 2 }]);
    expect(t!.header_rows).toBe(2);
  });

  it('is not a title: one far above, in larger type, or over every column', () => {
    const at = (cells: [string, number][], y: number, h = 20) => lineOf(cells.flatMap(([t, x]) => words(t, x, y, { h, cw: h / 2 })));
    const body = (y: number) => [
      at([['Item', 60], ['Qty', 300], ['Small', 450], ['Large', 600]], y),
      at([['Apples', 60], ['3', 300], ['1.20', 450], ['2.10', 600]], y + 30),
      at([['Pears', 60], ['5', 300], ['2.50', 450], ['4.00', 600]], y + 60),
    ];
    for (const title of [at([['Price per kilogram', 450]], 40), at([['Price list', 450]], 90, 34), at([['The price list of our fruit this week', 60]], 100)]) {
      const page = layoutPage(enginePage([block([title]), block(body(130))]), 0, { minTableRows: 2 });
      expect(page.tables[0]!.rows[0]).toEqual(['Item', 'Qty', 'Small', 'Large']);
      expect(page.tables[0]!.spans).toBeUndefined();
    }
  });
});

describe('a cell of several lines', () => {
  it('joins its lines with a space, and a line ending in a hyphen with the next as it is', async () => {
    const { joinCellLines } = await import('../../../src/layout/ruled');
    expect(joinCellLines(['David', 'Fahlander'])).toBe('David Fahlander');
    expect(joinCellLines(['Apache-', '2.0'])).toBe('Apache-2.0');
    expect(joinCellLines(['Other Than', 'Mexican', 'Apprehensions'])).toBe('Other Than Mexican Apprehensions');
    expect(joinCellLines(['Total -', 'net'])).toBe('Total - net');
  });
});
