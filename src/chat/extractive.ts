// The answerer that needs no model: it quotes the line, sentence or labelled value that
// answers, with its page, and says so when the document does not hold the answer, rather
// than guess.
import type { ChatMessage, Citation } from '../shared/contract';
import { findField, type FieldAnswer } from '../fields/find';
import { resolveQuestion, type FieldName, type ResolvedQuestion } from './intent';
import { findLabelled, type LabelMatch } from './labelled';
import type { LineRec } from './passages';
import { buildIndex, searchTerms, type DocIndex } from './search';
import { amounts, findDate, findPhones, findTime } from '../fields/patterns';
import { indexTerms, joinHyphenated, locateSnippet, squash } from './text';
import type { Answerer, AnswerInput } from './types';

export const NOT_FOUND = "I couldn't find that in this document.";

/** Share of the question's term weight a sentence must hold to count as the answer. */
const MIN_COVERAGE = 0.65;
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

function fromField(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  if (!q.field) return null;
  const found = findField(q.field, index.lines, q.text);
  if (!found) return null;
  const citations = citeLines(index, found.cite);
  const note = found.note ? ` ${found.note}` : '';
  return reply(`${subjectOf(found, q.text)} is ${squash(found.value)} (${pagesOf(citations)}).${note}`, citations);
}

function fromLabel(index: DocIndex, q: ResolvedQuestion, how: LabelMatch): ChatMessage | null {
  const found = findLabelled(index.lines, q.terms, how);
  // "Total Amount:" over "Cash Received" is a label with its amount lost, not an answer.
  const holds = q.field && HOLDS[q.field];
  if (!found || (holds && !holds(found.value))) return null;
  const citations = citeLines(index, found.cite);
  return reply(`${squash(found.label)}: ${squash(found.value)} (${pagesOf(citations)}).`, citations);
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

function fromProse(index: DocIndex, q: ResolvedQuestion): ChatMessage | null {
  const holds = (q.field && HOLDS[q.field]) || (() => true);
  const hits = searchTerms(index, q.terms, CANDIDATES, new Set(q.own)).filter(
    (h) => h.coverage >= MIN_COVERAGE && saysMore(h.passage.text, q.terms) && holds(h.passage.text),
  );
  if (!hits.length) return null;
  const top = hits.reduce((a, b) => (b.score * b.coverage > a.score * a.coverage ? b : a));
  const page = top.passage.page;
  const snippet = locateSnippet(index.pageText.get(page) ?? '', top.passage.text);
  return reply(`The document says: "${squash(top.passage.text)}" (p. ${page}).`, [{ page, snippet }]);
}

async function answer(input: AnswerInput, signal?: AbortSignal): Promise<ChatMessage> {
  signal?.throwIfAborted();
  const index = buildIndex(input.job);
  const q = resolveQuestion(input.question, input.history);
  return (
    fromField(index, q) ??
    fromLabel(index, q, { mode: 'all' }) ??
    fromProse(index, q) ??
    fromLabel(index, q, { mode: 'part', onPage: pageHas(index) }) ??
    reply(NOT_FOUND, [])
  );
}

export const extractiveAnswerer: Answerer = {
  id: 'extractive',
  label: 'Quotes from the document (no model)',
  answer,
};
