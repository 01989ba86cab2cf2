// A Malaysian address's postcode and its town agree: each postcode belongs to one post town, in
// Pos Malaysia's list as the malaysia-postcodes package ships it (444 towns of 16 states). Where
// OCR misread the town's letters ("45600 BAIANG BERJUNTA!", "Shah 4lam,40150") the postcode names
// the town meant; where it misread one of the postcode's digits into one the list does not hold
// ("47391 PETALING JAYA") the town names the postcode meant. The two are checked against each
// other as a bill's sums are: a town is put right only when its postcode's town is one letter off
// what was read (look-alike letters aside), a postcode only when exactly one postcode a digit off
// it belongs to the town read.
import { oneApart, skeleton } from './repair';
import { TOWN_OF } from './town-words';

/** A town's words this short are put right only through look-alike letters ("SRI" is printed for SERI). */
const SHORT_WORD = 4;

/**
 * Whether `read` (a town as OCR read it, as many words as the town has) is `town` misread: word by
 * word the same through look-alike letters, but for one letter changed, lost or added in one word
 * longer than SHORT_WORD.
 */
function readsAs(read: string, town: string): boolean {
  const got = read.toUpperCase().split(/\s+/);
  const want = town.split(' ');
  if (got.length !== want.length) return false;
  let budget = 1;
  for (let i = 0; i < want.length; i++) {
    const g = skeleton(got[i]!);
    const w = skeleton(want[i]!);
    if (g === w) continue;
    if (!oneApart(g, w) || want[i]!.length <= SHORT_WORD || budget-- === 0) return false;
  }
  return true;
}

/** `town` in the case `read` was read in: capitals, small letters, or each word capitalised. */
function asRead(read: string, town: string): string {
  const letters = read.replace(/[^\p{L}]/gu, '');
  if (letters === letters.toUpperCase()) return town;
  if (letters === letters.toLowerCase() && /^\p{L}/u.test(read)) return town.toLowerCase();
  return town.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

/** The `count` words after `from` (a space between each; a comma or the end of the text ends the last), with the gap before them. */
function wordsAfter(text: string, from: number, count: number): { gap: string; words: string; end: number } | null {
  const m = new RegExp(String.raw`^([\s,.]*)((?:[^\s,]+ +){${count - 1}}[^\s,]+?)(?=[.,;:]*(?:[\s,]|$))`, 'u').exec(text.slice(from));
  return m ? { gap: m[1]!, words: m[2]!, end: from + m[0].length } : null;
}

/** The `count` words before `to`, ending where the postcode's gap begins. */
function wordsBefore(text: string, to: number, count: number): { words: string; start: number } | null {
  const m = new RegExp(String.raw`(?:^|[\s,])((?:[^\s,]+ +){${count - 1}}[^\s,]+?)[.,;:]*[\s,]*$`, 'u').exec(text.slice(0, to));
  return m ? { words: m[1]!, start: m.index + m[0].indexOf(m[1]!) } : null;
}

/** The postcodes one digit off `code` that the list holds. */
function digitOff(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) for (const d of '0123456789') if (d !== code[i]) out.push(code.slice(0, i) + d + code.slice(i + 1));
  return out.filter((c) => TOWN_OF.get(c));
}

/** An address with its postcode's town, or its postcode, put right against each other (see above). */
export function postcodeTown(address: string): string {
  const codes = [...address.matchAll(/(?<![\p{N}\p{L}])\d{5}(?![\p{N}])/gu)];
  // one postcode: two five-figure numbers may be a lot's and a postcode
  if (codes.length !== 1) return address;
  const at = codes[0]!.index!;
  const code = codes[0]![0];
  const town = TOWN_OF.get(code);
  if (town) {
    const count = town.split(' ').length;
    const after = wordsAfter(address, at + 5, count);
    if (after && readsAs(after.words, town)) return address.slice(0, at + 5) + after.gap + asRead(after.words, town) + address.slice(at + 5 + after.gap.length + after.words.length);
    const before = wordsBefore(address, at, count);
    if (before && readsAs(before.words, town)) return address.slice(0, before.start) + asRead(before.words, town) + address.slice(before.start + before.words.length);
  }
  // a postcode the list does not hold, before a town read whole that one postcode a digit off belongs to
  // (a postcode the list holds is taken as printed: a shop may print a town that is not its post town)
  if (TOWN_OF.has(code)) return address;
  const fits = digitOff(code).filter((c) => {
    const t = TOWN_OF.get(c)!;
    const after = wordsAfter(address, at + 5, t.split(' ').length);
    return after !== null && after.words.toUpperCase() === t;
  });
  if (fits.length === 1) return postcodeTown(address.slice(0, at) + fits[0] + address.slice(at + 5));
  return address;
}
