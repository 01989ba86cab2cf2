// Amount and date fields of receipts and invoices: which labelled value answers "what is
// the total / tax / date?", ranked so that the final amount beats the subtotal and the
// transaction date beats a print or due date.
import type { FieldName } from './lines';
import type { LineRec } from './lines';
import { amounts, CLOCK, DATE_WORD, findDate, findTime } from './patterns';
import { amountFor, best, isAmount, summaryStarts, type Candidate, type Found } from './values';
import { findAddress, findNumber, findPhone, findVendor } from './identity';
import { moneyLines, oneDigitApart, repairDate } from './readings';
import { isoDate } from './dates';
import { findTotal, SUBTOTAL } from './totals';


/** Scores every label line with `score` and pairs it with its amount. */
function amountCandidates(lines: LineRec[], score: (i: number) => number): Candidate[] {
  const summary = summaryStarts(lines);
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    let s = score(i);
    if (s <= 0) continue;
    const found = amountFor(lines, i);
    if (!found) continue;
    if (summary.has(i)) s -= 3;
    out.push({ ...found, score: s, order: i, label: lines[i].text });
  }
  return out;
}

const NOT_TAX = /\b(?:ID|REG|NO|NUMBER|INVOICE|SUMMARY|CODE|RATE|INC|CO|NR|N°|NIF|CIF|UID)\b|EXCL|INCL|INCLUSIVE|EXCLUDING|TAXABLE|SUB|SUPPLIES|\bINKL|\bNETTO|税込|税抜|込/;
/** Tax words of many countries: sales tax, GST, VAT and its names (MwSt, TVA, IVA, BTW, PPN), 税, 부가세. */
const TAX = /\b(?:GST|VAT|SST|HST|PST|TAX|MWST|MW\.?ST|UST|TVA|IVA|IGV|BTW|PPN|CUKAI)\b|GST\(|TAX\(|消費税|税额|税額|税金|부가세|세액/;

function taxScore(u: string): number {
  if (!TAX.test(u) || NOT_TAX.test(u)) return 0;
  if (/TOTAL\s*(?:GST|TAX|VAT|SST|TVA|IVA)|(?:GST|TAX|VAT|SST)\s*(?:TOTAL|PAYABLE|AMT|AMOUNT|DUE)/.test(u)) return 5;
  if (/(?:GST|TAX|VAT|SST|MWST|MW\.?ST|UST|TVA|IVA|BTW|PPN)\s*@?\s*\d/.test(u)) return 4;
  return 3;
}

/** A tax summary row read as lines, "SR @ 6%" / taxable amount / tax: the tax is the second amount. */
function rateRow(lines: LineRec[], i: number): Found | null {
  const [a, b] = [lines[i + 1], lines[i + 2]];
  if (!/%/.test(lines[i].upper) || !a || !b || a.page !== lines[i].page || b.page !== a.page) return null;
  if (!isAmount(a) || !isAmount(b)) return null;
  return { value: amounts(b.upper)[0], cite: [lines[i], a, b] };
}

/** Summary rows count below the bill's own tax line; a zero tax loses to a real one. */
function taxCandidates(lines: LineRec[]): Candidate[] {
  const summary = summaryStarts(lines);
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    let score = taxScore(lines[i].upper);
    let found: Found | null = null;
    const row = summary.has(i) && score < 5 ? rateRow(lines, i) : null;
    if (row) [found, score] = [row, 2];
    else if (score) found = amountFor(lines, i);
    if (!found) continue;
    if (/^[^1-9]*$/.test(found.value)) score -= 0.5;
    out.push({ ...found, score, order: i, label: lines[i].text });
  }
  return out;
}

/** Labels of the transaction date, and dates that answer something else. */
const DATE_LABEL = /\bDATE\b|\bDATED\b|\bDT\b|\bTARIKH\b|\bTANGGAL\b|\bDATUM\b|\bFECHA\b|\bDATA\b|日期|日付|날짜/;
const OTHER_DATE = /PRINT|DUE|EXP|EXPIRY|BIRTH|\bDOB\b|\bDD\b|DELIVERY|VALID/;
/** Of those, the dates of the sale's own day, near enough, where no other date is printed. */
const NEAR_SALE = /PRINT|\bDD\b|DELIVERY/;

/** A date with a space read into it ("02/0 1/2018"): the date, and the text as read. */
function spacedDate(text: string): { value: string; read: string } | null {
  const m = /\d[\d/.-]*(?:\s[\d/.-]+)+/.exec(text);
  if (!m || !/[/.-]/.test(m[0])) return null;
  // one space at most inside what becomes the date, next to a digit
  for (const gap of m[0].matchAll(/\s/g)) {
    const joined = m[0].slice(0, gap.index) + m[0].slice((gap.index ?? 0) + 1);
    const value = findDate(joined);
    if (value && !findDate(m[0]) && joined.includes(value)) return { value, read: m[0] };
  }
  return null;
}

/**
 * A date with spaces read after its separators ("11- 06- 2018"), or, after a date's label, with
 * one separator read as a space ("Date : 18 06-2018").
 */
function spacedSeparators(text: string): { value: string; read: string } | null {
  // (a space after the separator: a monospaced print's dash stands in the middle of its cell;
  // spaces before it too join numbers that are not one: "QTY 1 2 /03 /2019")
  const spaced = /(?<![\d/.-])\d{1,2}[-/.] ?\d{1,2}[-/.] ?(?:\d{4}|\d{2})(?![\d/.-]*\d)/.exec(text);
  if (spaced && /\s/.test(spaced[0])) {
    const value = findDate(spaced[0].replace(/\s+/g, ''));
    if (value) return { value, read: spaced[0] };
  }
  const label = DATE_LABEL.exec(text.toUpperCase());
  if (!label) return null;
  const after = text.slice(label.index + label[0].length);
  const lost = /(?<![\d/.-])(\d{1,2}) (\d{1,2})([-/.])(\d{4})(?![\d/.-]*\d)|(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2}) (\d{4})(?![\d/.-]*\d)/.exec(after);
  if (!lost) return null;
  const joined = lost[1] ? `${lost[1]}${lost[3]}${lost[2]}${lost[3]}${lost[4]}` : `${lost[5]}${lost[6]}${lost[7]}${lost[6]}${lost[8]}`;
  const value = findDate(joined);
  return value ? { value: joined, read: lost[0] } : null;
}

const MONTH_ABBREVIATIONS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * A date whose month's name the scan misread by one letter ("05 lan 2017"), between its day and
 * a four-digit year: only where one month's name is one letter off.
 */
function misreadMonth(text: string): { value: string; read: string } | null {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\d{1,2})([\s./-]+)(\p{L}{3})([\s./-]+)(\d{4})(?!\d)/gu)) {
    const word = m[3]!.toUpperCase();
    const months = MONTH_ABBREVIATIONS.filter((name) => [...name].filter((c, k) => c !== word[k]).length === 1);
    if (months.length !== 1 || MONTH_ABBREVIATIONS.includes(word)) continue;
    const value = `${m[1]}${m[2]}${months[0]}${m[4]}${m[5]}`;
    if (findDate(value)) return { value, read: m[0] };
  }
  return null;
}

/** Eight digits after a date's label ("Date: 13032018"). */
const EIGHT_AFTER_LABEL = new RegExp(String.raw`${DATE_WORD}\s*[:.]?\s*(\d{2})(\d{2})((?:19|20)\d{2})\b`, 'i');
/** Eight digits before the sale's time ("25032018 13:11:54"). */
const EIGHT_BEFORE_TIME = new RegExp(String.raw`(?<![\d/.-])(\d{8})(?=\s+${CLOCK})`);
/** A date after its label with one of its two separators lost ("DATE: 2504/2017", "Date 27/0717"). */
const HALF_SEPARATED = new RegExp(String.raw`${DATE_WORD}\s*[:.]?\s*(?:(\d{2})(\d{2})([/.-])((?:19|20)?\d{2})|(\d{2})([/.-])(\d{2})((?:19|20)?\d{2}))\b`, 'i');

/**
 * A date whose separators the scan lost or misread: "05~05-17" (a tilde for a dash), "Date:
 * 13032018" (eight digits after the label, day first, a valid date of 1990-2039), "DATE:
 * 2504/2017" and "Date 27/0717" (one of the two lost).
 */
function unseparatedDate(text: string): { value: string; read: string } | null {
  const odd = /\d{1,2}[~_][0-9]{1,2}[-/.~_]\d{2,4}|\d{1,2}[-/.][0-9]{1,2}[~_]\d{2,4}/.exec(text);
  if (odd) {
    const sep = /[-/.]/.exec(odd[0])?.[0] ?? '-';
    const value = findDate(odd[0].replace(/[~_]/g, sep));
    if (value) return { value, read: odd[0] };
  }
  const run = EIGHT_AFTER_LABEL.exec(text);
  if (run) {
    const value = findDate(`${run[1]}/${run[2]}/${run[3]}`);
    if (value) return { value, read: run[0].replace(/^\D+/, '') };
  }
  // eight digits before the sale's time, day first or year first: "00440010036 25032018 13:11:54", "20180325 13:11"
  const timed = EIGHT_BEFORE_TIME.exec(text);
  if (timed) {
    const [digits] = timed;
    // (given as printed: isoDate reads it)
    if (isoDate(digits)) return { value: digits, read: digits };
  }
  // one of the two separators lost after the label: "DATE: 2504/2017", "Date 25/042017", "Date 27/0717"
  const half = HALF_SEPARATED.exec(text);
  if (half) {
    const [d, m, sep, y] = half[1] ? [half[1], half[2], half[3], half[4]] : [half[5], half[7], half[6], half[8]];
    const value = findDate(`${d}${sep}${m}${sep}${y}`);
    if (value) return { value, read: half[0].replace(/^\D+/, '') };
  }
  return null;
}

const ISO_BEFORE_TIME = new RegExp(String.raw`(?<=\d-)(\d{4}-\d{2}-\d{2})(?=\s+${CLOCK})`);

/**
 * An ISO date run on from the register's number before it, with its time after it ("001-2018-03-18
 * 13:21:02"): the date pattern leaves a date joined to digits by a dash.
 */
function prefixedIsoDate(text: string): { value: string; read: string } | null {
  const m = ISO_BEFORE_TIME.exec(text);
  const value = m && findDate(m[1]!);
  return value ? { value, read: m[1]! } : null;
}

const DATE_AFTER_TIME = new RegExp(String.raw`${CLOCK}(?::[0-5]\d)?\s*(?:[AP]\.?M\.?)?\s*\d+?((\d{2})(?:([-/.])(\d{2})\3|(\d{2})([-/.])|([-/.])(\d{2}))((?:19|20)?\d{2}))(?![\d/.-]*\d)`, 'i');

/**
 * A date run on from the number printed before it, after the sale's time: "09:23PM 55941224-01-16"
 * read as one run of digits (the date pattern leaves a date joined to digits); one of its two
 * separators may be lost as well ("05:36PM5682680406-18"). The date is the run's last six digits
 * (or eight, with a four-digit year) in its own shape.
 */
function dateAfterTime(text: string): { value: string; read: string } | null {
  const m = DATE_AFTER_TIME.exec(text);
  if (!m) return null;
  const [, read, day, sepBoth, monthBoth, monthFirst, sepSecond, sepFirst, monthSecond, year] = m;
  const sep = sepBoth ?? sepSecond ?? sepFirst!;
  const value = findDate(`${day}${sep}${monthBoth ?? monthFirst ?? monthSecond}${sep}${year}`);
  return value ? { value, read: read! } : null;
}

/** A date the scan garbled, put right (repairDate and the mendings above), and the text as read; or null. */
export function mendedDate(text: string): { value: string; read: string } | null {
  return repairDate(text) ?? spacedDate(text) ?? spacedSeparators(text) ?? unseparatedDate(text) ?? misreadMonth(text) ?? prefixedIsoDate(text) ?? dateAfterTime(text);
}

function dateCandidates(lines: LineRec[], question: string): Candidate[] {
  const asked = question.toUpperCase().match(/\b(DUE|PRINT|DELIVERY|EXPIRY|ISSUE|INVOICE|ORDER|BIRTH)\b/)?.[1];
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const printed = findDate(lines[i].text);
    const mended = printed ? null : mendedDate(lines[i].text);
    const value = printed ?? mended?.value;
    if (!value) continue;
    const read = mended?.read ?? value;
    const cite = [lines[i]];
    // the label may stand on the line(s) before: "DATE" / ":" / "09/01/2019"
    let labelText = lines[i].upper.slice(0, Math.max(0, lines[i].upper.indexOf(read.toUpperCase())));
    for (let j = i - 1; j >= Math.max(0, i - 2) && !DATE_LABEL.test(labelText); j--) {
      if (lines[j].page !== lines[i].page || findDate(lines[j].text) || /\d{2}/.test(lines[j].upper)) break;
      labelText = `${lines[j].upper} ${labelText}`;
      cite.unshift(lines[j]);
    }
    let score = DATE_LABEL.test(labelText) ? 3 : 1;
    if (score === 1) {
      // an unlabelled date: one run on from letters is a code ("HD03-04-06"), one with its time
      // after it is the sale's ("19-09-17 15:39")
      const at = lines[i].text.indexOf(read);
      if (at > 0 && /\p{L}/u.test(lines[i].text[at - 1]!)) score = 0.5;
      else if (at >= 0 && findTime(lines[i].text.slice(at + read.length))) score = 1.5;
    }
    if (OTHER_DATE.test(labelText)) score = 0;
    if (asked && labelText.includes(asked)) score = 6;
    // a printed date beats one read back from a garbled scan
    if (mended && score > 0) score -= 0.5;
    const note = mended ? `The scan reads "${mended.read}".` : undefined;
    out.push({ value, cite: DATE_LABEL.test(labelText) ? cite : [lines[i]], score, order: i, label: labelText.trim(), note });
  }
  return out;
}

/** A line read this much more surely than another is the better reading of what both print. */
const SURER_BY = 0.05;

/**
 * A receipt prints its date twice (the sale's, then "Print Date" at the foot, seconds apart).
 * When the date found and another date of the page differ in one digit OCR confuses (13/03 and
 * 18/03), both print one date and one was misread: the reading of the surer line is given.
 */
function datePrintedTwice(top: Candidate, all: Candidate[]): Candidate {
  const line = (c: Candidate) => c.cite[c.cite.length - 1];
  const mine = line(top).confidence;
  if (mine === undefined || top.note) return top;
  const twin = all.find((c) => c !== top && !c.note && line(c).page === line(top).page && oneDigitApart(c.value, top.value) && (line(c).confidence ?? 0) >= mine + SURER_BY);
  if (!twin) return top;
  return {
    ...top,
    value: twin.value,
    cite: [...top.cite, line(twin)],
    note: `The date line reads ${top.value}; the receipt prints the date again as ${twin.value}, read more surely.`,
  };
}

function timeCandidates(lines: LineRec[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const value = findTime(lines[i].text);
    if (!value) continue;
    const labelled = /\bTIME\b/.test(lines[i].upper) || (i > 0 && /\bTIME\b/.test(lines[i - 1].upper));
    let score = labelled ? 3 : findDate(lines[i].text) ? 2 : 1;
    if (/PRINT|CLOSED|OPEN|HOURS|HRS/.test(lines[i].upper)) score = 0;
    out.push({ value, cite: [lines[i]], score, order: i, label: '' });
  }
  return out;
}

export interface FieldAnswer extends Found {
  field: FieldName;
  /** the label the value was printed under, when there is one */
  label?: string;
  /** how the value was read, when the scan does not simply print it beside its label */
  note?: string;
}

/** The value of a field, or null when the document does not show one. */
export function findField(field: FieldName, lines: LineRec[], question: string): FieldAnswer | null {
  const found = findRaw(field, lines, question);
  return found ? { field, value: found.value, cite: found.cite, label: found.label, note: found.note } : null;
}

function findRaw(field: FieldName, lines: LineRec[], question: string): (Found & { label?: string; note?: string }) | null {
  switch (field) {
    // the sums read with their amounts and labels as OCR misspaced and misspelt them mended
    case 'total':
      return findTotal(lines);
    case 'subtotal': {
      const money = moneyLines(lines);
      return best(amountCandidates(money, (i) => (SUBTOTAL.test(money[i].upper) ? 3 : 0)));
    }
    case 'tax':
      return best(taxCandidates(moneyLines(lines)));
    case 'date': {
      const all = dateCandidates(lines, question);
      // a delivery or print date is the day of the sale near enough, where the page prints no other
      const top = best(all.filter((c) => c.score > 0), true) ?? best(all.filter((c) => NEAR_SALE.test(c.label ?? '')), true);
      return top ? datePrintedTwice(top, all) : null;
    }
    case 'time':
      return best(timeCandidates(lines).filter((c) => c.score > 0), true);
    case 'vendor':
      return findVendor(lines);
    case 'number':
      return findNumber(lines, question);
    case 'address':
      return findAddress(lines);
    case 'phone':
      return findPhone(lines, question);
  }
}
