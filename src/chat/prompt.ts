// The prompt for an answerer backed by a language model (src/chat/llm/model.ts), and the
// reading of its reply: the model cites as (p. N: "words quoted from the passage"), or as a
// bare "(p. N)". A quote becomes the citation's snippet (llm/model.ts then checks that it is
// on that page); a bare mark stands for the passage of that page the claim draws on, when
// the claim's numbers are in it. Pages it names that were not in its passages are dropped:
// a citation must point at text the model was shown.
import type { ChatMessage, Citation } from '../shared/contract';
import type { Passage } from './search';
import { indexTerms, squash } from './text';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export const SYSTEM_PROMPT = [
  'You answer questions about one document. Use only the passages from the document that come with each question;',
  'do not use anything else you know, and do not guess.',
  'After every fact, cite the page of the passage it comes from as (p. N), where N is the page shown for that passage,',
  'with the few words you drew on copied exactly from that passage: (p. N: "exact words").',
  'Quote numbers, amounts, dates and names exactly as they are written in the passages.',
  'If the passages do not contain the answer, reply only: "I couldn\'t find that in this document."',
  'Answer briefly, in one to three sentences.',
].join('\n');

export interface PromptOptions {
  /** earlier messages kept, most recent last */
  maxHistory?: number;
  /** characters kept of each passage: small models have small context windows */
  maxPassageChars?: number;
}

function clip(text: string, max: number): string {
  const flat = squash(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function buildPrompt(question: string, passages: Passage[], history: ChatMessage[], opts: PromptOptions = {}): PromptMessage[] {
  const maxHistory = opts.maxHistory ?? 6;
  const maxChars = opts.maxPassageChars ?? 700;
  const context = passages.length
    ? passages.map((p, i) => `[${i + 1}] (p. ${p.page}) ${clip(p.text, maxChars)}`).join('\n')
    : '(no passage of the document matches this question)';
  const turns: PromptMessage[] = (maxHistory > 0 ? history.slice(-maxHistory) : []).map((m) => ({ role: m.role, content: m.content }));
  const user = `Passages from the document:\n${context}\n\nQuestion: ${question.trim()}`;
  return [{ role: 'system', content: SYSTEM_PROMPT }, ...turns, { role: 'user', content: user }];
}

/** "(p. 3)", "(pp. 2-4)", "(p. 2, p. 5)", "(page 7)", "[p. 3]" */
const MARK = /[([]\s*(?:pp?|pages?)\.?\s*(\d+(?:\s*(?:[-–,;&]|and)\s*(?:pp?\.?\s*|pages?\s*)?\d+)*)\s*[)\]]/gi;
/** A range wider than this is a model's slip, not a citation. */
const MAX_RANGE = 10;

function pagesIn(list: string): number[] {
  const pages: number[] = [];
  for (const part of list.split(/\s*(?:,|;|&|and)\s*/)) {
    const [a, b] = part.replace(/pp?\.?|pages?/gi, '').split(/[-–]/).map((x) => Number(x.trim()));
    if (!Number.isInteger(a)) continue;
    const end = Number.isInteger(b) && b >= a && b - a < MAX_RANGE ? b : a;
    for (let p = a; p <= end; p++) pages.push(p);
  }
  return pages;
}

/** The sentence a mark closes: the words the cited passage should share. */
function claimBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf(') ')) + 1;
  return before.slice(start);
}

const NUMBER = /\d+(?:[.,/:-]\d+)*/g;

/**
 * The passage on `page` that shares the most words with the claim and holds every number
 * the claim states; the retriever's order breaks ties.
 */
function passageFor(page: number, claim: string, passages: Passage[]): Passage | null {
  const words = new Set(indexTerms(claim));
  const numbers = claim.match(NUMBER) ?? [];
  let top: Passage | null = null;
  let topOverlap = -1;
  for (const p of passages) {
    if (p.page !== page) continue;
    if (!numbers.every((n) => p.text.includes(n))) continue;
    const overlap = new Set(indexTerms(p.text).filter((t) => words.has(t))).size;
    if (overlap > topOverlap || (overlap === topOverlap && top && p.score > top.score)) {
      top = p;
      topOverlap = overlap;
    }
  }
  return top;
}

/** (p. 2: "Total: 215.00 USD"), [page 2, “Total: 215.00”] */
const QUOTED = /[([]\s*(?:p|page)\.?\s*(\d+)\s*[:,–-]\s*["“„«]([^"“”„«»\n]{1,300})["”»]\s*[)\]]/gi;

export function parseCitations(answerText: string, passages: Passage[]): Citation[] {
  const out: Citation[] = [];
  const shown = new Set(passages.map((p) => p.page));
  for (const m of answerText.matchAll(QUOTED)) {
    const page = Number(m[1]);
    const snippet = m[2].trim();
    if (!shown.has(page) || !snippet) continue;
    if (!out.some((c) => c.page === page && c.snippet === snippet)) out.push({ page, snippet });
  }
  for (const m of answerText.matchAll(MARK)) {
    const claim = claimBefore(answerText, m.index ?? 0);
    for (const page of pagesIn(m[1])) {
      const passage = passageFor(page, claim, passages);
      if (!passage) continue;
      if (!out.some((c) => c.page === page && c.snippet === passage.text)) out.push({ page, snippet: passage.text });
    }
  }
  return out;
}
