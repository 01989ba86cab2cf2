// Markdown for a page: headings as #, paragraphs reflowed into one line (or kept line by
// line, with hard breaks, where the block keeps its lines), lists as
// "- item" / "1. item" (each item's own marker), tables as GitHub pipe tables.
import { listItemMarkdown } from '../shared/markdown';
import type { Block, Table } from '../shared/contract';
import { LIST_MARK } from './kind';

/** A line that Markdown would otherwise read as a heading, quote, list, rule, table or code. */
const BLOCK_START = /^(\s*)([#>+|]|[-*_](?=\s|[-*_]|$)|`{3}|~{3}|=+\s*$)/;
const ORDERED_START = /^(\s*\d{1,9})([.)])(?=\s|$)/;

function escapeStart(text: string): string {
  if (ORDERED_START.test(text)) return text.replace(ORDERED_START, '$1\\$2');
  return text.replace(BLOCK_START, '$1\\$2');
}

/** Lines joined into one, with a word broken by a hyphen at a line's end made whole
 * again (only where the next line goes on in lower case, so "well-\nKnown" keeps it). */
function reflow(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    else out = out ? `${out} ${line}` : line;
  }
  return out;
}

/** A list block's items, each with its marker: a line with a marker starts an item, one
 * without goes on with it. */
function listItems(lines: readonly string[]): { marker: string; text: string }[] {
  const items: { marker: string; lines: string[] }[] = [];
  for (const line of lines) {
    const mark = LIST_MARK.exec(line);
    if (mark || items.length === 0) items.push({ marker: mark ? mark[0].trim() : '', lines: [mark ? line.slice(mark[0].length) : line] });
    else items[items.length - 1]!.lines.push(line);
  }
  return items.map((i) => ({ marker: i.marker, text: reflow(i.lines) }));
}

function listMarkdown(lines: readonly string[]): string {
  return listItems(lines).map((i) => listItemMarkdown(i.marker, i.text, escapeStart)).join('\n');
}

/** Lines kept as lines (a receipt, an address): each ends in a hard break (a backslash),
 * and each is escaped as a line start, since a break may start a heading or a list. */
function keptLines(lines: readonly string[]): string {
  return lines.map((l) => escapeStart(l.trim()).replace(/\\$/, '\\\\')).join('\\\n');
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** A pipe table; one without a header gets an empty header row, as Markdown needs one. */
export function pipeTable(table: Table): string {
  const cols = Math.max(1, ...table.rows.map((r) => r.length));
  const row = (r: readonly string[]) => `| ${Array.from({ length: cols }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`;
  const [head = [], ...body] = table.header === false ? [[], ...table.rows] : table.rows;
  return [row(head), `|${' --- |'.repeat(cols)}`, ...body.map(row)].join('\n');
}

function blockMarkdown(block: Block, table: Table | undefined): string {
  const lines = (block.lines?.map((l) => l.text) ?? block.text.split('\n')).filter((l) => l.trim());
  switch (block.kind) {
    case 'table':
      return table ? pipeTable(table) : reflow(lines);
    case 'heading': {
      // A trailing run of # would be read as the heading's closing sequence.
      const text = reflow(lines).replace(/(^|\s)(#+)$/, '$1\\$2');
      return `${'#'.repeat(Math.min(3, Math.max(1, block.level ?? 1)))} ${text}`;
    }
    case 'list':
      return listMarkdown(lines);
    default:
      return block.keep_lines ? keptLines(lines) : escapeStart(reflow(lines));
  }
}

/** The page's Markdown; `tableOf` gives the table behind a table block. Consecutive list
 * blocks (an engine often makes one per item) stay one list. */
export function pageMarkdown(blocks: readonly Block[], tableOf: (b: Block) => Table | undefined): string {
  let out = '';
  blocks.forEach((b, i) => {
    const md = blockMarkdown(b, tableOf(b));
    if (!md.trim()) return;
    const prev = blocks[i - 1];
    const sameList = prev?.kind === 'list' && b.kind === 'list' && out;
    out += out ? (sameList ? '\n' : '\n\n') + md : md;
  });
  return out;
}
