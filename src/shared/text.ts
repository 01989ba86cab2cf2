import type { BBox } from './contract';
import type { EngineWord } from './engine';

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

/**
 * Words of a text read as one piece (a re-read line, a page model's block): split at
 * spaces and laid along the box, each as wide as its share of the letters.
 */
export function wordsAlong(text: string, b: BBox, confidence: number): EngineWord[] {
  const words = text.split(/\s+/).filter(Boolean);
  const total = words.reduce((n, w) => n + w.length, 0) + Math.max(0, words.length - 1);
  let at = 0;
  return words.map((w) => {
    const x0 = b[0] + ((b[2] - b[0]) * at) / total;
    at += w.length;
    const x1 = b[0] + ((b[2] - b[0]) * at) / total;
    at += 1;
    return { text: w, bbox: [x0, b[1], x1, b[3]] as BBox, confidence };
  });
}
