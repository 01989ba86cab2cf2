// "What is the total?" on a receipt or invoice read by OCR. The labelled amounts are ranked
// (the final, rounded amount beats the subtotal), then checked against what else the
// receipt says: the rounding adjustment, cash less change, the amounts it repeats. A
// reading that the rest contradicts loses, and the answer says what the scan shows.
import type { LineRec } from './lines';
import { amountFor, best, isAmount, summaryStarts, type Candidate, type Found } from './values';
import { amountValue, formatAmount, lineAmount, mendAmounts, mendSumLabels, moneyLines } from './readings';
import { amounts } from './patterns';
import { findItems } from './items';

/** Totals that are not the amount to pay: subtotals and pre-tax sums in several languages. */
const NOT_TOTAL =
  /SUB[\s.-]*TOTAL|ZWISCHENSUMME|SOUS[\s.-]*TOTAL|TOTAL\s*H\.?T\b|\bNETTO\b|JUMLAH\s*(?:KECIL|CUKAI)|小计|小計|소계|TOTAL\s*(?:QTY|[QO0]T[UV4]\b|QUANTITY|ITEMS?|PCS|UNITS?|DISC\w*|SAVINGS?|TAX|GST|VAT|SST|TVA|IVA|MWST|WEIGHT|POINTS?|PAX|TENDER\w*|PAID|RECEIVED|ACCEPTED)|ACCEPTED\s*TOTAL|(?:TAX|GST|VAT|SST)\s*TOTAL|EXCL|BEFORE\s*(?:TAX|GST|VAT)|SUPPLIES(?!.*INC)|NO\.?\s*OF\b/;
/** The final amount: rounded, grand, net, payable, due (a speck read between its words: "Amt t Due"; "Due 7.50" alone on its line). */
const FINAL_TOTAL =
  /GRAND\s*TOTAL|GESAMTBETRAG|ENDBETRAG|ZU\s*ZAHLEN|TOTAL\s*T\.?T\.?C|NET\s*[AÀ]\s*PAYER|TOTAL\s*A\s*PAGAR|TE\s*BETALEN|JUMLAH\s*BESAR|TOTALE\s*COMPLESSIVO|总计|総計|お会計|결제\s*금액|ROUND\w*\W*\w?\W*TOTAL|TOTAL\s*ROUNDED|TOTAL\s*AFTER|NETT?\s*TOTAL|TOTAL\s*NETT?\b|PAYABLE|(?:AMOUNT|AMT|BALANCE|BAL|TOTAL)\s*(?:\S\s+)?DUE|^\W{0,2}DUE\b(?!\s*DATE)|TOTAL\s*TO\s*PAY/;
/** A total that says it includes tax, or names its amount. */
const FULL_TOTAL = /(?:TOTAL|GESAMT|SUMME).*\b(?:INC|INKL)|TOTAL\s*(?:AMOUNT|AMT|SALES|CHARGES?|PRICE)|INVOICE\s*TOTAL|TOTAL\s*\(?(?:RM|USD|EUR|GBP|\$|€|£)/;
const ANY_TOTAL =
  /\bTOTAL\b|(?:AMOUNT|AMT|BALANCE)\s*(?:\S\s+)?DUE|^\W{0,2}DUE\b(?!\s*DATE)|PAYABLE|\bTOTALE?\b|\bTOTAAL\b|\bGESAMT|\bSUMME\b|\bJUMLAH\b|\bIMPORTE\b|\bIMPORTO\b|\bMONTANT\b|ZU\s*ZAHLEN|TE\s*BETALEN|[AÀ]\s*PAYER|A\s*PAGAR|合计|合計|总计|総計|お会計|총액|합계|결제\s*금액/;
/**
 * Sales or an amount including the tax, which name no TOTAL ("Totd)/Sales (Inclusive of GST) :
 * 190.80", "AMT PAID INCL. GST : RM78.30", "Amount incl. VAT", "Betrag inkl. MwSt."): the total,
 * above a TOTAL line of something else the receipt counts ("TOTAL EV : 2.10", points).
 */
const SALES_WITH_TAX = /\b(?:SALES|AMOUNT|AMT|BETRAG)\b.*\bIN[CK]L\w*\W*(?:OF\s*)?(?:GST|VAT|SST|TAX|MWST|MW\.?\s?ST|UST)\b/;
/** A sentence of the tax a total includes ("TOTAL INCLUDES 6% GST 3.98", "GST @6% included in total RM 3.66", "(Total Included GST 6% : 0.42)"): its amount is the tax. */
const TAX_STATEMENT = /\bINCLUDE[SD]?\b.*\d\s*%|\d\s*%.*\bINCLUDED\b|\bINCLUDED\s*IN\s*(?:THE\s*)?TOTAL|^\W*TOTAL\s*INCLUDE[SD]\b/;
/** The word for the whole sum, which a total including tax names beside the tax. */
const TOTAL_WORD = /\bTOTALE?\b|\bGESAMT|\bSUMME\b|\bJUMLAH\b|\bIMPORTE\b|\bTOTAAL\b|合计|合計|총액|합계/;
/** A tax's own line ("GST PAYABLE: 1.76") is the tax, not the total, unless it says TOTAL. */
const TAX_WORD = /\b(?:GST|VAT|SST|HST|PST|TAX|MWST|MW\.?ST|UST|TVA|IVA|IGV|BTW|PPN|CUKAI)\b|税|부가세/;
/** The rounding adjustment's line, OCR-spelt too ("ROUR DING ADJUSTMENT"); not "TOTAL AFTER ROUNDING". */
const ROUNDING = /\bROU\w{0,2}\s?DING\b|\bROUND\w*\W*(?:ADJ\w*|OFF)\b|\bADJ\w*\W*ROUND/;
const CHARGES = /\b(?:GST|VAT|SST|HST|TAX)\b|SERVICE|SVC|CHARGE|DISC|TIP|DELIVERY|FEE/;
const isAdjustment = (u: string) => ROUNDING.test(u) && !/\bTOTAL\b/.test(u) && !roundedSum(u);
const CASH = /\b(?:CASH|TENDER\w*|PAID|RECEIVED|PAYMENT|ACCEPTED)\b/;
const CHANGE = /\bCHANGE\b|\bBAKI\b/;
/** A payment by card. */
const CARD = /\b(?:VISA|MASTER\s?CARD|MASTER|AMEX|CREDIT|DEBIT|CARD|EFTPOS|KARTE)\b/;
/** Lines whose amounts are not the bill's total, when looking for the largest one. */
const NOT_BILL = new RegExp(`${CASH.source}|${CHANGE.source}|${ROUNDING.source}|${TAX_WORD.source}|DISC|SAVING|POINT|SUB`);


/**
 * No rounding adjustment is this large: a rounding line that names no adjustment and prints as
 * much prints the rounded total ("Rounding RM 42.35"). ("Rounding Adjustment 7.00" is a column
 * of amounts shifted down a line: shiftedAmount.)
 */
const ROUNDED_SUM = 1;
const roundedSum = (u: string) => ROUNDING.test(u) && !/\bTOTAL\b|ADJ/.test(u) && amounts(u).some((a) => Math.abs(amountValue(a) ?? 0) >= ROUNDED_SUM);

/** A net amount ("Net Amt", "Nett Amount"): the bill's sum after its tax where the tax is printed above it; before the tax elsewhere. */
const NET_AMOUNT = /^\W*NETT?\s*(?:AMT|AMOUNT)\b/;
/** How many lines above a net amount its tax is looked for. */
const NET_AFTER_TAX = 4;

function totalScore(lines: LineRec[], i: number): number {
  const u = lines[i].upper;
  if (roundedSum(u)) return 5;
  // below the tax a net amount is what the bill comes to; a TOTAL of the page outranks it
  if (NET_AMOUNT.test(u) && !ANY_TOTAL.test(u)) {
    const above = lines.slice(Math.max(0, i - NET_AFTER_TAX), i).filter((l) => l.page === lines[i].page);
    return above.some((l) => TAX_WORD.test(l.upper) && !NOT_BILL_TAX.test(l.upper)) ? 2 : 0;
  }
  const sales = SALES_WITH_TAX.test(u);
  if ((!ANY_TOTAL.test(u) && !sales) || NOT_TOTAL.test(u) || isAdjustment(u) || TAX_STATEMENT.test(u)) return 0;
  if (TAX_WORD.test(u) && !TOTAL_WORD.test(u) && !sales) return 0;
  let score = FINAL_TOTAL.test(u) ? 5 : FULL_TOTAL.test(u) || sales ? 4 : 3;
  // a total printed just after the rounding line is the rounded one
  for (let j = Math.max(0, i - 3); j < i; j++) {
    if (lines[j].page === lines[i].page && /ROUND/.test(lines[j].upper)) score = Math.max(score, 5);
  }
  return score;
}

/** A tax line that is not the bill's tax: a registration number's, or the summary's heading. */
const NOT_BILL_TAX = /\b(?:REG\w*|ID|NO)\b|SUMMARY/;

/** The heads of an item table's columns, one of which is "Total": no total's line. */
const COLUMN_HEADS = /\b(?:PRICE|DESC\w*|ITEMS?|QTY|QUANTITY|U\/?P)\b/;
/** At most this many lines a page are read again for a total their first reading lost. */
export const LOST_TOTAL_LINES = 2;

/**
 * A line labelled as the bill's total whose reading holds no amount, or a garbled one ("Net
 * Total 25: J", "Total Sales (Inclusive GST) RA 280"): the scan lost the amount beside the label.
 */
export function lostItsTotal(text: string): boolean {
  const u = mendedUpper(text);
  return !amounts(u).length && !COLUMN_HEADS.test(u) && labelsTotal(u);
}

/** A reading of a total's line that holds both its label and an amount: what a lost total's second reading must give. */
export function holdsTotal(text: string): boolean {
  const u = mendedUpper(text);
  return amounts(u).length > 0 && labelsTotal(u);
}

/** A line's text as the sum rules read it: upper case, spaces squashed, its amounts and sum labels mended (as moneyLines mends LineRec.upper). */
const mendedUpper = (text: string) => mendSumLabels(mendAmounts(text.toUpperCase().replace(/\s+/g, ' ')));
/** Whether a line's label (mended, upper case) is the bill's total's, read alone. */
const labelsTotal = (u: string) => totalScore([{ upper: u } as LineRec], 0) > 0;

interface TotalCandidate extends Candidate {
  /** the garbled text the value was read from, when it was not printed as an amount */
  read?: string;
  readings: string[];
  /** a row of the tax summary ("TOTAL: 144.68 8.68"), not the bill's own total line */
  summary?: true;
}

/**
 * A page read column by column can shift amounts down a line: "Rounding Adjustment" /
 * "Total After Rounding 0.03" / "5.00". A total's amount the size of a rounding, under an
 * adjustment's label that shows none (or one no rounding is), belongs to that label; the
 * total's is the amount on the line after it.
 */
function shiftedAmount(lines: LineRec[], i: number): Found | null {
  const own = amounts(lines[i].upper);
  const value = own.length ? amountValue(own[own.length - 1]) : null;
  if (value === null || Math.abs(value) >= 0.1) return null;
  // the adjustment shows no amount, or one no rounding is (the column shifted past it too)
  const roundingSized = (l: LineRec) => amounts(l.upper).some((a) => Math.abs(amountValue(a) ?? 1) < 0.1);
  const above = lines.slice(Math.max(0, i - 2), i).some((l) => l.page === lines[i].page && isAdjustment(l.upper) && !roundingSized(l));
  const next = lines[i + 1];
  if (!above || !next || next.page !== lines[i].page || !isAmount(next)) return null;
  const shifted = amounts(next.upper);
  return shifted.length ? { value: shifted[shifted.length - 1], cite: [lines[i], next] } : null;
}

/** Every total-labelled line with its amount, printed or read back from a garbled token. */
function totalCandidates(lines: LineRec[]): TotalCandidate[] {
  const summary = summaryStarts(lines);
  const out: TotalCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    let score = totalScore(lines, i);
    if (score <= 0) continue;
    const inSummary = summary.has(i);
    if (inSummary) score -= 3;
    const found = shiftedAmount(lines, i) ?? amountFor(lines, i);
    // a total of nothing is no bill's: an amount of the line beside it (a rounding's 0.00)
    if (found && amountValue(found.value) === 0) continue;
    if (found) {
      out.push({ ...found, score, order: i, label: lines[i].text, readings: [found.value], ...(inSummary ? { summary: true } : {}) });
      continue;
    }
    const garbled = lineAmount(lines[i].text);
    if (garbled?.read) out.push({ value: garbled.value, cite: [lines[i]], score: score - 0.5, order: i, label: lines[i].text, read: garbled.read, readings: garbled.readings });
  }
  return out;
}

/** The amount of the first line after `from` (within `span` lines, same page) that `test` picks. */
function amountAfter(lines: LineRec[], from: number, span: number, test: (upper: string) => boolean): { line: LineRec; value: number; text: string; cite: LineRec[] } | null {
  for (let j = from + 1; j <= from + span && j < lines.length && lines[j].page === lines[from].page; j++) {
    if (!test(lines[j].upper)) continue;
    const found = amountFor(lines, j) ?? (lineAmount(lines[j].text) ? { value: lineAmount(lines[j].text)!.value, cite: [lines[j]] } : null);
    const value = found ? amountValue(found.value) : null;
    // cite: the label's line and, in a column of amounts, the line that prints it
    if (found && value !== null) return { line: lines[j], value, text: found.value, cite: found.cite };
  }
  return null;
}

/** What was paid, how it was worked out (`text`), and whether it is a payment with no change printed. */
interface Payment {
  value: number;
  cite: LineRec[];
  text: string;
  exact?: boolean;
}

/**
 * Cash handed over less the change given: what was paid, when the receipt shows both. A
 * payment on a page that mentions no change at all (a card, or cash handed over exact) is
 * what was paid as it stands.
 */
function cashLessChange(lines: LineRec[], page: number): Payment | null {
  let exact: Payment | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].page !== page || !CASH.test(lines[i].upper) || CHANGE.test(lines[i].upper)) continue;
    const cashFound = amountFor(lines, i) ?? lineAmount(lines[i].text);
    // (a payment printed as taken off the balance: "Payment -20.00")
    const read = cashFound ? amountValue(cashFound.value) : null;
    const cash = read === null ? null : Math.abs(read);
    const change = amountAfter(lines, i, 3, (u) => CHANGE.test(u));
    // each with the line that prints its amount, where a column of amounts holds it apart
    // (that line is no other witness of the amount: support() leaves out the evidence's own lines)
    const cashCite = cashFound && 'cite' in cashFound ? cashFound.cite : [lines[i]];
    if (cash !== null && cash > 0 && !exact) exact = { value: cash, cite: cashCite, text: `the payment ${quote(cashCite)} (no change given)`, exact: true };
    if (cash === null || !change || change.value < 0 || change.value >= cash) continue;
    return { value: cash - change.value, cite: [...new Set([...cashCite, ...change.cite])], text: `cash ${formatAmount(cash)} less change ${formatAmount(change.value)}` };
  }
  return exact && !lines.some((l) => l.page === page && CHANGE.test(l.upper)) ? exact : null;
}

/** How many lines other than `except` print this amount: a total is often repeated (items, cash). */
function support(lines: LineRec[], page: number, value: number, except: Set<LineRec>): number {
  let n = 0;
  for (const l of lines) {
    if (l.page !== page || except.has(l)) continue;
    if (amounts(l.upper).some((a) => Math.abs((amountValue(a) ?? NaN) - value) < 0.005)) n++;
  }
  return n;
}

export interface TotalAnswer extends Found {
  label?: string;
  /** a sentence on how the value was read, when it is not simply printed beside its label */
  note?: string;
}

/** An amount to the cent: sums of readings carry floating-point dust. */
const toCents = (n: number) => Math.round(n * 100) / 100;
const same = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) < 0.005;
const quote = (ls: LineRec[]) => `"${ls.map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim()}"`;

/**
 * The total to pay, checked against the rounding, cash less change and repeated amounts; read
 * off the lines with their amounts and sum labels as OCR misspaced and misspelt them mended
 * (moneyLines: T0TAL, "[otal", "RM8 .60").
 */
export function findTotal(read: LineRec[]): TotalAnswer | null {
  const lines = moneyLines(read);
  const candidates = totalCandidates(lines);
  const top = best(candidates) as TotalCandidate | null;
  if (!top) return totalWithoutAmount(lines) ?? subtotalDue(lines) ?? totalWithoutLabel(lines);
  const page = top.cite[0].page;
  const paid = cashLessChange(lines, page);
  if (top.summary && top.score <= 0) {
    const summed = taxSummaryTotal(lines, top, paid);
    if (summed) return summed;
  }
  if (top.read) return garbledTotal(top, paid);
  const earlier = candidates.filter((c) => c.order < top.order && c.score < top.score && !c.read && c.cite[0].page === page);
  const pre = earlier[earlier.length - 1];
  if (pre) return checkedRoundedTotal(lines, pre, top, paid) ?? crossChecked(lines, top, candidates, paid) ?? plain(top);
  const later = candidates.filter((c) => c.order > top.order && c.cite[0].page === page);
  return withTrailingAdjustment(lines, top, later, paid) ?? crossChecked(lines, top, candidates, paid) ?? plain(top);
}

type Paid = ReturnType<typeof cashLessChange>;

/**
 * The values a line's amount may have: the printed amount, else the readings of a garbled one,
 * else the amount whose decimal point the scan lost ("900" → 9.00, "37 50" → 37.50).
 */
function moneyReadings(text: string): number[] {
  const found = lineAmount(text);
  if (found) return found.readings.map(amountValue).filter((v): v is number => v !== null);
  const split = /(?:^|\s)(\d{1,5})\s(\d{2})\s*\W?$/.exec(text);
  if (split) return [Number(`${split[1]}.${split[2]}`)];
  const lost = /(?:^|[\s:])(\d{3,7})\s*\W?$/.exec(text);
  return lost ? [Number(lost[1]) / 100] : [];
}

/** Subtotal labels: the sum of the items before tax, in several languages. */
export const SUBTOTAL = /SUB[\s.-]*TOTAL|ZWISCHENSUMME|SOUS[\s.-]*TOTAL|TOTAL\s*H\.?T\b|\bNETTO\b|JUMLAH\s*KECIL|SUBTOTALE|小计|小計|소계/;
/** Sums before tax, whose parts (tax, discount, rounding) follow them down to the total. */
const BEFORE_TAX = new RegExp(`${SUBTOTAL.source}|EXCL|BEFORE\\s*(?:TAX|GST|VAT|SST)`);
const DISCOUNT = /DISC|DISKAUN|RABATT|REMISE|DESCUENTO|SCONTO/;
/** At most this many readings of a sum are tried (each line may have a few). */
const MAX_SUMS = 64;

/** The line of the sum before tax nearest above the total, within a few lines; -1 when none. */
function beforeTaxLine(lines: LineRec[], top: TotalCandidate): number {
  const page = top.cite[0].page;
  for (let i = top.order - 1; i >= Math.max(0, top.order - 8) && lines[i].page === page; i--) if (BEFORE_TAX.test(lines[i].upper)) return i;
  return -1;
}

/**
 * What the bill adds up to from the sum on line `from` (its readings: `base`) down to the
 * total: its tax and charges, less its discounts, with the rounding. Every line between that
 * prints an amount must be one of these, or nothing is claimed.
 */
function sumOfParts(lines: LineRec[], from: number, base: number[], top: TotalCandidate): { values: number[]; cite: LineRec[] } | null {
  let sums = base;
  const cite = [lines[from]];
  for (let i = from + 1; i < top.order; i++) {
    const u = lines[i].upper;
    const readings = moneyReadings(lines[i].text);
    if (!readings.length) continue;
    if (!(TAX_WORD.test(u) || CHARGES.test(u) || isAdjustment(u) || DISCOUNT.test(u))) return null;
    // a rounding or a discount may be printed without its sign: either way is a reading
    const options = isAdjustment(u) ? readings.flatMap((r) => [r, -r]) : DISCOUNT.test(u) ? readings.map((r) => -Math.abs(r)) : readings;
    sums = sums.flatMap((s) => options.map((o) => s + o)).slice(0, MAX_SUMS);
    cite.push(lines[i]);
  }
  return sums.length ? { values: sums, cite } : null;
}

/**
 * A clean total the rest of the receipt contradicts: the digits of the total line were
 * misread ("30.75" for 39.75). Cash less change, what the bill's parts add up to, and the
 * total before rounding with its adjustment are each evidence of the amount paid; when the
 * total read agrees with none of them and two agree with each other on another amount (or one
 * does, and that amount is printed elsewhere on the page more often than the one read), that
 * amount is given, with a note. Null keeps the total read.
 */
function crossChecked(lines: LineRec[], top: TotalCandidate, candidates: TotalCandidate[], paid: Paid): TotalAnswer | null {
  const read = amountValue(top.value);
  if (read === null) return null;
  const page = top.cite[0].page;
  const evidence: Evidence[] = [];
  if (paid) evidence.push({ values: [paid.value], cite: paid.cite, text: `${paid.text} is`, exact: paid.exact });
  // the sum before tax with what follows it; a total above this one (before rounding, or
  // one the scan garbled: "Total 900") with what follows it
  const sub = beforeTaxLine(lines, top);
  let pre = -1;
  for (let i = top.order - 1; i > Math.max(sub, top.order - 5) && lines[i].page === page; i--) {
    if (totalScore(lines, i) > 0) {
      pre = i;
      break;
    }
  }
  const starts: { from: number; base: number[] }[] = [];
  if (sub >= 0) starts.push({ from: sub, base: moneyReadings(lines[sub].text) });
  if (pre >= 0) {
    const known = candidates.find((c) => c.order === pre)?.readings.map(amountValue) ?? [];
    starts.push({ from: pre, base: [...new Set([...known, ...moneyReadings(lines[pre].text)])].filter((v): v is number => v !== null) });
  }
  for (const { from, base } of starts) {
    const parts = base.length ? sumOfParts(lines, from, base, top) : null;
    // a sum with nothing added is only another total, which the ranking already weighed
    if (parts && parts.cite.length > 1) evidence.push({ values: parts.values, cite: parts.cite, text: `${quote(parts.cite)} adds up to` });
  }
  const items = itemsSum(lines, top, read, sub);
  if (items) evidence.push(items);
  if (!evidence.length || evidence.some((e) => e.values.some((v) => same(v, read)))) return null;
  const below = belowItsParts(lines, top, sub, read);
  if (below) return below;
  for (const [k, e] of evidence.entries()) {
    const sums = [...new Set(e.values.map(toCents))];
    // the items' sums one look-alike digit off the total read: evidence only when one is
    const lookAlikes = e.lookAlike ? sums.filter((x) => oneDigitMisread(x, read)) : [];
    for (const v of sums) {
      if (v <= 0) continue;
      const others = evidence.filter((o, j) => j !== k && o.values.some((x) => same(x, v)));
      // the lines that gave this amount, or the total read, are not support for it; the lines
      // of evidence for another amount are (a subtotal printed as what was paid, though a
      // discount under it was misread)
      const mine = new Set([...top.cite, ...e.cite]);
      // a payment with no change printed is backed by the bill's lines, not by other payment lines
      if (e.exact) for (const l of lines) if (l.page === page && (CASH.test(l.upper) || CHANGE.test(l.upper))) mine.add(l);
      // or the items add up to the amount read but for one digit OCR confuses ("137.56" for
      // 137.50): a sum of several amounts read apart lands there by chance far less often than
      // a digit is misread (one line against another, either may be the misread one)
      // or what was paid (cash less change) is what another total line of the page prints
      // ("Total Sales Inclusive GST 14.90" above a "Final Total" misread 14.20, paid 20.00 less 5.10)
      // (evidence other than the payment, agreeing with it, has it among `others` already)
      const paidAsTotal = paid && !paid.exact && same(v, paid.value) && candidates.some((c) => c !== top && c.cite[0].page === page && amounts(c.cite[0].upper).some((a) => same(amountValue(a), v)));
      const agreed = others.length > 0 || support(lines, page, v, mine) > support(lines, page, read, mine) || (lookAlikes.length === 1 && lookAlikes[0] === v) || paidAsTotal;
      if (!agreed) continue;
      const said = [e, ...others].map((x) => `${x.text} ${formatAmount(v)}`).join('; ');
      return {
        value: formatAmount(v),
        cite: [...new Set([...top.cite, ...e.cite, ...others.flatMap((o) => o.cite)])],
        label: top.label,
        note: `The total line reads ${quote(top.cite)}, but ${said}, so the total line is probably misread.`,
      };
    }
  }
  return null;
}

/** A total under this share of the subtotal has lost a digit ("2.05" for 22.25); nearer it, a digit of either may be misread (62.00 under "SUB-TOTAL 62.80"). */
const BELOW = 0.5;

/** The rounding step of cash rounding where a receipt prints a rounding line but its amount was not read (Malaysia, Australia, Switzerland, Canada…). */
const CASH_STEP = 0.05;

/**
 * A total read as less than half the sum before tax above it (line `sub`), with no discount,
 * negative amount or other sum between: no bill comes to less than its subtotal, so the total
 * line lost a digit ("2.05" for 22.25), unless the page prints that amount again. The subtotal with the tax and charges between
 * is the total; where a rounding line's amount was not read, rounded to the cash step. Null where
 * that sum is not one amount.
 */
function belowItsParts(lines: LineRec[], top: TotalCandidate, sub: number, read: number): TotalAnswer | null {
  if (sub < 0) return null;
  const base = moneyReadings(lines[sub].text);
  if (!base.length || read >= BELOW * Math.min(...base)) return null;
  const between = lines.slice(sub + 1, top.order).map((l) => ({ upper: l.upper, readings: moneyReadings(l.text) }));
  // a discount, an amount taken off, or another sum between may take the total below
  if (between.some((l) => DISCOUNT.test(l.upper) || /\bTOTAL\b/.test(l.upper) || l.readings.some((v) => v < 0))) return null;
  if (support(lines, top.cite[0].page, read, new Set(top.cite)) > 0) return null;
  const parts = sumOfParts(lines, sub, base, top);
  if (!parts) return null;
  const unread = between.some((l) => isAdjustment(l.upper) && !l.readings.length);
  const sums = [...new Set(parts.values.map((v) => (unread ? Math.round(v / CASH_STEP) * CASH_STEP : v)).map(toCents))];
  if (sums.length !== 1 || sums[0]! <= read) return null;
  const value = sums[0]!;
  return {
    value: formatAmount(value),
    cite: [...new Set([...top.cite, ...parts.cite])],
    label: top.label,
    note: `The total line reads ${quote(top.cite)}, less than the sum before tax, but ${quote(parts.cite)} adds up to ${formatAmount(value)}${unread ? ` (rounded to the nearest ${formatAmount(CASH_STEP)}, the rounding's amount not read)` : ''}, so the total line is probably misread.`,
  };
}

/** What else a receipt says the total is; `lookAlike`: a sum of items, which a one-digit misread of the total may be told by. */
type Evidence = Omit<Payment, 'value'> & { values: number[]; lookAlike?: boolean };

/**
 * The line items above the total, added up with the tax, charges, discounts and rounding
 * printed between them and the total: evidence of the total when at least two items are read
 * (or one, with a tax or charge added to it) and nothing else between them and the total prints
 * an amount (a subtotal gives its own).
 * None when an item whose quantity × unit price is not its amount would, at that product,
 * make the total `read`: then the item's amount is the misread one.
 */
function itemsSum(lines: LineRec[], top: TotalCandidate, read: number, sub: number): Evidence | null {
  const page = top.cite[0].page;
  let start = top.order;
  while (start > 0 && lines[start - 1].page === page) start--;
  // (the items end at the sum before tax, line `sub`, where one is printed: what follows it is no item)
  const items = findItems(lines, start, sub >= 0 ? sub : top.order);
  if (!items.length) return null;
  const last = items[items.length - 1].lines;
  const sum = toCents(items.reduce((n, i) => n + i.amount, 0));
  const parts = sumOfParts(lines, last[last.length - 1].order, [sum], top);
  // (one item alone only with the tax or charges added to it: "FISHBALL NOODLE 7.00 / GST 6% 0.42 / ROUNDING ADJ -0.02")
  if (!parts || (items.length < 2 && parts.cite.length < 2)) return null;
  const added = parts.values.map((v) => v - sum);
  for (const i of items) {
    if (i.consistent || i.quantity === undefined || i.unit_price === undefined) continue;
    const other = toCents(sum - i.amount + i.quantity * i.unit_price);
    if (added.some((a) => same(other + a, read))) return null;
  }
  return { values: parts.values, cite: [...items.flatMap((i) => i.lines), ...parts.cite.slice(1)], text: `the ${items.length} items${parts.cite.length > 1 ? ' with what follows them' : ''} add up to`, lookAlike: true };
}

/** Digits OCR reads for one another: the round ones, and pairs one stroke tells apart. */
const LOOK_ALIKE = new Set(['06', '08', '09', '68', '69', '89', '38', '56', '58', '17']);

/** Two amounts printed alike but for one digit, of a pair OCR confuses: "137.56" and 137.50. */
export function oneDigitMisread(a: number, b: number): boolean {
  const [x, y] = [a.toFixed(2), b.toFixed(2)];
  if (x.length !== y.length) return false;
  const differ = [...x].map((c, i) => [c, y[i]!].sort().join('')).filter((pair) => pair[0] !== pair[1]);
  return differ.length === 1 && LOOK_ALIKE.has(differ[0]!);
}

const plain = (c: TotalCandidate): TotalAnswer => ({ value: c.value, cite: c.cite, label: c.label });

/** A total the scan garbled ("zq.00"): the reading that cash less change agrees with, if any. */
function garbledTotal(top: TotalCandidate, paid: Paid): TotalAnswer {
  if (!paid) return { ...plain(top), note: `The total line reads "${top.read}", so this amount is uncertain.` };
  const agreed = top.readings.find((r) => same(amountValue(r), paid.value));
  const sum = `${paid.text} is ${formatAmount(paid.value)}`;
  if (agreed) return { value: agreed, cite: [...top.cite, ...paid.cite], label: top.label, note: `The total line reads "${top.read}"; ${sum}.` };
  // a payment with no change printed may be cash whose change line the scan lost: it confirms, never replaces
  if (paid.exact) return { ...plain(top), note: `The total line reads "${top.read}", so this amount is uncertain.` };
  return { value: formatAmount(paid.value), cite: paid.cite, label: top.label, note: `The total line reads "${top.read}", which is not a clear amount; ${sum}.` };
}

/**
 * A rounded total must be the total before it plus the rounding adjustment. When they
 * disagree one was misread, and the receipt's other amounts decide which; null keeps `top`.
 */
function checkedRoundedTotal(lines: LineRec[], pre: TotalCandidate, top: TotalCandidate, paid: Paid): TotalAnswer | null {
  const [preValue, topValue] = [amountValue(pre.value), amountValue(top.value)];
  if (preValue === null || topValue === null) return null;
  const adj = amountAfter(lines, pre.order, top.order - pre.order - 1, isAdjustment);
  // Only a rounded total is the sum plus its rounding; tax or charges in between make another sum.
  if (!adj && !/ROUND/.test(top.cite[0].upper)) return null;
  if (lines.slice(pre.order + 1, top.order).some((l) => CHARGES.test(l.upper) && !isAdjustment(l.upper) && amounts(l.upper).length > 0)) return null;
  const expected = preValue + (adj?.value ?? 0);
  // Without the adjustment read, a rounded total may differ from the sum by the rounding step.
  if (Math.abs(expected - topValue) <= (adj ? 0.005 : 0.05)) return null;
  const mine = new Set([...pre.cite, ...top.cite, ...(adj ? adj.cite : [])]);
  const page = top.cite[0].page;
  // what was paid (cash less change) confirms the rounded total read, whatever the sign of its adjustment
  if (paid && same(paid.value, topValue)) return null;
  if (support(lines, page, expected, mine) <= support(lines, page, topValue, mine)) return null;
  return {
    value: formatAmount(expected),
    cite: [...pre.cite, ...(adj ? [adj.line] : [])],
    label: pre.label,
    note: `The line ${quote(top.cite)} disagrees with it${adj ? ` and the rounding adjustment of ${adj.text}` : ''}, and is probably misread.`,
  };
}

/** "TOTAL 31.02" then "ROUNDING ADJ -0.02" and no rounded total read: the rounded amount is paid. */
function withTrailingAdjustment(lines: LineRec[], top: TotalCandidate, later: TotalCandidate[], paid: Paid): TotalAnswer | null {
  const topValue = amountValue(top.value);
  const adj = amountAfter(lines, top.order, 4, isAdjustment);
  if (topValue === null || !adj || adj.value === 0) return null;
  // the adjustment's label, then the rounded total in its column ("ROUNDING ADJ." / "60.30"
  // under "TOTAL AMT. RM 60.31"): no rounding is as large, and the amount is the total rounded
  if (Math.abs(adj.value) >= ROUNDED_SUM && Math.abs(adj.value - topValue) < 0.1 && !same(adj.value, topValue)) {
    if (later.some((c) => c.order > adj.line.order) || (paid && !paid.exact && same(paid.value, topValue))) return null;
    return { value: formatAmount(adj.value), cite: [...top.cite, ...adj.cite], label: top.label, note: `That is ${top.value} rounded: the rounding line reads ${quote(adj.cite)}.` };
  }
  if (Math.abs(adj.value) >= 0.1) return null;
  // a total after the adjustment is the rounded one, read: unless it is this one rounded (a summary's)
  if (later.some((c) => c.order > adj.line.order && !same(amountValue(c.value), toCents(topValue + adj.value)))) return null;
  // cash less change says the total read is what was paid: it is the rounded amount already
  // (a bill's total including tax, printed after its rounding was worked out)
  if (paid && !paid.exact && same(paid.value, topValue)) return null;
  return {
    value: formatAmount(topValue + adj.value),
    cite: [...top.cite, adj.line],
    label: top.label,
    note: `That is ${top.value} with the rounding adjustment of ${adj.text}.`,
  };
}

/**
 * A total label whose amount the scan lost: its digits read without their decimal point where
 * the page prints that amount again (or cash less change is it), else cash less change, else the
 * largest amount billed.
 */
function totalWithoutAmount(lines: LineRec[]): TotalAnswer | null {
  const i = lines.findIndex((_, k) => totalScore(lines, k) > 0);
  if (i < 0) return null;
  const label = lines[i];
  const paid = cashLessChange(lines, label.page);
  // its amount with the decimal point lost ("Total Sales: 3045"), where the page says it again
  const lostPoint = moneyReadings(label.text).find((v) => v > 0 && (same(paid?.value ?? null, v) || support(lines, label.page, v, new Set([label])) > 0));
  if (lostPoint !== undefined) {
    const again = paid && same(paid.value, lostPoint) ? `${paid.text} is ${formatAmount(lostPoint)}` : `${formatAmount(lostPoint)} is printed again on the page`;
    return { value: formatAmount(lostPoint), cite: [label], note: `The total line reads ${quote([label])}, its amount's decimal point not read; ${again}.` };
  }
  if (paid && !paid.exact) return { value: formatAmount(paid.value), cite: paid.cite, note: `No amount could be read beside ${quote([label])}; ${paid.text} is ${formatAmount(paid.value)}.` };
  const taxed = summaryRowTotal(lines, label.page);
  if (taxed) return { value: formatAmount(taxed.value), cite: [label, taxed.line], note: `No amount could be read beside ${quote([label])}; the tax summary ${quote([taxed.line])} is ${taxed.text}.` };
  let top: { line: LineRec; value: string; n: number } | null = null;
  for (const l of lines) {
    // (nor a line of a rate: a tax summary's row ends with its tax)
    if (l.page !== label.page || NOT_BILL.test(l.upper) || /\d\s*%/.test(l.upper)) continue;
    // an amount billed ends its line (a tax code may follow it); one followed by words is
    // something else read as money (a postcode before its town: "£1100 JOHOR BAHRU")
    for (const a of amounts(l.upper).filter((x) => /^\s*(?:[A-Z]{1,2}\b)?\W*$/.test(l.upper.slice(l.upper.lastIndexOf(x) + x.length)))) {
      const n = amountValue(a);
      if (n !== null && n > 0 && (!top || n > top.n)) top = { line: l, value: a, n };
    }
  }
  if (!top) return null;
  return {
    value: top.value,
    cite: [label, top.line],
    note: `No amount could be read beside ${quote([label])}; ${top.value} is the largest amount billed on the page, so it is probably the total.`,
  };
}

/** A tax is at most this share of the amount it is levied on. */
const MOST_TAX = 0.25;

/**
 * The bill's total line lost, the tax summary's total row read instead ("TOTAL: 144.68 8.68"):
 * its two amounts are the amount taxed and the tax, and the bill is their sum with the rounding
 * printed above the summary (its sign, where not printed, the one cash less change agrees with,
 * else the one that rounds to five cents; its amount, where not read, what rounds the sum to the
 * cash step).
 */
function taxSummaryTotal(lines: LineRec[], top: TotalCandidate, paid: Paid): TotalAnswer | null {
  const row = top.cite[top.cite.length - 1]!;
  const both = amounts(row.upper).map(amountValue);
  if (both.length !== 2 || both.some((v) => v === null)) return null;
  const [base, tax] = both as number[];
  if (!(base! > 0 && tax! > 0 && tax! <= MOST_TAX * base!)) return null;
  const sum = toCents(base! + tax!);
  let rounding: { value: number; line: LineRec } | null = null;
  for (let j = top.order - 1; j >= 0 && lines[j].page === row.page; j--) {
    if (!isAdjustment(lines[j].upper)) continue;
    const found = amountFor(lines, j);
    const r = found ? amountValue(found.value) : null;
    // (a rounding line whose amount was not read: the sum rounded to the cash step)
    rounding = { value: r !== null && Math.abs(r) < 0.1 ? r : toCents(Math.round(sum / CASH_STEP) * CASH_STEP - sum), line: lines[j] };
    break;
  }
  const options = rounding ? (rounding.value < 0 || /-\s*\d/.test(rounding.line.text) ? [rounding.value] : [rounding.value, -rounding.value]) : [0];
  const fives = (v: number) => Math.round(v * 100) % 5 === 0;
  const totals = options.map((r) => toCents(sum + r));
  const value = totals.find((v) => same(v, paid?.value ?? null)) ?? totals.find((v) => !rounding || fives(v));
  if (value === undefined) return null;
  const adjusted = rounding && !same(value, sum) ? ` and the rounding of ${formatAmount(toCents(value - sum))}` : '';
  return {
    value: formatAmount(value),
    cite: [row, ...(rounding ? [rounding.line] : [])],
    label: top.label,
    note: `No line of the receipt reads as its total; the tax summary ${quote([row])} gives ${formatAmount(base!)} and its tax of ${formatAmount(tax!)}${adjusted}: ${formatAmount(value)}.`,
  };
}

/**
 * The page's one tax summary row that names its rate and prints the amount taxed and the tax,
 * the tax that rate of the amount ("SR=6.00% 7.55 0.45"): the bill is their sum. Null where
 * no row, or more than one with tax, says so.
 */
function summaryRowTotal(lines: LineRec[], page: number): { value: number; line: LineRec; text: string } | null {
  const rows: { value: number; line: LineRec; text: string }[] = [];
  for (const l of lines) {
    if (l.page !== page) continue;
    const rate = /(\d{1,2}(?:[.,]\d{1,2})?)\s*%/.exec(l.upper);
    if (!rate) continue;
    const after = amounts(l.upper.slice(rate.index + rate[0].length)).map(amountValue);
    if (after.length !== 2 || after.some((v) => v === null)) continue;
    const [base, tax] = after as number[];
    const r = Number(rate[1]!.replace(',', '.')) / 100;
    if (!(r > 0) || tax! <= 0 || Math.abs(base! * r - tax!) > 0.015) continue;
    rows.push({ value: toCents(base! + tax!), line: l, text: `${formatAmount(base!)} with its tax of ${formatAmount(tax!)}, ${formatAmount(base! + tax!)}` });
  }
  return rows.length === 1 ? rows[0]! : null;
}

/**
 * No line reads as a total, and the bill's last sum is its subtotal: "SERV. CHG. 10% / GST 6% /
 * SUBTOTAL RM96.20 / CASH / YOUR CHANGE". Nothing is added to it before it is paid, so it is what
 * was due. Not where more was paid (cash less change): a total line, tax added, was lost.
 */
function subtotalDue(lines: LineRec[]): TotalAnswer | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (!SUBTOTAL.test(l.upper)) continue;
    const own = amounts(l.upper);
    const value = own.length ? amountValue(own[own.length - 1]) : null;
    if (value === null || value <= 0) return null;
    // after it, only the payment's lines print amounts: cash handed over, change, a card
    const after = lines.slice(i + 1).filter((x) => x.page === l.page && amounts(x.upper).length);
    if (after.some((x) => !CASH.test(x.upper) && !CHANGE.test(x.upper) && !CARD.test(x.upper))) return null;
    // (cash less change below it is a misread: no one pays less than is due)
    const paid = cashLessChange(lines, l.page);
    if (paid && !paid.exact && paid.value > value + 0.005) return null;
    return { value: formatAmount(value), cite: [l, ...(paid && same(paid.value, value) ? paid.cite : [])], note: `No line of the receipt reads as its total; its subtotal ${quote([l])} is its last sum, paid as it stands, so it is probably the total.` };
  }
  return null;
}

/**
 * No line reads as a total (its label misread past knowing: "TORBEN: RM 73.00", "Tozsl RM
 * 12.37"): the one amount billed that cash less change comes to, to the cash rounding; else the
 * largest amount billed on a page, where it is printed on two lines or more (a total is
 * repeated: under the subtotal, beside the cash) and the page's lines print no larger one but
 * cash handed over.
 */
function totalWithoutLabel(lines: LineRec[]): TotalAnswer | null {
  const pages = [...new Set(lines.map((l) => l.page))];
  for (const page of pages) {
    const billed = new Map<number, { value: string; lines: LineRec[] }>();
    for (const l of lines) {
      if (l.page !== page || CASH.test(l.upper) || CHANGE.test(l.upper)) continue;
      for (const a of amounts(l.upper)) {
        const n = amountValue(a);
        if (n === null || n <= 0) continue;
        const key = toCents(n);
        const at = billed.get(key) ?? { value: a, lines: [] };
        if (!at.lines.includes(l)) at.lines.push(l);
        billed.set(key, at);
      }
    }
    // what was paid (cash less change) is the one amount billed, to the cash rounding
    const paidFor = cashLessChange(lines, page);
    const near = paidFor && !paidFor.exact ? [...billed.keys()].filter((v) => Math.abs(v - paidFor.value) <= CASH_STEP / 2 + 0.001) : [];
    if (paidFor && near.length === 1) {
      const at = billed.get(near[0]!)!;
      return {
        value: formatAmount(near[0]!),
        cite: [...at.lines, ...paidFor.cite],
        note: `No line of the receipt reads as its total; ${quote(at.lines)} is the one amount billed that ${paidFor.text} comes to${same(near[0]!, paidFor.value) ? '' : ', rounded to the nearest ' + formatAmount(CASH_STEP)}, so it is probably the total.`,
      };
    }
    const largest = Math.max(...billed.keys());
    const top = billed.get(largest);
    if (!top) continue;
    // printed once, it is the total where what was paid is as much (cash handed over exact)
    const paid = top.lines.length < 2 ? paidFor : null;
    if (paid && same(paid.value, largest)) return { value: formatAmount(largest), cite: [...top.lines, ...paid.cite], note: `No line of the receipt reads as its total; ${formatAmount(largest)}, the largest amount billed, is ${paid.text}, so it is probably the total.` };
    if (top.lines.length < 2) continue;
    return { value: formatAmount(largest), cite: top.lines, note: `No line of the receipt reads as its total; ${formatAmount(largest)}, the largest amount billed, is printed on ${top.lines.length} lines, so it is probably the total.` };
  }
  return null;
}
