// tool=receipt: the fields of a receipt or invoice read off a job's pages, each with the
// page, box and confidence of where it is printed. The finders are the ones chat answers
// with; here their answers are placed on the page and checked against each other: the
// items should add up to the subtotal, the subtotal and tax to the total.
import type { AmountField, BBox, FieldValue, LineItem, Page, ReceiptFields } from '../shared/contract';
import { findField } from './find';
import { findVendor, REG_LABEL } from './identity';
import { isoDate } from './dates';
import { findItems, type ItemRead } from './items';
import type { LineRec } from './lines';
import { findCurrency, findPayment } from './money';
import { findReceiptAddress } from './address';
import { postcodeTown } from './post-towns';
import { amounts } from './patterns';
import { amountValue } from './readings';
import { lineRecs, valueBox, type PlacedLines } from './place';
import { joinAddressLines, printedWords, repairAddress, repairCompany, sameAsPrinted, strayNameStops } from './repair';
import { squash } from './lines';

/** How much a value is trusted when the sums it takes part in disagree. */
const DISAGREE = 0.75;

export function readReceipt(pages: readonly Page[]): ReceiptFields {
  const placed = lineRecs(pages);
  const { lines } = placed;
  const fields: ReceiptFields = { items: [] };
  if (!lines.length) return fields;

  // the header read with OCR's look-alike letters put right in the words names and addresses print
  // and a word read once one letter off a word the page prints twice, as that word
  const same = sameAsPrinted(printedWords(lines));
  const vendor = merchantOf(repaired(lines, (t) => repairCompany(same(t))));
  if (vendor) fields.merchant = place(placed, vendor.cite, vendor.value, true);
  const address = findReceiptAddress(repaired(lines, (t) => repairAddress(same(t)), new Set(vendor?.cite.map((l) => l.order))), vendor?.cite);
  // as printed: each line's own punctuation, lines joined by a space
  // (a colon or semicolon at its end belongs to no address: OCR's, or a label's)
  // (nor does the document's title read onto its last line: "81200 Johor Bahru, Johor TAX INVOICE")
  // (and its town and postcode checked against each other)
  if (address) fields.address = place(placed, address.cite, postcodeTown(joinAddressLines(address.cite.map((l) => l.text)).replace(DOCUMENT_TITLE_AT_END, '').replace(/\s*[:;]+$/, '')), true);

  const total = findField('total', lines, '');
  const currency = findCurrency(lines, total?.cite[0]);
  const money = (f: ReturnType<typeof findField>): AmountField | undefined => {
    const amount = f ? amountValue(f.value) : null;
    if (!f || amount === null) return undefined;
    return { ...place(placed, f.cite, f.value), amount, ...(currency ? { currency: currency.code } : {}) };
  };
  fields.total = money(total);
  fields.subtotal = money(findField('subtotal', lines, ''));
  fields.tax = money(findField('tax', lines, ''));
  if (currency) fields.currency = { ...place(placed, [currency.line], currency.code) };

  const date = findField('date', lines, 'date');
  if (date) {
    const usd = currency?.code === 'USD';
    const iso = isoDate(date.value, usd);
    fields.date = { ...place(placed, date.cite, date.value), ...(iso ? { iso } : {}) };
  }

  const sumsStart = firstSumLine(lines, [total, findField('subtotal', lines, ''), findField('tax', lines, '')]);
  const headerEnd = lastHeaderLine([vendor?.cite, address?.cite, date?.cite], sumsStart);
  fields.items = findItems(lines, headerEnd + 1, sumsStart).map((item) => toItem(placed, item));

  const payment = findPayment(lines, total?.cite[total.cite.length - 1].order ?? -1);
  if (payment) fields.payment = place(placed, [payment.line], payment.method);

  checkSums(fields);
  return withoutEmpty(fields);
}

/** How far into the document the header's names and address reach. */
const HEADER_REACH = 16;

/** The lines with the header's put right by `fix` (all but `skip`), each still in its place. */
function repaired(lines: LineRec[], fix: (text: string) => string, skip = new Set<number>()): LineRec[] {
  return lines.map((l) => {
    if (l.order >= HEADER_REACH || skip.has(l.order)) return l;
    const text = squash(fix(l.text));
    return text === l.text ? l : { ...l, text, upper: text.toUpperCase() };
  });
}

/** Legal forms that end a company's name; a name broken over two lines ends on one of them. */
const LEGAL_FORM = /\b(?:SDN\.?\s*BH?D|BHD|S\/B|LTD|LIMITED|INC|LLC|CORP|CORPORATION|GMBH|AG|PLC|PTE|PTY|LLP|SARL|SAS|SRL|SPA|BV|NV)\b\.?/;
/**
 * A registration number printed after the name: "(728515-M)", "CO. NO. 373665-A"; its suffix
 * letter with a mark read beside it, its bracket lost ("(126926-HC"), a dot for its dash ("519537·X").
 */
const TRAILING_REG = /\s*\(?\s*(?:C[O0]\.?\s*(?:REG\.?\s*)?NO\.?\s*:?\s*)?\d{5,}[-\s·.]?[A-Z]{1,2}\s*[)\]}|]?\s*$/i;

/** Just after a name's legal form (its stop, if printed). */
const AFTER_FORM = String.raw`(?<=\b(?:BHD|SDN|LTD|INC|S\/B)\.?)`;
/** A lone mark or one or two letters after the legal form, and dashes or bars ending it. */
const SPECKS_AFTER_FORM = new RegExp(String.raw`${AFTER_FORM}\s+[\p{L}\p{N}]{0,2}[^\p{L}\p{N}\s)]*$`, 'iu');
/** A closing bracket after the legal form. */
const BRACKET_AFTER_FORM = new RegExp(String.raw`${AFTER_FORM}\s*\)$`, 'i');

/**
 * A branch's bracket opened before the legal form and its closing one lost, the name's only
 * bracket ("ENTERPRISE (SETIA ALAM SDN BHD"): it closes where the legal form begins.
 */
const BRANCH_UNCLOSED = /\(([A-Z][A-Z .&'-]*?[A-Z.])(?=\s+(?:SDN|BHD|S\/B|LTD|PTE|PTY|INC)\b)/i;

/** A registration number in brackets after a name's legal form, with more after it. */
const INNER_REG = /(?<=\b(?:BHD|SDN|S\/?B|LTD|INC|BERHAD)\.?)\s*\(\s*\d{5,}\s?-{1,2}\s?[A-Z]\s*\)\s+\S.*$/i;

/** A document's title read at the end of the address's last line: "TAX INVOICE", "TAXINVOICE", "RECEIPT". */
const DOCUMENT_TITLE_AT_END = /\s+(?:SIMPLIFIED\s*)?(?:TAX\s*INVOICE|INVOICE|(?:OFFICIAL\s*)?RECEIPT|CASH\s*BILL)\W*$/i;

/**
 * The seller: the header's name line, continued onto the next line when the name breaks
 * before its legal form ("AIK HUAT HARDWARE ENTERPRISE" / "SDN BHD"), without the
 * registration number printed after it or stray marks before it.
 */
function merchantOf(lines: LineRec[]): { value: string; cite: LineRec[] } | null {
  const found = findVendor(lines);
  if (!found) return null;
  const cite = [...found.cite];
  for (let k = 0; k < 2 && !LEGAL_FORM.test(cite.map((l) => l.upper).join(' ')); k++) {
    const next = lines[cite[cite.length - 1].order + 1];
    const after = next && lines.slice(next.order, next.order + 2).filter((l) => l.page === next.page);
    if (!after?.length || !/[A-Z]{2}/.test(next.upper) || /\d{3,}/.test(next.upper.replace(TRAILING_REG, ''))) break;
    // take the next line only when the name's legal form is on it or on the one after
    if (!after.some((l) => LEGAL_FORM.test(l.upper))) break;
    cite.push(next);
  }
  // a name broken after its "&" ("HOME MASTER HARDWARE &" / "ELECTRICAL"): the next line ends it
  const last = cite[cite.length - 1];
  const next = lines[last.order + 1];
  if (/(?:&|\bAND)\W*$/.test(last.upper) && next?.page === last.page && /[A-Z]{3}/.test(next.upper) && !/\d/.test(next.upper) && !ADDRESS_START.test(next.upper)) cite.push(next);
  // (a stop OCR read at the end of a line the name goes on from, "POPULAR BOOK." / "CO. (M) SDN BHD", is one inside the name)
  const value = strayNameStops(afterLegalForm(cite.map((l) => l.text.trim()).join(' ')))
    // a registration number in brackets ends the name: what follows is another ("SB(306295-X) FKA BISON STORES SB", formerly known as)
    .replace(INNER_REG, '')
    .replace(TRAILING_REG, '')
    .replace(REG_LABEL, '')
    .replace(/[‘’`´]/g, "'")
    .replace(/^[^\p{L}\p{N}]+(?=\p{L})/u, '')
    .replace(OWNER_LABEL, '')
    // Malaysia's "(M)" before the legal form with a stroke of its bracket read as a letter: "(MH) SDN BHD"
    .replace(/\(M[HNI]\)(?=\s*SDN\b)/i, '(M)')
    // a slash or bar the scan put before a bracket: "BAKERIES/(KL)"
    .replace(/(?<=\p{L})[/|](?=\()/gu, ' ')
    // a lone mark or one or two letters after the name's legal form, and dashes or bars ending it:
    // the scan's specks (no SROIE key of 626 ends so: "ANN GIAP TRADING SDN BHD SE")
    .replace(SPECKS_AFTER_FORM, '')
    .replace(/[\s\-–—_|~=:;,]+$/u, '')
    // a closing bracket after the legal form with none opened: a speck ("FRESH MART SDN BHD)")
    .replace(BRACKET_AFTER_FORM, (m, at: number, all: string) => (all.slice(0, at).includes('(') ? m : ''))
    .replace(BRANCH_UNCLOSED, (m, branch: string, at: number, all: string) => (/[()]/.test(all.slice(0, at) + all.slice(at + m.length)) ? m : `(${branch})`))
    .trim();
  return value ? { value, cite } : null;
}

/** The owner's label before the name of the company that runs a shop: "OWN BY: CHEF LEE SDN BHD", "Operated by". */
const OWNER_LABEL = /^(?:OWNED|OWN|OPERATED|MANAGED|RUN)\s+BY\s*[:.-]?\s*/i;

/** A line that starts an address, not a name's end. */
const ADDRESS_START = /^\W*(?:NO\b|LOT\b|JALAN\b|JLN\b|TAMAN\b|BLK\b|UNIT\b)/;

/** What may follow a name's legal form on its line and still be the name: no digit, a few words at most. */
const NAME_TAIL = 24;

/**
 * A name cut after its legal form where what follows holds a digit: a registration number the
 * scan garbled past TRAILING_REG ("Sdn Bhd (256B64-P)", "SDN BHD (139386", "SDN BHD 8OZTZ5-U").
 */
function afterLegalForm(name: string): string {
  const forms = [...name.toUpperCase().matchAll(new RegExp(LEGAL_FORM.source, 'g'))];
  const last = forms[forms.length - 1];
  if (!last) return name;
  const end = last.index! + last[0].length;
  const tail = name.slice(end);
  return /\d/.test(tail) && tail.trim().length <= NAME_TAIL ? name.slice(0, end) : name;
}

/** A field's value placed on its page: the box of the words that hold it, on the line that prints it. */
function place(placed: PlacedLines, cite: LineRec[], value: string, allLines = false): FieldValue {
  const holder = cite.find((l) => l.upper.includes(value.toUpperCase().replace(/\s+/g, ' '))) ?? cite[cite.length - 1];
  const spans = allLines && cite.length > 1 ? cite : [holder];
  const boxes = spans.map((l) => (spans.length === 1 ? valueBox(placed, l, value) : l.bbox ?? placed.pageBox(l.page)));
  const confidence = Math.min(...spans.map((l) => l.confidence ?? 1));
  return { value, page: holder.page - 1, bbox: union(boxes), confidence: round(confidence) };
}

function toItem(placed: PlacedLines, item: ItemRead): LineItem {
  const bbox = union(item.lines.map((l) => l.bbox ?? placed.pageBox(l.page)));
  const confidence = Math.min(...item.lines.map((l) => l.confidence ?? 1)) * (item.consistent ? 1 : DISAGREE);
  const { description, quantity, unit_price, amount } = item;
  return { description, ...(quantity !== undefined ? { quantity } : {}), ...(unit_price !== undefined ? { unit_price } : {}), amount, page: item.lines[0].page - 1, bbox, confidence: round(confidence) };
}

/** The first line of the bill's sums (subtotal, tax, total): the items end there. */
function firstSumLine(lines: LineRec[], found: Array<ReturnType<typeof findField>>): number {
  const orders = found.flatMap((f) => (f ? [f.cite[0].order] : []));
  return orders.length ? Math.min(...orders) : lines.length;
}

/** The last line of the header (seller, address, date) above the sums: the items start after it. */
function lastHeaderLine(cites: Array<LineRec[] | undefined>, sumsStart: number): number {
  const orders = cites.flatMap((c) => (c ? c.map((l) => l.order).filter((o) => o < sumsStart) : []));
  return orders.length ? Math.max(...orders) : -1;
}

const near = (a: number, b: number, slack: number) => Math.abs(a - b) <= slack + 1e-9;

/**
 * Items → subtotal → tax → total. Where a sum holds, its parts are confirmed; where none
 * holds, the amounts involved are trusted less. A missing subtotal is the items' sum when
 * that plus the tax makes the total.
 */
function checkSums(fields: ReceiptFields): void {
  const { total, subtotal, tax, items } = fields;
  const itemSum = items.reduce((s, i) => s + i.amount, 0);
  // rounding lines move a total by up to 0.05 (Malaysia, Switzerland, Australia…)
  const slack = 0.05;
  if (total && subtotal) {
    const adds = near(subtotal.amount + (tax?.amount ?? 0), total.amount, slack) || near(subtotal.amount, total.amount, slack);
    if (!adds) for (const f of [total, subtotal, tax]) if (f) f.confidence = round(f.confidence * DISAGREE);
  }
  if (items.length && (subtotal || total)) {
    const target = subtotal?.amount ?? total!.amount;
    const adds = near(itemSum, target, slack) || (!subtotal && tax && near(itemSum + tax.amount, target, slack));
    if (!adds) for (const item of items) item.confidence = round(item.confidence * DISAGREE);
  }
}

function withoutEmpty(fields: ReceiptFields): ReceiptFields {
  const out = { ...fields };
  for (const k of Object.keys(out) as Array<keyof ReceiptFields>) if (out[k] === undefined) delete out[k];
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function union(boxes: BBox[]): BBox {
  return boxes.reduce<BBox>((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])], [Infinity, Infinity, -Infinity, -Infinity]);
}

export { union as unionBoxes };
