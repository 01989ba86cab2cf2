// The per-job search index: BM25 (MiniSearch) over the job's passages, built once per job
// and kept for the next questions, since a 500-page job takes far longer to index than
// to query.
import MiniSearch from 'minisearch';
import type { ChatMessage, Job } from '../shared/contract';
import { resolveQuestion } from './intent';
import { readJob, type LineRec, type PassageRec } from './passages';
import { indexTerms, joinHyphenated, processTerm } from './text';
import type { WordVectors } from './vectors';

export interface Passage {
  /** 1-based page number */
  page: number;
  text: string;
  score: number;
  blockIndex: number;
}

export interface DocIndex {
  uuid: string;
  /** what the index was built from; a job still running grows and is rebuilt */
  version: string;
  lines: LineRec[];
  passages: PassageRec[];
  pageText: Map<number, string>;
  /** in how many passages each stemmed term occurs: the weights of a question's terms */
  docFreq: Map<string, number>;
  /** terms the document writes in lower case somewhere (the others are names) */
  common: Set<string>;
  search: MiniSearch<{ id: number; text: string }>;
  /** memo: the document's words nearest in meaning to a question's word it does not use */
  near: Map<string, Near[]>;
}

/** A word of the document near in meaning to a question's word the document does not use. */
export interface Near {
  term: string;
  similarity: number;
}

/** Jobs open at once in a session are few; keep the last several. */
const CACHE_SIZE = 6;
const cache = new Map<string, DocIndex>();

function versionOf(job: Job): string {
  let chars = 0;
  for (const p of job.pages) chars += p.text.length + p.blocks.length;
  return `${job.status}:${job.pages.length}:${chars}`;
}

export function buildIndex(job: Job): DocIndex {
  const version = versionOf(job);
  const hit = cache.get(job.uuid);
  if (hit && hit.version === version) {
    cache.delete(job.uuid); // re-insert: most recently used goes last
    cache.set(job.uuid, hit);
    return hit;
  }
  const index = createIndex(job, version);
  cache.set(job.uuid, index);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return index;
}

function createIndex(job: Job, version: string): DocIndex {
  const { lines, passages, pageText } = readJob(job);
  const docFreq = new Map<string, number>();
  // MiniSearch tokenises each passage once; counting its distinct terms there spares a
  // second pass over a long job. Terms come out stemmed, so processTerm passes them on.
  // terms written in lower case somewhere: the others are names (Tucson, Barcelona), which
  // no word of a question stands for by meaning
  const common = new Set<string>();
  const tokenizeAndCount = (text: string): string[] => {
    for (const m of text.matchAll(/(?<![\p{L}\d])\p{Ll}[\p{L}'’]*/gu)) {
      const t = processTerm(m[0]);
      if (t) common.add(t);
    }
    const terms = indexTerms(text);
    for (const t of new Set(terms)) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    return terms;
  };
  const search = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: tokenizeAndCount,
    processTerm: (t) => t,
    searchOptions: { tokenize: (q) => q.split(' ').filter(Boolean), processTerm: (t) => t },
  });
  search.addAll(passages.map((p) => ({ id: p.id, text: joinHyphenated(p.text) })));
  return { uuid: job.uuid, version, lines, passages, pageText, docFreq, common, search, near: new Map() };
}

export interface Hit {
  passage: PassageRec;
  score: number;
  /** share (0..1) of the question's term weight this passage matches */
  coverage: number;
  /** each question term's weight, and how much of it (0..1) this passage holds */
  matched: Map<string, { weight: number; strength: number }>;
}

/** Vectors this near (cosine) make a document's word stand for a question's: barred ~ prohibited 0.71. */
const NEAR = 0.6;
/** Near words count fully in a passage of up to this many words (a sentence), less in longer ones. */
const NEAR_WORDS = 40;
/** At most this many of the document's words stand for one of the question's. */
const MOST_NEAR = 3;
/**
 * A passage that holds a word standing for the question's counts for this much of that
 * word, at similarity NEAR, rising to 1 at 0.8: a near word says less than the word itself.
 */
const nearStrength = (similarity: number): number => Math.min(1, 0.75 + (similarity - NEAR) * 1.25);

/**
 * The document's words nearest in meaning to a question's word it does not use (none
 * without vectors). `word`: the word as the question wrote it ("barred", whose stem "bar"
 * is another word's too).
 */
export function nearTerms(index: DocIndex, term: string, vectors: WordVectors | undefined, word = term): Near[] {
  if (!vectors || index.docFreq.has(term) || !vectors.has(word)) return [];
  const memo = index.near.get(word);
  if (memo) return memo;
  const found: Near[] = [];
  for (const d of index.docFreq.keys()) {
    if (d.length < 3 || !index.common.has(d)) continue;
    const similarity = vectors.similarity(word, d);
    if (similarity !== null && similarity >= NEAR) found.push({ term: d, similarity });
  }
  const near = found.sort((a, b) => b.similarity - a.similarity).slice(0, MOST_NEAR);
  index.near.set(word, near);
  return near;
}

/** What a search knows of the question's words beyond their terms. */
export interface QuestionWords {
  /** terms of the names it writes (namesIn) */
  names: ReadonlySet<string>;
  /** each term's word as written, lower case */
  written: ReadonlyMap<string, string>;
  /** word vectors, when the host has them */
  vectors?: WordVectors;
  /** terms that say little of what is asked: the nouns it names the document by (documentNouns) */
  light?: ReadonlySet<string>;
}

/** The names and written words of a question, with the vectors to match them by. */
export function questionWords(question: string, vectors?: WordVectors): QuestionWords {
  const written = new Map<string, string>();
  for (const m of question.matchAll(/\p{L}[\p{L}'’]*/gu)) {
    const t = processTerm(m[0]);
    if (t && !written.has(t)) written.set(t, m[0].toLowerCase());
  }
  return { names: namesIn(question), written, vectors, light: documentNouns(question) };
}

/**
 * Verbs that carry little meaning of their own (make, do, get, take, give, have, …), stemmed:
 * a sentence that answers "how much was the loan X made to Y?" may say "a loan of $56,500,000"
 * without "made". They weigh LIGHT of what their rarity would give.
 */
const LIGHT_VERBS = new Set(
  indexTerms('make makes made making do does did done doing get gets got gotten getting take takes took taken taking give gives gave given giving have has had having go goes went gone going come comes came put puts set sets keep keeps kept let lets become became seem seems seemed use uses used using'),
);
const LIGHT = 0.3;
/** What a noun naming the document weighs, of what its rarity would give. */
const DOCUMENT_LIGHT = 0.1;

/**
 * Nouns a question names the document itself by ("when was *the case* decided?", "what does
 * *this paper* find?", "who signed *the letter*?"): the sentence that answers says "Decided
 * May 24, 1988", not "the case". They weigh LIGHT: the same words may name a thing the
 * document is about ("who helped with the survey?"). Stemmed as indexTerms stems them.
 */
const DOCUMENT_NOUNS = new Set(
  indexTerms(
    'case paper article study report document letter book opinion decision judgment judgement application form memo memorandum ' +
      'essay thesis chapter text page complaint petition filing brief order contract agreement policy notice statement survey',
  ),
);

/** The stemmed nouns after "the", "this" or "that" in a question that are the document's own genre. */
export function documentNouns(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/\b(?:the|this|that)\s+(\p{L}+)\b(?!\s+(?:of|for|to|on|about|between|by)\b)/giu)) {
    const t = indexTerms(m[1]!)[0];
    if (t && DOCUMENT_NOUNS.has(t)) out.add(t);
  }
  return out;
}

/** Rare terms carry the question; a term the document lacks weighs the most. */
export function weight(index: DocIndex, term: string): number {
  const n = index.passages.length;
  return Math.log(1 + n / (1 + (index.docFreq.get(term) ?? 0)));
}

/**
 * Each term's weight. One word the document never uses, among several it does, is most
 * often the question's own verb ("which years does the microdata *cover*?"): it weighs as
 * much as the words it does use on average, not more. Two or more unknown words, or one
 * beside a single known word, keep their full weight: the question asks about something
 * the document does not hold.
 */
function termWeights(index: DocIndex, terms: string[], near: Map<string, Near[]>, names: ReadonlySet<string>, light: ReadonlySet<string> = new Set()): Map<string, number> {
  // a word the document does not use but has near words for weighs as the rarest of them would
  const w = new Map(terms.map((t) => [t, near.get(t)?.length ? Math.max(...near.get(t)!.map((n) => weight(index, n.term))) : weight(index, t)]));
  // a light verb ("the loan Connecticut General *made* to Trident") says little of what is asked
  if (terms.length > 1) for (const t of terms) w.set(t, w.get(t)! * (light.has(t) ? DOCUMENT_LIGHT : LIGHT_VERBS.has(t) ? LIGHT : 1));
  const absent = terms.filter((t) => !index.docFreq.has(t) && !knownByPrefix(index, t) && !near.get(t)?.length);
  const present = terms.filter((t) => !absent.includes(t));
  // (a name the document lacks is not a verb: the question asks about something else)
  if (absent.length === 1 && present.length >= 2 && !names.has(absent[0])) w.set(absent[0], present.reduce((s, t) => s + w.get(t)!, 0) / present.length);
  return w;
}

/** Whether the document holds a word the term starts ("publish" in "published" is stemmed apart). */
function knownByPrefix(index: DocIndex, term: string): boolean {
  if (term.length < 4) return false;
  for (const t of index.docFreq.keys()) if (t.startsWith(term)) return true;
  return false;
}

/**
 * BM25 hits for the given terms, each with its coverage. `boost` raises the terms of the
 * question itself over those carried from an earlier question.
 */
export function searchTerms(index: DocIndex, terms: string[], k: number, boost: Set<string> = new Set(), words?: QuestionWords): Hit[] {
  if (!terms.length || !index.passages.length) return [];
  const names = words?.names ?? new Set<string>();
  const near = new Map<string, Near[]>();
  // a question naming something the document never does is about something else: its other
  // words are not stretched to the document's
  const strange = [...names].some((t) => !index.docFreq.has(t) && !knownByPrefix(index, t));
  for (const t of strange ? [] : terms) {
    const n = knownByPrefix(index, t) || names.has(t) ? [] : nearTerms(index, t, words?.vectors, words?.written.get(t));
    if (n.length) near.set(t, n);
  }
  const weights = termWeights(index, terms, near, names, words?.light);
  // a near word is searched for too, at its similarity's share of a word's weight
  const nearBoost = new Map<string, number>();
  for (const ns of near.values()) for (const n of ns) if (!terms.includes(n.term)) nearBoost.set(n.term, Math.max(nearBoost.get(n.term) ?? 0, n.similarity));
  const query = [...terms, ...nearBoost.keys()];
  const results = index.search.search(query.join(' '), {
    // short terms matched fuzzily or by prefix drag in noise ("fox" ~ "for")
    prefix: (t) => t.length >= 4,
    fuzzy: (t) => (t.length >= 5 ? 0.2 : false),
    maxFuzzy: 2,
    combineWith: 'OR',
    boostTerm: (t) => (boost.has(t) ? 2 : nearBoost.get(t) ?? 1),
    weights: { fuzzy: 0.4, prefix: 0.6 },
  });
  return results.slice(0, k).map((r) => {
    // a long passage holds some near word of almost anything: near words count less there
    const words = index.passages[r.id as number].text.split(/\s+/).length;
    const nearShare = Math.min(1, NEAR_WORDS / words);
    const matched = new Map(terms.map((t) => [t, { weight: weights.get(t)!, strength: Math.max(matchStrength(t, r.queryTerms, r.terms), nearShare * nearMatch(near.get(t), r.terms)) }]));
    return { passage: index.passages[r.id as number], score: r.score, coverage: coverageOf(matched), matched };
  });
}

/** The share of the question's term weight a passage holds, or two passages between them (`also`). */
export function coverageOf(matched: Hit['matched'], also?: Hit['matched']): number {
  let got = 0;
  let total = 0;
  for (const [t, m] of matched) {
    total += m.weight;
    got += m.weight * Math.max(m.strength, also?.get(t)?.strength ?? 0);
  }
  return total ? got / total : 0;
}

/**
 * The terms of the words a question writes with a capital, after its first word: names
 * ("in the Phoenix sector?", "in Spain?"), which only the name itself answers.
 */
export function namesIn(question: string): Set<string> {
  const out = new Set<string>();
  const words = [...question.matchAll(/\p{L}[\p{L}'’]*/gu)];
  for (const m of words.slice(1)) {
    if (!/^\p{Lu}/u.test(m[0]) || /^\p{Lu}+$/u.test(m[0]) && m[0].length > 1 && question === question.toUpperCase()) continue;
    const t = processTerm(m[0]);
    if (t) out.add(t);
  }
  return out;
}

/** How much a passage holding some of a word's near words counts for that word. */
function nearMatch(near: Near[] | undefined, docTerms: string[]): number {
  if (!near) return 0;
  let best = 0;
  for (const n of near) if (docTerms.includes(n.term)) best = Math.max(best, nearStrength(n.similarity));
  return best;
}

/**
 * 1 when the passage holds the term or a word it starts; ½ when only a near spelling
 * (an OCR slip, or another word altogether: fuzzy matches alone must not make an answer).
 */
function matchStrength(term: string, queryTerms: string[], docTerms: string[]): number {
  if (!queryTerms.includes(term)) return 0;
  return docTerms.some((d) => d === term || (term.length >= 4 && d.startsWith(term))) ? 1 : 0.5;
}

/**
 * The k passages that best match a question. With the conversation so far, a follow-up
 * ("and in which year?") is read with the question before it, as the extractive answerer does.
 */
export function retrieve(index: DocIndex, query: string, k: number, history: ChatMessage[] = [], vectors?: WordVectors): Passage[] {
  const q = resolveQuestion(query, history);
  return searchTerms(index, q.terms, k, new Set(q.own), questionWords(q.text, vectors)).map((h) => ({
    page: h.passage.page,
    text: h.passage.text,
    score: h.score,
    blockIndex: h.passage.block,
  }));
}
