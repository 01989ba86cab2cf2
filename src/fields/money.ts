// The currency a receipt is in and how it was paid, from the words and signs it prints.
import type { LineRec } from './lines';

/** Signs and codes with the ISO 4217 code they stand for; a bare $ is read last. */
const CURRENCIES: Array<[RegExp, string]> = [
  [/\b(?:RM|MYR)\b|\bRM\s?\d/, 'MYR'],
  [/\bS\$|\bSGD\b/, 'SGD'],
  [/\bA\$|\bAUD\b/, 'AUD'],
  [/\bC\$|\bCAD\b/, 'CAD'],
  [/\bNZ\$|\bNZD\b/, 'NZD'],
  [/\bHK\$|\bHKD\b/, 'HKD'],
  [/R\$|\bBRL\b/, 'BRL'],
  [/€|\bEUR\b|\bEURO\b/, 'EUR'],
  [/£|\bGBP\b/, 'GBP'],
  [/\bCHF\b/, 'CHF'],
  [/\bJPY\b|円/, 'JPY'],
  [/\b(?:CNY|RMB)\b|元/, 'CNY'],
  [/₩|\bKRW\b|원/, 'KRW'],
  [/₹|\bINR\b|\bRS\.?\s?\d/, 'INR'],
  [/\bIDR\b|\bRP\.?\s?\d/, 'IDR'],
  [/\bTHB\b|฿/, 'THB'],
  [/\bPHP\b|₱/, 'PHP'],
  [/\bUSD\b|\bUS\$/, 'USD'],
];

/** ¥ is the yen or the yuan; the script of the receipt tells. */
function yen(text: string): string {
  return /[\u3040-\u30ff]/.test(text) ? 'JPY' : 'CNY';
}

/** The currency of the receipt and the line that shows it, preferring the total's own line. */
export function findCurrency(lines: LineRec[], prefer?: LineRec): { code: string; line: LineRec } | null {
  const ordered = prefer ? [prefer, ...lines.filter((l) => l !== prefer)] : lines;
  for (const line of ordered) {
    for (const [re, code] of CURRENCIES) if (re.test(line.upper)) return { code, line };
    if (/[¥￥]/.test(line.upper)) return { code: yen(lines.map((l) => l.text).join(' ')), line };
  }
  const dollar = ordered.find((l) => /\$\s?\d|\d\s?\$/.test(l.upper));
  return dollar ? { code: 'USD', line: dollar } : null;
}

/** Payment words and the method they name. Card brands before the generic card. */
const PAYMENTS: Array<[RegExp, string]> = [
  [/\bVISA\b/, 'Visa'],
  [/\bMASTER\s?CARD\b|\bMASTER\b|\bMC\b/, 'Mastercard'],
  [/\bAMEX\b|AMERICAN\s*EXPRESS/, 'American Express'],
  [/\bUNION\s?PAY\b|银联/, 'UnionPay'],
  [/\bJCB\b/, 'JCB'],
  [/\bEFTPOS\b|\bDEBIT\b|\bEC[\s-]?KARTE\b|\bGIROCARD\b|\bMAESTRO\b/, 'Debit card'],
  [/\bCREDIT\s*CARD\b|\bKREDITKARTE\b|\bTARJETA\b|\bCARTE\s*(?:BANCAIRE|BLEUE)?\b|\bCB\b|\bCARD\b|\bKARTE\b|카드|刷卡/, 'Card'],
  [/\b(?:E-?WALLET|GRABPAY|TOUCH\s*N\s*GO|ALIPAY|WECHAT\s*PAY|APPLE\s*PAY|GOOGLE\s*PAY|PAYPAL)\b|支付宝|微信/, 'E-wallet'],
  [/\bCASH\b|\bTUNAI\b|\bBAR\b|\bBARGELD\b|\bESP[EÈ]CES\b|\bEFECTIVO\b|\bCONTANTI\b|現金|现金|현금/, 'Cash'],
];

/** How the bill was paid: the first payment word after the total (or anywhere, when none). */
export function findPayment(lines: LineRec[], after = -1): { method: string; line: LineRec } | null {
  const later = lines.filter((l) => l.order > after);
  for (const pool of [later, lines]) {
    for (const line of pool) {
      // "CASH CHANGE" is the change given back, still cash; "NO CASH REFUND" is a notice
      if (/REFUND|REBATE|RÜCKGELD\s*$/.test(line.upper)) continue;
      for (const [re, method] of PAYMENTS) if (re.test(line.upper)) return { method, line };
    }
  }
  return null;
}
