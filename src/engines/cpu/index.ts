// The cpu engine: Tesseract (tesseract.js, WASM) in a pool of Web Workers owned by the app window.
import type { Block as TBlock, Bbox } from 'tesseract.js';
import type { BBox } from '../../contract';
import type { PageImage } from '../../documents/types';
import { greyBmp, pixelsOf, toGrey } from '../../documents/encode';
import type { EngineBlock, EngineMeta, EnginePage, RecognizeOptions } from '../types';
import { TesseractPool } from './pool';

export const meta: EngineMeta = { id: 'cpu', label: 'Tesseract (CPU, WASM)', cost: 1 };

let pool: TesseractPool | undefined;
export function tesseractPool(): TesseractPool {
  pool ??= new TesseractPool();
  return pool;
}

export async function recognize(page: PageImage, opts: RecognizeOptions): Promise<EnginePage> {
  const { width, height } = page.bitmap;
  const input: Blob = page.original ?? new Blob([greyBmp(toGrey(pixelsOf(page.bitmap)), width, height) as BlobPart], { type: 'image/bmp' });
  opts.signal?.throwIfAborted();
  const result = await tesseractPool().use(opts.languages, (w) => w.recognize(input, {}, { blocks: true, text: true }));
  return { width, height, blocks: toBlocks(result.data.blocks ?? []), source: 'ocr' };
}

const box = (b: Bbox): BBox => [b.x0, b.y0, b.x1, b.y1];

/** Tesseract's blocks → paragraphs → lines → words, one EngineBlock per paragraph. */
export function toBlocks(blocks: TBlock[]): EngineBlock[] {
  const out: EngineBlock[] = [];
  for (const block of blocks) {
    for (const para of block.paragraphs) {
      const lines = para.lines
        .map((l) => ({
          text: l.text.trim(),
          bbox: box(l.bbox),
          confidence: l.confidence / 100,
          words: l.words
            .filter((w) => w.text.trim() !== '')
            .map((w) => ({ text: w.text.trim(), bbox: box(w.bbox), confidence: w.confidence / 100 })),
        }))
        .filter((l) => l.words.length > 0);
      if (lines.length) out.push({ bbox: box(para.bbox), confidence: para.confidence / 100, lines });
    }
  }
  return out;
}
