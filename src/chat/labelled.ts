// Any "Label: value" pair that the question names: "who is the cashier?" → "CASHIER:
// MANIS", "what family does Iris belong to?" → "Family:" / "Iridaceae". It answers forms
// and receipts beyond the fields the answerer knows by name.
import type { LineRec } from './passages';
import { indexTerms } from './text';
import { best, isAmount, isLabel, textAfter, type Candidate } from '../fields/values';

/** A label longer than the question by more than this is a sentence, not a label. */
const SPARE_LABEL_WORDS = 3;

/**
 * A key without a colon, as a table or an info box prints it: a short title ("Type species")
 * over a short value ("Iris germanica"). Not a sentence: no stop at its end, no digits.
 */
function isKey(line: LineRec, next: LineRec, after: LineRec | undefined): boolean {
  const count = (l: LineRec) => l.text.trim().split(/\s+/).length;
  // a short line that opens a paragraph is the paragraph's first line, not a value
  const opensProse = after && after.page === next.page && after.block === next.block && count(after) > 8;
  return count(line) <= 4 && count(next) <= 6 && !opensProse && /^\p{Lu}/u.test(line.text.trim()) && !/[\d.,;!?]/.test(line.text) && !/[.:;]$/.test(next.text.trim());
}

function labelOf(lines: LineRec[], i: number): { text: string; end: number; colon?: boolean } | null {
  const text = lines[i].text;
  const colon = text.indexOf(':');
  if (colon > 0) return { text: text.slice(0, colon), end: colon + 1 };
  const next = lines[i + 1];
  if (!next || next.page !== lines[i].page) return null;
  // "CHANGE" / "70.00", or "CASHIER" / ": USER": the label's value on the line below
  if ((/^\s*:/.test(next.text) || isAmount(next)) && isLabel(lines[i])) return { text, end: text.length };
  if (isKey(lines[i], next, lines[i + 2])) return { text, end: text.length, colon: false };
  return null;
}

/** "case number", "order no.": words that ask for a code or a number, which the value holds as digits. */
const NUMBER_WORDS = new Set(['number', 'no', 'num', 'id', 'code']);

const covers = (words: string[], term: string) => words.some((w) => w === term || (term.length >= 4 && w.startsWith(term)));

/**
 * How a label may match the question: 'all' = the label holds every question word
 * ("cashier" → "CASHIER:"); 'part' = the question holds every label word and its other
 * words occur on the label's page ("what family does Iris belong to?" → "Family:").
 */
export type LabelMatch = { mode: 'all' } | { mode: 'part'; onPage: (page: number, term: string) => boolean };

function matches(words: string[], terms: string[], how: LabelMatch, page: number): boolean {
  if (how.mode === 'all') return words.length <= terms.length + SPARE_LABEL_WORDS && terms.every((t) => covers(words, t));
  if (words.length > 3 || !words.every((w) => terms.includes(w))) return false;
  return terms.filter((t) => !words.includes(t)).every((t) => how.onPage(page, t));
}

export function findLabelled(
  lines: LineRec[],
  asked: string[],
  how: LabelMatch = { mode: 'all' },
  holds?: (value: string) => boolean,
): Candidate | null {
  const wantsNumber = asked.some((t) => NUMBER_WORDS.has(t)) && asked.some((t) => !NUMBER_WORDS.has(t));
  const terms = wantsNumber ? asked.filter((t) => !NUMBER_WORDS.has(t)) : asked;
  if (!terms.length || terms.length > 5) return null;
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const label = labelOf(lines, i);
    if (!label) continue;
    const words = indexTerms(label.text);
    if (!words.length || !matches(words, terms, how, lines[i].page)) continue;
    const found = textAfter(lines, i, label.end);
    if (!found || /:\s*$/.test(found.value)) continue;
    if ((wantsNumber && !/\d/.test(found.value)) || (holds && !holds(found.value))) continue;
    out.push({ ...found, score: words.length / terms.length + (label.colon === false ? 0 : 0.01), order: i, label: label.text.trim() });
  }
  return best(out, true);
}
