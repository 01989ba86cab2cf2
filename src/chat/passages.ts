// A job's text as the answerer reads it: every line in reading order (for key-value fields
// on receipts and forms) and the passages the search index holds (sentences of prose,
// lines of everything else), each knowing its page and block.
import type { BBox, Job, Page } from '../shared/contract';
import type { LineRec } from '../fields/lines';
import { squash } from './text';

export type { LineRec } from '../fields/lines';

export interface PassageRec {
  id: number;
  page: number;
  block: number;
  /** exact text from the page: a line, or a sentence that may span lines */
  text: string;
}

/** A line's text, with its box and confidence where the page gives them. */
interface RawLine {
  text: string;
  bbox?: BBox;
  confidence?: number;
}

/** A block's lines; blocks without line detail (some PDF text) fall back to its text. */
function linesOfBlock(block: Page['blocks'][number]): RawLine[] {
  const raw: RawLine[] = block.lines?.length
    ? block.lines.map((l) => ({ text: l.text, bbox: l.bbox, confidence: l.confidence }))
    : block.text.split('\n').map((text) => ({ text }));
  return raw.filter((l) => l.text.trim() !== '');
}

/** Blocks as lists of lines; a page with text but no blocks is split on blank lines. */
function blocksOfPage(page: Page): RawLine[][] {
  if (page.blocks.length) return page.blocks.map(linesOfBlock);
  return page.text.split(/\n\s*\n/).map((p) => p.split('\n').filter((l) => l.trim() !== '').map((text) => ({ text })));
}

/**
 * Prose is worth splitting into sentences; receipts, forms and tables are not: there a
 * "sentence" would run across dozens of short lines and bury the one that answers.
 */
function isProse(lines: string[]): boolean {
  const chars = lines.reduce((n, l) => n + l.trim().length, 0);
  if (lines.length === 1) return lines[0].trim().split(/\s+/).length >= 6;
  if (lines.length <= 3 && isShortSentence(lines)) return true;
  return chars / lines.length >= 30 && /[.!?]/.test(lines.join(' '));
}

/**
 * A short paragraph that is one sentence run over two or three short lines ("Before HUG,
 * ALARCON and" / "KOZINSKI, Circuit Judges."): each line but the last goes on (a letter or a
 * comma at its end), the last stops, six words or more, and no digits (an address or a
 * receipt's lines stay lines).
 */
function isShortSentence(lines: string[]): boolean {
  const text = lines.map((l) => l.trim()).join(' ');
  return /[.!?]["'”’)\]]*$/.test(text) && text.split(/\s+/).length >= 6 && !/\d/.test(text) && lines.slice(0, -1).every((l) => /[\p{L},]$/u.test(l.trim()));
}

/** Words before a full stop that do not end a sentence: initials, initialisms ("U.S."), and common short forms. */
const ABBREVIATIONS = /(?:^|[\s(])(?:[A-Za-z]|(?:[A-Za-z]\.)+[A-Za-z]|e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Fig|al|cf|approx|ca|Inc|Ltd|Co|Corp|Jr|Sr|Vol|pp|Cir|Cal|Supp|ed)\.$/;

/** Sentence spans of a block's text (lines joined by "\n"), as [start, end) offsets. */
export function splitSentences(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  // a stop before a capital or a number, or before a line that opens with a command's option
  // ("… and quit.\n-k --keep\nKeep (don't delete) input files …": a manual's next entry)
  // — or a stop that ends a line before one opening in lower case: a glossary's next term
  // ("… HEAD points to that branch.\ncache Obsolete for: index."), as prose's sentences open
  // with a capital
  const boundary = /[.!?]+["')\]]*(?:\[\d+\])*(?=\s+["'(\[]?[\p{Lu}\p{N}]|[ \t]*\n\s*--?[\p{L}\d#]|[ \t]*\n\s*\p{Ll})/gu;
  const ends: number[] = [];
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (!ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) ends.push(m.index + m[0].length);
  }
  // the end of a heading's line too: a line in capitals, with no stop, over a line that
  // begins a sentence ("A. HISTORY OF THE SOFTWARE\nPython was created …")
  let at = 0;
  for (const line of text.split('\n')) {
    const next = at + line.length + 1;
    if (next < text.length && !/\p{Ll}/u.test(line) && /\p{Lu}{3,}/u.test(line) && !/[.!?:;,]\s*$/.test(line) && /^\s*\p{Lu}\p{Ll}/u.test(text.slice(next, next + 3))) ends.push(at + line.trimEnd().length);
    at = next;
  }
  for (const end of [...new Set(ends)].sort((x, y) => x - y)) {
    if (end <= start) continue;
    spans.push([start, end]);
    start = end;
    while (start < text.length && /\s/.test(text[start])) start++;
  }
  if (start < text.length && text.slice(start).trim()) spans.push([start, text.length]);
  return spans;
}

/** Very long sentences (run-on OCR, tables read as prose) are cut at lines. */
const MAX_SENTENCE = 600;

/**
 * A sentence too long to quote (a list run on with semicolons, a table read as prose) is cut
 * at its clauses: after a colon or semicolon that ends a line or opens a numbered item
 * ("...reasons: (i) ...; and (ii) ..."); what is still too long, at its lines.
 */
function clauses(sentence: string): string[] {
  const parts = sentence.split(/(?<=[;:])\s*\n|(?<=[;:])\s+(?=\(?(?:[ivx]+|[a-z]|\d+)[).]\s)/).map((p) => p.trim()).filter(Boolean);
  return parts.flatMap((p) => (p.length <= MAX_SENTENCE ? [p] : p.split('\n').filter((l) => l.trim())));
}

function proseUnits(lines: string[]): string[] {
  const text = lines.join('\n');
  const out: string[] = [];
  for (const [s, e] of splitSentences(text)) {
    const sentence = text.slice(s, e).trim();
    if (sentence.length <= MAX_SENTENCE) out.push(sentence);
    else out.push(...clauses(sentence));
  }
  return out;
}

export interface JobText {
  lines: LineRec[];
  passages: PassageRec[];
  /** 1-based page number → page text, for exact snippets */
  pageText: Map<number, string>;
}

/**
 * Blocks that go on with the sentence of the block before: that one ends without a stop and
 * this one starts in lower case ("...established by the fraud-on-the-" / "market doctrine").
 * A page layout cuts a paragraph in two at a column foot or a numbered margin; the sentence
 * is one.
 */
function continues(before: string[] | undefined, block: string[]): boolean {
  const last = before?.[before.length - 1]?.trim() ?? '';
  const first = block[0]?.trim() ?? '';
  return !!last && !/[.!?:;"”)\]]$/.test(last) && /^\p{Ll}/u.test(first) && isProse([...before!, ...block]);
}

/**
 * Which block goes on with which: the block right below one that stopped mid-sentence, in
 * the same column, starting in lower case; without boxes, the next block in reading order.
 * A reading order can put a paragraph's indented first line apart from the rest of it
 * ("55. Plaintiff will rely upon ... fraud-on-the-" / "market doctrine that, ..."); the
 * boxes still show where the sentence goes on.
 */
function successors(texts: string[][], boxes: BBox[]): Map<number, number> {
  const out = new Map<number, number>();
  const claimed = new Set<number>();
  texts.forEach((lines, i) => {
    const below = (j: number) => {
      if (j === i || j >= texts.length || claimed.has(j) || !continues(lines, texts[j])) return false;
      if (!boxes.length) return j === i + 1;
      const [ax0, , ax1, ay1] = boxes[i];
      const [bx0, by0, bx1] = boxes[j];
      const lineHeight = (boxes[i][3] - boxes[i][1]) / Math.max(1, lines.length);
      return by0 >= ay1 - lineHeight / 2 && by0 - ay1 <= 2 * lineHeight && Math.min(ax1, bx1) - Math.max(ax0, bx0) > 0;
    };
    const j = below(i + 1) ? i + 1 : boxes.length ? texts.findIndex((_t, k) => below(k)) : -1;
    if (j >= 0) {
      out.set(i, j);
      claimed.add(j);
    }
  });
  return out;
}

export function readJob(job: Job): JobText {
  const lines: LineRec[] = [];
  const passages: PassageRec[] = [];
  const pageText = new Map<number, string>();
  const pages = [...job.pages].sort((a, b) => a.index - b.index);
  for (const page of pages) {
    const pageNo = page.index + 1;
    pageText.set(pageNo, page.text);
    const blocks = blocksOfPage(page);
    blocks.forEach((raw, block) => {
      for (const { text, bbox, confidence } of raw) {
        const rec: LineRec = { page: pageNo, block, order: lines.length, text, upper: squash(text).toUpperCase() };
        if (bbox) rec.bbox = bbox;
        if (typeof confidence === 'number') rec.confidence = confidence;
        lines.push(rec);
      }
    });
    const texts = blocks.map((raw) => raw.map((l) => l.text));
    const next = successors(texts, page.blocks.length === blocks.length ? page.blocks.map((b) => b.bbox) : []);
    const taken = new Set(next.values());
    // each stretch of prose from its first block on, through the blocks that go on with it
    blocks.forEach((_raw, block) => {
      if (taken.has(block)) return;
      const runLines = [...texts[block]];
      const seen = new Set([block]);
      for (let b = next.get(block); b !== undefined && !seen.has(b); b = next.get(b)) {
        seen.add(b);
        runLines.push(...texts[b]);
      }
      const units = isProse(runLines) ? proseUnits(runLines) : runLines.map((l) => l.trim());
      for (const text of units) passages.push({ id: passages.length, page: pageNo, block, text });
    });
  }
  return { lines, passages, pageText };
}
