// The seller's address on a receipt: the street-like header lines the chat finder picks,
// else the lines after the seller's name up to the first phone, tax-number, date or
// document-title line.
import type { Found } from './values';
import type { LineRec } from './lines';
import { findAddress, LEGAL_NAME, REG_NUMBER_LABEL } from './identity';
import { findDate, findPhones } from './patterns';

const STOP = /\b(?:TEL|FAX|PHONE|PH|GST|VAT|TAX|MWST|UST|TVA|IVA|NIF|CIF|ABN|REG|INVOICE|RECEIPT|BILL|DATE|CASHIER|TABLE|SERVER|ORDER|WWW|HTTP|EMAIL|E-MAIL)\b|@|電話|电话|전화/;
/** Company registration numbers printed under the name: "(789417-W)", "CO. NO. 373665-A". */
const REG = new RegExp(String.raw`^[\s(]*${REG_NUMBER_LABEL}\d{4,}\s?-{0,2}\s?[A-Z0-9]\b[\s)]*$`);

/** A seller's name on one of the page's first lines (after a logo's or a stray line's reading). */
const NAME_AT_TOP = 3;

export function findReceiptAddress(lines: LineRec[], vendor?: LineRec[]): Found | null {
  const cued = findAddress(lines);
  // an address found above the seller's name, printed at the top, is a stray street-like line:
  // the address follows the name
  const last = vendor?.length ? vendor[vendor.length - 1] : undefined;
  if (cued?.cite.length && last && vendor![0].order <= NAME_AT_TOP && cued.cite[0].order < vendor![0].order && vendor!.some((l) => LEGAL_NAME.test(l.upper))) {
    const after = findAddress(lines.slice(last.order + 1));
    if (after?.cite.length) return after;
  } else if (cued?.cite.length) return cued;
  if (!vendor?.length || !last) return null;
  const cite: LineRec[] = [];
  for (let i = last.order + 1; i < lines.length && lines[i].page === last.page && cite.length < 4; i++) {
    const l = lines[i];
    if (REG.test(l.upper)) continue;
    if (STOP.test(l.upper) || findDate(l.text) || findPhones(l.text).some((p) => p.length >= l.text.trim().length - 6)) break;
    cite.push(l);
  }
  // an address has a number somewhere: a house number or a postcode
  if (!cite.length || !cite.some((l) => /\d/.test(l.text))) return null;
  return { value: cite.map((l) => l.text.trim().replace(/,$/, '')).join(', '), cite };
}
