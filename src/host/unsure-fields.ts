// tool=receipt: a field read from a line the engine was unsure of is read again before it is
// reported. The page's unsure field lines, cropped and stacked on one image, go to the other tier's recogniser (PP-OCR when Tesseract read the
// page, Tesseract when PP-OCR did; both ship with the app). Where the two readings agree, the
// line stands, surer; where they differ and the other reads it clearly surer, its reading
// replaces the line's (its words spread over the line's box). Then the page is laid out again.
import type { BBox } from '../shared/contract';
import type { EngineLine, EnginePage } from '../shared/engine';
import { readReceipt } from '../fields/receipt';
import { layoutPage, type LayoutOptions } from '../layout';

/** A field this unsure (its line's confidence) is read again. */
export const UNSURE = 0.85;
/** The other recogniser's reading replaces the line's when it is this much surer. */
const CLEARLY_SURER = 0.1;
/** At most this many lines a page are read again. */
const MOST_LINES = 10;
/** Margin around the line's box, in line heights: a recogniser wants some white round the text. */
const PAD = 0.35;

/** A line's box with PAD line heights of margin, whole pixels, inside a `width`×`height` image. */
export function paddedBox(b: BBox, width: number, height: number): BBox {
  const h = b[3] - b[1];
  return [Math.max(0, Math.floor(b[0] - PAD * h)), Math.max(0, Math.floor(b[1] - PAD * h)), Math.min(width, Math.ceil(b[2] + PAD * h)), Math.min(height, Math.ceil(b[3] + PAD * h))];
}

export interface Reading {
  text: string;
  confidence: number;
}

/** A line the other recogniser found, with its box. */
export interface ReadLine extends Reading {
  bbox: BBox;
}

/** The other tier's recogniser, on an image made of the page's unsure lines. */
export interface CropReader {
  engine: string;
  read(image: ImageBitmap, signal?: AbortSignal): Promise<ReadLine[]>;
}

export interface Rereads {
  page: EnginePage;
  /** lines read again, and how many of them took the other reading */
  reread: number;
  replaced: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** The lines of the fields the page's own reading is unsure of. */
export function unsureFieldLines(found: EnginePage, index: number, layout: LayoutOptions = {}): EngineLine[] {
  const fields = readReceipt([layoutPage(found, index, layout)]);
  const boxes = [fields.merchant, fields.address, fields.date, fields.total, fields.subtotal, fields.tax].filter((f) => f && f.confidence < UNSURE).map((f) => f!.bbox);
  if (!boxes.length) return [];
  const lines: EngineLine[] = found.lines?.length ? found.lines : found.blocks.flatMap((b) => b.lines);
  return lines.filter((l) => l.confidence < UNSURE && boxes.some((b) => holds(b, l.bbox))).slice(0, MOST_LINES);
}

/** The field's box holds most of the line's height and some of its width. */
function holds(field: BBox, line: BBox): boolean {
  const h = Math.max(1, line[3] - line[1]);
  const dy = Math.min(field[3], line[3]) - Math.max(field[1], line[1]);
  const dx = Math.min(field[2], line[2]) - Math.max(field[0], line[0]);
  return dy >= h * 0.5 && dx > 0;
}

/**
 * The page with its unsure field lines read again by `reader` (the lines are changed in place
 * on `found`, which the caller no longer needs as it was).
 */
export async function rereadUnsureFields(found: EnginePage, bitmap: ImageBitmap, index: number, reader: CropReader, layout: LayoutOptions = {}, signal?: AbortSignal): Promise<Rereads> {
  const lines = unsureFieldLines(found, index, layout);
  if (!lines.length) return { page: found, reread: 0, replaced: 0 };
  signal?.throwIfAborted();
  // The lines' crops one under another on one image: one call to the other recogniser a page.
  const sheet = await stack(bitmap, lines.map((l) => l.bbox));
  let read: ReadLine[];
  try {
    read = await reader.read(sheet.image, signal).catch(() => []);
  } finally {
    sheet.image.close();
  }
  let replaced = 0;
  lines.forEach((line, i) => {
    const slot = sheet.slots[i]!;
    const mine = read.filter((r) => {
      const cy = (r.bbox[1] + r.bbox[3]) / 2;
      return cy >= slot[0] && cy < slot[1];
    });
    if (!mine.length) return;
    mine.sort((a, b) => a.bbox[0] - b.bbox[0]);
    const chars = mine.reduce((n, r) => n + r.text.length, 0);
    const other = { text: mine.map((r) => r.text).join(' '), confidence: mine.reduce((n, r) => n + r.confidence * r.text.length, 0) / Math.max(1, chars) };
    if (other.text.trim() && settle(line, other)) replaced++;
  });
  return { page: found, reread: lines.length, replaced };
}

/**
 * The boxes' crops (with a margin) one under another on white, a line's height apart; each
 * crop's rows on the sheet, [top, bottom).
 */
async function stack(bitmap: ImageBitmap, boxes: BBox[]): Promise<{ image: ImageBitmap; slots: [number, number][] }> {
  const crops = boxes.map((b) => {
    const [x0, y0, x1, y1] = paddedBox(b, bitmap.width, bitmap.height);
    return { x0, y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
  });
  const gap = Math.max(8, Math.round(Math.max(...crops.map((c) => c.h)) / 2));
  const width = Math.max(...crops.map((c) => c.w)) + 2 * gap;
  const height = crops.reduce((n, c) => n + c.h + gap, gap);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const slots: [number, number][] = [];
  let y = gap;
  for (const c of crops) {
    ctx.drawImage(bitmap, c.x0, c.y0, c.w, c.h, gap, y, c.w, c.h);
    slots.push([y - gap / 2, y + c.h + gap / 2]);
    y += c.h + gap;
  }
  return { image: canvas.transferToImageBitmap(), slots };
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

/** Marks one recogniser prints and the other is apt to pass over (PP-OCR drops a comma before a space). */
const MARK = /[,.;:]/;

/**
 * `other`'s reading with the commas, stops and colons of `own` that it passed over put back: the
 * two are aligned character by character (edit distance), and a mark only `own` has is kept.
 */
export function keepPunctuation(own: string, other: string): string {
  const a = [...own];
  const b = [...other];
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toUpperCase() === b[j - 1]!.toUpperCase() ? 0 : 1));
  const out: string[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (a[i - 1]!.toUpperCase() === b[j - 1]!.toUpperCase() ? 0 : 1)) {
      out.push(b[--j]!);
      i--;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      // in own only: a mark is kept, anything else was own's misreading
      if (MARK.test(a[i - 1]!)) out.push(a[i - 1]!);
      i--;
    } else out.push(b[--j]!);
  }
  return out.reverse().join('');
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
