// A second opinion for numbers. When the value an answer gives (an amount, a date) comes
// from a line the OCR was unsure of, that line is read again by another recogniser (the
// host hands one in: PP-OCR's when Tesseract read the page, Tesseract's when PP-OCR did).
// The answer then gives the reading both agree on, or says it is unsure and shows both.
import type { BBox } from '../shared/contract';
import { amounts, findDate, LOST_DATE_LINES, lostItsDate } from '../fields/patterns';
import type { FieldAnswer } from '../fields/find';
import type { FieldName, LineRec } from '../fields/lines';

/** Reads one line's crop again with a recogniser other than the one that read the page. */
export interface LineReader {
  /** the recogniser's name, as the answer shows it ("PP-OCR", "Tesseract") */
  engine: string;
  read(page: number, bbox: BBox, signal?: AbortSignal): Promise<string | null>;
}

/** A line read with less confidence than this is read again before its number is given. */
export const UNSURE_BELOW = 0.8;

const AMOUNT_FIELDS = new Set<FieldName>(['total', 'subtotal', 'tax']);

/** The values of the field's kind in a text, as the first reading writes them. */
function valuesIn(field: FieldName, text: string): string[] {
  const upper = text.replace(/\s+/g, ' ').toUpperCase();
  if (AMOUNT_FIELDS.has(field)) return amounts(upper).map(plainAmount);
  if (field === 'date') {
    const d = findDate(text);
    return d ? [d] : [];
  }
  return [];
}

/** "RM 14.10" and "14.10" are one amount. */
const plainAmount = (a: string) => (/\d[\d,]*[.,]\d{2}(?!\d)/.exec(a)?.[0] ?? a).replace(/,(?=\d{3}\b)/g, '');
const same = (field: FieldName, a: string, b: string) =>
  AMOUNT_FIELDS.has(field) ? plainAmount(a.toUpperCase()) === plainAmount(b.toUpperCase()) : a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

export type Opinion =
  | { verdict: 'sure' }
  | { verdict: 'agree'; engine: string; line: LineRec }
  | { verdict: 'differ'; engine: string; line: LineRec; second: string }
  | { verdict: 'unread'; engine: string; line: LineRec };

/**
 * What a second reading says of the found value. 'sure': no line of the answer was unsure (or
 * no reader, or no box to crop); 'agree': the second reading holds the same value; 'differ':
 * it holds another (given); 'unread': it holds none of the kind.
 */
export async function secondOpinion(found: FieldAnswer, reader: LineReader | undefined, signal?: AbortSignal): Promise<Opinion> {
  if (!reader || !(AMOUNT_FIELDS.has(found.field) || found.field === 'date')) return { verdict: 'sure' };
  const line = found.cite.find((l) => valuesIn(found.field, l.text).some((v) => same(found.field, v, found.value)));
  if (!line || line.confidence === undefined || line.confidence >= UNSURE_BELOW || !line.bbox) return { verdict: 'sure' };
  const text = await reader.read(line.page, line.bbox, signal).catch(() => null);
  const seen = text ? valuesIn(found.field, text) : [];
  if (!seen.length) return { verdict: 'unread', engine: reader.engine, line };
  if (seen.some((v) => same(found.field, v, found.value))) return { verdict: 'agree', engine: reader.engine, line };
  return { verdict: 'differ', engine: reader.engine, line, second: seen[0] };
}


/**
 * A date the scan lost: a line that starts with a date's label and holds no date ("Date" with
 * the value faded or skipped) is read again by the other recogniser across the page's width
 * (the value stands to the right of its label, often far to the right). The first such line
 * whose second reading holds a date gives it; null when none does (or no reader, no boxes).
 */
export async function lostDate(lines: readonly LineRec[], pageWidth: (page: number) => number | undefined, reader: LineReader | undefined, signal?: AbortSignal): Promise<{ value: string; line: LineRec; engine: string } | null> {
  if (!reader) return null;
  const labels = lines.filter((l) => l.bbox && lostItsDate(l.text)).slice(0, LOST_DATE_LINES);
  for (const line of labels) {
    const width = pageWidth(line.page);
    if (!width) continue;
    const [x0, y0, , y1] = line.bbox!;
    const text = await reader.read(line.page, [x0, y0, width, y1], signal).catch(() => null);
    const date = text ? findDate(text) : null;
    if (date) return { value: date, line, engine: reader.engine };
  }
  return null;
}
