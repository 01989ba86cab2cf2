// What values look like on receipts and invoices: amounts, dates, times, phone numbers.
// Patterns read upper-cased, whitespace-squashed lines (LineRec.upper).
import { oneApart } from './repair';

const CURRENCY = String.raw`(?:RM|USD|EUR|GBP|SGD|MYR|AUD|CAD|NZD|HKD|CHF|JPY|CNY|RMB|KRW|IDR|RP\.?|PHP|THB|INR|RS\.?|R\$|S\$|\$|€|£|¥|￥|₩|₹)`;

/**
 * An amount: two decimals (9.00, 1,234.56, 9,00), or a whole number after a currency
 * sign ($120). Not part of a longer number or a dotted date (25.12.2018), nor a rate ("@0.00%").
 */
const MONEY = new RegExp(
  String.raw`(?<![\d.,])(?:${CURRENCY}\s?-?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?=,\d{2})|\d+)(?:[.,]\d{2})?|-?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?=,\d{2})|\d+)[.,]\d{2})(?!\d)(?![.,]\d)(?!\s?%)`,
  'g',
);

/** Every amount on a line, in order. */
export function amounts(upper: string): string[] {
  return [...upper.matchAll(MONEY)].map((m) => m[0].trim());
}

/** A line that is only an amount, maybe with a currency and a tax code or a letter's speck ("53.00S", "RM 17.45", ": 9.00", "60.30 J"). */
export function isAmountLine(upper: string): boolean {
  const rest = upper.replace(MONEY, ' ').replace(/[\s:=*#]|\b(?:[A-Z]|SR|ZR|ZRL)\b/g, '');
  // (or with its currency after it: "5.00 RM", "12,50 EUR", "9,90 €"; RM read RH, RN or RY)
  return amounts(upper).length === 1 && (rest === '' || TRAILING_CURRENCY.test(rest));
}

/** A currency, or RM as OCR misreads it (RH, RN, RY). */
export const CURRENCY_READ = String.raw`(?:${CURRENCY}|R[HNY])`;
/** A currency printed after an amount, as the whole of what else a line holds. */
const TRAILING_CURRENCY = new RegExp(`^${CURRENCY_READ}$`);

/** A line of words and no amount: a label, maybe the label of the next line's amount. */
export function isLabelLine(upper: string): boolean {
  return /[A-Z]{2}/.test(upper) && amounts(upper).length === 0;
}

const MONTH_NAME =
  '(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|' +
  'JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC|' +
  // German, French, Spanish, Italian, Dutch, Malay/Indonesian spellings that differ
  'JANUAR|FEBRUAR|MÄRZ|MAERZ|MÄR|MAI|JUNI|JULI|OKTOBER|OKT|DEZEMBER|DEZ|JANV|FÉVR|FEVR|FÉV|MARS|AVRIL|AVR|JUIN|JUIL|AOÛT|AOUT|DÉC|' +
  'ENERO|ENE|ABRIL|ABR|MAYO|AGOSTO|AGO|DICIEMBRE|DIC|GENNAIO|GEN|MAGGIO|MAG|GIU|LUG|SETT|OTT|MEI|MAC|OGOS|OGO|DIS|DES|AGU|OKTOBER)\\.?(?![A-Z])';

/** A time of day on the clock, hours and minutes ("9:05", "23:59"): what the time patterns below build on. */
export const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d`;

type DateCheck = (m: RegExpExecArray) => boolean;
const inRange = (x: string, lo: number, hi: number) => Number(x) >= lo && Number(x) <= hi;
/** A four-digit year must be one a document of ours could bear ("2817" is a misread 2017). */
const yearOk = (y: string) => y.length !== 4 || inRange(y, 1900, 2099);

/** Date shapes seen on receipts, invoices and letters, each with its sanity check. */
const DATE_PATTERNS: Array<[RegExp, DateCheck]> = [
  // 2018-12-25
  [/(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.-]*\d)/i, (m) => yearOk(m[1]) && inRange(m[2], 1, 12) && inRange(m[3], 1, 31)],
  // 25/12/2018, 25-06-18, 12/25/2018: one of the first two must be a month
  [
    /(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d/.-]*\d)/i,
    (m) => yearOk(m[3]) && inRange(m[1], 1, 31) && inRange(m[2], 1, 31) && (inRange(m[1], 1, 12) || inRange(m[2], 1, 12)),
  ],
  // 09/01/20198:01:11PM: a four-digit year run into the time after it (the space lost)
  [
    new RegExp(String.raw`(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?=${CLOCK})`, 'i'),
    (m) => yearOk(m[3]) && inRange(m[1], 1, 31) && inRange(m[2], 1, 31) && (inRange(m[1], 1, 12) || inRange(m[2], 1, 12)),
  ],
  // 25-DEC-2018, 28 MAR 18, 3rd March 2019
  [new RegExp(`(?<![\\dA-Z])(\\d{1,2})(?:ST|ND|RD|TH)?[\\s./-]*${MONTH_NAME}[\\s./,-]*(\\d{4}|\\d{2})(?!\\d)`, 'i'), (m) => inRange(m[1], 1, 31) && yearOk(m[2])],
  // 2018年3月28日, 2018년 3월 28일
  [/(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/, (m) => yearOk(m[1]) && inRange(m[2], 1, 12) && inRange(m[3], 1, 31)],
  // DEC 25, 2018; March 3rd 2019
  [new RegExp(`(?<![A-Z])${MONTH_NAME}\\s*(\\d{1,2})(?:ST|ND|RD|TH)?,?\\s+(\\d{4})(?!\\d)`, 'i'), (m) => inRange(m[1], 1, 31) && yearOk(m[2])],
];

/** A date on a line, as written there (original case), or null. */
export function findDate(text: string): string | null {
  for (const [re, ok] of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m && ok(m)) return m[0].trim();
  }
  return null;
}

const TIME = new RegExp(String.raw`(?<![\d:.])${CLOCK}(?::[0-5]\d)?(?:\s*[AP]\.?M\.?)?(?![\d%])`, 'i');
/** "7.30AM": a dotted time only counts with AM/PM, else it is an amount. */
const DOTTED_TIME = /(?<![\d:.])(?:[01]?\d|2[0-3])\.[0-5]\d\s*[AP]\.?M\b\.?/i;

/** A time of day on a line ("8:13:39 PM", "14:07", "7.30AM"), or null. */
export function findTime(text: string): string | null {
  const m = TIME.exec(text) ?? DOTTED_TIME.exec(text);
  return m ? m[0].trim() : null;
}

/** A phone number: seven or more digits with the usual separators. */
const PHONE = /(?<![\w])\+?\(?\d[\d\s().-]{5,}\d(?![\w])/g;

export function findPhones(text: string): string[] {
  return [...text.matchAll(PHONE)]
    .map((m) => m[0].trim())
    .filter((p) => {
      const digits = p.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15 && !findDate(p);
    });
}

/** A date's label ("Date", "Tarikh", "Datum", "Fecha", "Date/Time") at the start of a line (upper case). */
export const DATE_LABEL = /^\W{0,3}(?:DATE|TARIKH|DATUM|FECHA|DATA|日期|날짜)(?:\s*[/&]\s*TIME)?\b/;

/** At most this many lines a page are read again for a date their first reading lost. */
export const LOST_DATE_LINES = 2;

/** A date's label at the end of a line ("INV NO: CS-SA-0120436 Date", its value printed further along the row in grey). */
const DATE_LABEL_AT_END = /\b(?:DATE|TARIKH|DATUM|FECHA|DATA)(?:\s*[/&]\s*TIME)?\W{0,3}$/;

/**
 * A date's label as the word before a garbled value: DATE, DATED, TARIKH, or DATE with its D
 * misread as a letter of like shape ("TATE: 15/11/2017", "Oate 27/07/17"; not RATE or LATE).
 */
export const DATE_WORD = String.raw`\b(?:DATE|DATED|TARIKH|[TOB0P]ATE)\b`;

/** A date's label inside a line, its value beside it garbled to digits and other marks ("Salesperson: Date: 120202018", "DATE: 258/M4£2017", "TATE: 15/41/2017"). */
const DATE_LABEL_GARBLED = new RegExp(String.raw`(?:${DATE_WORD}|\b(?:DATUM|FECHA)\b)\s*[:.]?\s*[^\s\p{L}]*\d[^\s]{3,}`, 'u');

/**
 * A date's label read one letter off at the line's start, before a garbled value with a date's
 * separator in it ("Dste: 23/04/2O17", "Deter 2304/3007"): its D read, then DATE with one letter
 * changed, added or lost, or its first four letters so and a letter after them. (Not RATE, whose
 * D is the letter changed.)
 */
const DATE_LABEL_OFF = /^\W{0,3}(D\p{L}{2,4})\W*\d[^\s]*[/-][^\s]*\d/u;

/** A date with its year cut short at the edge of what was read ("17/06/201 {i Bes"): three digits, or one. */
const CUT_YEAR = /(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{3}|\d)(?![\d/.-])/;

/**
 * A line that starts or ends with a date's label, or holds one beside a garbled value, or holds a
 * date cut short, and holds no date: the reading lost the value beside the label.
 */
export function lostItsDate(text: string): boolean {
  const upper = text.toUpperCase();
  const off = DATE_LABEL_OFF.exec(upper)?.[1];
  const labelled = DATE_LABEL.test(upper) || DATE_LABEL_AT_END.test(upper.trim()) || DATE_LABEL_GARBLED.test(upper) || (off !== undefined && (oneApart(off, 'DATE') || oneApart(off.slice(0, 4), 'DATE')));
  return (labelled || CUT_YEAR.test(text)) && !findDate(text);
}
