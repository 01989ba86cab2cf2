// Joining recognised words into a line: Chinese and Japanese are written without spaces,
// and Tesseract gives their characters as separate words.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

export function joinWords(words: string[]): string {
  let out = '';
  for (const w of words) {
    if (!out) out = w;
    else if (CJK.test(out[out.length - 1]!) && CJK.test(w[0]!)) out += w;
    else out += ' ' + w;
  }
  return out;
}
