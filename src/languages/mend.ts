// English words a recogniser misread in the ways it is known to, put right against a lexicon.
// PP-OCR (the vlm tier) has no class for the fi and fl ligatures of print and drops a letter
// there ("Offce", "eficient"), reads ll as il ("equaily"), c as e ("diffieult"), and a capital I
// that starts a word as l ("lnvestor"). A word the lexicon does not know is changed only when
// exactly one of those single misreadings turns it into a word it knows; names and terms of
// art the lexicon lacks, and words in capitals, stay as read.

/** Whether a lower-case word is an English word (the lexicon). */
export type Knows = (word: string) => boolean;

/** Shorter words are left alone: too many of them are a misreading away from another word. */
const MIN_LETTERS = 5;

/** The words one known misreading away from `w` (lower case), the misreading undone. */
function undone(w: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    // a ligature's letter lost after its f: fi, fl, and ffi read as fi
    if (c === 'f') {
      out.add(`${w.slice(0, i + 1)}i${w.slice(i + 1)}`);
      out.add(`${w.slice(0, i + 1)}l${w.slice(i + 1)}`);
      if (w[i + 1] === 'i') out.add(`${w.slice(0, i + 1)}f${w.slice(i + 1)}`);
    }
    // look-alike letters inside the word (a first letter changed makes a word of a fragment
    // of one: "BAK ERIES" gave CRIES)
    const swap = i === 0 ? null : c === 'i' ? 'l' : c === 'l' ? 'i' : c === 'e' ? 'c' : c === 'c' ? 'e' : null;
    if (swap) out.add(`${w.slice(0, i)}${swap}${w.slice(i + 1)}`);
  }
  out.delete(w);
  return [...out];
}

/** `fixed` written in `like`'s case: a capital first, or as fixed is. */
function inCaseOf(like: string, fixed: string): string {
  if (like[0] === like[0]!.toUpperCase()) return fixed[0]!.toUpperCase() + fixed.slice(1);
  return fixed;
}

/**
 * The word mended, or as it was. Marks around it stay ("Offce," → "Office,"); a word with a
 * digit or a mark inside is left alone.
 */
export function mendWord(word: string, knows: Knows): string {
  const m = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(word);
  if (!m) return word;
  const [, before, core, after] = m as unknown as [string, string, string, string];
  // a word in capitals is a name, a heading or a product on a receipt ("MENTAI" is no MENTAL)
  if (core.length < MIN_LETTERS || /\d/.test(before + after) || core === core.toUpperCase()) return word;
  const lower = core.toLowerCase();
  if (knows(lower)) return word;
  // a word's first letter l where the lexicon knows it begun with I ("lnvestor", "lncluding")
  if (core[0] === 'l' && knows(`i${lower.slice(1)}`) && !knows(lower)) return `${before}I${core.slice(1)}${after}`;
  const found = undone(lower).filter(knows);
  if (found.length !== 1) return word;
  return `${before}${inCaseOf(core, found[0]!)}${after}`;
}

/** A line's text with each of its words mended. */
export function mendText(text: string, knows: Knows): string {
  return text
    .split(/(\s+)/)
    .map((part) => (/\s/.test(part) || !part ? part : mendWord(part, knows)))
    .join('');
}
