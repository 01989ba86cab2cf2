// The cpu engine: Tesseract (tesseract.js, WASM) in a pool of Web Workers owned by the app window.
// A page that reads badly is checked for orientation and script (OSD) and read again upright,
// with the traineddata for its script; language=auto also identifies a Latin-script language.
import type { Block as TBlock, Bbox } from 'tesseract.js';
import type { BBox } from '../../contract';
import type { PageImage } from '../../documents/types';
import { greyBmp, pixelsOf, rotateBitmap, toGrey } from '../../documents/encode';
import type { EngineBlock, EngineMeta, EnginePage, RecognizeOptions } from '../types';
import { TesseractPool } from './pool';
import { detectOrientation, SCRIPT_LANGUAGES } from './osd';
import { latinLanguageOf } from './language';
import shipped from './shipped-languages.json';
import { joinWords } from '../text';

export const meta: EngineMeta = { id: 'cpu', label: 'Tesseract (CPU, WASM)', cost: 1 };
const SHIPPED = new Set<string>(shipped);
/** Below this mean word confidence a page may be sideways or in another script. */
const DOUBTFUL = 0.6;

let pool: TesseractPool | undefined;
export function tesseractPool(): TesseractPool {
  pool ??= new TesseractPool();
  return pool;
}

interface Pass {
  blocks: EngineBlock[];
  confidence: number;
  words: number;
}

function encode(bitmap: ImageBitmap): Blob {
  const bmp = greyBmp(toGrey(pixelsOf(bitmap)), bitmap.width, bitmap.height);
  return new Blob([bmp as BlobPart], { type: 'image/bmp' });
}

async function pass(input: Blob, languages: string, deskew = false): Promise<Pass> {
  const result = await tesseractPool().use(languages, (w) => w.recognize(input, { rotateAuto: deskew }, { blocks: true, text: true }));
  const blocks = toBlocks(result.data.blocks ?? []);
  const words = blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  const confidence = chars ? words.reduce((n, w) => n + w.confidence * w.text.length, 0) / chars : 0;
  return { blocks, confidence, words: words.length };
}

export async function recognize(page: PageImage, opts: RecognizeOptions): Promise<EnginePage> {
  let bitmap = page.bitmap;
  let input: Blob = page.original ?? encode(bitmap);
  const auto = opts.languages === 'auto';
  let languages = auto ? 'eng' : opts.languages;
  let rotation = 0;
  let script: string | null = 'Latin';
  opts.signal?.throwIfAborted();
  let best = await pass(input, languages);
  if (best.confidence < DOUBTFUL || best.words < 3) {
    const osd = await detectOrientation(input).catch(() => null);
    if (osd && osd.degrees !== 0 && osd.confidence >= 1.5) {
      rotation = osd.degrees;
      bitmap = rotateBitmap(bitmap, rotation);
      input = encode(bitmap);
    }
    if (auto && osd?.script && osd.scriptConfidence >= 1) {
      script = osd.script;
      const forScript = SCRIPT_LANGUAGES[osd.script];
      if (forScript && SHIPPED.has(forScript)) languages = forScript === 'eng' ? 'eng' : `${forScript}+eng`;
    }
    // Read again only when OSD found something to change: a second pass costs a whole page.
    if (rotation || languages !== (auto ? 'eng' : opts.languages)) {
      opts.signal?.throwIfAborted();
      const again = await pass(input, languages, true);
      // OSD can be wrong on sparse pages (receipts): keep the turn only if it reads better.
      if (again.confidence > best.confidence + 0.02) best = again;
      else rotation = 0;
    }
  }
  let detected = languages.split('+')[0];
  if (auto && script === 'Latin') {
    const lang = latinLanguageOf(textOf(best.blocks));
    if (lang && lang !== 'eng' && SHIPPED.has(lang)) {
      const again = await pass(input, `${lang}+eng`);
      if (again.confidence >= best.confidence - 0.02) best = again;
      detected = lang;
    }
  }
  if (bitmap !== page.bitmap) bitmap.close();
  const size = rotation === 90 || rotation === 270 ? { width: page.bitmap.height, height: page.bitmap.width } : { width: page.bitmap.width, height: page.bitmap.height };
  return { ...size, blocks: best.blocks, source: 'ocr', rotation, detectedLanguage: auto ? detected : undefined };
}

function textOf(blocks: EngineBlock[]): string {
  return blocks.map((b) => b.lines.map((l) => l.text).join('\n')).join('\n\n');
}

const box = (b: Bbox): BBox => [b.x0, b.y0, b.x1, b.y1];

/** Tesseract's blocks → paragraphs → lines → words, one EngineBlock per paragraph. */
export function toBlocks(blocks: TBlock[]): EngineBlock[] {
  const out: EngineBlock[] = [];
  for (const block of blocks) {
    for (const para of block.paragraphs) {
      const lines = para.lines
        .map((l) => ({
          text: joinWords(l.words.map((w) => w.text.trim()).filter(Boolean)),
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
