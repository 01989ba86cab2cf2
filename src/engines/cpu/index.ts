// The cpu engine: Tesseract (tesseract.js, WASM) in a pool of Web Workers owned by the app window.
// A page that reads badly is checked for orientation and script (OSD) and read again upright,
// with the traineddata for its script; language=auto chooses the traineddata (./auto.ts).
import type { Block as TBlock, Bbox } from 'tesseract.js';
import type { BBox } from '../../shared/contract';
import { lumaPixels, type Luma, type RasterPage } from '../../shared/page-image';
import { greyOf, greyPgm, isColourful, pgmOf, rotateBitmap } from '../../shared/pixels';
import type { EngineBlock, EnginePage, RecognizeOptions } from '../../shared/engine';
import { HEAVY_PAGE_PIXELS, TesseractPool, type PoolClock } from './pool';
import { detectOrientation, osdStats, type Orientation } from './osd';
import type { PoolStats } from '../../shared/worker-pool';
import { chooseLanguage, setFor, textOf } from './auto';
import { LanguageError, readyLanguages } from './ready';
import { middleBand, textRows } from './band';
import { FRANC_SURE_LETTERS, hanVariantOf, rankLanguages, scriptOf, wideIdentifier } from '../../languages/detect';
import { onAppServer } from '../../languages/offered';
import { joinWords } from '../../shared/text';
import { findRules, ruledGrids, type Rule } from '../../shared/ruling';
import { rereadCells } from './cells';
import { estimateSkew, smallGreyOf, turnGrey } from './skew';
import { lineHeight, placeBack, sheetOf, unreadInk, withUnread } from './unread';
import { restoredPage, scaledBlocks } from './restore';
import { FEW_WORDS, keepsBlock, readAgainAsBlock, sureWordCount } from './thin';
import { cutRow, halvesThresholdAlike, joinHalves, SPLIT_MIN_PIXELS, twoWorkersFor } from './split';

/** Below this mean word confidence a page may be sideways or in another script. */
const DOUBTFUL = 0.6;
/**
 * Tesseract's API defaults to one uniform block of text (PSM 6); its command line, and so
 * "native Tesseract with default settings", segments the page itself (PSM 3). On tables,
 * forms and columns PSM 6 loses whole columns of cells.
 */
const PAGE_SEGMENTATION = { tessedit_pageseg_mode: '3' } as const;
/** The page as one uniform block of text (PSM 6): what Hangul pages need (see auto.ts). */
const ONE_BLOCK = { tessedit_pageseg_mode: '6' } as const;

let pool: TesseractPool | undefined;
export function tesseractPool(): TesseractPool {
  pool ??= new TesseractPool();
  return pool;
}

/** The cpu engine's workers: the recognition pool's lanes and the OSD worker's, busy time so far. */
export function workerStats(): { recognize: PoolStats; osd: PoolStats } {
  return { recognize: pool?.stats() ?? { at: performance.now(), lanes: [] }, osd: osdStats() };
}

interface Pass {
  blocks: EngineBlock[];
  confidence: number;
  words: number;
  /** a reading of the page straightened: by how much, and its blocks where they lie on the straight page */
  straight?: { radians: number; blocks: EngineBlock[] };
}

/** A page as the recogniser is given it: its encoded bytes, and the resolution they state. */
interface PageInput {
  blob: Blob;
  dpi?: number;
}

/** A PGM's bytes as the recogniser is handed them. */
const pgmBlob = (pgm: Uint8Array): Blob => new Blob([pgm as BlobPart], { type: 'image/x-portable-graymap' });

function encode(bitmap: ImageBitmap): PageInput {
  return { blob: pgmBlob(pgmOf(bitmap)) };
}

/**
 * The page's grey from its decoder (a colour JPEG's luma plane), when it has one of the
 * bitmap's size: Tesseract reads it as grey, skipping its colour path, at the resolution the
 * file states (the header a PGM lacks), as it would have read the file itself.
 */
async function lumaOf(page: RasterPage): Promise<Luma | null> {
  const luma = page.luma ? await page.luma() : null;
  return luma && luma.width === page.bitmap.width && luma.height === page.bitmap.height ? luma : null;
}

/**
 * One reading of the page. With `deskew` Tesseract straightens the page first (rotateAuto);
 * its boxes are then on the straightened page, so they are turned back onto the page as it
 * was uploaded. Not by default: on single lines and some receipts it made things worse.
 */
async function pass(input: PageInput, languages: string, size: { width: number; height: number }, deskew = false, onNote?: RecognizeOptions['onNote'], block = false, clock?: PoolClock): Promise<Pass> {
  await readyLanguages(languages, onNote);
  const segmentation = block ? ONE_BLOCK : PAGE_SEGMENTATION;
  // Tesseract takes a resolution outside 70–2400 dpi for none, as it does a file's
  const dpi = input.dpi && input.dpi >= 70 && input.dpi <= 2400 ? { user_defined_dpi: String(input.dpi) } : {};
  const result = await tesseractPool().use(languages, (w) => w.recognize(input.blob, { rotateAuto: deskew, ...segmentation, ...dpi }, { blocks: true, text: true }), clock, size.width * size.height);
  const skew = (result.data as { rotateRadians?: number }).rotateRadians ?? 0;
  const blocks = toBlocks(result.data.blocks ?? []);
  return { ...scored(unskew(blocks, skew, size.width, size.height)), ...(skew ? { straight: { radians: skew, blocks } } : {}) };
}

/**
 * An image read as one uniform block of text (PSM 6), as asked (`block`): a sheet of lines cut
 * from a page, whose short lines PSM 3's segmentation may take for pictures or columns. No slope,
 * orientation or restoring: the lines were cut upright from a page already read.
 */
async function readBlock(bitmap: ImageBitmap, opts: RecognizeOptions): Promise<EnginePage> {
  const size = { width: bitmap.width, height: bitmap.height };
  const t0 = performance.now();
  const read = await pass(encode(bitmap), opts.languages, size, false, opts.onNote, true);
  return { ...size, blocks: read.blocks, source: 'ocr', timings: { block: performance.now() - t0 } };
}

/** A reading's blocks with its confidence (its words', by their characters) and its word count. */
function scored(blocks: EngineBlock[]): Pass {
  const words = blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  const confidence = chars ? words.reduce((n, w) => n + w.confidence * w.text.length, 0) / chars : 0;
  return { blocks, confidence, words: words.length };
}

export async function recognize(page: RasterPage, opts: RecognizeOptions): Promise<EnginePage> {
  if (opts.block && opts.languages !== 'auto') return readBlock(page.bitmap, opts);
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work;
    } finally {
      timings[step] = (timings[step] ?? 0) + performance.now() - t0;
    }
  };
  // Each full reading of the page, and how long it took: the bench's cost of detection.
  const readMs = new WeakMap<Pass, number>();
  let reads = 0;
  const timedPass = async (step: string, work: Promise<Pass>): Promise<Pass> => {
    const t0 = performance.now();
    const r = await timed(step, work);
    readMs.set(r, performance.now() - t0);
    reads++;
    return r;
  };
  let bitmap = page.bitmap;
  let t0 = performance.now();
  // The page in grey for the recogniser: its decoder's (a colour JPEG's luma), else drawn from
  // the bitmap, unless the original file stands for the page (Tesseract reads PNGs as they are).
  const decoded = await lumaOf(page);
  // (for the page's debug line: read from the decoder's plane, and how large it was)
  if (decoded) timings.lumaPixels = decoded.width * decoded.height;
  const luma = decoded ?? (page.original ? null : { pgm: pgmOf(bitmap), width: bitmap.width, height: bitmap.height });
  let input: PageInput = luma ? { blob: pgmBlob(luma.pgm), ...(luma.dpi ? { dpi: luma.dpi } : {}) } : { blob: page.original! };
  // The page's grey as uploaded, found once (its decoder's, or drawn from the bitmap): its
  // slope, its language band and its rules are found in it.
  let grey: Uint8Array | undefined = luma ? lumaPixels(luma) : undefined;
  const pageGrey = (): Uint8Array => (grey ??= greyOf(page.bitmap));
  // A page scanned a few degrees askew: Tesseract may read only its first lines (3° lost all
  // the rest). A page whose ink lies in sloping rows is read straightened the first time.
  const askew = bitmap.height >= SKEW_MIN_HEIGHT && isAskew(pageGrey(), bitmap.width, bitmap.height);
  timings.preprocess = performance.now() - t0;
  const auto = opts.languages === 'auto';
  // A page of many lines names its Latin language from a band of them, and is read once in it.
  const banded = auto ? await timed('band', bandLanguage(pageGrey(), bitmap.width, bitmap.height, opts.onNote)) : null;
  const languages = auto ? (banded ? setFor(banded) : 'eng') : opts.languages;
  let rotation = 0;
  opts.signal?.throwIfAborted();
  // Time waiting for a free worker (a page decoded ahead waits for one), and a worker starting
  // for this page (its traineddata loaded): not recognition, nor the step that asked for it.
  const waited: PoolClock = {
    waited: (ms) => void (timings.wait = (timings.wait ?? 0) + ms),
    started: (ms) => void (ms > 0.5 && (timings.start = (timings.start ?? 0) + ms)),
  };
  const aside = () => (timings.wait ?? 0) + (timings.start ?? 0);
  // (read by two workers at once, a half each, when it is the only page at work and a second worker is free: ./split.ts)
  // (a page Tesseract reads in colour, from its file, is read whole: its halves would be grey)
  const inColour = () => input.blob === page.original && (input.blob.type !== 'image/png' || isColourful(bitmap));
  const readFirst = () => timedPass('pass1', askew || !opts.alone ? pass(input, languages, bitmap, askew, opts.onNote, false, waited) : firstPass(input, languages, bitmap, pageGrey, inColour, input.dpi ?? page.dpi, timings, opts.onNote, waited));
  let best: Pass;
  try {
    best = await readFirst();
  } catch (err) {
    // A file the browser drew but Tesseract's own decoder refuses (a JPEG whose data breaks off
    // near its end: "bad Huffman code"): the page is read from the browser's drawing of it.
    if (input.blob !== page.original || opts.signal?.aborted) throw err;
    input = { blob: pgmBlob(pgmOf(bitmap)), ...(page.dpi ? { dpi: page.dpi } : {}) };
    best = await readFirst();
  }
  // whether the reading kept was of the page straightened (its boxes then turned back)
  let straightened = askew;
  // the grey of the page as it is now: as uploaded, or turned upright
  let turnedGrey: Uint8Array | undefined;
  const greyNow = () => (bitmap === page.bitmap ? pageGrey() : (turnedGrey ??= greyOf(bitmap)));
  // A page of a megapixel or more read so thinly: faint print whose grey Tesseract's
  // threshold put with the paper (a scanner's dark edge drew the threshold down), or dot-matrix
  // print scanned so finely its dots stand apart. It is read once more restored (./restore.ts):
  // stretched from its print to its paper, thickened and shrunk when that large; that reading is
  // kept where it holds twice the sure words, and enough.
  let restoredRead = false;
  const sureBefore = sureWordCount(best.blocks);
  if (sureBefore < FEW_WORDS && bitmap.width * bitmap.height >= SMALL_PIXELS) {
    opts.signal?.throwIfAborted();
    const restored = restoredPage(greyNow(), bitmap.width, bitmap.height);
    if (restored) {
      const { width, height, scale } = restored;
      const dpi = input.dpi ?? page.dpi;
      const again = await timedPass('restore', pass({ blob: pgmBlob(greyPgm(restored.grey, width, height)), ...(dpi ? { dpi: Math.round(dpi / scale) } : {}) }, languages, { width, height }, askew, undefined, false, waited));
      // (for the page's debug line: the sure words of the reading before, and of the restored one)
      timings.sureBefore = sureBefore;
      timings.sureRestored = sureWordCount(again.blocks);
      if (timings.sureRestored >= Math.max(FEW_WORDS, 2 * sureBefore)) {
        best = { ...scored(scaledBlocks(again.blocks, scale)), ...(again.straight ? { straight: { radians: again.straight.radians, blocks: scaledBlocks(again.straight.blocks, scale) } } : {}) };
        timings.restored = scale;
        restoredRead = true;
      }
    }
  }
  // One the profile passed over: read it again straightened when the lines Tesseract found slope.
  // (not a restored reading: the straightened one would be of the page as it was)
  if (!askew && !restoredRead && Math.abs(lineSlope(best.blocks)) > SKEWED) {
    const straight = await timedPass('deskew', pass(input, languages, bitmap, true, undefined, false, waited));
    if (straight.confidence >= best.confidence - 0.02 || straight.words > best.words * 1.2) {
      best = straight;
      straightened = true;
    }
  }
  // PSM 3 reads a page lying on its side line by line, as vertical text: still a page to turn.
  const sideways = verticalShare(best.blocks) > 0.5;
  const doubtful = best.confidence < DOUBTFUL || best.words < 3;
  let osd: Orientation | null = null;
  t0 = performance.now();
  let waitedBefore = aside();
  // A doubtful page (faded print) that still reads many words surely, along horizontal lines,
  // is upright: OSD and a second reading would cost a third of its time for nothing. With
  // language=auto, OSD also names the script of a doubtful page, so it still runs there.
  if ((doubtful && (auto || !readsUpright(best.blocks))) || sideways) {
    // OSD wants more characters than a line or a label holds: it is shown their text tiled.
    const chars = textChars(best.blocks);
    const osdInput = chars < FEW_CHARS ? encode(tiled(bitmap, textBox(best.blocks, bitmap), Math.min(16, Math.max(4, Math.ceil(FEW_CHARS / Math.max(chars, 1)))))).blob : input.blob;
    osd = await timed('osd', detectOrientation(osdInput).catch(() => null));
    if (osd && osd.degrees !== 0 && osd.confidence >= 1.5) {
      opts.signal?.throwIfAborted();
      const turned = rotateBitmap(bitmap, osd.degrees);
      const turnedInput = encode(turned);
      const again = await timedPass('pass2', pass(turnedInput, languages, turned, true, undefined, false, waited));
      // OSD can be wrong on sparse pages (receipts): keep the turn only if it reads better.
      // A sideways page read as vertical lines can score well too: upright is what is wanted.
      if (again.confidence > best.confidence + 0.02 || (sideways && again.confidence >= best.confidence - 0.05)) {
        best = again;
        rotation = osd.degrees;
        bitmap = turned;
        input = turnedInput;
      } else turned.close();
    }
    // OSD, and the page turned and read again: the cost of orientation
    timings.orientation = performance.now() - t0 - (aside() - waitedBefore);
  }
  // Tesseract's page segmentation can find no text on a plain page, or read a blurred print in
  // colour as scraps (./thin.ts): a page read so thinly is read again as one block, straightened
  // where the reading kept was, and the block's reading kept where it holds enough words read surely.
  const sureNow = sureWordCount(best.blocks);
  if (readAgainAsBlock(sureNow)) {
    opts.signal?.throwIfAborted();
    const block = await timedPass('block', pass(input, languages, bitmap, straightened, undefined, true, waited));
    timings.sureBlock = sureWordCount(block.blocks);
    if (keepsBlock(timings.sureBlock, sureNow)) {
      best = block;
      timings.blockKept = 1;
    }
  }
  let detected: string | undefined;
  let warning: string | undefined;
  const bandHolds = async (): Promise<boolean> => {
    if (!banded || banded === 'eng' || best.confidence < DOUBTFUL || best.words < 3) return false;
    const text = textOf(best.blocks);
    return scriptOf(text) === 'Latin' && rankLanguages(text, 'Latin', await wideIdentifier())[0] === banded;
  };
  if (auto && (await bandHolds())) {
    detected = banded!;
    timings.firstMs = readMs.get(best) ?? 0;
    timings.finalMs = timings.firstMs;
    timings.reads = reads;
  } else if (auto) {
    waitedBefore = aside();
    const upright = { input, bitmap };
    const choice = await timed(
      'language',
      chooseLanguage({
        first: best,
        doubtful: best.confidence < DOUBTFUL || best.words < 3,
        small: textChars(best.blocks) < FEW_CHARS && page.bitmap.width * page.bitmap.height < SMALL_PIXELS,
        shipped: (code) => onAppServer(code),
        osd,
        read: (set, how) => {
          opts.signal?.throwIfAborted();
          return timedPass(`read ${set}${how?.block ? ' block' : ''}`, pass(upright.input, set, upright.bitmap, rotation !== 0, undefined, how?.block, waited));
        },
        ready: (set) => readyLanguages(set, opts.onNote),
        hanVariant: opts.secondReader
          ? async () => {
              const text = await timed('variant', opts.secondReader!(upright.bitmap, 'chi_sim', opts.signal));
              return text ? hanVariantOf(text) : null;
            }
          : undefined,
      }),
    );
    // its readings' waits for a worker, and workers started for them, are counted apart
    timings.language! -= aside() - waitedBefore;
    timings.firstMs = readMs.get(best) ?? 0;
    // Read in the band's language and kept as it was: that language's model read it.
    detected = banded && choice.reading === best && choice.language === 'eng' ? banded : choice.language;
    best = choice.reading;
    warning = choice.warning;
    timings.finalMs = readMs.get(best) ?? 0;
    timings.reads = reads;
  }
  // language=auto's band reading, before the first pass, is language detection too (the page's timings_ms.language)
  if (timings.band) timings.language = (timings.language ?? 0) + timings.band;
  let blocks = best.blocks;
  let rules: Rule[] | undefined;
  // Lines the page segmentation passed over (./unread.ts), read on their own. On a page read
  // straightened, they are looked for on the page straightened the same way, among its lines'
  // boxes there (turned back, they are not where its rows of ink are), and what is read there
  // is turned back with them. Not on a heavy page: its worker has just been ended (pool.ts),
  // and a fresh one started for a few lines while the old one's memory is still held put the
  // whole run's peak up by 60-100 MB.
  const straight = best.straight;
  if (best.words && bitmap.width * bitmap.height < HEAVY_PAGE_PIXELS) {
    opts.signal?.throwIfAborted();
    const { width, height } = bitmap;
    const grey = straight ? turnGrey(greyNow(), width, height, straight.radians) : greyNow();
    const found = await timed('unread', readUnread(grey, width, height, straight ? straight.blocks : blocks, detected ?? languages, timings, waited));
    if (found.length) {
      blocks = straight ? unskew(withUnread(straight.blocks, found), straight.radians, width, height) : withUnread(blocks, found);
      timings.unreadLines = found.reduce((n, b) => n + b.lines.length, 0);
    }
  }
  if (opts.recipe?.rules) {
    // Tables drawn with rules: their lines for the layout, their badly read cells read again.
    // (inside the timed step: the rules are found, and the page's grey drawn, before ruledCells first waits)
    const ruled = await timed('rules', Promise.resolve().then(() => ruledCells(greyNow(), bitmap.width, bitmap.height, blocks, detected ?? languages, opts.signal)));
    blocks = ruled.blocks;
    rules = ruled.rules;
  } else {
    // Any page's ruled tables are tables in its text and Markdown, their cells' letters lost by
    // a rule read again; extract-tables also reads their doubtful cells again.
    const ruled = await timed('rules', Promise.resolve().then(() => ruledCells(greyNow(), bitmap.width, bitmap.height, blocks, detected ?? languages, opts.signal, true)));
    blocks = ruled.blocks;
    rules = ruled.rules;
  }
  if (bitmap !== page.bitmap) bitmap.close();
  const size = rotation === 90 || rotation === 270 ? { width: page.bitmap.height, height: page.bitmap.width } : { width: page.bitmap.width, height: page.bitmap.height };
  return { ...size, blocks, source: 'ocr', ...(rules ? { rules } : {}), rotation, detectedLanguage: detected, ...(warning ? { warning } : {}), timings };
}

/**
 * The page's first reading: whole, or, when two workers of its languages are free and the page
 * is large enough to gain, is not read in colour and has a band of blank rows near its middle, by both at once, a half
 * each (./split.ts), the halves' paragraphs put back together on the page. `timings.split`: the
 * row cut at (the page's debug line).
 */
async function firstPass(input: PageInput, languages: string, size: { width: number; height: number }, grey: () => Uint8Array, inColour: () => boolean, dpi: number | undefined, timings: Record<string, number>, onNote?: RecognizeOptions['onNote'], clock?: PoolClock): Promise<Pass> {
  const { width, height } = size;
  const pixels = width * height;
  const whole = () => pass(input, languages, size, false, onNote, false, clock);
  if (pixels < SPLIT_MIN_PIXELS || pixels >= HEAVY_PAGE_PIXELS || !twoWorkersFor(tesseractPool().free(languages), pixels) || inColour()) return whole();
  const pageGrey = grey();
  const cut = cutRow(pageGrey, width, height);
  // (a half that would be made black and white otherwise than the page is read whole)
  if (cut === null || !halvesThresholdAlike(pageGrey, width, height, cut).alike) return whole();
  timings.split = cut;
  const half = (top: number, bottom: number) =>
    pass({ blob: pgmBlob(greyPgm(pageGrey.subarray(top * width, bottom * width), width, bottom - top)), ...(dpi ? { dpi } : {}) }, languages, { width, height: bottom - top }, false, onNote, false, clock);
  const [upper, lower] = await Promise.all([half(0, cut), half(cut, height)]);
  return scored(joinHalves(upper.blocks, lower.blocks, cut));
}

/**
 * The places of the page where ink lies outside every line read (./unread.ts), read on one
 * sheet as a block of text, and what was read surely put back where it came from.
 */
async function readUnread(grey: Uint8Array, width: number, height: number, blocks: EngineBlock[], languages: string, timings: Record<string, number>, clock?: PoolClock): Promise<EngineBlock[]> {
  const t0 = performance.now();
  const places = unreadInk(grey, width, height, blocks);
  // (the page's debug line: how long finding them took, and how many)
  timings.unreadFind = performance.now() - t0;
  timings.unreadPlaces = places.length;
  if (!places.length) return [];
  const sheet = sheetOf(grey, width, places, lineHeight(blocks));
  const read = await pass({ blob: pgmBlob(greyPgm(sheet.grey, sheet.width, sheet.height)) }, languages, sheet, false, undefined, true, clock);
  return placeBack(read.blocks, sheet.placed);
}

/** The page's ruling lines, and its blocks with the doubtful cells of the grids they draw read again (`onlyLost`: only cells that lost letters by a rule). */
async function ruledCells(grey: Uint8Array, width: number, height: number, blocks: EngineBlock[], languages: string, signal?: AbortSignal, onlyLost = false): Promise<{ blocks: EngineBlock[]; rules: Rule[] }> {
  const rules = findRules(grey, width, height);
  if (!rules.length) return { blocks, rules };
  const heights = blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.bbox[3] - w.bbox[1]))).sort((a, b) => a - b);
  const lineHeight = heights[heights.length >> 1] ?? 10;
  const grids = ruledGrids(rules, 0.6 * lineHeight);
  const pad = Math.max(8, Math.round(lineHeight / 2));
  const read = async (box: BBox) => {
    // The cell on white, a margin round it, as one block of text.
    const w = box[2] - box[0] + 2 * pad;
    const h = box[3] - box[1] + 2 * pad;
    const cell = new Uint8Array(w * h).fill(255);
    for (let y = 0; y < box[3] - box[1]; y++) cell.set(grey.subarray((box[1] + y) * width + box[0], (box[1] + y) * width + box[2]), (y + pad) * w + pad);
    const cellInput = pgmBlob(greyPgm(cell, w, h));
    const result = await tesseractPool().use(languages, (t) => t.recognize(cellInput, { rotateAuto: false, ...ONE_BLOCK }, { blocks: true }));
    const shift = (b: BBox): BBox => [b[0] + box[0] - pad, b[1] + box[1] - pad, b[2] + box[0] - pad, b[3] + box[1] - pad];
    const found = toBlocks(result.data.blocks ?? []).map((b) => ({ ...b, bbox: shift(b.bbox), lines: b.lines.map((l) => ({ ...l, bbox: shift(l.bbox), words: l.words.map((x) => ({ ...x, bbox: shift(x.bbox) })) })) }));
    const words = found.flatMap((b) => b.lines.flatMap((l) => l.words));
    const chars = words.reduce((n, x) => n + x.text.length, 0);
    return { blocks: found, confidence: chars ? words.reduce((n, x) => n + x.confidence * x.text.length, 0) / chars : 0 };
  };
  // Ink: a few dark pixels more than a speck of dust.
  const inked = (box: BBox) => {
    let n = 0;
    for (let y = box[1]; y < box[3]; y++) for (let x = box[0]; x < box[2]; x++) if (grey[y * width + x]! < 128) n++;
    return n >= Math.max(12, 0.002 * (box[2] - box[0]) * (box[3] - box[1]));
  };
  return { blocks: await rereadCells(blocks, grids, read, inked, signal, onlyLost), rules };
}

/**
 * language=auto, before the page's first reading: a band of its middle lines read with eng. When
 * the band's text is surely in one Latin language that can be had, that language; else null,
 * and the page is read with eng first, as a page of few lines always is.
 */
async function bandLanguage(grey: Uint8Array, width: number, pageHeight: number, onNote?: RecognizeOptions['onNote']): Promise<string | null> {
  const band = middleBand(textRows(grey, width, pageHeight), pageHeight);
  if (!band) return null;
  const height = band.bottom - band.top;
  const pgm = greyPgm(grey.subarray(band.top * width, band.bottom * width), width, height);
  const reading = await pass({ blob: pgmBlob(pgm) }, 'eng', { width, height }, false, onNote);
  if (reading.confidence < DOUBTFUL) return null;
  const text = textOf(reading.blocks);
  if (scriptOf(text) !== 'Latin' || text.replace(/[^\p{L}]/gu, '').length < FRANC_SURE_LETTERS) return null;
  const ranked = rankLanguages(text, 'Latin', await wideIdentifier());
  if (ranked.length !== 1) return null;
  const language = ranked[0]!;
  if (language === 'eng') return language;
  try {
    await readyLanguages(setFor(language), onNote);
    return language;
  } catch (err) {
    if (err instanceof LanguageError) return null;
    throw err;
  }
}

/** A word read at least this surely, */
const SURE_WORD = 0.85;
/** and this many of them (3 letters or more, wider than tall), */
const SURE_WORDS = 10;
/**
 * holding this share of the page's characters at least, and the page reads upright. Read turned
 * over (Tesseract, the app's traineddata, PSM 3; 93 pages: the public receipts, books, forms
 * and columns, the degraded and the synthetic receipts), a page gave at most 0.02 of its
 * characters in such words when it gave ten of them at all, and 0.07 at most with fewer; read
 * upright, every page with ten gave 0.11 or more (a faint dot-matrix receipt; the next 0.17).
 * A quarter sent faint upright receipts to OSD and a second reading for nothing.
 */
const SURE_SHARE = 0.1;

/** Whether the reading holds enough sure words, laid out left to right, to call the page upright without OSD. */
export function readsUpright(blocks: EngineBlock[]): boolean {
  let sure = 0;
  let sureChars = 0;
  let chars = 0;
  for (const b of blocks) {
    for (const l of b.lines) {
      for (const w of l.words) {
        chars += w.text.length;
        const letters = w.text.replace(/[^\p{L}]/gu, '').length;
        if (letters >= 3 && w.confidence >= SURE_WORD && w.bbox[2] - w.bbox[0] > w.bbox[3] - w.bbox[1]) {
          sure++;
          sureChars += w.text.length;
        }
      }
    }
  }
  return sure >= SURE_WORDS && sureChars >= SURE_SHARE * chars;
}

/** Fewer characters than this on a page, and OSD (which wants ~50) is shown them several times over. */
const FEW_CHARS = 100;

/** A page this small (a label, a line) is read again cheaply. */
const SMALL_PIXELS = 1_000_000;
const textChars = (blocks: EngineBlock[]): number => blocks.reduce((n, b) => n + b.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);

/** Where the words found lie, with a margin; the whole page when none were found. */
function textBox(blocks: EngineBlock[], page: ImageBitmap): BBox {
  const boxes = blocks.flatMap((b) => b.lines.map((l) => l.bbox));
  if (!boxes.length) return [0, 0, page.width, page.height];
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[2]));
  const y1 = Math.max(...boxes.map((b) => b[3]));
  const m = Math.round((y1 - y0) / 4) + 8;
  return [Math.max(0, x0 - m), Math.max(0, y0 - m), Math.min(page.width, x1 + m), Math.min(page.height, y1 + m)];
}

/** The `box` of `bitmap`, `copies` times in a grid on white. */
function tiled(bitmap: ImageBitmap, box: BBox, copies: number): ImageBitmap {
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  const cols = Math.max(1, Math.min(copies, Math.floor(2400 / w)));
  const rows = Math.ceil(copies / cols);
  const canvas = new OffscreenCanvas(cols * w, rows * h);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < copies; i++) ctx.drawImage(bitmap, box[0], box[1], w, h, (i % cols) * w, Math.floor(i / cols) * h, w, h);
  return canvas.transferToImageBitmap();
}

/**
 * Boxes found on the page straightened by `radians` (Leptonica turns it about its centre,
 * keeping its size), put back on the page as it was: each box's corners turned back, and
 * the box around them, kept inside the page.
 */
export function unskew(blocks: EngineBlock[], radians: number, width: number, height: number): EngineBlock[] {
  if (!radians) return blocks;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = width / 2;
  const cy = height / 2;
  const back = (b: BBox): BBox => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [x, y] of [[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]] as const) {
      const dx = x - cx;
      const dy = y - cy;
      xs.push(cx + dx * cos + dy * sin);
      ys.push(cy - dx * sin + dy * cos);
    }
    const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
    return [clamp(Math.min(...xs), width), clamp(Math.min(...ys), height), clamp(Math.max(...xs), width), clamp(Math.max(...ys), height)];
  };
  return blocks.map((b) => ({
    ...b,
    bbox: back(b.bbox),
    lines: b.lines.map((l) => ({ ...l, bbox: back(l.bbox), words: l.words.map((w) => ({ ...w, bbox: back(w.bbox) })) })),
  }));
}

/** Lines sloping by more than this (about half a degree) mark a page scanned askew. */
const SKEWED = 0.009;
/** The ink's profile is this much sharper at the slope found than level: the slope is the lines'. */
const SKEW_GAIN = 1.1;
/** Pages shorter than this (a line, a label) are read as they are first: straightening made them worse. */
const SKEW_MIN_HEIGHT = 300;

/** Whether the page's text lines slope by more than SKEWED, by its ink's profile (./skew.ts). */
function isAskew(pageGrey: Uint8Array, pageWidth: number, pageHeight: number): boolean {
  const { grey, width, height } = smallGreyOf(pageGrey, pageWidth, pageHeight);
  const skew = estimateSkew(grey, width, height);
  return Math.abs(skew.slope) > SKEWED && skew.gain >= SKEW_GAIN;
}

/**
 * The median slope (dy/dx) of the lines Tesseract found, from the bottoms of their words;
 * lines of three words or more.
 */
export function lineSlope(blocks: EngineBlock[]): number {
  const slopes: number[] = [];
  for (const b of blocks) {
    for (const l of b.lines) {
      if (l.words.length < 3) continue;
      const pts = l.words.map((w) => [(w.bbox[0] + w.bbox[2]) / 2, w.bbox[3]] as const);
      const mx = pts.reduce((n, p) => n + p[0], 0) / pts.length;
      const my = pts.reduce((n, p) => n + p[1], 0) / pts.length;
      let sxx = 0;
      let sxy = 0;
      for (const [x, y] of pts) {
        sxx += (x - mx) ** 2;
        sxy += (x - mx) * (y - my);
      }
      if (sxx > 0) slopes.push(sxy / sxx);
    }
  }
  if (!slopes.length) return 0;
  slopes.sort((x, y) => x - y);
  return slopes[Math.floor(slopes.length / 2)]!;
}

/** The share of the text (by characters, words of 3 or more) set in boxes taller than wide. */
export function verticalShare(blocks: EngineBlock[]): number {
  let vertical = 0;
  let all = 0;
  for (const b of blocks) {
    for (const l of b.lines) {
      for (const w of l.words) {
        if (w.text.length < 3) continue;
        all += w.text.length;
        if (w.bbox[3] - w.bbox[1] > 1.5 * (w.bbox[2] - w.bbox[0])) vertical += w.text.length;
      }
    }
  }
  return all ? vertical / all : 0;
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
