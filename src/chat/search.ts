// The per-job search index: BM25 (MiniSearch) over the job's passages, built once per job
// and kept for the next questions, since a 500-page job takes far longer to index than
// to query.
import MiniSearch from 'minisearch';
import type { ChatMessage, Job } from '../shared/contract';
import { resolveQuestion } from './intent';
import { readJob, type LineRec, type PassageRec } from './passages';
import { indexTerms, joinHyphenated } from './text';

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
  search: MiniSearch<{ id: number; text: string }>;
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
  const tokenizeAndCount = (text: string): string[] => {
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
  return { uuid: job.uuid, version, lines, passages, pageText, docFreq, search };
}

export interface Hit {
  passage: PassageRec;
  score: number;
  /** share (0..1) of the question's term weight this passage matches */
  coverage: number;
}

/** Rare terms carry the question; a term the document lacks weighs the most. */
function weight(index: DocIndex, term: string): number {
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
function termWeights(index: DocIndex, terms: string[]): Map<string, number> {
  const w = new Map(terms.map((t) => [t, weight(index, t)]));
  const absent = terms.filter((t) => !index.docFreq.has(t) && !knownByPrefix(index, t));
  const present = terms.filter((t) => !absent.includes(t));
  if (absent.length === 1 && present.length >= 2) w.set(absent[0], present.reduce((s, t) => s + w.get(t)!, 0) / present.length);
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
export function searchTerms(index: DocIndex, terms: string[], k: number, boost: Set<string> = new Set()): Hit[] {
  if (!terms.length || !index.passages.length) return [];
  const weights = termWeights(index, terms);
  const total = terms.reduce((s, t) => s + weights.get(t)!, 0);
  const results = index.search.search(terms.join(' '), {
    // short terms matched fuzzily or by prefix drag in noise ("fox" ~ "for")
    prefix: (t) => t.length >= 4,
    fuzzy: (t) => (t.length >= 5 ? 0.2 : false),
    maxFuzzy: 2,
    combineWith: 'OR',
    boostTerm: (t) => (boost.has(t) ? 2 : 1),
    weights: { fuzzy: 0.4, prefix: 0.6 },
  });
  return results.slice(0, k).map((r) => {
    const got = terms.reduce((s, t) => s + weights.get(t)! * matchStrength(t, r.queryTerms, r.terms), 0);
    return { passage: index.passages[r.id as number], score: r.score, coverage: total ? got / total : 0 };
  });
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
export function retrieve(index: DocIndex, query: string, k: number, history: ChatMessage[] = []): Passage[] {
  const q = resolveQuestion(query, history);
  return searchTerms(index, q.terms, k, new Set(q.own)).map((h) => ({
    page: h.passage.page,
    text: h.passage.text,
    score: h.score,
    blockIndex: h.passage.block,
  }));
}
