// Which of the recogniser's classes a job may read. PP-OCRv4's dictionary is Chinese and
// Latin together; asked for a Latin-script language, the decoder chooses among Latin
// letters, digits and punctuation only, so a smudge is not read as a look-alike CJK
// character and a line in another script comes out with a low confidence (and is dropped)
// rather than as text the user did not ask for.
import type { Charset } from '../../models/ppocr';

export { charsetFor, type Charset } from '../../models/ppocr';

/** Latin letters with their accents, digits, punctuation, symbols, and full-width ASCII (folded later). */
function isLatinText(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok =
      c < 0x250 || // ASCII, Latin-1, Latin Extended-A and -B
      (c >= 0x300 && c < 0x370) || // combining accents
      (c >= 0x1e00 && c < 0x1f00) || // Latin Extended Additional (Vietnamese)
      (c >= 0x2000 && c < 0x2300) || // punctuation, currency, letterlike, arrows, maths
      (c >= 0xff01 && c <= 0xff5e); // full-width ASCII
    if (!ok) return false;
  }
  return true;
}

/**
 * The class indices the decoder may choose (the blank, 0, always), in order; null for
 * every class. `dict[i]` is class i's text.
 */
export function allowedClasses(dict: string[], charset: Charset): Int32Array | null {
  if (charset === 'all') return null;
  const out: number[] = [0];
  for (let i = 1; i < dict.length; i++) if (dict[i] && isLatinText(dict[i]!)) out.push(i);
  return Int32Array.from(out);
}
