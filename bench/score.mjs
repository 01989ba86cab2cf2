// Pure scoring functions, exactly as ../shared/eval/README.md ("How to score") says:
// - fold every run of whitespace to one space and trim, on both sides;
// - CER = Levenshtein distance over characters (code points) / ground-truth length;
// - WER = Levenshtein distance over words / ground-truth words;
// - order-free word error = 1 − multiset word overlap / ground-truth words;
// - pages marked case_insensitive are compared upper-cased.

/**
 * Folds every run of whitespace to one space and trims; upper-cases when asked.
 * @param {string} text
 * @param {boolean} [caseInsensitive]
 * @returns {string}
 */
export function normalise(text, caseInsensitive = false) {
  const folded = String(text ?? '').replace(/\s+/gu, ' ').trim();
  return caseInsensitive ? folded.toUpperCase() : folded;
}

/**
 * Levenshtein distance between two integer sequences: O(n·m) time, two rows of
 * Int32Array memory.
 * @param {ArrayLike<number>} a
 * @param {ArrayLike<number>} b
 * @returns {number}
 */
export function levenshtein(a, b) {
  // Keep the shorter sequence along the row to use less memory.
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m === 0) return n;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1];
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/**
 * The code points of a string (astral characters count once).
 * @param {string} s
 * @returns {Int32Array}
 */
export function codePoints(s) {
  const out = new Int32Array(s.length);
  let k = 0;
  for (const ch of s) out[k++] = /** @type {number} */ (ch.codePointAt(0));
  return out.subarray(0, k);
}

/**
 * Words of an already normalised string.
 * @param {string} s
 * @returns {string[]}
 */
export function words(s) {
  return s === '' ? [] : s.split(' ');
}

/** Distance over a reference of length 0: nothing to find, so 0 when the hypothesis is empty too, else 1. */
function ratio(dist, refLen, hypLen) {
  if (refLen === 0) return hypLen === 0 ? 0 : 1;
  return dist / refLen;
}

/**
 * Character error rate of already normalised strings.
 * @param {string} hyp
 * @param {string} gt
 * @returns {number}
 */
export function cerOf(hyp, gt) {
  const h = codePoints(hyp);
  const g = codePoints(gt);
  return ratio(levenshtein(h, g), g.length, h.length);
}

/**
 * Word error rate of already normalised strings.
 * @param {string} hyp
 * @param {string} gt
 * @returns {number}
 */
export function werOf(hyp, gt) {
  const dict = new Map();
  /** @param {string[]} ws */
  const ids = (ws) => Int32Array.from(ws, (w) => {
    let id = dict.get(w);
    if (id === undefined) dict.set(w, (id = dict.size));
    return id;
  });
  const h = ids(words(hyp));
  const g = ids(words(gt));
  return ratio(levenshtein(h, g), g.length, h.length);
}

/**
 * Order-free word error of already normalised strings: 1 − multiset overlap / GT words.
 * @param {string} hyp
 * @param {string} gt
 * @returns {number}
 */
export function orderFreeOf(hyp, gt) {
  const g = words(gt);
  const h = words(hyp);
  if (g.length === 0) return h.length === 0 ? 0 : 1;
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const w of g) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of h) {
    const c = counts.get(w);
    if (c) {
      overlap++;
      counts.set(w, c - 1);
    }
  }
  return 1 - overlap / g.length;
}

/**
 * @typedef {{ cer: number, wer: number, orderFree: number, gtChars: number, gtWords: number }} PageScore
 */

/**
 * Scores one page's raw texts (normalised here).
 * @param {string} hypText
 * @param {string} gtText
 * @param {{ caseInsensitive?: boolean }} [opts]
 * @returns {PageScore}
 */
export function scorePage(hypText, gtText, opts = {}) {
  const ci = !!opts.caseInsensitive;
  const hyp = normalise(hypText, ci);
  const gt = normalise(gtText, ci);
  return {
    cer: cerOf(hyp, gt),
    wer: werOf(hyp, gt),
    orderFree: orderFreeOf(hyp, gt),
    gtChars: codePoints(gt).length,
    gtWords: words(gt).length,
  };
}

/** The score of a page that failed: everything wrong. */
export const FAILED_SCORE = Object.freeze({ cer: 1, wer: 1, orderFree: 1 });

/**
 * @param {number[]} xs
 * @returns {number}
 */
export function mean(xs) {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN;
}

/**
 * @param {number[]} xs
 * @returns {number}
 */
export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
