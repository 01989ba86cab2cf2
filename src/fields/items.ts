// The line items of a receipt or invoice: the lines above its sums that name something and
// end with an amount ("Latte 2 x 3.50 7.00"), or a name on one line and its numbers on the
// next. Quantity and unit price are read where printed and checked against the amount.
import type { LineRec } from './lines';
import { amounts, findDate, findPhones, findTime } from './patterns';
import { amountValue } from './readings';

export interface ItemRead {
  description: string;
  quantity?: number;
  unit_price?: number;
  amount: number;
  lines: LineRec[];
  /** false when quantity × unit price is not the amount */
  consistent: boolean;
}

/** Lines that are sums, payments or notes, not things bought (many languages). */
const NOT_ITEM =
  /TOTAL|SUMME|GESAMT|JUMLAH|IMPORTE|MONTANT|BETRAG|\b(?:GST|VAT|SST|HST|PST|TAX|MWST|MW\.?ST|UST|TVA|IVA|BTW|PPN|CUKAI)\b|CASH|CHANGE|TENDER|BALANCE|ROUND|PAYMENT|PAID|VISA|MASTER|CARD|KARTE|BAR\b|RÜCKGELD|DUE|PAYABLE|DEPOSIT|SAVING|POINTS?\b|合计|合計|小计|小計|税|총액|합계|소계|현금|카드|\bQTY\b.*\bPRICE\b|\bITEM\b.*\bAMOUNT\b/;

const QTY_TIMES = /(?:^|\s)(\d+(?:[.,]\d+)?)\s*(?:[X×*@]|PCS?|EA|UNITS?)(?=\s|\d|$)/i;
const TAX_CODE = /\s+(?:S|SR|Z|ZR|T|X|E|A|B|N)\s*$/i;

const hasName = (text: string) => /\p{L}{2}/u.test(text.replace(/\b(?:PCS?|EA|UNITS?|X)\b/gi, ''));
const onlyNumbers = (text: string) => !/\p{L}{2}/u.test(text.replace(/\b(?:PCS?|EA|UNITS?|X|RM|EUR|USD)\b/gi, '')) && amounts(text.toUpperCase()).length > 0;

/** Reads one item from its text (one line, or a name line and a numbers line joined). */
function readItem(text: string, lines: LineRec[]): ItemRead | null {
  const upper = text.toUpperCase();
  const found = amounts(upper);
  if (!found.length) return null;
  const amount = amountValue(found[found.length - 1]);
  if (amount === null) return null;
  let rest = text;
  for (const a of found) rest = rest.replace(new RegExp(`${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'), ' ');
  let quantity: number | undefined;
  const times = QTY_TIMES.exec(rest);
  if (times) {
    quantity = Number(times[1].replace(',', '.'));
    rest = rest.replace(times[0], ' ');
  } else {
    // a bare count beside the amounts: "Coffee 2 3.50 7.00", or leading: "2 Coffee 7.00"
    const count = /\s(\d{1,3})\s*$/.exec(rest.replace(TAX_CODE, '')) ?? /^\s*(\d{1,3})\s+(?=\p{L})/u.exec(rest);
    if (count && Number(count[1]) > 0) {
      quantity = Number(count[1]);
      rest = rest.replace(count[0], ' ');
    }
  }
  const unit = found.length >= 2 ? amountValue(found[found.length - 2]) ?? undefined : quantity && quantity > 1 ? Math.round((amount / quantity) * 100) / 100 : undefined;
  const description = rest.replace(TAX_CODE, '').replace(/[\s:=*#|-]+$/, '').replace(/^[\s:=*#|-]+/, '').replace(/\s+/g, ' ').trim();
  if (!hasName(description)) return null;
  const consistent = quantity === undefined || unit === undefined || Math.abs(quantity * unit - amount) < 0.015;
  return { description, ...(quantity !== undefined ? { quantity } : {}), ...(unit !== undefined ? { unit_price: unit } : {}), amount, lines, consistent };
}

/** A line that can be part of an item: no date, time or phone, no sum or payment word. */
const itemish = (l: LineRec) => !NOT_ITEM.test(l.upper) && !findDate(l.text) && !findTime(l.text) && !findPhones(l.text).some((p) => p.length >= l.text.trim().length - 4);

/** The items printed before `end` (the first sum line), from `start` on, on one page. */
export function findItems(lines: LineRec[], start: number, end: number): ItemRead[] {
  const out: ItemRead[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (!itemish(line)) continue;
    const next = lines[i + 1];
    // "Chicken rice" / "2 x 6.50   13.00"
    if (!amounts(line.upper).length && hasName(line.text) && next && next.order < end && next.page === line.page && onlyNumbers(next.text) && itemish(next)) {
      const item = readItem(`${line.text} ${next.text}`, [line, next]);
      if (item) out.push(item);
      i++;
      continue;
    }
    const item = readItem(line.text, [line]);
    if (item) out.push(item);
  }
  return out;
}
