// Words and snippets: the tokeniser shared by the index and the questions, so that both
// sides reduce words the same way, and the lookup that turns a quote into page text.

import { stemmer as porter } from 'stemmer';

/** Function words and question words: they say how a question is asked, not what about. */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for from with without into onto over under about above below ' +
    'is are was were be been being am do does did done doing have has had having will would shall should can could ' +
    'may might must it its it\'s this that these those there here i me my mine we us our you your he him his she her ' +
    'they them their what which who whom whose when where why how whats what\'s whos who\'s wheres where\'s hows ' +
    'please tell show give given find let say says said know document doc page pages ' +
    'any some all each every no not yes so as than too very just also only own same such more most other ' +
    'one get got much many up down out off again further once s t ' +
    // what is left of a negation's contraction once split at its apostrophe ("wasn't": "wasn" "t")
    'isn aren wasn weren doesn didn don hasn haven hadn wouldn shouldn couldn mustn needn cannot ' +
    // prepositions that say how things stand to each other, not what they are
    'alongside beside besides among amongst within upon toward towards across throughout via per despite onto unto whereas whilst'
  ).split(' '),
);

/** Words that only link a follow-up to what came before ("and the tax?"). */
const FILLER_WORDS = new Set(['about', 'also', 'then', 'else', 'ok', 'okay', 'now', 'one', 'thing']);

/** Stems seen so far: a long job repeats its words, and stemming is the index's main cost. */
const STEMS = new Map<string, string>();
const MOST_STEMS = 200_000;

/**
 * Porter's English stemmer (the stemmer package): "named" and "name", "planned" and "plan",
 * "assistance" and "assistants" meet. Both the index and the question use it, so its stems
 * need only be consistent, not words. Numbers are kept as they are.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size >= MOST_STEMS) STEMS.clear();
    // a word ending in "is" is no plural: "iris" stays, and meets "irises" (Porter: "iris")
    s = /[^s]is$/.test(word) ? word : porter(word);
    STEMS.set(word, s);
  }
  return s;
}

/** Signs that stand for a word: "© 2020 Nevada Supreme Court" holds the copyright. */
const SIGN_WORDS: Record<string, string> = { '©': ' copyright ', '®': ' registered ', '§': ' section ', '%': ' percent ', '@': ' at ' };

/** Digits in three parts or more, or two joined by a hyphen or a tilde: a version, not an amount ("1,234.50", "3.5"). */
export const VERSION = /(?<![\p{L}\p{N}.~-])\d+(?:[.~-][\p{L}\d]+){2,}(?![\p{L}\p{N}]|[.~-][\p{L}\p{N}])|(?<![\p{L}\p{N}.~-])\d+(?:\.\d+)?[~-][\p{L}\d]+(?![\p{L}\p{N}]|[.~-][\p{L}\p{N}])/gu;

/**
 * Splits on anything that is not a letter or a digit; keeps Unicode letters. Compatibility
 * forms are folded first ("ﬁling" is "filing"), and a few signs read as their words.
 */
export function tokenize(text: string): string[] {
  let plain = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
  if (/[©®§%@]/.test(plain)) plain = plain.replace(/[©®§%@]/g, (c) => SIGN_WORDS[c]);
  const tokens = plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // a version or a number in parts ("1.9-1", "3.1~rc1-1", "2.39.5") is one term as well as its
  // parts: "the 1.9-1 upload" names that one, not every entry holding a 1 and a 9
  for (const m of plain.matchAll(VERSION)) tokens.push(m[0]);
  // a footnote's number run into its word ("Pincus21", "24Initial"): the word is there too
  if (!/\p{L}\d|\d\p{L}/u.test(plain)) return tokens;
  const out: string[] = [];
  for (const t of tokens) {
    out.push(t);
    const m = /^(\p{L}{3,})(\d{1,3})$|^(\d{1,3})(\p{L}{3,})$/u.exec(t);
    if (m) out.push(m[1] ?? m[4]!);
  }
  return out;
}

/** Lower-cased stem, or null for a stop word: the index's processTerm. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/^'+|'+$/g, '');
  if (!t || STOP_WORDS.has(t)) return null;
  return stem(t);
}

/** The terms of a passage as the index holds them. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const tok of tokenize(text)) {
    const t = processTerm(tok);
    if (t) out.push(t);
  }
  return out;
}

/** The content terms of a question, stemmed, in order, without repeats. */
export function keywords(text: string): string[] {
  const out: string[] = [];
  // "how long / how many": the adverb asks, it is not a word the answer contains
  const asked = text
    .replace(/['’]s\b/gi, '')
    .replace(/\bhow\s+(?:long|many|much|old|far|often|big|large|tall|soon)\b/gi, ' ')
    // "what kind of fruit": the kind is what is asked, the fruit is what the text names
    .replace(/\b(?:kind|kinds|type|types|sort|sorts)\s+of\b/gi, ' ')
    // idioms that stress the question, not its subject: "who made it in the first place?"
    .replace(/\b(?:in\s+the\s+first\s+place|at\s+all|by\s+the\s+way|exactly|actually|really)\b/gi, ' ')
    // "the oldest Python it runs on": a text says what it requires ("requires python 2.1 or better")
    .replace(/\b(?:oldest|earliest|minimum|lowest)\b(?=.*\b(?:run|runs|work|works|support|supports|need|needs|install|installs)\b)/gi, ' requires ')
    // "where can it be found?": the text says where it is ("is stored in"), not that it is found
    .replace(/\b(?:be|is|are|was|were|been|being)\s+found\b(?!\s+(?:guilty|liable|that|to)\b)/gi, ' ')
    // "am I allowed to charge", "are we permitted to copy": the text says "you may charge"
    .replace(/\b(?:allowed|permitted|able)\s+to\b/gi, ' ')
    // "which level if none is given?" asks for the default, as a manual says it
    .replace(/\b(?:if|when)\s+(?:none|nothing|no\s+\w+|it|one)\s+(?:is|are)(?:\s+not)?\s+(?:given|specified|set|chosen|provided|passed)\b|\bunless\s+(?:otherwise\s+)?(?:specified|given|set)\b/gi, ' default ')
    // "if I don't pass -c, how many …?", "without -c": what it does then is its default
    .replace(/\b(?:if|when)\s+(?:i|you|we|one)\s+(?:don['’]t|do\s+not|doesn['’]t|does\s+not|never)\s+(?:pass|give|use|set|specify|supply|provide|add)\b|\bwithout\s+(?=-)/gi, ' default ');
  for (const tok of tokenize(asked)) {
    const t = processTerm(tok);
    if (t && !FILLER_WORDS.has(t) && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Lines break words with a hyphen; the index and the quotes should see the whole word. A
 * hyphen that ends part of a compound ("fraud-on-the-" / "market") is the compound's own
 * and stays; one inside a plain word ("interro-" / "gation") goes.
 */
export function joinHyphenated(text: string): string {
  return text.replace(/([\p{L}\p{N}][\p{L}\p{N}'’]*)([-‐­])[ \t]*\n\s*(?=\p{Ll})/gu, (_m, word: string, _h: string, offset: number, all: string) => {
    const before = all.slice(Math.max(0, offset - 40), offset);
    const compound = /[\p{L}\p{N}]-$/u.test(before);
    return compound ? `${word}-` : word;
  });
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The exact text of the page that a quote stands for. A quote built from lines can differ
 * from the page text in whitespace only (lines joined by "\n", blocks by "\n\n", or a
 * layout pass that re-flowed them); citations must be substrings of the page text.
 */
export function locateSnippet(pageText: string, snippet: string): string {
  if (!snippet || pageText.includes(snippet)) return snippet;
  const parts = snippet.trim().split(/\s+/).map(escapeRegExp);
  if (!parts.length) return snippet;
  const found = new RegExp(parts.join('\\s+')).exec(pageText);
  return found ? found[0] : snippet.trim();
}

/** Collapses runs of whitespace (newlines included) to one space. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
