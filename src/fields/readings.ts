// What an OCR'd amount or date probably says when the scan garbled it: "So.00" is 50.00,
// "26-00" is 26.00, "zq.00" is 24.00 or 29.00, "17/83/2817" is 17/03/2017. Each reading
// is a guess that the caller must check (against arithmetic, or a date's sanity), and the
// answer then says what the scan shows.
import { amounts, findDate } from './patterns';
import type { LineRec } from './lines';
import { oneApart } from './repair';

/** Characters OCR puts for digits, with the digits they stand for, likeliest first. */
const LOOKALIKE: Record<string, string[]> = {
  O: ['0'], o: ['0'], D: ['0'], Q: ['0'], U: ['0'],
  I: ['1'], l: ['1'], i: ['1'], '|': ['1'], '!': ['1'], L: ['1'],
  Z: ['2', '7'], z: ['2', '7'],
  S: ['5'], s: ['5'], $: ['5'],
  B: ['8'], G: ['6'], b: ['6'],
  g: ['9'], q: ['9', '4'],
  A: ['4'], T: ['7'],
};

/** At most this many readings of one token: each letter doubles them at worst. */
const MAX_READINGS = 8;

/** The number an amount stands for: "RM 1,234.56" → 1234.56, "12,80" → 12.8, "-0.02" → -0.02. */
export function amountValue(amount: string): number | null {
  const m = /(-)?\s*(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?=,\d{2})|\d+)(?:[.,](\d{2}))?(?!\d)/.exec(amount.replace(/^[^\d-]+/, ''));
  if (!m) return null;
  const whole = Number(m[2].replace(/[,.]/g, ''));
  const cents = m[3] ? Number(m[3]) / 100 : 0;
  return (m[1] ? -1 : 1) * (whole + cents);
}

/** An amount as receipts print it: two decimals. */
export const formatAmount = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);

/**
 * Readings of a token that looks like an amount but is not one: letters for digits
 * ("So.00", "zq.00"), a dash or a stray space for the decimal point ("26-00"). Empty
 * when the token is no such thing. Readings are amounts as printed ("50.00").
 */
export function amountReadings(token: string): string[] {
  const m = /^(-?)([0-9A-Za-z|!$]{1,6})\s?[.,-]\s?([0-9OoDQ]{2})$/.exec(token.trim());
  if (!m) return [];
  const [, sign, whole, cents] = m;
  const digitsIn = (whole + cents).replace(/\D/g, '').length;
  // A word with two digits after a dot ("NO.12") is not an amount: most of it must be digits or lookalikes.
  if (digitsIn < 2 || [...whole].some((c) => !/\d/.test(c) && !LOOKALIKE[c])) return [];
  let readings = [''];
  for (const c of whole) {
    const options = /\d/.test(c) ? [c] : LOOKALIKE[c];
    readings = readings.flatMap((r) => options.map((d) => r + d)).slice(0, MAX_READINGS);
  }
  const tail = cents.replace(/[OoDQ]/g, '0');
  return readings.map((r) => `${sign}${r.replace(/^0+(?=\d)/, '')}.${tail}`);
}

/** An amount on a line, the printed one first; else the likeliest reading of a garbled last token. */
export function lineAmount(text: string): { value: string; readings: string[]; read?: string } | null {
  const clean = amounts(text.toUpperCase());
  if (clean.length) return { value: clean[clean.length - 1], readings: [clean[clean.length - 1]] };
  const tokens = text.trim().split(/\s+/);
  for (let k = tokens.length - 1; k >= Math.max(0, tokens.length - 2); k--) {
    const readings = amountReadings(tokens[k].replace(/^[:=]+/, ''));
    if (readings.length) return { value: readings[0], readings, read: tokens[k] };
  }
  return null;
}

/** Digits OCR confuses with each other on receipts' thermal print. */
const DIGIT_SWAPS: Record<string, string[]> = { '8': ['0'], '0': ['8'], '3': ['8'], '6': ['0', '5'], '5': ['6'], '1': ['7'], '7': ['1'] };
/** Digits OCR reads one for the other, both ways. */
const CONFUSED_DIGITS = new Set(Object.entries(DIGIT_SWAPS).flatMap(([a, bs]) => bs.flatMap((b) => [a + b, b + a])));

/** Whether two dates (or amounts) as printed differ in one digit, one OCR confuses with the other: 13/03 and 18/03. */
export function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let diff = '';
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff += a[i] + b[i];
  return diff.length === 2 && CONFUSED_DIGITS.has(diff);
}
const DATE_SHAPE = /(?<![\w/.-])([0-9A-Za-z]{1,2})([/.-])([0-9A-Za-z]{1,2})\2([0-9A-Za-z]{4}|[0-9A-Za-z]{2})(?![\w/-]|\.\d)/g;

function plausible(date: string): boolean {
  const found = findDate(date);
  if (found !== date) return false;
  const year = /(\d{4})$/.exec(date)?.[1];
  return !year || (Number(year) >= 1990 && Number(year) <= 2039);
}

/** Variants of `s` with up to `max` characters swapped for the digits they may stand for. */
function variants(s: string, max: number): string[][] {
  const levels: string[][] = [[s]];
  for (let n = 1; n <= max; n++) {
    const next = new Set<string>();
    for (const v of levels[n - 1]) {
      [...v].forEach((c, i) => {
        for (const d of DIGIT_SWAPS[c] ?? LOOKALIKE[c] ?? []) if (s[i] === c) next.add(v.slice(0, i) + d + v.slice(i + 1));
      });
    }
    levels.push([...next]);
  }
  return levels;
}

/**
 * A date the scan garbled, read back: "17/83/2817" → 17/03/2017. Only a date-shaped token
 * with at least four digits that is not already a date, mended with the fewest swaps
 * (two at most) into a valid date of 1990–2039.
 */
export function repairDate(text: string): { value: string; read: string } | null {
  for (const m of text.matchAll(DATE_SHAPE)) {
    const read = m[0];
    if ((read.match(/\d/g) ?? []).length < 4 || plausible(read)) continue;
    const levels = variants(read, 2);
    for (let n = 1; n < levels.length; n++) {
      const ok = levels[n].filter(plausible);
      // Two mendings of equal cost that disagree: the scan does not say which.
      if (ok.length === 1) return { value: ok[0], read };
      if (ok.length > 1) break;
    }
  }
  return null;
}

/**
 * A date one recogniser read with a letter or two in its digits ("2a/02/18"), its letters put
 * right from another recogniser's reading of the same row ("26182/18"): the stretch of `other`
 * as long as the token whose characters agree with all but at most two of its others, and holds
 * digits where it has letters. The line as read with the date put right, the date, and the token
 * as read; or null
 * where no stretch agrees so, two agree as well with different digits, or the result is no date.
 */
export function dateFromBoth(own: string, other: string): { text: string; value: string; read: string } | null {
  for (const m of own.matchAll(DATE_SHAPE)) {
    const read = m[0];
    const letters = [...read].flatMap((c, i) => (/[\p{L}]/u.test(c) ? [i] : []));
    const rest = read.length - letters.length;
    if (!letters.length || letters.length > 2 || (read.match(/\d/g) ?? []).length < 4) continue;
    let best = -1;
    const fills = new Set<string>();
    for (let k = 0; k + read.length <= other.length; k++) {
      const stretch = other.slice(k, k + read.length);
      if (letters.some((i) => !/\d/.test(stretch[i]!))) continue;
      const agree = [...read].filter((c, i) => !letters.includes(i) && c === stretch[i]).length;
      if (agree < rest - 2 || agree < best) continue;
      const fill = [...read].map((c, i) => (letters.includes(i) ? stretch[i] : c)).join('');
      if (agree > best) fills.clear();
      best = agree;
      fills.add(fill);
    }
    if (fills.size !== 1) continue;
    const value = [...fills][0]!;
    if (!plausible(value)) continue;
    return { text: own.slice(0, m.index) + value + own.slice((m.index ?? 0) + read.length), value, read };
  }
  return null;
}

/**
 * An amount as OCR spaced it, put back together: a space read beside its decimal point
 * ("100. 62", "RM8 .60", a leader's dots "23 ..50"), the point lost between a currency's amount and its cents at a line's
 * end ("RM8 60"), and RM read RH, RN or RY before a number ("RH 42.33").
 */
export function mendAmounts(text: string): string {
  return text
    // after RM, a digit read as a letter alike before the decimals: "RMS. 00" is RM5.00, "RMO.28" RM0.28
    .replace(/\bRM(\s?)(?=[0-9ODSIl]{0,4}[ODSIl])([0-9ODSIl]{1,5})(?=\s?[.,]\s?\d{2}(?![\d.,]))/g, (_m, gap: string, n: string) => `RM${gap}${n.replace(/[OD]/g, '0').replace(/S/g, '5').replace(/[Il]/g, '1')}`)
    .replace(/(\d)([.,])\s+(\d{2})(?![\d.,])/g, '$1$2$3')
    .replace(/(\d)\s+([.,])(\d{2})(?![\d.,])/g, '$1$2$3')
    // a dotted leader's dots read into the amount: "23 ..50"
    .replace(/(\d)\s*\.{2,3}(\d{2})(?![\d.,])/g, '$1.$2')
    .replace(/\bR[HNY](?=\s?-?\d)/g, 'RM')
    .replace(/\b(RM\s?\d{1,5})\s(\d{2})\s*$/i, '$1.$2');
}

/**
 * The labels of a receipt's sums as OCR misspells them, put right in an upper-cased line: TOTAL
 * with look-alikes or spaces in it ("T0TAL", "TOTA1", "TO TAL"), a word one character off TOTAL
 * ("[OTAL", "TATAL", "TOTAI"), PAYABLE and AMOUNT one letter off ("PAYABTE", "ANOUNT"), SUBTOTAL with
 * its B misread ("SURTOTAL"), ROUNDING with its R misread ("POUNDING", "KOUNDING").
 */
export function mendSumLabels(upper: string): string {
  return upper
    .replace(/\bT\s?[O0Q]\s?T\s?[A4R]\s?[L1I|]\b/g, 'TOTAL')
    .replace(/(?<![\p{L}\p{N}])[A-Z0-9[(|]{4,6}(?![\p{L}\p{N}])/gu, (t) => ((t.match(/[A-Z]/g)?.length ?? 0) >= 3 && oneApart(t, 'TOTAL') ? 'TOTAL' : t))
    // its L run into the amount beside it, which the spaces between were lost with: "Tota12.00"
    .replace(/\bTOTA(?=\d{1,6}[.,]\d{2}\b)/g, 'TOTAL ')
    // PAYABLE and AMOUNT one letter off after their first letters: "PAYABTE", "PAYA8LE", "ANOUNT", "AMOUNI"
    .replace(/(?<![\p{L}\p{N}])[A-Z0-9]{5,8}(?![\p{L}\p{N}])/gu, (t) => (/^PAY/.test(t) && oneApart(t, 'PAYABLE') ? 'PAYABLE' : /^A[A-Z]{4,6}$/.test(t) && oneApart(t, 'AMOUNT') ? 'AMOUNT' : t))
    .replace(/\bS[UV][BR8P]\s?(?=TOTAL\b)/g, 'SUB')
    .replace(/\b[PK]OU(\w{0,2}\s?DING)\b/g, 'ROU$1');
}

const mended = new WeakMap<readonly LineRec[], LineRec[]>();

/** The lines with their amounts and sum labels mended (mendAmounts, mendSumLabels), for the money fields; each in its place. */
export function moneyLines(lines: readonly LineRec[]): LineRec[] {
  let out = mended.get(lines);
  if (out) return out;
  out = lines.map((l) => {
    const text = mendAmounts(l.text);
    const upper = mendSumLabels(mendAmounts(l.upper));
    return text === l.text && upper === l.upper ? l : { ...l, text, upper, amount: undefined, label: undefined };
  });
  mended.set(lines, out);
  return out;
}
