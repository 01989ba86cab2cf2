// Which of the recogniser's classes a job may read. PP-OCRv4's dictionary is Chinese and
// Latin together; asked for a Latin-script language, the decoder chooses among Latin
// letters, digits and punctuation only, so a smudge is not read as a look-alike CJK
// character and a line in another script comes out with a low confidence (and is dropped)
// rather than as text the user did not ask for.

/** Tesseract's codes of the languages written in the Latin script. */
const LATIN_LANGUAGES = new Set([
  'afr', 'aze', 'bos', 'bre', 'cat', 'ceb', 'ces', 'cos', 'cym', 'dan', 'deu', 'eng', 'enm', 'epo', 'est', 'eus', 'fao', 'fil',
  'fin', 'fra', 'frk', 'frm', 'fry', 'gla', 'gle', 'glg', 'hat', 'hrv', 'hun', 'ind', 'isl', 'ita', 'ita_old', 'jav', 'kmr',
  'lat', 'lav', 'lit', 'ltz', 'mlt', 'mri', 'msa', 'nld', 'nor', 'oci', 'pol', 'por', 'que', 'ron', 'slk', 'slv', 'spa',
  'spa_old', 'sqi', 'srp_latn', 'sun', 'swa', 'swe', 'tgl', 'ton', 'tur', 'uzb', 'vie', 'wln', 'yor',
]);

export type Charset = 'all' | 'latin';

/** Tesseract's codes of the Chinese languages (the recogniser's other script). */
const CHINESE_LANGUAGES = new Set(['chi_sim', 'chi_tra', 'chi_sim_vert', 'chi_tra_vert']);

/**
 * Whether PP-OCRv4's Chinese-and-Latin recogniser can read a Tesseract set: 'auto', or at
 * least one language in either script ('ara+eng' reads the English). Its dictionary has no
 * Arabic, Cyrillic, Devanagari, Hangul, kana, Thai…: such a page comes out empty or garbled.
 */
export function vlmReads(languages: string): boolean {
  if (languages === 'auto') return true;
  return languages.split('+').some((c) => LATIN_LANGUAGES.has(c.trim()) || CHINESE_LANGUAGES.has(c.trim()));
}

/** 'latin' when every language of a Tesseract set ('eng', 'eng+deu') is written in Latin. */
export function charsetFor(languages: string): Charset {
  const codes = languages.split('+').map((c) => c.trim()).filter(Boolean);
  return codes.length > 0 && codes.every((c) => LATIN_LANGUAGES.has(c)) ? 'latin' : 'all';
}

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
