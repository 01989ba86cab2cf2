// Commas and stops on a name or address line, looked for in the ink. Each recogniser reads some
// marks that are not printed (PP-OCR a stop in a wide gap, "Cochrane.", "55100. KUALA"; Tesseract
// a comma for a speck) and the merge of their readings keeps every mark either read. A mark only
// one of them read stands where the ink after its word holds a mark: a small blob low on the
// line, after the word's last letter. Where the word's last glyph is a letter and nothing follows
// it, the mark goes. Where the two readings disagree on comma or stop, the blob's shape says
// which, when it is clear (a comma reaches below the line or stands taller than a stop).
// The words are found in the ink by the gaps between glyphs: a line read as K words has its
// K − 1 widest gaps between them, and only where those stand clear of the gaps inside words.

/** A glyph: ink components that overlap along the line, as one box (page pixels of the crop). */
export interface Glyph {
  x0: number;
  /** exclusive */
  x1: number;
  y0: number;
  /** exclusive */
  y1: number;
  /** ink pixels */
  n: number;
}

/** What the ink says of a word's end: a mark (and which, where its shape is clear), none, or nothing sure (undefined). */
export interface WordEnd {
  mark: boolean | undefined;
  kind?: ',' | '.';
}

/** The word gaps must be this many times the widest gap left inside a word. */
const CLEAR_GAPS = 1.3;

/**
 * The ink's glyphs, left to right: 8-connected components of `ink` (`width` × `height`, 1 for
 * ink), those overlapping along the line joined (a letter's dots on a dot-matrix print, an i's
 * dot). Components of one pixel are specks and dropped.
 */
export function glyphsOf(ink: Uint8Array, width: number, height: number): Glyph[] {
  const label = new Int32Array(width * height);
  const comps: Glyph[] = [];
  const stack: number[] = [];
  for (let p = 0; p < ink.length; p++) {
    if (!ink[p] || label[p]) continue;
    const g: Glyph = { x0: width, x1: 0, y0: height, y1: 0, n: 0 };
    label[p] = comps.length + 1;
    stack.push(p);
    while (stack.length) {
      const q = stack.pop()!;
      const x = q % width;
      const y = (q - x) / width;
      g.n++;
      if (x < g.x0) g.x0 = x;
      if (x + 1 > g.x1) g.x1 = x + 1;
      if (y < g.y0) g.y0 = y;
      if (y + 1 > g.y1) g.y1 = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const r = yy * width + xx;
          if (ink[r] && !label[r]) {
            label[r] = comps.length + 1;
            stack.push(r);
          }
        }
      }
    }
    comps.push(g);
  }
  comps.sort((a, b) => a.x0 - b.x0);
  const out: Glyph[] = [];
  for (const c of comps) {
    if (c.n < 2) continue;
    const last = out[out.length - 1];
    if (last && c.x0 < last.x1) {
      last.x1 = Math.max(last.x1, c.x1);
      last.y0 = Math.min(last.y0, c.y0);
      last.y1 = Math.max(last.y1, c.y1);
      last.n += c.n;
    } else out.push({ ...c });
  }
  return out;
}

/** The glyphs split into `words` runs at the widest gaps between them; null where those gaps do not stand clear of the rest. */
export function splitWords(glyphs: readonly Glyph[], words: number): Glyph[][] | null {
  if (words < 1 || glyphs.length < words) return null;
  const gaps = glyphs.slice(1).map((g, i) => ({ i, gap: g.x0 - glyphs[i]!.x1 }));
  const byWidth = [...gaps].sort((a, b) => b.gap - a.gap);
  const cuts = byWidth.slice(0, words - 1);
  const inside = byWidth[words - 1]?.gap ?? 0;
  if (cuts.length && Math.min(...cuts.map((c) => c.gap)) < CLEAR_GAPS * Math.max(1, inside)) return null;
  const at = cuts.map((c) => c.i).sort((a, b) => a - b);
  const out: Glyph[][] = [];
  let from = 0;
  for (const i of [...at, glyphs.length - 1]) {
    out.push(glyphs.slice(from, i + 1));
    from = i + 1;
  }
  return out;
}

const tall = (g: Glyph) => g.y1 - g.y0;

/**
 * What ends a word of glyphs. Its letters' height is that of its glyph before the last that is
 * at least half the word's tallest (a mark or a fragment before the last glyph is passed over).
 * A mark is a blob in the lower half of that letter, reaching its foot, at most 0.65 of its
 * height and half of it wide, and no flatter than a dash. No mark: the last glyph is a letter
 * (0.6 of the height or more, and reaching the letters' top or 0.35 of their height wide). A comma: half the height or more, or 0.3 of it reaching 0.15 below
 * the foot; a stop: at most 0.22 and not below the foot. (Over SROIE's box texts, marks this
 * clear were told apart 235 times in 240; the shapes between are left to the readings.)
 */
export function wordEnd(word: readonly Glyph[]): WordEnd {
  if (word.length < 2) return { mark: undefined };
  const last = word[word.length - 1]!;
  const tallest = Math.max(...word.map(tall));
  const ref = [...word.slice(0, -1)].reverse().find((g) => tall(g) >= 0.5 * tallest);
  if (!ref) return { mark: undefined };
  const h = tall(ref);
  const lh = tall(last);
  const lw = last.x1 - last.x0;
  // a letter: as tall as the letters' body, reaching their top or as wide as a round letter
  // (a dot-matrix comma may stand 0.6 of a capital's height, narrow and low)
  if (lh >= 0.6 * h && (last.y0 <= ref.y0 + 0.3 * h || lw >= 0.35 * h)) return { mark: false };
  const low = last.y0 >= ref.y0 + 0.5 * h && last.y1 >= ref.y1 - 0.15 * h;
  const shaped = lh <= 0.65 * h && lw <= 0.5 * h && lw <= 1.6 * lh && lh >= 0.1 * h;
  if (!low || !shaped) return { mark: undefined };
  const below = last.y1 - ref.y1;
  const kind = lh >= 0.5 * h || (below >= 0.15 * h && lh >= 0.3 * h) ? ',' : lh <= 0.22 * h && below <= 0 ? '.' : undefined;
  return kind ? { mark: true, kind } : { mark: true };
}

/** A word's end with no mark at the level of its letters holds one where this many faint pixels (in its height squared) lie in the mark's place. */
const FAINT_SHARE = 0.01;

/**
 * The ends of a line's `words` words, from its grey pixels (`width` × `height`, ink darker than
 * `level`; the line's glyphs left of `right`): null where the ink does not split into that many
 * words clearly. A word that ends in a letter at `level` is looked at again for a faint mark
 * after it (a stop printed lighter than the letters, "LUMPUR."): ink halfway between `level` and
 * the paper, low on the line, within 0.8 of a letter's height after it (and before the next
 * word); where that is found, the end is not sure.
 */
export function inkWordEnds(grey: Uint8Array, width: number, height: number, level: number, words: number, right = width): WordEnd[] | null {
  const ink = new Uint8Array(width * height);
  for (let p = 0; p < ink.length; p++) ink[p] = grey[p]! < level ? 1 : 0;
  const split = splitWords(
    glyphsOf(ink, width, height).filter((g) => g.x0 < right),
    words,
  );
  if (!split) return null;
  const faint = level + (paper(grey) - level) / 2;
  return split.map((word, k) => {
    const end = wordEnd(word);
    if (end.mark !== false) return end;
    const last = word[word.length - 1]!;
    const h = tall(last);
    const x1 = Math.min(width, split[k + 1]?.[0]!.x0 ?? width, last.x1 + Math.ceil(0.8 * h));
    const y0 = Math.round(last.y0 + 0.5 * h);
    const y1 = Math.min(height, Math.round(last.y1 + 0.3 * h));
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = last.x1; x < x1; x++) if (grey[y * width + x]! < faint) n++;
    return n >= Math.max(3, FAINT_SHARE * h * h) ? { mark: undefined } : end;
  });
}

/** The paper's grey: the level nine pixels in ten are at or below. */
function paper(grey: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (const v of grey) hist[v]!++;
  let n = 0;
  for (let v = 0; v < 256; v++) if ((n += hist[v]!) >= 0.9 * grey.length) return v;
  return 255;
}

/** A line's words as the ink shows them: a mark standing alone after a word belongs to it ("485 ,"). */
export function markedWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(' ').filter(Boolean)) {
    if (out.length && /^[,.]+$/.test(w)) out[out.length - 1] += w;
    else out.push(w);
  }
  return out;
}
