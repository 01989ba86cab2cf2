// A printed date as yyyy-mm-dd: numeric dates in either day/month order, month names in
// several languages, two-digit years, and the CJK 年月日 form.

const MONTHS: Array<[RegExp, number]> = [
  [/^(?:JAN|JANV|ENE|GEN)/, 1],
  [/^(?:FEB|FÉV|FEV)/, 2],
  [/^(?:MAR|MÄR|MAE|MAC)/, 3],
  [/^(?:APR|AVR|ABR)/, 4],
  [/^(?:MAY|MAI|MAG|MEI)/, 5],
  [/^(?:JUNE?\b|JUN|JUIN|GIU)/, 6],
  [/^(?:JUL|JUIL|LUG)/, 7],
  [/^(?:AUG|AOÛ|AOU|AGO|OGO|AGU)/, 8],
  [/^(?:SEP|SET)/, 9],
  [/^(?:OCT|OKT|OTT)/, 10],
  [/^NOV/, 11],
  [/^(?:DEC|DEZ|DÉC|DIC|DIS|DES)/, 12],
];

function monthOf(name: string): number | null {
  const u = name.toUpperCase();
  // JUIN before JUN-as-June is fine; JUIL must not read as JUI-N
  if (/^JUIL/.test(u)) return 7;
  for (const [re, n] of MONTHS) if (re.test(u)) return n;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Two-digit years: 00–69 are 20xx, 70–99 are 19xx (as POSIX strptime reads them). */
const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) < 70 ? 2000 + Number(y) : 1900 + Number(y));

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2099) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * The ISO form of a date as printed. A numeric date whose order is ambiguous (03/04/2018)
 * is read day first, as most of the world writes it, unless `monthFirst` (a US document).
 */
export function isoDate(printed: string, monthFirst = false): string | undefined {
  const t = printed.trim();
  let m = /^(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(t);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3])];
    const dayFirst = a > 12 || (b <= 12 && !monthFirst);
    return dayFirst ? iso(y, b, a) : iso(y, a, b);
  }
  // eight digits, no separator: year first (20180325), else day first (25032018), or month first where asked
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), m[3]];
    const yearFirst = /^(?:19|20)$/.test(m[1]) ? iso(Number(m[1] + m[2]), Number(c.slice(0, 2)), Number(c.slice(2))) : undefined;
    const y = Number(c);
    return yearFirst ?? (monthFirst && a <= 12 ? iso(y, a, b) : iso(y, b, a));
  }
  m = /^(\d{1,2})(?:ST|ND|RD|TH)?[\s./-]*([^\d\s./,-]+)[\s./,-]*(\d{4}|\d{2})$/i.exec(t);
  if (m) {
    const month = monthOf(m[2]);
    return month ? iso(fullYear(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([^\d\s.,]+)\.?\s*(\d{1,2})(?:ST|ND|RD|TH)?,?\s+(\d{4})$/i.exec(t);
  if (m) {
    const month = monthOf(m[1]);
    return month ? iso(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}
