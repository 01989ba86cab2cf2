// One interface for every language model that can answer (Chrome's Prompt API, web-llm on
// WebGPU, a small model through transformers.js on WASM), and the one answerer over it:
// the prompt holds only the passages retrieved for the question and asks for citations;
// the reply streams out as it is written; each citation is checked against its page's text
// (one whose quote is not on that page is dropped), and an answer left with none is not
// grounded, so the caller answers extractively instead.
import type { ChatMessage, Citation, Job } from '../../shared/contract';
import type { Answerer, AnswerInput } from '../types';
import { parseCitations, type PromptMessage } from '../prompt';
import { escapeRegExp } from '../text';
import { promptFor } from './grounded';

export interface TextModel {
  /** the answerer id its answers carry (ChatMessage.answerer) */
  id: string;
  label: string;
  /** the reply to `messages`; `onText` hears the whole text so far as it is written */
  generate(messages: PromptMessage[], onText: (soFar: string) => void, signal?: AbortSignal): Promise<string>;
}

const QUOTES = /["“”„«»]/g;
const APOSTROPHES = /[‘’`´]/g;

/**
 * Where a quote stands on a page: the page's own text it matches, or null. Case, runs of
 * whitespace, curly quotes and a word broken with a hyphen at a line end may differ; the
 * words and numbers may not.
 */
export function quoteOnPage(pageText: string, quote: string): string | null {
  const norm = (s: string) => s.replace(QUOTES, '"').replace(APOSTROPHES, "'");
  const words = norm(quote).trim().replace(/^["']+|["'.,;:]+$/g, '').split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  // A word may be split across a line end with a hyphen on the page ("interro-\ngation").
  const part = (w: string) => [...w].map(escapeRegExp).join('(?:[-‐­]\\s*\\n\\s*)?');
  const found = new RegExp(words.map(part).join('\\s+'), 'iu').exec(norm(pageText));
  return found ? pageText.slice(found.index, found.index + found[0].length) : null;
}

/** The citations whose snippet is on the page they name (each snippet as the page writes it); the rest dropped. */
export function checkCitations(citations: Citation[], job: Job): { kept: Citation[]; dropped: Citation[] } {
  const kept: Citation[] = [];
  const dropped: Citation[] = [];
  for (const c of citations) {
    const page = job.pages[c.page - 1];
    const exact = page ? quoteOnPage(page.text, c.snippet) : null;
    if (exact && !kept.some((k) => k.page === c.page && k.snippet === exact)) kept.push({ page: c.page, snippet: exact });
    else if (!exact) dropped.push(c);
  }
  return { kept, dropped };
}

/** The answerer over a model: retrieved passages in, a streamed reply out, its citations checked. */
export function modelAnswerer(model: TextModel): Answerer {
  return {
    id: model.id,
    label: model.label,
    async answer(input: AnswerInput, signal?: AbortSignal): Promise<ChatMessage> {
      const { messages, passages } = promptFor(input);
      const content = (await model.generate(messages, (t) => input.onPartial?.(t, model.id), signal)).trim();
      const { kept, dropped } = checkCitations(parseCitations(content, passages), input.job);
      if (dropped.length) console.warn(`${model.id}: dropped ${dropped.length} citation(s) whose words are not on the page they name`, dropped);
      return { role: 'assistant', content, citations: kept, answerer: model.id };
    },
  };
}
