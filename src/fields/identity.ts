// Who issued a receipt or invoice and how to reach them: name, address, phone, and the
// document's own number. These sit in the header, the first lines of the first page.
import type { LineRec } from './lines';
import { amounts, findDate, findPhones } from './patterns';
import { squash } from './lines';
import { best, type Candidate, type Found } from './values';

/** How far into the first page the header reaches. */
const HEADER_LINES = 12;

const COMPANY =
  /\b(?:SDN\.?\s*BH?[DN]|SDN|BHD|S\/B|LTD|LIMITED|LLC|INC|CORP|CORPORATION|CO\.|COMPANY|GMBH|AG|KG|SARL|SAS|SRL|SPA|BV|PLC|PTE|PTY|LLP|ENTERPRISES?|TRADING|TRADERS|RESTAURANT|RESTORAN|SYARIKAT|PERNIAGAAN|PERUSAHAAN|KEDAI|FARMASI|CAFE|STORES?|MART|HARDWARE|BAKER(?:Y|IES)|SUPERMARKET|PHARMACY|HOTEL|BOOKCENTRE|BOOKSTORES?|SHOP)\b|株式会社|有限公司|주식회사|商店|超市|餐厅|食堂/;
/** A document's title line ("TAX INVOICE", OCR-spelt "Tax Imnvoice"). */
const DOC_TYPE = /^[-\s]*(?:SIMPLIFIED\s+)?(?:TAX\s+|CASH\s+|SALES\s+|OFFICIAL\s+)?(?:I[MN]{0,2}V[O0][I1L]C[E3]|RECEIPT|BILL|QUOTATION|STATEMENT|ORDER)\b/;
/** A registration's label and what follows it on its line: "COMPANY REG NO.: …", "CO. NO. …", "GST ID …". */
export const REG_LABEL = /\b(?:COMPANY|CO\.?|GST|ROC|BUSINESS)\s*(?:REG(?:ISTRATION)?\.?\s*)?(?:NO|NUMBER|ID)\b.*$/i;
const NOT_NAME = /\b(?:TEL|FAX|PHONE|GST|REG|NO\.?\s*\d|JALAN|JLN|LOT|TAMAN|STREET|ROAD|DATE|CASHIER|TABLE)\b|^\(|\d{4,}|\b(?:DESC\w*|QTY|PRICE|AMOUNT|AMT)\b.*\b(?:QTY|PRICE|AMOUNT|AMT|TOTAL)\b|\d[.,]\d{2}(?!\d)/;
/** A company's legal form as the name's last words print it, its stops or not: "SDN. BHD.", "S/B", "LTD", "CO.". */
const LEGAL_FORM = String.raw`(?:SDN\.?|BH?[DN]\.?|S\/B|LTD\.?|LIMITED|INC\.?|CORP\.?|PLC|PTE\.?|PTY\.?|LLC|CO\.)`;
/** A line of a trade's words only, maybe with its legal form: a name's second line ("TRADING", "ENTERPRISE (M) SDN BHD"). */
const TRADE_LINE = new RegExp(
  String.raw`^[\s(]*(?:(?:TRADING|TRADERS?|ENTERPRISES?|HARDWARE|MARKETING|SERVICES?|INDUSTRIES|INDUSTRY|HOLDINGS|CORPORATION|RESTAURANT|BAKERY|BAKERIES|CONFECTIONERY|STATIONERY|PHARMACY|SUPERMARKET|MINIMARKET|ENGINEERING|CONSTRUCTION|AGENCY|AGENCIES)\b[\s,&.]*)+(?:\([A-Z .]+\)\s*)?(?:${LEGAL_FORM}\s*)*[\s.)]*$`,
);
/** A line of a legal form only ("SDN BHD" under "NANDO'S CHICKENLAND MALAYSIA"). */
const ONLY_SUFFIX = new RegExp(String.raw`^[\s(),.&]*(?:${LEGAL_FORM}\s*)+[\s(),.]*$`);
/**
 * A name's second line, which no name starts with: "CO. (M) SDN BHD" under "POPULAR BOOK", "& SONS
 * SDN BHD", a branch's brackets before the legal form ("(SEMENYIH) SDN BHD" under "PASAR RAYA MEGA MAJU").
 */
const NAME_GOES_ON = /^[\s(]*(?:CO\.|CO\b|COMPANY\b|&|AND\b)|^\s*\([A-Z][A-Z .&'-]*\)\s*(?:SDN\b|BHD\b|S\/B|LTD\b|PTE\b|PTY\b)/;

function headerOf(lines: LineRec[]): LineRec[] {
  if (!lines.length) return [];
  const first = lines[0].page;
  return lines.filter((l) => l.page === first).slice(0, HEADER_LINES);
}

/** A receipt or invoice, as opposed to prose, where the first line is a title, not a seller. */
function looksLikeBill(lines: LineRec[]): boolean {
  return lines.some((l) => /\b(?:INVOICE|RECEIPT|CASH BILL|TOTAL|AMOUNT DUE|SUBTOTAL|CASHIER)\b/.test(l.upper) || DOC_TYPE.test(l.upper));
}

/** The seller: the first header line that names a company, else the first plain line of a bill. */
export function findVendor(lines: LineRec[]): Found | null {
  const header = headerOf(lines);
  // a line wholly in brackets is a registration or branch note, not the name
  // (nor the word "Company" of a registration's label: "MALAYSIA Company Reg No.:")
  const named = header.findIndex((l) => COMPANY.test(l.upper.replace(REG_LABEL, '')) && !DOC_TYPE.test(l.upper) && !/^\(.*\)$/.test(l.upper.trim()));
  if (named >= 0) {
    const line = header[named];
    // "NANDO'S CHICKENLAND MALAYSIA / SDN BHD": the suffix alone is not a name; nor is a line
    // no name starts with ("POPULAR BOOK / CO. (M) SDN BHD") under a plain line
    const prev = named > 0 ? header[named - 1] : undefined;
    const startsName = (l: LineRec) => /[A-Z]{3}/.test(l.upper) && !NOT_NAME.test(l.upper) && !DOC_TYPE.test(l.upper) && !COMPANY.test(l.upper);
    // (nor a line of a trade's words and its legal form only: "LIAN CHI PU TIAN VEGETARIAN" / "RESTAURANT SDN BHD")
    if (prev && (ONLY_SUFFIX.test(line.upper) || ((NAME_GOES_ON.test(line.upper) || TRADE_LINE.test(line.upper)) && startsName(prev)))) {
      return { value: `${prev.text.trim()} ${line.text.trim()}`, cite: [prev, line] };
    }
    // "TSH POWER HARDWARE / TRADING", "KEDAI MAJU / ENTERPRISE SDN BHD": a name with no legal
    // form yet, whose next line is only its trade's words or its legal form
    const next = header[named + 1];
    if (next && !LEGAL_NAME.test(line.upper) && (TRADE_LINE.test(next.upper) || ONLY_SUFFIX.test(next.upper))) {
      return { value: `${line.text.trim()} ${next.text.trim()}`, cite: [line, next] };
    }
    return { value: line.text.trim(), cite: [line] };
  }
  if (!looksLikeBill(lines)) return null;
  // (a line of a state's or a country's name alone is an address's end)
  // (a line's registration label left out: "PROSPER NIAGA Company No : SA0123")
  const plainName = (l: LineRec) => {
    const u = l.upper.replace(REG_LABEL, '');
    return /[A-Z]{3}/.test(u) && !DOC_TYPE.test(u) && !NOT_NAME.test(u) && !regionLine(u);
  };
  // (a line in small letters only is a note written on the receipt, "tan woon yann", where a
  // printed line in capitals or title case follows)
  const plain = header.find((l) => plainName(l) && /\p{Lu}/u.test(l.text)) ?? header.find(plainName);
  return plain ? { value: plain.text.trim(), cite: [plain] } : null;
}

const NUMBER_LABEL =
  /\b(INVOICE|INV|RECEIPT|RCPT|BILL|DOCUMENT|DOC|ORDER|TRANS(?:ACTION)?|REF(?:ERENCE)?|CHEQUE|CHECK|CHK|TICKET)\b\.?\s*(?:NO\b\.?|NUMBER|NUM\b|#|ID\b)?\s*[.:#]*/;

/** A number-like value: has a digit, is short, is not a date or an amount. */
function asNumber(text: string): string | null {
  const value = text
    .replace(/^[\s:#.=-]*(?:NO\b\.?|NUMBER|#)?[\s:#.=-]*/i, '')
    .split(/\s+(?=[A-Z][A-Z .]*:)|\s{2,}/i)[0]
    .trim();
  if (!/\d/.test(value) || value.length > 30 || findDate(value) || amounts(value.toUpperCase()).length) return null;
  return value;
}

/** The document's number; a label naming what the question names (invoice, receipt…) wins. */
export function findNumber(lines: LineRec[], question: string): Found | null {
  const wanted = question.toUpperCase().match(/\b(INVOICE|RECEIPT|BILL|DOCUMENT|ORDER|TRANSACTION|REFERENCE|CHEQUE|TICKET)\b/)?.[1];
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const u = lines[i].upper;
    const m = NUMBER_LABEL.exec(u);
    if (!m || /\b(?:GST|TAX|REG|CO)\b\.?\s*(?:ID|NO)/.test(u)) continue;
    const rest = u.slice(m.index + m[0].length);
    const next = lines[i + 1];
    let value = asNumber(squash(lines[i].text).slice(m.index + m[0].length));
    let cite = [lines[i]];
    if (!value && !rest.trim() && next && next.page === lines[i].page && !/[A-Z]{3}.*:/.test(next.upper)) {
      value = asNumber(next.text);
      cite = [lines[i], next];
    }
    if (!value) continue;
    const word = m[1].replace(/^INV$/, 'INVOICE').replace(/^DOC$/, 'DOCUMENT').replace(/^TRANS$/, 'TRANSACTION');
    const score = (wanted && word.startsWith(wanted.slice(0, 4)) ? 5 : 0) + (/NO|#|NUMBER/.test(m[0]) ? 2 : 1);
    out.push({ value, cite, score, order: i, label: word });
  }
  return best(out, true);
}

const ADDRESS_CUE =
  /\b(?:NO\s*[.:]?\s*[A-Z]?\d|LOT|JALAN|JLN|TAMAN|STREET|ST\.|ROAD|RD\b|AVENUE|AVE\b|BLVD|SUITE|UNIT|FLOOR|FLR|LEVEL|BLK|BLOCK|LORONG|PERSIARAN|KAWASAN|SEKSYEN|BATU|KG\.|BANDAR|P\.?\s?O\.?\s*BOX|\d+[A-Z]?,|RUE|AVENIDA|CALLE|VIA|PLAZA|PLATZ|LAAN|STRAAT|GASSE|DRIVE|LANE|BOULEVARD|HIGHWAY)|(?:STRASSE|STR\.|WEG)(?=[\s\d,]|$)|[路街号]|丁目|번지|\d+\s*[로길]\b/;
const POSTCODE = /\b\d{5}(?:-\d{4})?\b(?=[\s,]*[A-Z])|\b\d{4}\s?[A-Z]{2}\b|\b[A-Z]-\d{4,5}\b|〒\s?\d{3}-\d{4}|[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b/;
/** A company's legal form: a line with one names a company, not a part of an address. */
export const LEGAL_NAME = /\b(?:SDN\.?\s*BH?D|BHD|S\/B|LTD|LIMITED|LLC|INC|GMBH|PLC|PTE|PTY|LLP)\b/;
/** A shop's branch under its address: its store number (a digit or two read as a letter alike: "1S58") and its place. */
const BRANCH = /^\s*(?=(?:\D*\d){2})[\dSOIB]{3,5}\s?-\s?[A-Z][A-Z .]{2,30}$/;
/** The branch's store number in digits. */
const branchDigits = (text: string) => text.replace(/^\s*[\dSOIB]{3,5}(?=\s?-)/i, (n) => n.toUpperCase().replace(/S/g, '5').replace(/O/g, '0').replace(/I/g, '1').replace(/B/g, '8'));
/** The states, federal territories and countries that end an address, line by line ("Wilayah Persekutuan Kuala / Lumpur, Malaysia."). */
const REGION_WORDS = new Set(
  `SELANGOR JOHOR KEDAH PERAK PAHANG SABAH SARAWAK MELAKA MALACCA KELANTAN TERENGGANU PENANG PINANG PULAU PERLIS NEGERI SEMBILAN
WILAYAH PERSEKUTUAN PUTRAJAYA LABUAN DARUL EHSAN TAKZIM AMAN KHUSUS MAKMUR RIDZUAN D E KUALA LUMPUR MALAYSIA SINGAPORE`.split(/\s+/),
);
const regionLine = (u: string) => {
  const words = u.match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.every((w) => REGION_WORDS.has(w));
};
/** A country's name ends an address: what follows it is the shop's mall or branch name, printed apart. */
const COUNTRY_END = /\b(?:MALAYSIA|SINGAPORE|INDONESIA|THAILAND|PHILIPPINES|BRUNEI)\W*$/;
/**
 * A number after a lot's or a unit's word is that lot's: not a phone number ("PTD 1432186"), nor
 * a postcode ("LOT P.T. 33198, BATU 4", "PTD 12345 JALAN").
 */
const LOT_NUMBER = /\b(?:LOT|P\.?\s?T\.?\s?D?|NO|UNIT|BLK|BLOCK|PLOT|GERAN|HSD|HSM)\.?\s*:?\s*$/;
const phoneIn = (u: string) => findPhones(u).some((p) => !LOT_NUMBER.test(u.slice(0, u.indexOf(p))));
const POSTCODES = new RegExp(POSTCODE.source, 'g');
/** Whether a line holds a postcode: not a lot's number. */
const postcodeIn = (u: string) => [...u.matchAll(POSTCODES)].some((m) => !LOT_NUMBER.test(u.slice(0, m.index)));
const NOT_ADDRESS = /\b(?:TEL|FAX|PHONE|GST|TAX|INVOICE|RECEIPT|DATE|CASHIER|REG)\b/;
/** The label before a registration number on its own line: "CO. NO.", "CO. REG NO:", "COMPANY NO", OCR-spelt "COMPARY NO:". */
export const REG_NUMBER_LABEL = String.raw`(?:(?:C[O0]\.?|C[O0]MPA\w{1,3})\s*(?:REG\w*\.?\s*)?NO\.?\s*:?\s*)?`;
/** Company registration numbers print under the name: "789417-W", "CO. NO. 373665-A", "COMPARY NO: 499702--V". */
const REG_NUMBER = new RegExp(String.raw`^[\s(]*${REG_NUMBER_LABEL}\d{5,}\s?-{0,2}\s?[A-Z]\b[\s)]*$`);
const isStart = (u: string) => ADDRESS_CUE.test(u) && !NOT_ADDRESS.test(u) && !COMPANY.test(u) && !REG_NUMBER.test(u);

/** A line that ends with a price is an item or a sum, past the header ("55,57 & 59, JALAN" is not). */
const endsWithPrice = (u: string) => {
  const last = amounts(u).pop();
  return last !== undefined && u.replace(/\s+(?:S|SR|Z|ZR|T|X|E)$/, '').trimEnd().endsWith(last);
};

/** The header lines from the first street-like line to the line with the postcode. */
export function findAddress(lines: LineRec[]): Found | null {
  const header = headerOf(lines);
  const start = header.findIndex((l) => isStart(l.upper));
  if (start < 0) return null;
  const cite: LineRec[] = [];
  let postcode = false;
  for (let i = start; i < header.length && cite.length < 6; i++) {
    const u = header[i].upper;
    if (NOT_ADDRESS.test(u) || phoneIn(u) || findDate(u) || endsWithPrice(u)) {
      // the postcode's line running on into the phone: "81750 JOHOR BAHRU, JOHOR. TEL NO.: 07-387 3322"
      const label = /\s*\b(?:TEL|FAX|PHONE)\b/i.exec(header[i].text);
      const before = label ? header[i].text.slice(0, label.index).trim() : '';
      if (!postcode && before && postcodeIn(before.toUpperCase()) && !NOT_ADDRESS.test(before.toUpperCase())) cite.push({ ...header[i], text: before, upper: before.toUpperCase() });
      break;
    }
    // another name under the first line ("MOONLIGHT CAKE HOUSE SDN BHD" under a stray "No 7,")
    if (i > start && LEGAL_NAME.test(u)) break;
    // after the postcode only a short state or country line still belongs ("JOHOR."), or
    // lines of states and countries, or the shop's branch, a store number and its place
    // ("1313-SUBANG BESTARI"); after a country, nothing
    // (a line of a company's trade after the postcode is a name: "ESJAY FUEL ENTERPRISE")
    if (postcode && ((!(/^[A-Z\s.,]+$/.test(u) && u.length < 25) && !regionLine(u) && !BRANCH.test(u)) || (COMPANY.test(u) && !regionLine(u)))) break;
    cite.push(BRANCH.test(u) ? { ...header[i], text: branchDigits(header[i].text), upper: branchDigits(u) } : header[i]);
    // a country ends it, and so does a postcode's line that ends with a stop ("56000 KUALA LUMPUR, MALAYSI ."),
    // unless a state's line follows (the stop may be a comma misread: "47301 PETALING JAYA." / "SELANGOR.")
    const next = header[i + 1]?.upper ?? '';
    if (COUNTRY_END.test(u) || (postcodeIn(u) && /\.\s*$/.test(u) && !regionLine(next))) break;
    if (postcode && !BRANCH.test(next) && !(regionLine(u) && regionLine(next))) break;
    postcode ||= postcodeIn(u);
  }
  return { value: cite.map((l) => l.text.trim().replace(/,$/, '')).join(', '), cite };
}

/** A labelled phone number (TEL:, PHONE, H/P), else a bare number in the header. */
export function findPhone(lines: LineRec[], question: string): Found | null {
  const fax = /\bfax\b/i.test(question);
  const label = fax ? /\bFAX\b\s*[:.]?/ : /\b(?:TEL|TELEPHONE|PHONE|PH|H\/P|HP|MOBILE|MOB|CONTACT)\b\.?\s*(?:NO\.?)?\s*[:.]?/;
  for (const l of lines) {
    const m = label.exec(l.upper);
    if (!m) continue;
    const rest = l.text.slice(m.index + m[0].length).split(/\b(?:FAX|TEL|EMAIL|E-MAIL)\b/i)[0];
    const phone = findPhones(rest)[0];
    if (phone) return { value: phone, cite: [l] };
  }
  if (fax) return null;
  // a bare number in the header, written like a phone number (not a barcode)
  const bare = headerOf(lines).find((l) => {
    const phone = findPhones(l.text)[0];
    return phone && /[\s-]/.test(phone) && phone.length >= l.text.trim().length - 2;
  });
  return bare ? { value: findPhones(bare.text)[0], cite: [bare] } : null;
}
