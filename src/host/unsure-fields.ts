// tool=receipt: a field read from a line the engine was unsure of is read again before it is
// reported, and the seller's name and address lines always are. Those lines, cropped and
// stacked on one image, go to the other tier's recogniser (PP-OCR when Tesseract read the page,
// Tesseract when PP-OCR did; both ship with the app). Where the two readings agree, the line
// stands, surer. A name or address line takes both readings merged, each recogniser's strong
// parts; another line takes the other reading where it is clearly surer (its words spread over
// the line's box). Then the page is laid out again.
import type { BBox } from '../shared/contract';
import type { EngineLine, EnginePage } from '../shared/engine';
import { readReceipt } from '../fields/receipt';
import { abbreviation, headerWord, inCaseOf, oneApart, oneLetter } from '../fields/repair';
import { findDate, findTime, LOST_DATE_LINES, lostItsDate } from '../fields/patterns';
import { holdsTotal, LOST_TOTAL_LINES, lostItsTotal } from '../fields/totals';
import { mendedDate } from '../fields/find';
import { dateFromBoth } from '../fields/readings';
import { layoutPage, type LayoutOptions } from '../layout';
import { greyOf, otsu } from '../shared/pixels';
import { inkWordEnds, type WordEnd } from './mark-ink';

/** A page's lines as the engine found them: its detector's, else its blocks'. */
export const pageLines = (page: EnginePage): EngineLine[] => (page.lines?.length ? page.lines : page.blocks.flatMap((b) => b.lines));

/** A field this unsure (its line's confidence) is read again. */
export const UNSURE = 0.85;
/** The other recogniser's reading replaces the line's when it is this much surer. */
const CLEARLY_SURER = 0.1;
/** The other recogniser's reading of a line counts from this confidence (a lost value's row: any). */
const SURE_OTHER = 0.5;
/** Where no seller's name was found, this many lines above the address are read again as the name's. */
const NAME_LINES = 2;
/** At most this many lines a page are read again. */
const MOST_LINES = 12;
/** Margin around the line's box, in line heights: a recogniser wants some white round the text. */
const PAD = 0.35;

/** A line's box with PAD line heights of margin, whole pixels, inside a `width`×`height` image. */
export function paddedBox(b: BBox, width: number, height: number): BBox {
  const h = b[3] - b[1];
  return [Math.max(0, Math.floor(b[0] - PAD * h)), Math.max(0, Math.floor(b[1] - PAD * h)), Math.min(width, Math.ceil(b[2] + PAD * h)), Math.min(height, Math.ceil(b[3] + PAD * h))];
}

/** A line's box as a text detector would draw it (a quarter of its height above and below, half at the ends), inside `width`×`height`. */
export function detectorBox(b: BBox, width: number, height: number): BBox {
  const h = Math.max(1, b[3] - b[1]);
  return [Math.max(0, b[0] - 0.45 * h), Math.max(0, b[1] - 0.25 * h), Math.min(width, b[2] + 0.45 * h), Math.min(height, b[3] + 0.25 * h)];
}

/** A line's box is widened along its row at most this many line heights each way, */
const WIDEN = 3;
/** across gaps in the ink no wider than this many line heights (a word gap; a column gap is wider), */
const INK_GAP = 0.8;
/** to ink at least this many line heights wide. */
const STROKE = 0.25;

/**
 * The line's box widened along its row to the ink that runs on from its ends: a recogniser's
 * box can leave out a faint first or last letter ("ALAM)" boxed from its L), which a reading of
 * the crop then cannot see. `grey` is a `width`×`height` image holding the row, `box` in its
 * coordinates; ink is darker than `level`. A column is ink where two pixels of the box's rows are,
 * and ink narrower than STROKE line heights (a speck) is passed over.
 */
export function widenToInk(grey: Uint8Array, width: number, height: number, box: BBox, level: number): BBox {
  const h = Math.max(1, box[3] - box[1]);
  const y0 = Math.max(0, Math.round(box[1]));
  const y1 = Math.min(height, Math.round(box[3]));
  const inked = (x: number) => {
    let n = 0;
    for (let y = y0; y < y1 && n < 2; y++) if (grey[y * width + x]! < level) n++;
    return n >= 2;
  };
  // ink as wide as a stroke of a letter: a speck or a stray line of the scan is narrower
  // (one blank column inside it is a gap between a dot-matrix print's dots)
  const stroke = Math.max(2, Math.round(STROKE * h));
  const reach = (from: number, dir: 1 | -1): number => {
    let edge = from;
    let gap = 0;
    let run = 0;
    for (let x = from + dir; x >= 0 && x < width && Math.abs(x - from) <= WIDEN * h; x += dir) {
      if (inked(x)) {
        gap = 0;
        if (++run >= stroke) edge = x;
      } else {
        if (++gap >= 2) run = 0;
        if (gap > INK_GAP * h) break;
      }
    }
    return edge;
  };
  const left = reach(Math.max(0, Math.round(box[0])), -1);
  const right = reach(Math.min(width - 1, Math.round(box[2]) - 1), 1);
  return [Math.min(box[0], left), box[1], Math.max(box[2], right + 1), box[3]];
}

/** The grey pixels of the page's rectangle [x0, x1) × [y0, y1) (whole pixels inside the page), with their Otsu level. */
async function greyRect(bitmap: ImageBitmap, x0: number, y0: number, x1: number, y1: number): Promise<{ grey: Uint8Array; width: number; height: number; level: number }> {
  const crop = await createImageBitmap(bitmap, x0, y0, x1 - x0, y1 - y0);
  try {
    const grey = greyOf(crop);
    return { grey, width: crop.width, height: crop.height, level: otsu(grey) };
  } finally {
    crop.close();
  }
}

/** The box of a line on the page widened to its row's ink (widenToInk), the row read at the box's height and WIDEN line heights beyond each end. */
async function widened(bitmap: ImageBitmap, box: BBox): Promise<BBox> {
  const h = Math.max(1, box[3] - box[1]);
  const x0 = Math.max(0, Math.floor(box[0] - WIDEN * h - 1));
  const x1 = Math.min(bitmap.width, Math.ceil(box[2] + WIDEN * h + 1));
  const y0 = Math.max(0, Math.floor(box[1]));
  const y1 = Math.min(bitmap.height, Math.ceil(box[3]));
  if (x1 - x0 < 2 || y1 - y0 < 2) return box;
  const row = await greyRect(bitmap, x0, y0, x1, y1);
  const b = widenToInk(row.grey, row.width, row.height, [box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0], row.level);
  return [b[0] + x0, box[1], b[2] + x0, box[3]];
}

export interface Reading {
  text: string;
  confidence: number;
}

/** A line the other recogniser found, with its box. */
export interface ReadLine extends Reading {
  bbox: BBox;
}

/**
 * The other tier's recogniser, on an image made of the page's unsure lines (`lines`: where each
 * is on it). `asBlock`: it can read such an image as one uniform block of text too (Tesseract's
 * PSM 6; `block` asks for that).
 */
export interface CropReader {
  engine: string;
  asBlock?: boolean;
  read(image: ImageBitmap, signal?: AbortSignal, lines?: BBox[], block?: boolean): Promise<ReadLine[]>;
}

export interface Rereads {
  page: EnginePage;
  /** lines read again, and how many of them took the other reading */
  reread: number;
  replaced: number;
  /** of those, how many the recogniser read only as one block, its page reading of the sheet having left them unread */
  asBlock?: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** A line to read again; `header`: a line of the seller's name or address. */
export interface FieldLine {
  line: EngineLine;
  /**
   * A name or address line is read again whatever its confidence, and the two readings are
   * merged (mergeReadings): the key fields are matched letter for letter, and each recogniser
   * misreads some letters it is sure of.
   */
  header: boolean;
  /**
   * A line that starts with a date's label and holds no date, on a page where no date was
   * found, or a total's label with no amount (lostItsTotal): the reading lost the value beside
   * the label. Its row is read across the page.
   */
  lost?: 'date' | 'total';
  /**
   * A time of day with no date, on a page where no date was found: receipts print the sale's
   * date beside its time, and the reading lost it. Its row is read where no other line lies,
   * on both sides of it (lostRow).
   */
  besideTime?: boolean;
}

/**
 * Whether the other recogniser's reading of a row whose value the first reading lost stands: it
 * holds the date the first reading lost; or the total's label and an amount (not "TTA295.07" for
 * "TOTAL"), read at least as surely where the first reading held a garbled amount ("Total
 * Amount: 31.000" at 0.71 is not "Total mount: 1.00" at 0.65).
 */
export function takesLostValue(lost: 'date' | 'total', own: string, ownConfidence: number, other: { text: string; confidence: number }): boolean {
  if (lost === 'date') return Boolean(findDate(other.text) || mendedDate(other.text));
  return holdsTotal(other.text) && (!/\d/.test(own) || other.confidence >= ownConfidence);
}

/** The lines of the seller's name and address, and of the other fields the page's own reading is unsure of. */
export function fieldLinesToReread(found: EnginePage, index: number, layout: LayoutOptions = {}): FieldLine[] {
  const fields = readReceipt([layoutPage(found, index, layout)]);
  const header = [fields.merchant, fields.address].flatMap((f) => (f ? [f.bbox] : []));
  const unsure = [fields.date, fields.total, fields.subtotal, fields.tax].filter((f) => f && f.confidence < UNSURE).map((f) => f!.bbox);
  const lines = pageLines(found);
  const lostDate = fields.date ? [] : lines.filter((l) => lostItsDate(l.text)).slice(0, LOST_DATE_LINES);
  // (where no date's label is left either: the lines with a time and no date)
  const timed = fields.date || lostDate.length ? [] : lines.filter((l) => findTime(l.text) && !findDate(l.text)).slice(0, LOST_DATE_LINES);
  const lostTotal = lines.filter((l) => lostItsTotal(l.text)).slice(0, LOST_TOTAL_LINES);
  // (no seller's name found: the lines printed above the address, where a name stands, misread)
  const address = fields.address?.page === index ? fields.address.bbox : undefined;
  const aboveAddress = fields.merchant || !address ? [] : lines.filter((l) => l.bbox[3] <= address[1] + 0.25 * (l.bbox[3] - l.bbox[1]) && l.text.trim()).sort((a, b) => a.bbox[3] - b.bbox[3]).slice(-NAME_LINES);
  header.push(...aboveAddress.map((l) => l.bbox));
  if (!header.length && !unsure.length && !lostDate.length && !timed.length && !lostTotal.length) return [];
  const out: FieldLine[] = [
    ...lostDate.map((line) => ({ line, header: false, lost: 'date' as const })),
    ...timed.map((line) => ({ line, header: false, lost: 'date' as const, besideTime: true })),
    ...lostTotal.map((line) => ({ line, header: false, lost: 'total' as const })),
  ];
  for (const line of lines) {
    if (lostDate.includes(line) || timed.includes(line) || lostTotal.includes(line)) continue;
    if (header.some((b) => holds(b, line.bbox))) out.push({ line, header: true });
    else if (line.confidence < UNSURE && unsure.some((b) => holds(b, line.bbox))) out.push({ line, header: false });
  }
  return out.slice(0, MOST_LINES);
}

/** The field's box holds most of the line's height and some of its width. */
function holds(field: BBox, line: BBox): boolean {
  const h = Math.max(1, line[3] - line[1]);
  const dy = Math.min(field[3], line[3]) - Math.max(field[1], line[1]);
  const dx = Math.min(field[2], line[2]) - Math.max(field[0], line[0]);
  return dy >= h * 0.5 && dx > 0;
}

/**
 * The row a lost value is read again in: a label's from the label to the page's right edge; a
 * time's (besideTime) from the nearest line before it on its row, or the page's left edge, to the
 * nearest after it, or the right edge (the date may stand either side; the row's other lines
 * were read).
 */
export function lostRow(entry: FieldLine, lines: readonly EngineLine[], pageWidth: number): BBox {
  const b = entry.line.bbox;
  if (!entry.besideTime) return [b[0], b[1], pageWidth, b[3]];
  const h = Math.max(1, b[3] - b[1]);
  const onRow = lines.filter((l) => l !== entry.line && Math.min(l.bbox[3], b[3]) - Math.max(l.bbox[1], b[1]) >= 0.5 * h);
  const left = Math.max(0, ...onRow.filter((l) => l.bbox[2] <= b[0]).map((l) => l.bbox[2]));
  const right = Math.min(pageWidth, ...onRow.filter((l) => l.bbox[0] >= b[2]).map((l) => l.bbox[0]));
  return [left, b[1], right, b[3]];
}

/**
 * The page with its unsure field lines read again by `reader` (the lines are changed in place
 * on `found`, which the caller no longer needs as it was).
 */
export async function rereadUnsureFields(found: EnginePage, bitmap: ImageBitmap, index: number, reader: CropReader, layout: LayoutOptions = {}, signal?: AbortSignal): Promise<Rereads> {
  const entries = fieldLinesToReread(found, index, layout);
  const lines = entries.map((e) => e.line);
  if (!lines.length) return { page: found, reread: 0, replaced: 0 };
  signal?.throwIfAborted();
  // The lines' crops one under another on one image: one call to the other recogniser a page.
  // a lost date's row runs from its label to the page's right edge
  // a name or address line's box from Tesseract takes in the ink its ends left out (PP-OCR's
  // detector boxes take in their text; Tesseract, reading a crop wider than them, read the margin's specks)
  const widen = reader.engine === 'PP-OCR';
  const onPage = pageLines(found);
  const boxes = await Promise.all(entries.map((e): BBox | Promise<BBox> => (e.lost ? lostRow(e, onPage, bitmap.width) : e.header && widen ? widened(bitmap, e.line.bbox) : e.line.bbox)));
  const sheet = await stack(bitmap, boxes);
  let read: ReadLine[];
  try {
    read = await reader.read(sheet.image, signal, sheet.lines).catch(() => []);
  } finally {
    sheet.image.close();
  }
  // what was read on each line itself, not a neighbour's edge the margin took in
  // (however unsure for a row whose value was lost, which nothing else reads; at least SURE_OTHER for
  // another, and for any line read as a block: a block's reading of a line it could not place is a guess)
  const onLine = (got: ReadLine[], core: [number, number], i: number, block = false) =>
    got.filter((r) => {
      const cy = (r.bbox[1] + r.bbox[3]) / 2;
      return cy >= core[0] && cy < core[1] && ((entries[i]!.lost && !block) || r.confidence >= SURE_OTHER);
    });
  const readOf = lines.map((_, i) => onLine(read, sheet.cores[i]!, i));
  // Tesseract's segmentation of the sheet (PSM 3) takes some of its short lines for pictures or
  // columns and reads nothing there: those lines are read again as one block of text (PSM 6).
  // Only those: read as a block, the lines it did read lose marks it had read.
  const unread = readOf.flatMap((r, i) => (r.length ? [] : [i]));
  let asBlock = 0;
  if (unread.length && reader.asBlock) {
    signal?.throwIfAborted();
    const again = await stack(bitmap, unread.map((i) => boxes[i]!));
    try {
      const got = await reader.read(again.image, signal, again.lines, true).catch(() => []);
      unread.forEach((i, k) => (readOf[i] = onLine(got, again.cores[k]!, i, true)));
      asBlock = unread.filter((i) => readOf[i]!.length).length;
    } finally {
      again.image.close();
    }
  }
  let replaced = 0;
  const known = sureWordsOf(found);
  const readings: { line: EngineLine; own: string; other: string; box: BBox }[] = [];
  lines.forEach((line, i) => {
    const core = sheet.cores[i]!;
    const mine = readOf[i]!;
    if (!mine.length) {
      console.debug('ocrchat reread', JSON.stringify({ own: line.text, other: null, lost: entries[i]!.lost, core, read: read.map((r) => [r.text, r.bbox.map(Math.round)]) }));
      return;
    }
    mine.sort((a, b) => a.bbox[0] - b.bbox[0]);
    const chars = mine.reduce((n, r) => n + r.text.length, 0);
    const other = { text: mine.map((r) => r.text).join(' '), confidence: mine.reduce((n, r) => n + r.confidence * r.text.length, 0) / Math.max(1, chars) };
    if (!other.text.trim()) return;
    const own = line.text;
    const ownConfidence = line.confidence;
    const ownWords = line.words.map((w) => `${w.text}:${w.confidence.toFixed(2)}`).join(' ');
    const lost = entries[i]!.lost;
    if (lost) {
      const takes = takesLostValue(lost, own, ownConfidence, other);
      // a date read with a letter in its digits, which the other reading holds as digits
      const both = lost === 'date' && !takes ? dateFromBoth(own, other.text) : null;
      if (both) {
        line.text = both.text;
        const word = line.words.find((w) => w.text.includes(both.read));
        if (word) word.text = word.text.replace(both.read, both.value);
        replaced++;
        console.debug('ocrchat reread', JSON.stringify({ own, other: other.text, now: line.text, lost, both: true, ownConfidence, otherConfidence: other.confidence }));
        return;
      }
      if (!takes) {
        console.debug('ocrchat reread', JSON.stringify({ own, other: other.text, lost: true, kept: 'own', ownConfidence, otherConfidence: other.confidence }));
        return;
      }
      line.text = other.text.trim().replace(/\s+/g, ' ');
      line.bbox = boxes[i]!;
      line.confidence = other.confidence;
      line.words = spread(line.text, line.bbox, other.confidence);
      replaced++;
      console.debug('ocrchat reread', JSON.stringify({ own, other: other.text, now: line.text, lost, ownConfidence, otherConfidence: other.confidence }));
      return;
    }
    if (entries[i]!.header) readings.push({ line, own, other: other.text, box: boxes[i]! });
    if (entries[i]!.header ? merge(line, other, reader.engine === 'PP-OCR', known) : settle(line, other)) replaced++;
    // diagnosis (the bench prints these with OCR_BENCH_REREADS=1)
    console.debug('ocrchat reread', JSON.stringify({ own, other: other.text, now: line.text, header: entries[i]!.header, ownConfidence, otherConfidence: other.confidence, ownWords }));
  });
  // a word of the name and address lines that one recogniser read as a word of their vocabulary
  // and a comma or stop only one of them read, or that they read differently, as the ink shows it
  for (const r of readings) {
    const confirmed = confirmWords(r.line.text, [r.own, r.other]);
    const marked = /[,.]/.test(confirmed) ? checkMarks(confirmed, r.own, r.other, await wordEndsOf(bitmap, r.box, markWords(confirmed).length)) : confirmed;
    if (marked === r.line.text) continue;
    const words = marked.split(' ');
    if (words.length === r.line.words.length) r.line.words.forEach((w, k) => (w.text = words[k]!));
    else r.line.words = spread(marked, r.line.bbox, r.line.confidence);
    console.debug('ocrchat reread', JSON.stringify({ confirmed, marked, was: r.line.text }));
    r.line.text = marked;
  }
  return { page: found, reread: lines.length, replaced, ...(asBlock ? { asBlock } : {}) };
}

/** The ends of a line's `words` words as its ink on the page shows them (inkWordEnds), in the box `box`; null where the ink does not tell its words apart. */
async function wordEndsOf(bitmap: ImageBitmap, box: BBox, words: number): Promise<WordEnd[] | null> {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const x1 = Math.min(bitmap.width, Math.ceil(box[2]));
  const y1 = Math.min(bitmap.height, Math.ceil(box[3]));
  if (x1 - x0 < 4 || y1 - y0 < 4 || !words) return null;
  // and 0.8 of its height on to the right, where a faint last mark may stand outside it
  const x2 = Math.min(bitmap.width, x1 + Math.ceil(0.8 * (y1 - y0)));
  const crop = await greyRect(bitmap, x0, y0, x2, y1);
  return inkWordEnds(crop.grey, crop.width, crop.height, crop.level, words, x1 - x0);
}

/**
 * A line's words as the ink shows them, each with the index (in code points) of the comma or
 * stop that ends it, or -1: a mark standing alone after a word ("485 ,") or glued before the
 * next ("485 .TMN") ends the word before it.
 */
export function markWords(text: string): { end: number }[] {
  const chars = [...text];
  const out: { end: number }[] = [];
  let k = 0;
  while (k < chars.length) {
    if (chars[k] === ' ') {
      k++;
      continue;
    }
    let e = k;
    while (e < chars.length && chars[e] !== ' ') e++;
    const token = chars.slice(k, e).join('');
    const prev = out[out.length - 1];
    if (prev && /^[,.]+$/.test(token)) prev.end = e - 1;
    else if (prev && prev.end < 0 && /^[,.][^,.]/.test(token)) {
      prev.end = k;
      out.push({ end: /[,.]$/.test(token) ? e - 1 : -1 });
    } else out.push({ end: /[,.]$/.test(token) ? e - 1 : -1 });
    k = e;
  }
  return out;
}

/** Where in `reading` each character of `text` was read (aligned, case folded), or -1. */
function pairedWith(text: string, reading: string): number[] {
  const out: number[] = [];
  let j = 0;
  for (const s of align(text, reading)) {
    if (s.own !== undefined) out.push(s.other !== undefined ? j : -1);
    if (s.other !== undefined) j++;
  }
  return out;
}

/** The comma or stop `reading` has after its character `at` (a space between them at most), or ''. */
function markAfter(reading: readonly string[], at: number): string {
  if (at < 0) return '';
  let k = at + 1;
  if (reading[k] === ' ') k++;
  return reading[k] === ',' || reading[k] === '.' ? reading[k]! : '';
}

/**
 * A merged name or address line's commas and stops that end a word, checked against the ink
 * (`ends`, the words' ends as inkWordEnds found them; null: nothing is changed). A mark that one
 * of the two readings (`own`, `other`) did not read after the word goes where the ink shows the
 * word ending in a letter; a mark they read differently (comma and stop) is the one the ink's
 * shape says, where that is clear. A mark both read as it stands is kept whatever the ink says.
 */
export function checkMarks(text: string, own: string, other: string, ends: readonly WordEnd[] | null): string {
  const words = markWords(text);
  if (!ends || ends.length !== words.length) return text;
  const chars = [...text];
  const readings = [own.trim(), other.trim()].map((r) => ({ chars: [...r], at: pairedWith(text, r) }));
  const drop = new Set<number>();
  words.forEach((w, k) => {
    const end = ends[k]!;
    if (w.end < 0) return;
    const m = chars[w.end]!;
    // the word's last letter or digit, and the mark each reading has after it
    let last = w.end - 1;
    while (last >= 0 && (chars[last] === ' ' || MARK.test(chars[last]!))) last--;
    const read = readings.map((r) => markAfter(r.chars, last >= 0 ? r.at[last]! : -1));
    if (read[0] === m && read[1] === m) return;
    if (end.mark === false && !(read[0] && read[1])) drop.add(w.end);
    else if (end.mark && end.kind && end.kind !== m && read.includes(end.kind)) chars[w.end] = end.kind;
  });
  // a mark kept that was read apart from its word ("485 ,", "485 .TMN") is put after the word
  for (const w of words) {
    if (w.end < 2 || drop.has(w.end) || chars[w.end - 1] !== ' ' || !ALNUM.test(chars[w.end - 2]!)) continue;
    chars[w.end - 1] = chars[w.end]!;
    chars[w.end] = w.end + 1 < chars.length ? ' ' : '';
  }
  return chars
    .filter((_, i) => !drop.has(i))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A text's words of letters, at least `min` long, upper case. */
function letterWords(text: string, min: number): Set<string> {
  return new Set((text.match(/\p{L}+/gu) ?? []).filter((w) => w.length >= min).map((w) => w.toUpperCase()));
}

/** A word of the vocabulary this long is also confirmed across a letter lost or added (confirmWords). */
const LOST_LETTER_WORD = 5;

/**
 * A merged name or address line whose word of letters (four or more) is not a word receipts'
 * headers print (a street word, a state, a city, a legal form: headerWord), one letter from
 * exactly one such word that one of the line's `readings` read: that word. Tesseract's "SERT"
 * where PP-OCR read "SERI" (a place's word), "SHAR ALAM" where one read "SHAH". Each recogniser
 * misreads some letters it is sure of; a misreading that happens to spell a word of the
 * vocabulary is rare. (Words both recognisers read alike elsewhere on the page were tried as
 * evidence too and left out: both read "HARMONI" as "HARMONT" on one copy.)
 */
export function confirmWords(text: string, readings: readonly string[]): string {
  const read = [...new Set(readings.flatMap((r) => [...letterWords(r, 4)]))].filter((c) => headerWord(c));
  // (a word with one digit among its letters too: "3ALAN" where the other read JALAN)
  return text.replace(/(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]{4,}(?![\p{L}\p{N}]))\p{L}*\p{N}?\p{L}+(?![\p{L}\p{N}])/gu, (w) => {
    const up = w.toUpperCase();
    if (headerWord(up)) return w;
    // (or, in a word of five letters or more, one letter lost or read into it: "PEMAS" where the other read PERMAS)
    const like = read.filter((c) => oneLetter(up, c) || (c.length >= LOST_LETTER_WORD && up.length >= LOST_LETTER_WORD - 1 && oneApart(up, c)));
    if (like.length !== 1) return w;
    const word = like[0]!;
    return inCaseOf(w, word);
  });
}

/**
 * The boxes' crops (with a margin) one under another on white, a line's height apart; each
 * box's own rows on the sheet, [top, bottom) (its crop less the margin).
 */
async function stack(bitmap: ImageBitmap, boxes: BBox[]): Promise<{ image: ImageBitmap; cores: [number, number][]; lines: BBox[] }> {
  const crops = boxes.map((b) => {
    const [x0, y0, x1, y1] = paddedBox(b, bitmap.width, bitmap.height);
    return { x0, y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0), top: b[1] - y0, bottom: b[3] - y0, left: b[0] - x0, right: b[2] - x0 };
  });
  const gap = Math.max(8, Math.round(Math.max(...crops.map((c) => c.h)) / 2));
  const width = Math.max(...crops.map((c) => c.w)) + 2 * gap;
  const height = crops.reduce((n, c) => n + c.h + gap, gap);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const cores: [number, number][] = [];
  const lines: BBox[] = [];
  let y = gap;
  for (const c of crops) {
    ctx.drawImage(bitmap, c.x0, c.y0, c.w, c.h, gap, y, c.w, c.h);
    cores.push([y + c.top, y + Math.max(c.top + 1, c.bottom)]);
    lines.push(detectorBox([gap + c.left, y + c.top, gap + c.right, y + c.bottom], width, height));
    y += c.h + gap;
  }
  return { image: canvas.transferToImageBitmap(), cores, lines };
}

/** Applies the other reading to the line; true when it replaced the line's own. */
export function settle(line: EngineLine, other: Reading): boolean {
  if (squeeze(other.text) === squeeze(line.text)) {
    // Two recognisers read the same characters: surer than either alone.
    line.confidence = Math.max(line.confidence, other.confidence);
    for (const w of line.words) w.confidence = Math.max(w.confidence, other.confidence);
    return false;
  }
  const ratio = squeeze(other.text).length / Math.max(1, squeeze(line.text).length);
  if (other.confidence < line.confidence + CLEARLY_SURER || ratio < 0.7 || ratio > 1.43) return false;
  line.text = keepPunctuation(line.text, other.text.trim().replace(/\s+/g, ' '));
  line.confidence = other.confidence;
  line.words = spread(line.text, line.bbox, other.confidence);
  return true;
}

/** Two readings of a line this far apart (differences per character) are of different text, */
const TOO_FAR = 0.4;
/**
 * unless Tesseract's reading of the line is below this confidence, all but guessed, and PP-OCR
 * read it surely: then the distance says how badly Tesseract guessed ("“Batu" for "KG.BATU,"),
 * not that the crop held something else.
 */
const GUESSED = 0.5;

/**
 * A name or address line and the other recogniser's reading made one; true when the line
 * changed. A page Tesseract read (cpu) takes PP-OCR's parts where they are strong
 * (mergeReadings). A page PP-OCR read (vlm; it reads receipts with half Tesseract's character
 * errors) keeps its reading and takes from Tesseract's only the marks that end a word, which
 * PP-OCR drops ("18," read "18"). Readings too far apart (a crop of something else) leave the
 * line as it was.
 */
export function merge(line: EngineLine, other: Reading, otherIsPpocr: boolean, known: ReadonlySet<string> = new Set()): boolean {
  const own = squeeze(line.text);
  const theirs = squeeze(other.text);
  if (theirs === own) {
    // the same characters: on a page PP-OCR read, a space it alone read inside a word goes (straySpace)
    const spaced = otherIsPpocr ? line.text.trim() : endMarks(other.text, line.text);
    const changed = spaced !== line.text.trim();
    if (changed) {
      line.text = spaced;
      line.words = spread(spaced, line.bbox, line.confidence);
    }
    return settle(line, other) || changed;
  }
  // PP-OCR's sure reading that runs on from Tesseract's (its box cut a word short: "SEKS" of "SEKSYEN") is no other text
  const runsOn = otherIsPpocr && other.confidence >= SURE_LINE && own.length >= 3 && (theirs.startsWith(own) || theirs.endsWith(own));
  const guessed = otherIsPpocr && other.confidence >= SURE_LINE && line.confidence < GUESSED;
  if (!runsOn && !guessed && differences(own, theirs) > TOO_FAR * Math.max(own.length, theirs.length)) return false;
  // a word Tesseract is sure of keeps its letters (PP-OCR misreads some it is sure of too);
  // one it was unsure of takes PP-OCR's, however sure the rest of its line is
  let text: string;
  if (otherIsPpocr) {
    const surely = other.confidence >= SURE_LINE;
    // PP-OCR read the line surely and, but for a character or two, as Tesseract did: a letter only Tesseract read is a stray
    const otherSure = surely && differences(line.text.trim(), other.text.trim()) <= CLOSE;
    text = mergeReadings(line.text, other.text, guessed ? false : sureWords(line, known, other.confidence), { blind: surely && blindWords(line), otherSure, surely });
  } else text = endMarks(other.text, line.text);
  if (text === line.text.trim()) return false;
  line.text = text;
  line.confidence = (line.confidence + other.confidence) / 2;
  const words = text.split(' ');
  // the same words: each keeps its box; else they are spread over the line
  if (words.length === line.words.length) line.words.forEach((w, k) => ((w.text = words[k]!), (w.confidence = line.confidence)));
  else line.words = spread(text, line.bbox, line.confidence);
  return true;
}

/**
 * For each word of the line's text, whether Tesseract was sure of it: its word confidence, or
 * the word is one it read surely elsewhere on the page (`known`, see sureWordsOf: "ONE ONE
 * THREE" with the first ONE faint). The line's confidence for every word when its words do
 * not match its text.
 */
export function sureWords(line: EngineLine, known: ReadonlySet<string> = new Set(), otherConfidence = 0): boolean | boolean[] {
  if (!wordsSpellText(line)) return line.confidence >= UNSURE;
  // a word is not sure where the other reading of its line is clearly surer ("SERT" at 0.85, PP-OCR's "SERI" at 0.95)
  return line.words.map((w) => (w.confidence >= UNSURE && w.confidence > otherConfidence - CLEARLY_SURER) || known.has(wordKey(w.text)));
}

/** Tesseract's word below this confidence is a guess: where PP-OCR read the line surely, its reading of that word is taken whole. */
const BLIND = 0.3;
/**
 * PP-OCR read the line this surely: its reading of Tesseract's unsure words is taken whole, marks
 * and all; and where its reading differs from Tesseract's in CLOSE characters or fewer, a letter
 * only Tesseract read in an unsure word is dropped ("F135" against "F15"). A reading that
 * differs in more (spaces and letters dropped: "BOOKTA K(TAMAN DAYA)SDN HD") may have lost it.
 */
const SURE_LINE = 0.9;
const CLOSE = 2;

/** For each word of the line's text, whether Tesseract's confidence in it is below BLIND; false for all when its words do not match its text. */
export function blindWords(line: EngineLine): boolean[] | false {
  return wordsSpellText(line) && line.words.map((w) => w.confidence < BLIND);
}

/** Whether the line's words, one by one, are the words of its text (their confidences then stand for its words'). */
function wordsSpellText(line: EngineLine): boolean {
  const words = line.text.trim().split(/\s+/).filter(Boolean);
  return words.length === line.words.length && words.every((w, k) => w === line.words[k]!.text);
}

/** A word as sureWordsOf keeps it: its letters, upper case; empty for fewer than two letters or any digit. */
function wordKey(word: string): string {
  const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return /^\p{L}{2,}$/u.test(core) ? core.toUpperCase() : '';
}

/** The words of letters the page's reading is sure of (see sureWords). */
export function sureWordsOf(page: EnginePage): Set<string> {
  const out = new Set<string>();
  for (const b of page.blocks) for (const l of b.lines) for (const w of l.words) if (w.confidence >= UNSURE && wordKey(w.text)) out.add(wordKey(w.text));
  return out;
}

/** Marks one recogniser prints and the other is apt to pass over (PP-OCR drops a comma before a space). */
const MARK = /[,.;:]/;
const ALNUM = /[\p{L}\p{N}]/u;
/** What PP-OCR reads for a speck or a faint mark; Tesseract's mark there is the printed one. */
const SPECK = /[_~`'"^]/;
/**
 * Signs with a shape of their own, no speck or stroke: where one recogniser read one and the
 * other, in a word Tesseract was unsure of, a letter or digit, the sign stands ("2&4" read
 * "284": a faint ampersand looks like an 8, an 8 does not grow one).
 */
const GLYPH = /[&@#%]/;

type Step = { own?: string; other?: string };

/** What mergeReadings' alignment costs for a mark paired with a letter (a letter for a letter costs 1). */
const MARK_FOR_LETTER = 1.5;

/**
 * `own` and `other` aligned character by character (edit distance; case folded), first to last.
 * `markCost`: the cost of pairing a mark with a letter.
 */
function align(own: string, other: string, markCost = 1): Step[] {
  const a = [...own];
  const b = [...other];
  // a gap read as a character is no misreading of it: a space pairs only with a space
  const cost = (x: string, y: string) => (x.toUpperCase() === y.toUpperCase() ? 0 : (x === ' ') !== (y === ' ') ? 2 : ALNUM.test(x) !== ALNUM.test(y) ? markCost : 1);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost(a[i - 1]!, b[j - 1]!));
  const steps: Step[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + cost(a[i - 1]!, b[j - 1]!)) steps.push({ own: a[--i]!, other: b[--j]! });
    else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) steps.push({ own: a[--i]! });
    else steps.push({ other: b[--j]! });
  }
  return steps.reverse();
}

/**
 * `ppocr`'s reading with the commas, stops and colons that end a word in `tesseract` only, and
 * without a stop that PP-OCR alone read in a gap between words (strayStop) nor a space it alone
 * read inside a word (straySpace).
 */
export function endMarks(tesseract: string, ppocr: string): string {
  const steps = align(tesseract.trim(), ppocr.trim());
  return steps
    .map((s, k) => {
      if (s.other !== undefined) return strayStop(steps, k) || straySpace(steps, k) ? '' : s.other;
      const next = steps[k + 1];
      const endsWord = k > 0 && ALNUM.test(steps[k - 1]!.other ?? '') && (!next || next.other === ' ' || next.own === ' ');
      return MARK.test(s.own!) && endsWord ? s.own! : '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word's characters for straySpace: letters, digits, and an apostrophe inside ("DOMINO'S"). */
const IN_WORD = /[\p{L}\p{N}']/u;

/**
 * Whether step k is a space only PP-OCR read, inside a word Tesseract read whole with the same
 * characters: PP-OCR splits a word at a wide gap between its letters ("HARD WARE", "PETAL ING",
 * "M alaysia", "40 150"), where Tesseract's word gaps are sure. Only where the word's characters on
 * both sides are the same in both readings (case folded): "BIk G" against "BKG" is left.
 */
function straySpace(steps: readonly Step[], k: number): boolean {
  const s = steps[k]!;
  if (s.other !== ' ' || s.own !== undefined) return false;
  const side = (dir: 1 | -1) => {
    let own = '';
    let other = '';
    for (let j = k + dir; j >= 0 && j < steps.length; j += dir) {
      const st = steps[j]!;
      if ((st.own !== undefined && !IN_WORD.test(st.own)) || (st.other !== undefined && !IN_WORD.test(st.other))) break;
      own += st.own ?? '';
      other += st.other ?? '';
    }
    return own !== '' && own.toUpperCase() === other.toUpperCase();
  };
  return side(-1) && side(1);
}

/**
 * Whether step k is a stop only PP-OCR read, in a gap between two words Tesseract read too:
 * after a word that is no abbreviation (fields/repair's abbreviation()) or alone between spaces,
 * and before a space. PP-OCR reads a wide gap between words as a stop ("INTERNATIONAL. SDN
 * BHD", "MARCO POLO . KITCH"); a stop that is printed there Tesseract reads too. A stop that
 * ends the line stands (an address's last stop).
 */
function strayStop(steps: readonly Step[], k: number): boolean {
  const s = steps[k]!;
  if (s.other !== '.' || s.own !== undefined) return false;
  const next = steps[k + 1];
  if (next?.other !== ' ') return false;
  // the word before the stop, as PP-OCR read it, each of its characters read by Tesseract too
  let j = k - 1;
  let word = '';
  while (j >= 0 && steps[j]!.other !== undefined && ALNUM.test(steps[j]!.other!)) {
    if (steps[j]!.own === undefined) return false;
    word = steps[j]!.other! + word;
    j--;
  }
  if (!word) return j >= 0 && steps[j]!.other === ' ';
  return /^\p{L}+$/u.test(word) && !abbreviation(word);
}

/** How many characters two readings differ in (case folded). */
function differences(a: string, b: string): number {
  return align(a, b).filter((s) => s.own === undefined || s.other === undefined || s.own.toUpperCase() !== s.other.toUpperCase()).length;
}

/**
 * `other`'s reading with the commas, stops and colons of `own` that it passed over put back: the
 * two are aligned character by character (edit distance), and a mark only `own` has is kept.
 */
export function keepPunctuation(own: string, other: string): string {
  return align(own, other)
    .map((s) => s.other ?? (MARK.test(s.own!) ? s.own! : ''))
    .join('');
}

/** At most this many letters PP-OCR alone read before a line's first word are its first letters. */
const LEAD_LETTERS = 3;

/** How many steps at the line's start only PP-OCR read, letters or digits, glued to a first word Tesseract read (LEAD_LETTERS at most); else 0. */
function leadingLetters(steps: readonly Step[]): number {
  let k = 0;
  while (k < steps.length && steps[k]!.own === undefined && ALNUM.test(steps[k]!.other!)) k++;
  const next = steps[k];
  return k > 0 && k <= LEAD_LETTERS && next?.own !== undefined && ALNUM.test(next.own) && next.other !== undefined ? k : 0;
}

/**
 * Tesseract's and PP-OCR's readings of a name or address line made one, each recogniser trusted
 * where it is strong: PP-OCR's letters and digits (it tells look-alike letters apart better),
 * Tesseract's spaces (its word gaps; PP-OCR splits and joins words), every mark either printed
 * (each drops some), and a letter only one of them read kept, except whole words only one of
 * them read at either end of the line, where the other saw no text (a stamp, a fold, the edge
 * of a neighbouring line). `tesseractSure`: Tesseract's letters stand (PP-OCR misreads some
 * letters it is sure of too), with the marks PP-OCR alone read added and PP-OCR's letter where
 * Tesseract read a mark ("(NE" for ONE). `how.surely` (PP-OCR read the line surely): the letters
 * it alone read before the line's first word, glued to it, are kept (leadingLetters).
 */
export function mergeReadings(tesseract: string, ppocr: string, tesseractSure: boolean | boolean[] = false, how: { blind?: boolean | boolean[]; otherSure?: boolean; surely?: boolean } = {}): string {
  const own = tesseract.trim();
  // a mark read for a letter is a worse pairing than one letter for another: "HARMONI," against
  // "HARMONL" pairs I with L and leaves the comma, "BANRY," against "BAHRU" pairs Y with U
  const steps = align(own, ppocr.trim(), MARK_FOR_LETTER);
  const sureOf = sureSteps(steps, own, tesseractSure);
  const blindOf = sureSteps(steps, own, how.blind ?? false);
  // a comma or stop that ends one of Tesseract's words is printed: the other's letter there is a
  // speck or the edge of the crop read ("2," read "2R")
  const endsWord: boolean[] = new Array(steps.length);
  let nextOwn: string | undefined;
  for (let k = steps.length - 1; k >= 0; k--) {
    const own = steps[k]!.own;
    endsWord[k] = own !== undefined && MARK.test(own) && (nextOwn === undefined || nextOwn === ' ');
    if (own !== undefined) nextOwn = own;
  }
  // letters PP-OCR alone read before the line's first word, glued to it, on a line it read
  // surely: the line's first letters, which Tesseract's box left out at the edge ("AVENDER" for
  // LAVENDER, "MAN DESA" for TAMAN DESA)
  const lead = how.surely ? leadingLetters(steps) : 0;
  const sureStep = (s: Step, k: number) =>
    k < lead ? s.other! : s.own === undefined ? (MARK.test(s.other!) ? s.other! : '') : s.other !== undefined && ALNUM.test(s.other) && !ALNUM.test(s.own) && s.own !== ' ' && !endsWord[k] ? s.other : s.own;
  if (sureOf.every(Boolean)) return steps.map(sureStep).join('');
  // Tesseract's word of digits only (a postcode, a number) keeps a digit where PP-OCR read a
  // look-alike letter ("81100" read "S1100")
  const digitWord = numberWords(steps);
  const edge = (from: number, dir: 1 | -1): number => {
    // the run of steps from one end that one reading has and the other has not; dropped when
    // it is whole words (a space on its inner side)
    const first = steps[from];
    const side = first?.other === undefined ? 'own' : first.own === undefined ? 'other' : null;
    if (!side) return 0;
    const only = (st: Step) => (side === 'own' ? st.other === undefined : st.own === undefined);
    let k = from;
    while (k >= 0 && k < steps.length && only(steps[k]!)) k += dir;
    const run = dir === 1 ? steps.slice(from, k) : steps.slice(k + 1, from + 1);
    const inner = (dir === 1 ? run[run.length - 1] : run[0])?.[side];
    return run.length >= 2 && inner === ' ' && run.some((st) => ALNUM.test(st[side]!)) ? run.length : 0;
  };
  const head = edge(0, 1);
  const tail = edge(steps.length - 1, -1);
  const out: string[] = [];
  steps.forEach((s, k) => {
    if (k < lead) return void out.push(s.other!);
    // a sure word's run only Tesseract read is not dropped at an end
    const dropped = (k < head || k >= steps.length - tail) && !(sureOf[k] && s.other === undefined);
    if (dropped) return;
    if (sureOf[k]) return void out.push(sureStep(s, k));
    // a word Tesseract guessed ("NOSE" for "NO.5"), on a line PP-OCR read surely: PP-OCR's reading of it
    if (blindOf[k] && s.own !== ' ') return void (s.other !== undefined && out.push(s.other));
    // a letter only Tesseract read, in a word it was unsure of, where PP-OCR was sure of the line: a stray ("F135" for "F15")
    if (how.otherSure && s.other === undefined && ALNUM.test(s.own!)) return;
    if (s.own !== undefined && s.other !== undefined && digitWord[k] && /\d/.test(s.own) && /\p{L}/u.test(s.other)) return void out.push(s.own);
    if (s.own !== undefined && s.other !== undefined && GLYPH.test(s.other) !== GLYPH.test(s.own) && (ALNUM.test(s.own) || ALNUM.test(s.other))) return void out.push(GLYPH.test(s.own) ? s.own : s.other);
    // a letter where the other read a gap is the letter; a mark where the other read a letter is the letter
    if (s.own !== undefined && s.other !== undefined) out.push(s.other === ' ' || (SPECK.test(s.other) && !ALNUM.test(s.own)) || (endsWord[k] && ALNUM.test(s.other)) ? s.own : s.own === ' ' || ALNUM.test(s.other) || !ALNUM.test(s.own) ? s.other : s.own);
    else if (s.own !== undefined) out.push(s.own);
    else if (s.other !== ' ') out.push(s.other!);
  });
  return out.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Whether each step falls in a word Tesseract was sure of: `sure` per word of `own` (or one
 * answer for all). A step only PP-OCR read goes with the word of Tesseract's character before
 * it (or after, at the start); a space is sure when the words on both sides are.
 */
function sureSteps(steps: Step[], own: string, sure: boolean | boolean[]): boolean[] {
  if (!Array.isArray(sure)) return steps.map(() => sure);
  // the word of each character of `own` (-1 for a space)
  const wordOf: number[] = [];
  let w = -1;
  let inWord = false;
  for (const ch of own) {
    if (/\s/.test(ch)) {
      inWord = false;
      wordOf.push(-1);
    } else {
      if (!inWord) w++;
      inWord = true;
      wordOf.push(w);
    }
  }
  const flags: (boolean | null)[] = [];
  let i = 0;
  for (const st of steps) {
    if (st.own === undefined) flags.push(null);
    else {
      const word = wordOf[i++]!;
      flags.push(word < 0 ? null : sure[word] ?? false);
    }
  }
  // spaces and PP-OCR-only steps take their neighbours' word
  return flags.map((f, k) => {
    if (f !== null) return f;
    let before: boolean | null = null;
    for (let j = k - 1; j >= 0 && before === null; j--) before = flags[j] ?? null;
    let after: boolean | null = null;
    for (let j = k + 1; j < flags.length && after === null; j++) after = flags[j] ?? null;
    if (steps[k]!.own === ' ') return (before ?? true) && (after ?? true);
    return before ?? after ?? false;
  });
}

/** For each step, whether it lies in a word of Tesseract's that is digits only, four or more (a postcode, a year, a number; a unit's "F15" read "515" is no such word). */
function numberWords(steps: Step[]): boolean[] {
  const out = steps.map(() => false);
  let start = 0;
  for (let k = 0; k <= steps.length; k++) {
    if (k < steps.length && steps[k]!.own !== ' ' && !(steps[k]!.own === undefined && steps[k]!.other === ' ')) continue;
    const word = steps.slice(start, k).map((s) => s.own ?? '').join('');
    const core = word.replace(/[,.;:]+$/, '');
    if (/^\d{4,}$/.test(core)) for (let j = start; j < k; j++) out[j] = true;
    start = k + 1;
  }
  return out;
}

/** Words of `text` over `box`, each as wide as its share of the characters. */
export function spread(text: string, box: BBox, confidence: number): EngineLine['words'] {
  const words = text.split(' ').filter(Boolean);
  const chars = words.reduce((n, w) => n + w.length, 0) + Math.max(0, words.length - 1);
  const per = (box[2] - box[0]) / Math.max(1, chars);
  let x = box[0];
  return words.map((w) => {
    const x0 = x;
    x += (w.length + 1) * per;
    return { text: w, bbox: [Math.round(x0), box[1], Math.round(Math.min(box[2], x0 + w.length * per)), box[3]] as BBox, confidence };
  });
}
