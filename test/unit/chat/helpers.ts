// Jobs made from plain text, for the chat tests: one block per paragraph (blank-line
// separated), one line per text line, words with made-up boxes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Job, Line, Page } from '../../../src/shared/contract';
import { parseWordVectors, type WordVectors } from '../../../src/chat/vectors';

const LINE_HEIGHT = 20;
const CHAR_WIDTH = 10;

function lineOf(text: string, y: number): Line {
  let x = 0;
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const word = { text: w, bbox: [x, y, x + w.length * CHAR_WIDTH, y + LINE_HEIGHT] as [number, number, number, number], confidence: 0.95 };
      x += (w.length + 1) * CHAR_WIDTH;
      return word;
    });
  // cells of a table row stay apart by their tabs, as the layout writes a table's text
  return { text: text.includes('\t') ? text.trim().split(/\t/).map((c) => c.trim().split(/\s+/).join(' ')).join('\t') : words.map((w) => w.text).join(' '), bbox: [0, y, Math.max(x, 1), y + LINE_HEIGHT], confidence: 0.95, words };
}

/** Plain text → a Page whose text is its lines joined as the engine joins them. */
export function pageFromText(text: string, index = 0): Page {
  let y = 0;
  const blocks: Block[] = text
    .split(/\n\s*\n/)
    .map((para) => para.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map((rawLines) => {
      const lines = rawLines.map((l) => lineOf(l, (y += LINE_HEIGHT)));
      y += LINE_HEIGHT;
      const width = Math.max(...lines.map((l) => l.bbox[2]));
      return { text: lines.map((l) => l.text).join('\n'), bbox: [0, lines[0].bbox[1], width, y], confidence: 0.95, kind: 'paragraph', lines };
    });
  const pageText = blocks.map((b) => b.text).join('\n\n');
  return { index, width: 1000, height: y + LINE_HEIGHT, text: pageText, markdown: pageText, blocks, tables: [], confidence: 0.95, source: 'ocr' };
}

let counter = 0;

/** A finished job with one page per text. */
export function jobFromTexts(texts: string[], uuid = `test-job-${++counter}`): Job {
  const pages = texts.map((t, i) => pageFromText(t, i));
  const text = pages.map((p) => p.text).join('\n\n');
  return {
    uuid,
    status: 'done',
    tier: 'cpu',
    language: 'eng',
    file_name: 'test.png',
    file_type: 'image/png',
    page_count: pages.length,
    pages_done: pages.length,
    mean_confidence: 0.95,
    text,
    markdown: text,
    pages,
    created_at: new Date(0).toISOString(),
  };
}

/** The word vectors the app ships (src/chat/assets/word-vectors.bin), read from disk. */
export function shippedVectors(): WordVectors {
  const buf = readFileSync(join(__dirname, '../../../src/chat/assets/word-vectors.bin'));
  return parseWordVectors(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}
