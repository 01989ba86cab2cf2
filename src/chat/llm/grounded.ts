// What a model is shown (the retrieved passages, nothing else of the document), and when its
// answer stands (it cites, or plainly declines).
import type { ChatMessage } from '../../shared/contract';
import type { AnswerInput } from '../types';
import { buildIndex, retrieve, type Passage } from '../search';
import { buildPrompt, type PromptMessage } from '../prompt';

const PASSAGES = 6;

/** What the model is shown: the passages retrieved for the question, and nothing else of the document. */
export function promptFor({ question, job, history, vectors }: Pick<AnswerInput, 'question' | 'job' | 'history' | 'vectors'>): { messages: PromptMessage[]; passages: Passage[] } {
  // A follow-up ("and the tax?") is searched with the words of the question it follows.
  const passages = retrieve(buildIndex(job), question, PASSAGES, history, vectors);
  return { messages: buildPrompt(question, passages, history), passages };
}

/**
 * A model's answer stands when it cites the passages it drew on, or plainly declines;
 * an uncited claim is not grounded, and the extractive answerer answers instead.
 */
export function isGrounded(msg: ChatMessage): boolean {
  if (!msg.content.trim()) return false;
  if (msg.citations?.length) return true;
  return /couldn.t find|could not find|not (?:in|found in) (?:this|the) document|does(?:n.t| not) (?:say|contain|mention)/i.test(msg.content);
}
