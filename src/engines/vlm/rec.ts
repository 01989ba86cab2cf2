// Recognition, PP-OCR style: line images 48 px high, batched by aspect ratio and padded
// on the right, normalised to -1..1 in B, G, R order; the output (softmax over blank,
// the dictionary's symbols, then a space) decoded greedily (CTC: best class per time step,
// repeats merged, blanks dropped). Pure functions: they run in the worker and in unit tests.

export const REC_HEIGHT = 48;
/** PP-OCRv4's rec_image_shape width: a batch is never narrower than this */
export const REC_MIN_WIDTH = 320;
export const CLS_WIDTH = 192;

/**
 * The recogniser's classes as PaddleOCR's CTCLabelDecode builds them: index 0 is the CTC
 * blank, then one symbol per line of the dictionary, then ' ' (use_space_char).
 */
export function parseDictionary(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return ['', ...lines, ' '];
}

/**
 * The dictionary PaddleX writes into a model's inference.yml (PostProcess.character_dict):
 * every scalar read as a string (a "0" or a "~" is a character, not a number or null).
 */
export async function dictionaryFromPaddlexYml(text: string): Promise<string[]> {
  const { parse } = await import('yaml');
  const doc = parse(text, { schema: 'failsafe' }) as { PostProcess?: { character_dict?: unknown } } | null;
  const list = doc?.PostProcess?.character_dict;
  if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === 'string')) {
    throw new Error('inference.yml has no PostProcess.character_dict list');
  }
  return list as string[];
}

export interface DecodedChar {
  text: string;
  /** time step of the character's peak */
  t: number;
  prob: number;
  /** the space class's highest probability at the steps since the character before */
  spaceBefore?: number;
}

export interface Decoded {
  text: string;
  /** mean of the kept characters' probabilities, 0 when nothing was read */
  confidence: number;
  chars: DecodedChar[];
  /** time steps of the output */
  steps: number;
}

/**
 * Greedy CTC decoding of one item of a [n, T, C] softmax output; with `allowed` (class
 * indices, the blank first), only those classes are chosen among.
 */
export function ctcGreedy(probs: Float32Array, item: number, steps: number, classes: number, dict: string[], allowed?: Int32Array | null): Decoded {
  const chars: DecodedChar[] = [];
  let prev = -1;
  const base = item * steps * classes;
  const space = dict[classes - 1] === ' ' ? classes - 1 : -1;
  let spaceMax = 0;
  for (let t = 0; t < steps; t++) {
    const row = base + t * classes;
    if (space >= 0 && probs[row + space]! > spaceMax) spaceMax = probs[row + space]!;
    let best = 0;
    let bestP = probs[row]!;
    if (allowed) {
      for (let k = 1; k < allowed.length; k++) {
        const c = allowed[k]!;
        const p = probs[row + c]!;
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
    } else {
      for (let c = 1; c < classes; c++) {
        const p = probs[row + c]!;
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
    }
    if (best !== 0 && best !== prev) {
      chars.push({ text: dict[best] ?? '', t, prob: bestP, spaceBefore: chars.length ? spaceMax : 0 });
      spaceMax = 0;
    }
    prev = best;
  }
  const text = chars.map((c) => c.text).join('');
  const confidence = chars.length ? chars.reduce((s, c) => s + c.prob, 0) / chars.length : 0;
  return { text, confidence, chars, steps };
}

/**
 * Spaces the recogniser left out: the Chinese-and-Latin model often runs the words of
 * widely spaced print (receipts, dot-matrix) together. In a line whose characters are
 * evenly pitched (monospaced print), where the step between two
 * characters is over `ratio` times the usual pitch (and two steps more), a space is put
 * in. The line's confidence is left as it was.
 */
export function insertGapSpaces(d: Decoded, ratio: number): Decoded {
  const steps: number[] = [];
  for (let i = 1; i < d.chars.length; i++) {
    if (d.chars[i]!.text !== ' ' && d.chars[i - 1]!.text !== ' ') steps.push(d.chars[i]!.t - d.chars[i - 1]!.t);
  }
  if (steps.length < 3) return d;
  const sorted = steps.slice().sort((a, b) => a - b);
  const pitch = sorted[steps.length >> 1]!;
  // Only where the print is evenly pitched (monospaced): proportional text has its spaces read well.
  const q1 = sorted[Math.floor(steps.length / 4)]!;
  const q3 = sorted[Math.floor((steps.length * 3) / 4)]!;
  if (q3 - q1 > 1 || proportional(d.chars)) return d;
  const chars: DecodedChar[] = [];
  let added = false;
  for (let i = 0; i < d.chars.length; i++) {
    const c = d.chars[i]!;
    const prev = d.chars[i - 1];
    if (prev && c.text !== ' ' && prev.text !== ' ') {
      const dt = c.t - prev.t;
      if (dt > ratio * pitch && dt >= pitch + 2) {
        chars.push({ text: ' ', t: Math.round((c.t + prev.t) / 2), prob: Math.min(c.prob, prev.prob) });
        added = true;
      }
    }
    chars.push(c);
  }
  if (!added) return d;
  return { ...d, chars, text: chars.map((c) => c.text).join('') };
}

/** Letters wider and narrower than most in proportional type; in monospaced print all are one pitch. */
const WIDE = /^[mwMW]$/;
const NARROW = /^[iljtfrI1.,:;'!|]$/;

/**
 * Whether the line is set in proportional type: a wide letter (m, w) takes clearly more steps
 * than a narrow one (i, l, t, a stop), by the steps from the character before it to the one
 * after (the model emits a letter somewhere inside it). In monospaced print all take one pitch.
 * A line of few characters passes the pitch test by chance (three or four steps a letter,
 * quartiles a step apart); its wide letters then read as gaps ("docu ments", "im mediately").
 */
function proportional(chars: DecodedChar[]): boolean {
  const wide: number[] = [];
  const narrow: number[] = [];
  for (let i = 1; i + 1 < chars.length; i++) {
    const c = chars[i]!.text;
    if (chars[i - 1]!.text === ' ' || chars[i + 1]!.text === ' ') continue;
    const span = (chars[i + 1]!.t - chars[i - 1]!.t) / 2;
    if (WIDE.test(c)) wide.push(span);
    else if (NARROW.test(c)) narrow.push(span);
  }
  if (!wide.length || !narrow.length) return false;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return mean(wide) - mean(narrow) >= 1;
}

/**
 * Spaces the model saw but did not choose: between two characters where the space class
 * reached `threshold` (the blank won there), a space is put in.
 */
export function insertLikelySpaces(d: Decoded, threshold: number): Decoded {
  const chars: DecodedChar[] = [];
  let added = false;
  for (let i = 0; i < d.chars.length; i++) {
    const c = d.chars[i]!;
    const prev = d.chars[i - 1];
    if (prev && c.text !== ' ' && prev.text !== ' ' && (c.spaceBefore ?? 0) >= threshold) {
      chars.push({ text: ' ', t: Math.round((c.t + prev.t) / 2), prob: c.spaceBefore! });
      added = true;
    }
    chars.push(c);
  }
  if (!added) return d;
  return { ...d, chars, text: chars.map((c) => c.text).join('') };
}

/** Full-width forms (the Chinese-and-Latin model reads "（" for "(" on Latin print) as ASCII. */
function halfWidth(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCodePoint(c - 0xfee0);
  return c === 0x3000 ? ' ' : ch;
}

/**
 * The letter O and the digit 0 look alike in most receipt fonts. In a word of letters with
 * no other digit, a 0 is an O ("L0T", "F00D"); in a number whose only letter is O, the O is
 * a 0 ("1O.00"). One character for one, so the characters' time steps still line up.
 * ("RM0.00" keeps its 0: more zeros than letters.)
 */
function fixZeroAndO(chars: string[]): string[] {
  const out = chars.slice();
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    // Words end at spaces and colons ("N0:00168" is a label and a number).
    if (i < chars.length && chars[i] !== ' ' && chars[i] !== ':') continue;
    const word = chars.slice(start, i).join('');
    const letters = (word.match(/[A-Za-z]/g) ?? []).length;
    const zeros = (word.match(/0/g) ?? []).length;
    const otherDigits = (word.match(/[1-9]/g) ?? []).length;
    const os = (word.match(/[Oo]/g) ?? []).length;
    if (zeros && !otherDigits && letters >= zeros) {
      const upper = (word.match(/[A-Z]/g) ?? []).length >= letters / 2;
      for (let k = start; k < i; k++) if (out[k] === '0') out[k] = upper ? 'O' : 'o';
    } else if (os && letters === os && otherDigits + zeros >= 1) {
      for (let k = start; k < i; k++) if (out[k] === 'O' || out[k] === 'o') out[k] = '0';
    } else if (os) {
      // An O that ends a run of digits ("KR60O") is a 0.
      for (let k = start + 1; k < i; k++) {
        const next = k + 1 < i ? out[k + 1]! : '';
        if ((out[k] === 'O' || out[k] === 'o') && /[0-9]/.test(out[k - 1]!) && !/[A-Za-z]/.test(next)) out[k] = '0';
      }
    }
    start = i + 1;
  }
  return out;
}

/** Latin-print clean-up of a decoded line: full-width forms, then O/0 by their word. */
export function normaliseLatin(d: Decoded): Decoded {
  const texts = fixZeroAndO(d.chars.map((c) => halfWidth(c.text)));
  if (texts.every((t, i) => t === d.chars[i]!.text)) return d;
  const chars = d.chars.map((c, i) => ({ ...c, text: texts[i]! }));
  return { ...d, chars, text: texts.join('') };
}

/** Writes RGBA pixels (w × 48) into plane-major BGR floats at -1..1, into a [n, 3, 48, stride] batch at item `i`. */
export function writeNormalised(rgba: Uint8ClampedArray | Uint8Array, w: number, h: number, out: Float32Array, i: number, stride: number): void {
  const plane = h * stride;
  const base = i * 3 * plane;
  for (let c = 0; c < 3; c++) {
    const src = 2 - c;
    const o = base + c * plane;
    for (let y = 0; y < h; y++) {
      const row = o + y * stride;
      const from = y * w * 4 + src;
      for (let x = 0; x < w; x++) out[row + x] = rgba[from + x * 4]! / 127.5 - 1;
    }
  }
}

/** Rotates RGBA pixels by 180° in place. */
export function rotate180(rgba: Uint8ClampedArray): void {
  const px = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength >> 2);
  px.reverse();
}

export interface Batch {
  /** indices into the lines, narrowest first */
  items: number[];
  /** the padded width of the batch */
  width: number;
}

/**
 * Groups lines of the given widths (at height 48) into batches, sorted by width so the
 * padding is small: at most `size` lines and `maxPixels` padded pixels a batch, widths
 * padded up to a multiple of `bucket` (fewer distinct shapes for WebGPU).
 */
export function planBatches(widths: number[], size = 8, maxPixels = REC_HEIGHT * 8 * 1280, bucket = 32, minWidth = REC_MIN_WIDTH, maxWaste = 1): Batch[] {
  const order = widths.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!);
  const batches: Batch[] = [];
  let cur: number[] = [];
  let sum = 0;
  const padded = (w: number) => Math.max(minWidth, Math.ceil(w / bucket) * bucket);
  for (const i of order) {
    const width = padded(widths[i]!);
    // The padding a batch carries is computed for nothing: past `maxWaste` of its pixels, a new batch.
    const waste = 1 - (sum + widths[i]!) / ((cur.length + 1) * width);
    if (cur.length && (cur.length >= size || (cur.length + 1) * width * REC_HEIGHT > maxPixels || waste > maxWaste)) {
      batches.push({ items: cur, width: padded(widths[cur[cur.length - 1]!]!) });
      cur = [];
      sum = 0;
    }
    cur.push(i);
    sum += widths[i]!;
  }
  if (cur.length) batches.push({ items: cur, width: padded(widths[cur[cur.length - 1]!]!) });
  return batches;
}
