// Word vectors (GloVe, 100 dimensions, the 40,000 commonest English words; made by
// scripts/word-vectors.mjs): how near in meaning a question's word is to the words a
// document uses. A user asks "Until when was Trident barred from paying the loan early?" of
// a text that says "prohibited prepayment": no word of the question's verb is on the page,
// and BM25 alone would miss the sentence or decline. The vectors are keyed by stem, as the
// search index's terms are (the commonest word of a stem speaks for it).
import { stem } from './text';

export interface WordVectors {
  /**
   * Cosine similarity of two words or stemmed terms (a word's own vector where it has one,
   * else its stem's), or null when either is not known.
   */
  similarity(a: string, b: string): number | null;
  /** whether a word or a stemmed term has a vector */
  has(term: string): boolean;
  /** whether a lower-case word is one of the vectors' words as it is (not by its stem): a lexicon */
  knows(word: string): boolean;
}

const MAGIC = 'WVEC';

/** Reads the file scripts/word-vectors.mjs writes; throws on anything else. */
export function parseWordVectors(buffer: ArrayBuffer): WordVectors {
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, 4));
  if (magic !== MAGIC || view.getUint32(4, true) !== 1) throw new Error('not a word-vectors file (version 1)');
  const dims = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const textBytes = view.getUint32(16, true);
  const words = new TextDecoder().decode(new Uint8Array(buffer, 20, textBytes)).split('\n');
  if (words.length !== count || 20 + textBytes + count * dims > buffer.byteLength) throw new Error('word-vectors file is truncated');
  const rows = new Int8Array(buffer, 20 + textBytes, count * dims);
  const byWord = new Map<string, number>();
  const byStem = new Map<string, number>();
  words.forEach((w, k) => {
    byWord.set(w, k);
    const s = stem(w);
    if (!byStem.has(s)) byStem.set(s, k);
  });
  const row = (x: string) => byWord.get(x) ?? byStem.get(x);
  const scale = 127 * 127;
  return {
    has: (term) => row(term) !== undefined,
    knows: (word) => byWord.has(word),
    similarity(a, b) {
      const i = row(a);
      const j = row(b);
      if (i === undefined || j === undefined) return null;
      let dot = 0;
      for (let d = 0, x = i * dims, y = j * dims; d < dims; d++) dot += rows[x + d]! * rows[y + d]!;
      return dot / scale;
    },
  };
}
