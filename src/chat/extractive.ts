// The answerer that needs no model: it quotes the line, sentence or labelled value that
// answers, with its page, and says so when the document does not hold the answer, rather
// than guess.
import type { ChatMessage, Citation } from '../shared/contract';
import { findField, type FieldAnswer } from '../fields/find';
import { resolveQuestion, type FieldName, type ResolvedQuestion } from './intent';
import { findLabelled, type LabelMatch } from './labelled';
import type { LineRec, PassageRec } from './passages';
import { buildIndex, coverageOf, questionWords, searchTerms, weight, type DocIndex, type Hit } from './search';
import { amounts, findDate, findPhones, findTime } from '../fields/patterns';
import { escapeRegExp, indexTerms, joinHyphenated, locateSnippet, squash, stem } from './text';
import type { Answerer, AnswerInput } from './types';
import type { WordVectors } from './vectors';
import { findHead, headAsk, type HeadAsk } from './document-head';
import { answerType, type AnswerType } from './answer-type';
import { lostDate, secondOpinion, type LineReader } from './second-opinion';
import { findTableCell } from './tables';
import { askedEntry, namedEntryPart, namedPart, optionsIn, versionsIn } from './changelog';

export const NOT_FOUND = "I couldn't find that in this document.";

/** Share of the question's term weight a sentence must hold to count as the answer. */
const MIN_COVERAGE = 0.65;
/**
 * The same when the question's form asks for a kind of value ("when", "how many") and the
 * sentence holds one: the form words are gone from the terms, and the value stands in for
 * them, so fewer words need to match.
 */
const MIN_TYPED_COVERAGE = 0.5;
/** A sentence that lacks the value a soft kind (who, why) asks for ranks this much lower. */
const SOFT_MISS = 0.6;
/** Sentences looked at beyond the top BM25 hit: coverage can reorder them. */
const CANDIDATES = 20;

/** Quotes lines: neighbours on a page make one snippet, others their own. */
export function citeLines(index: DocIndex, lines: LineRec[]): Citation[] {
  const runs: LineRec[][] = [];
  for (const l of [...lines].sort((a, b) => a.order - b.order)) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.page === l.page && l.order === last.order + 1) run.push(l);
    else if (!last || last.order !== l.order) runs.push([l]);
  }
  return runs.map((run) => ({
    page: run[0].page,
    snippet: locateSnippet(index.pageText.get(run[0].page) ?? '', run.map((l) => l.text.trim()).join('\n')),
  }));
}

const SUBJECT: Record<FieldName, string> = {
  total: 'The total',
  subtotal: 'The subtotal',
  tax: 'The tax',
  date: 'The date',
  time: 'The time',
  vendor: 'The company',
  number: 'The document number',
  address: 'The address',
  phone: 'The phone number',
};

function subjectOf(found: FieldAnswer, question: string): string {
  if (found.field === 'number' && found.label) return `The ${found.label.toLowerCase()} number`;
  if (found.field === 'phone' && /\bfax\b/i.test(question)) return 'The fax number';
  const qualifier = found.field === 'date' ? /\b(due|invoice|order|delivery)\s+date\b/i.exec(question)?.[1] : undefined;
  return qualifier ? `The ${qualifier.toLowerCase()} date` : SUBJECT[found.field];
}

const pagesOf = (citations: Citation[]) => [...new Set(citations.map((c) => c.page))].map((p) => `p. ${p}`).join(', ');

function reply(content: string, citations: Citation[]): ChatMessage {
  return { role: 'assistant', content, citations };
}

/** A passage of the document quoted as the answer, cited on its page. */
function quoted(index: DocIndex, page: number, text: string): ChatMessage {
  return reply(`The document says: "${squash(joinHyphenated(text))}" (p. ${page}).`, citeText(index.pageText.get(page) ?? '', page, text));
}

async function fromField(index: DocIndex, q: ResolvedQuestion, reader: LineReader | undefined, signal?: AbortSignal, pageWidth: (page: number) => number | undefined = () => undefined): Promise<ChatMessage | null> {
  if (!q.field) return null;
  const found = findField(q.field, index.lines, q.text);
  if (!found && q.field === 'date') {
    // the scan shows a date's label and lost its value: the other recogniser reads that row
    const lost = await lostDate(index.lines, pageWidth, reader, signal);
    if (!lost) return null;
    const citations = citeLines(index, [lost.line]);
    return reply(`The date is ${lost.value} (${pagesOf(citations)}). The line "${squash(lost.line.text)}" lost its value in the first reading; a second reading (${lost.engine}) of that row gives it.`, citations);
  }
  if (!found) return null;
  const citations = citeLines(index, found.cite);
  const note = found.note ? ` ${found.note}` : '';
  const subject = subjectOf(found, q.text);
  const opinion = await secondOpinion(found, reader, signal);
  const value = squash(found.value);
  if (opinion.verdict === 'differ') {
    const line = squash(opinion.line.text);
    return reply(
      `${subject} is unsure: the line "${line}" is hard to read (${pagesOf(citations)}). The first reading gives ${value}; a second reading (${opinion.engine}) gives ${squash(opinion.second)}.${note}`,
      citations,
    );
  }
  const second =
    opinion.verdict === 'agree'
      ? ` A second reading (${opinion.engine}) of the unclear line agrees.`
      : opinion.verdict === 'unread'
        ? ` The line "${squash(opinion.line.text)}" is hard to read, and a second reading (${opinion.engine}) found no value on it: check the scan.`
        : '';
  return reply(`${subject} is ${value} (${pagesOf(citations)}).${note}${second}`, citations);
}

const HEAD_SUBJECT: Record<HeadAsk, string> = {
  authors: 'The authors are',
  journal: 'It was published in',
  published: 'It was published in',
  copyright: 'The copyright is held by',
  'opinion-judge': 'The opinion was written by',
  pages: 'By its page numbers, the document has',
};

/** Who wrote it, where it was published, whose copyright: from the lines that say so by convention. */
function fromHead(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  const ask = headAsk(q.text);
  const found = ask && findHead(ask, index.lines);
  if (!found) return null;
  const citations = citeLines(index, found.cite);
  return reply(`${HEAD_SUBJECT[found.ask]} ${squash(found.value)} (${pagesOf(citations)}).`, citations);
}

/** When a changelog's entry was signed, and by whom: the signature that closes the entry the question names. */
function fromChangelog(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  const entry = q.field ? null : askedEntry(index.lines, q.text);
  if (!entry) return null;
  const citations = citeLines(index, [entry.header, entry.signature]);
  return reply(`The ${entry.version} entry was signed by ${entry.name} on ${entry.date} (${pagesOf(citations)}).`, citations);
}

/** The least share of the question's other words the best sentence of a named part must hold. */
const MIN_PART_COVERAGE = 0.2;

/**
 * A question that names a version ("which protocol version did the 1.9-1 upload move to?")
 * is about that version's part of the changelog or release notes: its best sentence answers,
 * matched on the question's other words, as no sentence of the part repeats the version.
 */
function fromPart(index: DocIndex, q: ResolvedQuestion, vectors?: WordVectors): ChatMessage | null {
  if (q.field) return null;
  const part = namedPart(index.lines, q.text) ?? namedEntryPart(index.lines, q.text);
  if (!part) return null;
  const versionTerms = new Set([...versionsIn(q.text), ...optionsIn(q.text)].flatMap((v) => indexTerms(v)));
  const terms = q.terms.filter((t) => !versionTerms.has(t));
  const type = answerType(q.text);
  const inside = squash(part.map((l) => l.text).join(' '));
  const pages = new Set(part.map((l) => l.page));
  const hits = searchTerms(index, contentTerms(terms, type), index.passages.length, new Set(q.own), questionWords(q.text, vectors))
    .filter((h) => pages.has(h.passage.page) && inside.includes(squash(h.passage.text)) && (!type || holdsAnswer(type, h.passage.text, q.text)));
  // a question after the default ("if I don't pass -c, how many …?") is answered by the
  // sentence of the part that says it ("Default 16."), however few of its other words it holds
  const says = terms.includes('default') ? hits.filter((h) => /\bdefault/i.test(h.passage.text)) : [];
  const best = (says.length ? says : hits.filter((h) => h.coverage >= MIN_PART_COVERAGE)).sort((a, b) => b.score * b.coverage - a.score * a.coverage)[0];
  if (!best) return null;
  const { page, text } = best.passage;
  return quoted(index, page, text);
}

function fromLabel(index: DocIndex, q: ResolvedQuestion, how: LabelMatch): ChatMessage | null {
  const type = q.field ? null : answerType(q.text);
  // "Total Amount:" over "Cash Received" is a label with its amount lost, not an answer;
  // "Aseem Patel:" answers "her email?" only with an email
  const holds = (q.field && HOLDS[q.field]) || (type && ((v: string) => holdsAnswer(type, v, q.text)));
  const found = findLabelled(index.lines, contentTerms(q.terms, type), how, holds || undefined);
  if (!found) return null;
  const citations = citeLines(index, found.cite);
  return reply(`${squash(found.label)}: ${squash(joinHyphenated(found.value))} (${pagesOf(citations)}).`, citations);
}

/** A table's cell where the row the question names meets the column it asks for. */
function fromTable(input: AnswerInput, q: ResolvedQuestion): ChatMessage | null {
  if (q.field) return null;
  const cell = findTableCell(input.job, q.text, answerType(q.text), input.vectors);
  if (!cell) return null;
  const label = cell.column === cell.row ? cell.row : `${cell.row}, ${cell.column}`;
  return reply(`${squash(label)}: ${squash(cell.value)} (p. ${cell.page}, in a table).`, [{ page: cell.page, snippet: cell.snippet }]);
}

/** A question that asks for a code by what it stands for: "what exit code does it give when …?" */
const ASKS_CODE = /\b(?:which|what)\s+(?:\w+\s+)?(?:exit|return|error|status|result)\s+(?:code|value|status)s?\b|\b(?:which|what)\s+(?:exit\s+)?(?:code|status)\b/i;
/** A list's key alone on its line ("2", "-1", "E42:"), its meaning on the next. */
const KEY_LINE = /^\s*(-?\d{1,3}|[A-Z]{1,4}-?\d{1,4})\s*[:.)]?\s*$/u;
/** Or key and meaning on one line: "2 problems with input file.", "E42: Disk full." */
const KEY_AND_TEXT = /^\s*(-?\d{1,3}|[A-Z]{1,4}-?\d{1,4})\s*[:.)-]?\s+(\p{L}.*)$/u;
/** A list of codes has this many entries at least. */
const LEAST_CODES = 3;
/** The least share of the question's other words the meaning must hold. */
const MIN_CODE_SHARE = 0.3;

/**
 * "What exit code does xxd give when something is wrong with the input file?": the entry of a
 * list of codes ("0 no errors encountered." / "2 problems with input file." / "3 problems with
 * output file.") whose meaning holds the most of the question's other words, and more than
 * any other entry.
 */
function fromCodeList(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  if (q.field || !ASKS_CODE.test(q.text)) return null;
  const asking = new Set(indexTerms('exit return error status result code codes value values give gives'));
  // the words the document writes: "something is wrong with" is the question's way of saying "problems"
  const terms = q.terms.filter((t) => !asking.has(t) && index.docFreq.has(t));
  if (terms.length < 2) return null;
  const total = terms.reduce((sum, t) => sum + weight(index, t), 0);
  const entries: Array<{ key: LineRec; text: LineRec; share: number }> = [];
  const lines = index.lines;
  for (let k = 0; k < lines.length; k++) {
    const alone = KEY_LINE.exec(lines[k]!.text);
    const joined = alone ? null : KEY_AND_TEXT.exec(lines[k]!.text);
    const text = alone ? lines[k + 1] : joined ? lines[k] : undefined;
    if (!text || (alone && !/^\s*\p{L}/u.test(text.text))) continue;
    const has = new Set(indexTerms(joined ? joined[2]! : text.text));
    const share = terms.reduce((sum, t) => sum + (has.has(t) ? weight(index, t) : 0), 0) / total;
    entries.push({ key: lines[k]!, text, share });
  }
  if (entries.length < LEAST_CODES) return null;
  const [best, next] = [...entries].sort((a, b) => b.share - a.share);
  if (!best || best.share < MIN_CODE_SHARE || (next && next.share >= best.share)) return null;
  const cite = best.key === best.text ? [best.key] : [best.key, best.text];
  const citations = citeLines(index, cite);
  return reply(`The document says: "${cite.map((l) => squash(l.text)).join(' ')}" (${pagesOf(citations)}).`, citations);
}

/** A question that asks what a code or a number stands for: "what does it mean when tar exits with status 2?" */
const ASKS_MEANING = /\b(?:mean|means|meaning|stands?\s+for|signif(?:y|ies|icance)|indicates?)\b/i;
/** A list's entry keyed by a number or a code: "2 Fatal error.", "E42: Disk full." */
const KEYED = /^\s*(-?\d+|[A-Z]{1,4}-?\d+)\s*[:.)-]?\s+(?=\p{Lu})/u;
/** Entries of the same list lie this many sentences apart at most. */
const ENTRY_REACH = 6;

/**
 * "What does exit status 2 mean?": the entry of a list keyed by the number the question writes
 * ("0 Successful termination." / "1 Some files differ." / "2 Fatal error. This means …"), in a
 * paragraph that also holds another word of the question ("exit"): the entry's sentences, up to
 * the next key.
 */
function fromKeyedEntry(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  if (q.field || !ASKS_MEANING.test(q.text)) return null;
  const keys = new Set(q.text.match(/(?<![\w.])(?:-?\d+|[A-Z]{1,4}-?\d+)(?![\w.])/g) ?? []);
  if (!keys.size) return null;
  const others = q.terms.filter((t) => !keys.has(t) && !/^\d+$/.test(t) && !/^mean/.test(t));
  const found: PassageRec[][] = [];
  index.passages.forEach((p, i) => {
    const key = KEYED.exec(p.text)?.[1];
    if (!key || !keys.has(key)) return;
    const near = index.passages.slice(Math.max(0, i - ENTRY_REACH), i + ENTRY_REACH + 1).filter((n) => sameParagraph(n, p) && n !== p);
    // another entry of the list beside it, and the list's lead-in or entries name what the question is about
    if (!near.some((n) => KEYED.test(n.text))) return;
    const words = new Set(near.concat(p).flatMap((n) => indexTerms(n.text)));
    if (!others.some((t) => words.has(t))) return;
    const entry = [p];
    for (let j = i + 1; j < index.passages.length && entry.length < 3; j++) {
      const n = index.passages[j]!;
      if (!sameParagraph(n, p) || KEYED.test(n.text)) break;
      entry.push(n);
    }
    found.push(entry);
  });
  if (found.length !== 1) return null;
  const entry = found[0]!;
  const page = entry[0]!.page;
  const text = entry.map((p) => p.text).join('\n');
  return quoted(index, page, text);
}

/** Nouns after "which"/"what" that name no kind of thing ("what time", "which way"). */
const VAGUE_NOUNS = new Set(['time', 'kind', 'kinds', 'type', 'types', 'sort', 'sorts', 'way', 'ways', 'part', 'parts', 'one', 'ones', 'thing', 'things', 'other', 'else']);

/** The kind of thing a "what …"/"which …" question asks for: "license" of "what license is it released under?". */
function askedNoun(question: string): string | undefined {
  const m = /\b(?:which|what)\s+(\p{L}[\p{L}-]*)\s+(?:is|are|was|were|does|do|did|has|have)\b/iu.exec(question);
  if (!m || VAGUE_NOUNS.has(m[1]!.toLowerCase())) return undefined;
  return indexTerms(m[1]!)[0];
}

/** A section's heading: a word or two, capitalised, no stop, no digits. */
const HEADING = /^\s*\p{Lu}[\p{L}’'-]*(?:\s+[\p{L}’'-]+)?\s*$/u;

/**
 * "What license is the library released under?" of a README whose section headed "License"
 * opens "MIT. See LICENSE.md for details.": the kind of thing the question asks for is a
 * section's heading, and the section's first line says which.
 */
function fromSection(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  const asked = q.field ? undefined : askedNoun(q.text);
  if (!asked) return null;
  const found: LineRec[][] = [];
  index.lines.forEach((line, i) => {
    const next = index.lines[i + 1];
    if (!next || next.page !== line.page || !HEADING.test(line.text)) return;
    const terms = indexTerms(line.text);
    if (terms.length !== 1 || terms[0] !== asked) return;
    // the section's first line says something: a sentence, not another heading
    if (HEADING.test(next.text) || !/\p{L}{2}/u.test(next.text)) return;
    found.push([line, next]);
  });
  if (found.length !== 1) return null;
  const [heading, first] = found[0]!;
  const citations = citeLines(index, [heading!, first!]);
  return reply(`${squash(heading!.text)}: ${squash(first!.text)} (${pagesOf(citations)}).`, citations);
}

/** Whether a page holds a word (or a word it starts): the check on a label's context. */
function pageHas(index: DocIndex): (page: number, term: string) => boolean {
  const seen = new Map<number, string[]>();
  return (page, term) => {
    if (!seen.has(page)) seen.set(page, [...new Set(indexTerms(joinHyphenated(index.pageText.get(page) ?? '')))]);
    return seen.get(page)!.some((w) => w === term || (term.length >= 4 && w.startsWith(term)));
  };
}

/** A sentence that only repeats the question's words ("CASHIER") tells nothing. */
function saysMore(text: string, terms: string[]): boolean {
  return indexTerms(text).some((t) => !terms.some((q) => t === q || t.startsWith(q) || q.startsWith(t)));
}

/** When a field was asked for, a quoted line must at least hold that kind of value. */
const HOLDS: Partial<Record<FieldName, (text: string) => boolean>> = {
  total: (t) => amounts(t.toUpperCase()).length > 0,
  subtotal: (t) => amounts(t.toUpperCase()).length > 0,
  tax: (t) => amounts(t.toUpperCase()).length > 0,
  date: (t) => findDate(t) !== null,
  time: (t) => findTime(t) !== null,
  phone: (t) => findPhones(t).length > 0,
  number: (t) => /\d/.test(t),
};

/** Words that point back to the sentence before: "They are called 'standards'." */
const ANAPHOR = /^(?:they|it|this|these|those|he|she|its|their|his|her|such|there)\b/i;

/**
 * A quote as citations of exact page text: one snippet when the quote runs on in the page
 * text, else one per stretch that does (a sentence whose first line the reading order put
 * elsewhere on the page).
 */
function citeText(pageText: string, page: number, text: string): Citation[] {
  const whole = locateSnippet(pageText, text);
  if (pageText.includes(whole)) return [{ page, snippet: whole }];
  const out: Citation[] = [];
  let run = '';
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const longer = run ? locateSnippet(pageText, `${run}\n${line}`) : '';
    if (run && pageText.includes(longer)) run = longer;
    else {
      if (run) out.push({ page, snippet: run });
      run = locateSnippet(pageText, line);
    }
  }
  if (run) out.push({ page, snippet: run });
  return out.filter((c) => pageText.includes(c.snippet));
}

/** A caption or heading ("Iris reichenbachii fruit"): a few words, no verb's stop, no value. */
function isFragment(text: string): boolean {
  return text.trim().split(/\s+/).length < 5 && !/[.!?;:]\W*$/.test(text.trim()) && !/\d/.test(text);
}

/**
 * "What is a beard?" asks for a definition: a sentence that says what the thing is ("a
 * "beard", a row of fuzzy hairs"; "the fruit is a capsule") answers it before one that only
 * mentions the word.
 */
function defines(text: string, question: string): number {
  const m = /^\s*(?:what|who)\s+(?:is|are|was|were)\s+(?:a|an|the)?\s*([\p{L}-]+)\s*(?:[\p{L}-]+\s*)?\??\s*$/iu.exec(question) ??
    /^\s*what\s+(?:is|are|was|were)\s+(?:a|an|the)?\s*([\p{L}-]+)\s+(?:on|of|in)\b/iu.exec(question);
  if (!m) return 1;
  const word = escapeRegExp(stem(m[1].toLowerCase()));
  const says = new RegExp(`\\b${word}\\p{L}*["”’']?\\s*(?:,\\s*(?:a|an|the|which|who)\\b|\\s+(?:is|are|was|were|means|refers)\\b|\\s*\\()`, 'iu');
  return says.test(text) ? 2 : 1;
}

/** The question's terms less the words that only say what kind of value it asks for. */
function contentTerms(terms: string[], type: AnswerType | null): string[] {
  if (!type) return terms;
  const left = terms.filter((t) => !type.kindWords.has(t));
  return left.length ? left : terms;
}

/** Whether a text holds a value of the asked kind beyond the values the question itself names. */
function holdsAnswer(type: AnswerType, text: string, question: string): boolean {
  // each number the question writes is taken out as often as the question writes it: the
  // sentence that says it once more ("turtle.right(25) … turns 25 degrees") holds the answer
  const own = question.match(/\d[\d,.]*\d|\d/g) ?? [];
  let rest = text;
  for (const v of own) rest = rest.replace(new RegExp(`(?<![\\d.,])${escapeRegExp(v)}(?![\\d]|[.,]\\d)`), ' ');
  // "Who wrote it with Kozinski?": the name the question gives is not the answer
  if (type.kind === 'person' || type.kind === 'place') for (const w of question.match(/\p{L}{2,}/gu) ?? []) rest = rest.replace(new RegExp(`\\b${escapeRegExp(w)}\\b`, 'giu'), ' ');
  return type.holds(rest);
}

/** A passage that asks: a FAQ's own question. */
const ASKS = /\?["'”’)]*\s*$/;
/** The least share of a document's own question ("Why does ps get signal 17?") a user's question must hold to be asking it. */
const MIN_FAQ_SHARE = 0.75;
/** …and the least share of the user's question the document's question holds. */
const MIN_FAQ_COVERAGE = 0.25;
/** Sentences an answer of a FAQ is quoted to, at most. */
const FAQ_ANSWER_SENTENCES = 2;

/**
 * A FAQ asks its questions itself ("Why does ps get signal 17?") and answers each in the
 * sentences after it ("Most likely your system has been broken into."). A user's question
 * that holds nearly all of one of them ("If ps receives signal 17, what is the most probable
 * explanation?") is answered by those sentences, which need share no word with it.
 */
function fromFaq(index: DocIndex, q: ResolvedQuestion, vectors?: WordVectors): ChatMessage | null {
  if (q.field) return null;
  const type = answerType(q.text);
  const asked = new Set(q.terms);
  const hits = searchTerms(index, q.terms, CANDIDATES, new Set(q.own), questionWords(q.text, vectors)).filter((h) => ASKS.test(h.passage.text));
  const found: Array<{ rank: number; answer: PassageRec[] }> = [];
  for (const h of hits) {
    const own = [...new Set(indexTerms(h.passage.text))];
    if (own.length < 2 || h.coverage < MIN_FAQ_COVERAGE) continue;
    const share = own.reduce((sum, t) => sum + (asked.has(t) ? weight(index, t) : 0), 0) / own.reduce((sum, t) => sum + weight(index, t), 0);
    if (share < MIN_FAQ_SHARE) continue;
    const answer: PassageRec[] = [];
    for (let id = h.passage.id + 1; id < index.passages.length && answer.length < FAQ_ANSWER_SENTENCES; id++) {
      const p = index.passages[id]!;
      if (p.page !== h.passage.page || ASKS.test(p.text)) break;
      answer.push(p);
    }
    if (!answer.length || (type && !answer.some((p) => holdsAnswer(type, p.text, q.text)))) continue;
    found.push({ rank: share * h.coverage * h.score, answer });
  }
  const [best, next] = found.sort((a, b) => b.rank - a.rank);
  if (!best || (next && next.rank >= best.rank)) return null;
  const page = best.answer[0]!.page;
  const text = best.answer.map((p) => p.text).join('\n');
  return quoted(index, page, text);
}

/** A sentence that stands further ahead still (FAR_LEAD) may match less of the question: a whole sentence, not a title. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s*$/;
const MIN_FAR_LEAD_COVERAGE = 0.35;
const FAR_LEAD = 2.25;
/** The least coverage of a sentence that stands far ahead of the rest (LEAD times the next one's score). */
const MIN_LEAD_COVERAGE = 0.45;
const LEAD = 1.75;

/**
 * A question that asks for a kind of value, in other words than the text's: the sentence that
 * holds that kind must stand further ahead (TYPED_LEAD) but may match less of it.
 */
const MIN_TYPED_LEAD_COVERAGE = 0.3;
const TYPED_LEAD = 3;

/** The hit whose score times coverage is `lead` times the next best's, at `least` coverage or more. */
function leadingHit(hits: Hit[], least = MIN_LEAD_COVERAGE, lead = LEAD): Hit | undefined {
  const ranked = [...hits].sort((a, b) => b.score * b.coverage - a.score * a.coverage);
  const [first, second] = ranked;
  if (!first || first.coverage < least) return undefined;
  return !second || first.score * first.coverage >= lead * second.score * second.coverage ? first : undefined;
}

/** An entry of a manual opens on its option ("-J, --xz", "--delete"), on a line of its own. */
const ENTRY_HEAD = /^\s*--?[\p{L}\d][\w-]*(?:,\s*--?[\p{L}\d][\w-]*)*(?:[ =][^\n]{0,30})?\n/u;
/** Sentences an entry's description runs to, after its first. */
const ENTRY_SENTENCES = 3;

/** The first sentence of the manual entry a later sentence of its description belongs to. */
function entryHead(index: DocIndex, passage: PassageRec): PassageRec | undefined {
  for (let id = passage.id - 1; id >= Math.max(0, passage.id - ENTRY_SENTENCES); id--) {
    const p = index.passages[id]!;
    if (!sameParagraph(p, passage)) return undefined;
    if (ENTRY_HEAD.test(p.text)) return p;
  }
  return undefined;
}

/** Whether a passage (one beside another) is of the same paragraph: its page and block. */
const sameParagraph = (p: PassageRec | undefined, of: PassageRec): boolean => !!p && p.page === of.page && p.block === of.block;

/** The numbers a text writes, whole ("5", "1999", "2.5"; not the 5 of "1.5", nor of a name such as "JSON5" or "ES5"). */
export const numbersIn = (text: string): Set<string> => new Set(text.match(/(?<![\p{L}\d.,])\d+(?:[.,]\d+)*(?![\p{L}\d])/gu)?.map((n) => n.replace(/[.,]$/, '')) ?? []);

/**
 * A number the question writes names what it asks about ("the change from 5 to 6", "in
 * 1999"): where some sentence holds more of them than others, the others are about another
 * thing ("changed from 6 to 7"), however many words they share with the question.
 */
function withItsNumbers(index: DocIndex, hits: Hit[], question: string): Hit[] {
  const asked = numbersIn(question);
  if (!asked.size) return hits;
  const held = (h: Hit) => {
    // a passage cut before its sentence ends ("… for the fiscal year ended" / "December 31,
    // 2021 …") is read with the rest of it
    const next = index.passages[h.passage.id + 1];
    const rest = !SENTENCE_END.test(h.passage.text) && next && sameParagraph(next, h.passage) ? ` ${next.text}` : '';
    const has = numbersIn(h.passage.text + rest);
    return [...asked].filter((n) => has.has(n)).length;
  };
  const most = Math.max(0, ...hits.map(held));
  return most ? hits.filter((h) => held(h) === most) : hits;
}

/** A term a question quotes: "does 'changeset' mean", "the word “cache”" (not the apostrophe of "tools' jargon"). */
const QUOTED_TERM = /(?<=^|[\s(])['‘"“]([\p{L}\d](?:[^'‘’"“”]{0,38}[\p{L}\d])?)['’"”](?=$|[\s,.;:?!)])/gu;

/**
 * A question that quotes a term ("the word 'cache' is an outdated name for what?") asks what
 * the document says of it: the entry of a glossary or a definitions list that opens on that
 * term ("cache Obsolete for: index.", '"Larger Work" means …') answers, whatever words the
 * question puts around it. One such entry, or none.
 */
function fromQuotedTerm(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  if (q.field) return null;
  for (const m of q.text.matchAll(QUOTED_TERM)) {
    const term = m[1]!.toLowerCase();
    const opens = new RegExp(`^\\s*['‘"“]?${escapeRegExp(term)}['’"”]?\\s+(?=[\\p{Lu}\\d]|(?:means|is|are|refers)\\b)`, 'iu');
    const entries = index.passages.filter((p) => opens.test(p.text));
    if (entries.length !== 1) continue;
    const { page, text } = entries[0]!;
    return quoted(index, page, text);
  }
  return null;
}

function fromProse(index: DocIndex, q: ResolvedQuestion, vectors?: WordVectors): ChatMessage | null {
  const holds = (q.field && HOLDS[q.field]) || (() => true);
  const type = q.field ? null : answerType(q.text);
  const terms = contentTerms(q.terms, type);
  const min = type ? MIN_TYPED_COVERAGE : MIN_COVERAGE;
  type Pick = { passages: PassageRec[]; rank: number };
  const picks: Pick[] = [];
  const found = searchTerms(index, terms, CANDIDATES, new Set(q.own), questionWords(q.text, vectors));
  const hits = withItsNumbers(index, found, q.text);
  const hitOf = new Map(hits.map((h) => [h.passage.id, h]));
  for (const h of hits) {
    const text = h.passage.text;
    // A sentence that points back ("They are called "standards".") says its value of what
    // the sentence before names ("… petals stand upright …"): the two are read as one.
    const before = ANAPHOR.test(text) ? index.passages[h.passage.id - 1] : undefined;
    const named = before && sameParagraph(before, h.passage) ? hitOf.get(before.id) : undefined;
    const joined = named && h.coverage > 0 && h.coverage < min && named.coverage < min ? coverageOf(h.matched, named.matched) : 0;
    if (named && joined >= min && saysMore(text, terms) && holds(text) && (!type || holdsAnswer(type, text, q.text))) {
      const shape = defines(`${named.passage.text} ${text}`, q.text);
      picks.push({ passages: [named.passage, h.passage], rank: ((h.score + named.score) / 2) * joined * 0.9 * shape * (type ? type.strength(text) : 1) });
      continue;
    }
    // why: the sentence that names what is asked about, and the next one, of the same
    // paragraph, gives the reason ("… was renamed to XZ Utils … The liblzma library retained
    // its name though, because …"): the two answer it, as they match the question together
    const after = type?.kind === 'reason' ? index.passages[h.passage.id + 1] : undefined;
    const reasonHit = after && sameParagraph(after, h.passage) && holdsAnswer(type!, after.text, q.text) ? hitOf.get(after.id) : undefined;
    const together = reasonHit && h.coverage > 0 && h.coverage < MIN_COVERAGE && !holdsAnswer(type!, text, q.text) ? coverageOf(h.matched, reasonHit.matched) : 0;
    if (reasonHit && together >= min) {
      picks.push({ passages: [h.passage, after!], rank: ((h.score + reasonHit.score) / 2) * together * 0.9 });
      continue;
    }
    if (h.coverage < min || !saysMore(text, terms) || !holds(text)) continue;
    const shape = defines(text, q.text) * (isFragment(text) ? 0.5 : 1);
    if (!type || holdsAnswer(type, text, q.text)) {
      picks.push({ passages: [h.passage], rank: h.score * h.coverage * shape * (type ? type.strength(text) : 1) });
      // where: the next sentence, pointing back, may say it more plainly ("… is the
      // responsibility of the Earth Orientation Center of the IERS." / "This center is
      // located at Paris Observatory.")
      const after = type?.kind === 'place' ? index.passages[h.passage.id + 1] : undefined;
      if (after && sameParagraph(after, h.passage) && ANAPHOR.test(after.text) && holdsAnswer(type!, after.text, q.text))
        picks.push({ passages: [h.passage, after], rank: h.score * h.coverage * shape * 0.9 * type!.strength(after.text) });
      continue;
    }
    // who, why: a sentence without a name or a reason's words, held to the untyped bar; a
    // why whose reason the sentence before or after gives ("… until rates began to drop. The
    // rate compared unfavorably …") is answered with both
    if (type.soft && h.coverage >= MIN_COVERAGE) {
      // a name or a place the next sentence gives, pointing back ("… the Earth Orientation
      // Center … This center is located at Paris Observatory.")
      const after = index.passages[h.passage.id + 1];
      const beside = type.kind === 'reason'
        ? [index.passages[h.passage.id - 1], after].find((p) => sameParagraph(p, h.passage) && holdsAnswer(type, p!.text, q.text))
        : after && sameParagraph(after, h.passage) && ANAPHOR.test(after.text) && holdsAnswer(type, after.text, q.text) ? after : undefined;
      const passages = beside ? (beside.id < h.passage.id ? [beside, h.passage] : [h.passage, beside]) : [h.passage];
      picks.push({ passages, rank: h.score * h.coverage * shape * (beside ? 0.9 : SOFT_MISS) });
      continue;
    }
    // a manual's entry: the option it describes heads the entry ("--delete" / "Delete from
    // the archive. The arguments supply names of the archive members to be removed.")
    const head = type.kind === 'option' ? entryHead(index, h.passage) : undefined;
    if (head && holdsAnswer(type, head.text, q.text)) {
      picks.push({ passages: [head, h.passage], rank: h.score * h.coverage * 0.9 * shape });
      continue;
    }
    // the sentence names the subject, and the next one, pointing back at it, says the value
    const next = index.passages[h.passage.id + 1];
    if (next && sameParagraph(next, h.passage) && ANAPHOR.test(next.text) && holdsAnswer(type, next.text, q.text)) {
      picks.push({ passages: [h.passage, next], rank: h.score * h.coverage * 0.9 * shape * type.strength(next.text) });
    }
  }
  if (!picks.length) {
    // A question in other words than the text's ("what helped X post higher results?" of "X
    // results were higher on favorable results in amino acids") matches less of its words,
    // but one sentence may still stand far ahead of every other: that one is the answer.
    // When it asks for a kind of value, that sentence must hold one.
    // (not a soft kind: a name or a place is in many a sentence that does not answer)
    // (among all the sentences found: one that stands ahead only once those without the
    // question's numbers are set aside is not ahead)
    const lead = !type ? leadingHit(found) ?? [leadingHit(found, MIN_FAR_LEAD_COVERAGE, FAR_LEAD)].find((h) => h && SENTENCE_END.test(h.passage.text)) : type.soft ? undefined : leadingHit(found, MIN_TYPED_LEAD_COVERAGE, TYPED_LEAD);
    if (!lead || !saysMore(lead.passage.text, terms) || !holds(lead.passage.text) || (type && !holdsAnswer(type, lead.passage.text, q.text))) return null;
    picks.push({ passages: [lead.passage], rank: lead.score * lead.coverage });
  }
  const top = picks.reduce((a, b) => (b.rank > a.rank ? b : a));
  const page = top.passages[0].page;
  const text = top.passages.map((p) => p.text).join('\n');
  return quoted(index, page, text);
}

async function answer(input: AnswerInput, signal?: AbortSignal): Promise<ChatMessage> {
  signal?.throwIfAborted();
  const index = buildIndex(input.job);
  const q = resolveQuestion(input.question, input.history);
  return (
    (await fromField(index, q, input.reader, signal, (page) => input.job.pages[page - 1]?.width)) ??
    fromHead(index, q) ??
    fromChangelog(index, q) ??
    fromPart(index, q, input.vectors) ??
    fromLabel(index, q, { mode: 'all' }) ??
    fromTable(input, q) ??
    fromKeyedEntry(index, q) ??
    fromCodeList(index, q) ??
    fromSection(index, q) ??
    fromQuotedTerm(index, q) ??
    fromFaq(index, q, input.vectors) ??
    fromProse(index, q, input.vectors) ??
    fromLabel(index, q, { mode: 'part', onPage: pageHas(index) }) ??
    reply(NOT_FOUND, [])
  );
}

export const extractiveAnswerer: Answerer = {
  id: 'extractive',
  label: 'Quotes from the document (no model)',
  answer,
};
