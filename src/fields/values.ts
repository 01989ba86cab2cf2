// Finding the value that belongs to a label. Receipts print "TOTAL: 9.00" on one line,
// or the label on one line and the amount on the next, or (read column by column) a run
// of labels followed by a run of amounts in the same order.
import type { LineRec } from './lines';
import { amounts, CURRENCY_READ, isAmountLine, isLabelLine } from './patterns';

export interface Found {
  value: string;
  /** the lines to quote: the label's and the value's */
  cite: LineRec[];
}

/** What a field finder hands back, with a score to rank rival labels. */
export interface Candidate extends Found {
  score: number;
  order: number;
  label: string;
  /** how the value was read, when the scan garbled it */
  note?: string;
}

const samePage = (a: LineRec | undefined, b: LineRec): a is LineRec => a !== undefined && a.page === b.page;

/** How many lines from `from`, stepping by `dir`, on the same page as `ref`, pass `test`. */
function runLength(lines: LineRec[], from: number, dir: 1 | -1, ref: LineRec, test: (l: LineRec) => boolean): number {
  let n = 0;
  for (let i = from; samePage(lines[i], ref) && test(lines[i]); i += dir) n++;
  return n;
}

export const isLabel = (l: LineRec): boolean => (l.label ??= isLabelLine(l.upper));
export const isAmount = (l: LineRec): boolean => (l.amount ??= isAmountLine(l.upper));

/**
 * The amount for the label at `i` when labels and amounts were read as two columns.
 * Either the labels' run is followed by at least as many amounts (k-th label ↔ k-th
 * amount), or the amounts sit between two label runs and the first labels use up the
 * first amounts (SUB-TOTAL DISC TAX ROUNDING | 7 amounts | TOTAL CASH CHANGE).
 */
function columnAmount(lines: LineRec[], i: number): Found | null {
  const ref = lines[i];
  const above = runLength(lines, i - 1, -1, ref, isLabel);
  const below = runLength(lines, i + 1, 1, ref, isLabel);
  const start = i - above;
  const end = i + below;
  const k = i - start;
  const after = runLength(lines, end + 1, 1, ref, isAmount);
  if (end > start && after >= end - start + 1) return pick(lines[i], lines[end + 1 + k]);
  const before = runLength(lines, start - 1, -1, ref, isAmount);
  if (!before) return null;
  const valuesStart = start - before;
  const firstLabels = runLength(lines, valuesStart - 1, -1, ref, isLabel);
  if (firstLabels >= 1 && firstLabels < before && k < before - firstLabels) {
    return pick(lines[i], lines[valuesStart + firstLabels + k]);
  }
  return null;
}

function pick(labelLine: LineRec, valueLine: LineRec): Found {
  return { value: amounts(valueLine.upper)[0], cite: [labelLine, valueLine] };
}

/** A cell that is only a currency, between a label's cell and its amount's ("Change | RM | 37.65"; RM read RH, RN or RY). */
const CURRENCY_CELL = new RegExp(String.raw`^\W{0,2}${CURRENCY_READ}\W{0,2}$`);

/** The amount a label line stands for: on the line, on the next line (past a cell of its currency), or in a column. */
export function amountFor(lines: LineRec[], i: number): Found | null {
  const line = lines[i];
  const own = amounts(line.upper);
  if (own.length) return { value: own[own.length - 1], cite: [line] };
  const next = lines[i + 1];
  if (samePage(next, line) && isAmount(next)) return pick(line, next);
  const after = lines[i + 2];
  if (samePage(next, line) && CURRENCY_CELL.test(next.upper.trim()) && samePage(after, line) && isAmount(after)) {
    const found = pick(line, after);
    return { ...found, cite: [line, next, after] };
  }
  // a label followed by more labels: the page was read column by column
  if (samePage(next, line) && isLabel(next)) return columnAmount(lines, i);
  return null;
}

/**
 * The text after a label on its own line ("CASHIER: MANIS" → "MANIS"), or on the next
 * line, passing over a line that is only the colon ("CASHIER" / ":" / "01").
 */
export function textAfter(lines: LineRec[], i: number, labelEnd: number): Found | null {
  const line = lines[i];
  const strip = (t: string) => t.replace(/^[\s:#.=-]+/, '').trim();
  const rest = strip(line.text.slice(labelEnd));
  if (rest) return { value: rest, cite: [line] };
  const cite = [line];
  for (let j = i + 1; j <= i + 2 && samePage(lines[j], line); j++) {
    cite.push(lines[j]);
    const value = strip(lines[j].text);
    if (value) return { value, cite };
  }
  return null;
}

/** The best candidate: highest score, then the later line (a receipt's final total comes last). */
export function best(candidates: Candidate[], preferEarly = false): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) {
    if (!top || c.score > top.score) top = c;
    else if (c.score === top.score && (preferEarly ? c.order < top.order : c.order > top.order)) top = c;
  }
  return top;
}

/**
 * A row of the tax summary, its heading misread or not printed: a tax code, its rate and two
 * amounts, the amount taxed and the tax ("SR 6.00 144.68 8.68", "S(6%) 11.68 0.69").
 */
const TAX_CODE_ROW = /^\W*(?:SR|ZR|ZRL|ES|OS|TX|S|Z|E)\s*[@=]?\s*\(?\d{1,2}(?:\.\d{1,2})?\s*%?\)?\s+-?\d[\d,]*\.\d{2}\s+-?\d[\d,]*\.\d{2}\W*$/;

/** Lines after a "GST SUMMARY" heading (or its first tax code's row) repeat amounts by tax code; they are not the bill's. */
export function summaryStarts(lines: LineRec[]): Set<number> {
  const inSummary = new Set<number>();
  let page = -1;
  let on = false;
  for (const l of lines) {
    if (l.page !== page) {
      page = l.page;
      on = false;
    }
    if (/(?:GST|TAX|VAT|SST)\s*(?:SUMMARY|ANALYSIS|RATE\b)/.test(l.upper) || TAX_CODE_ROW.test(l.upper)) on = true;
    if (on) inSummary.add(l.order);
  }
  return inSummary;
}
