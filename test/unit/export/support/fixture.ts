// Jobs built by hand: words with boxes, lines, blocks (heading, paragraph, list, table) and
// tables, laid out as an engine would report them.
import type { BBox, Block, BlockKind, Job, Line, Page, Table, Word } from '../../../../src/shared/contract';

export const PAGE_W = 620;
export const PAGE_H = 877; // A4 at 75 dpi
const LINE_H = 24;

const wide = (ch: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch);
const textWidth = (text: string, h: number) => [...text].reduce((w, ch) => w + (wide(ch) ? h : h * 0.5), 0);

function union(boxes: BBox[]): BBox {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** Words at given x positions on one line whose top is y. */
export function lineAt(parts: { text: string; x: number }[], y: number, h = LINE_H): Line {
  const words: Word[] = parts.map(({ text, x }) => ({ text, bbox: [x, y, x + textWidth(text, h), y + h], confidence: 0.95 }));
  const ordered = [...parts].map((p) => p.text);
  return { text: ordered.join(' '), bbox: union(words.map((w) => w.bbox)), confidence: 0.95, words };
}

/** A line of words flowing from x (or, right to left, ending at x). */
export function line(text: string, x: number, y: number, o: { h?: number; rtl?: boolean } = {}): Line {
  const h = o.h ?? LINE_H;
  const gap = h * 0.5;
  let at = x;
  const parts = text.split(' ').map((t) => {
    const w = textWidth(t, h);
    const part = { text: t, x: o.rtl ? at - w : at };
    at = o.rtl ? at - w - gap : at + w + gap;
    return part;
  });
  return lineAt(parts, y, h);
}

export function block(kind: BlockKind, lines: Line[], level?: number): Block {
  return { text: lines.map((l) => l.text).join('\n'), bbox: union(lines.map((l) => l.bbox)), confidence: 0.95, kind, level, lines };
}

export function page(index: number, blocks: Block[], tables: Table[] = []): Page {
  return {
    index,
    width: PAGE_W,
    height: PAGE_H,
    text: blocks.map((b) => b.text).join('\n\n'),
    markdown: '',
    blocks,
    tables,
    confidence: 0.95,
    source: 'ocr',
  };
}

export function job(pages: Page[], fileName = 'quarterly report.pdf'): Job {
  return {
    uuid: '0b7c6a1e-4d2f-4c1a-9e3b-5f6a7b8c9d0e',
    status: 'done',
    tier: 'cpu',
    language: 'auto',
    file_name: fileName,
    file_type: 'pdf',
    page_count: pages.length,
    pages_done: pages.length,
    mean_confidence: 0.95,
    text: pages.map((p) => p.text).join('\n\n'),
    markdown: '',
    pages,
    created_at: '2026-11-21T10:00:00.000Z',
    finished_at: '2026-11-21T10:00:05.000Z',
  };
}

export const TABLE_ROWS = [
  ['Region', 'Q1', 'Q2'],
  ['North', '1,200', '135'],
  ['South "East"', '98', '110'],
];

function tableBlock(rows: string[][], y: number): { block: Block; table: Table } {
  const cols = [60, 260, 400];
  const lines = rows.map((row, r) => {
    const parts = row.flatMap((cell, c) => {
      let x = cols[c]!;
      return cell.split(' ').map((t) => {
        const part = { text: t, x };
        x += textWidth(t, LINE_H) + LINE_H * 0.5;
        return part;
      });
    });
    return lineAt(parts, y + r * 36);
  });
  const b = block('table', lines);
  return { block: b, table: { rows, bbox: b.bbox } };
}

/** Two pages with a heading, a paragraph, a bullet list, a table and a numbered list; then
 * a page in Chinese (one character outside the BMP), Arabic and Hindi. */
export function sampleJob(): Job {
  const t = tableBlock(TABLE_ROWS, 120);
  return job([
    page(0, [
      block('heading', [line('Quarterly Report 2026', 60, 60, { h: 36 })], 1),
      block('paragraph', [line('Revenue grew strongly in the third quarter,', 60, 130), line('driven by exports to new markets.', 60, 160)]),
      block('list', [line('• Lower costs', 80, 220), line('• Faster delivery', 80, 250), line('• Happier customers', 80, 280)]),
    ]),
    page(
      1,
      [
        block('heading', [line('Sales by region', 60, 60, { h: 30 })], 2),
        t.block,
        block('paragraph', [line('Totals include returns.', 60, 250)]),
        block('list', [line('1. Review the figures', 80, 300), line('2. Approve the budget', 80, 330)]),
      ],
      [t.table],
    ),
    page(2, [
      block('paragraph', [line('你好 世界 𠮷野家', 60, 80)]),
      block('paragraph', [line('مرحبا بالعالم', 560, 140, { rtl: true })]),
      block('paragraph', [line('नमस्ते दुनिया', 60, 200)]),
    ]),
  ]);
}

/** A long job: `n` pages of paragraphs, a list and a table each. */
export function longJob(n: number): Job {
  const pages: Page[] = [];
  for (let i = 0; i < n; i++) {
    const lines = Array.from({ length: 12 }, (_, k) => line(`Page ${i + 1} line ${k + 1} with some ordinary words to read`, 60, 100 + k * 30));
    const t = tableBlock([['Item', 'Count', 'Price'], ...Array.from({ length: 5 }, (_, r) => [`Item ${r}`, `${r * 3}`, `${r}.50`])], 560);
    pages.push(
      page(
        i,
        [
          block('heading', [line(`Chapter ${i + 1}`, 60, 40, { h: 36 })], 1),
          block('paragraph', lines),
          block('list', [line('- first point', 80, 480), line('- second point', 80, 510)]),
          t.block,
        ],
        [t.table],
      ),
    );
  }
  return job(pages, 'long.pdf');
}
