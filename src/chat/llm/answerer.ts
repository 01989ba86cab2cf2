// The LLM answerer: retrieved passages only, in a prompt that requires page citations.
// Used when WebGPU gives an adapter and the user has downloaded a model.
import type { ChatMessage } from '../../shared/contract';
import type { Answerer, AnswerInput } from '../types';
import { buildIndex, retrieve, type Passage } from '../search';
import { buildPrompt, parseCitations, type PromptMessage } from '../prompt';
import { chatModel } from '../../models/chat';

const PASSAGES = 6;

/** What the model is shown: the passages retrieved for the question, and nothing else of the document. */
export function promptFor({ question, job, history }: AnswerInput): { messages: PromptMessage[]; passages: Passage[] } {
  // A follow-up ("and the tax?") is searched with the words of the question it follows.
  const passages = retrieve(buildIndex(job), question, PASSAGES, history);
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

export function llmAnswerer(modelId: string): Answerer {
  return {
    id: `llm:${modelId}`,
    label: `On-device model (${chatModel(modelId)?.label ?? modelId})`,
    async answer(input: AnswerInput, signal?: AbortSignal): Promise<ChatMessage> {
      const { messages, passages } = promptFor(input);
      const { loadModel } = await import('./engine');
      const engine = await loadModel(modelId, undefined, signal);
      signal?.throwIfAborted();
      const reply = await engine.chat.completions.create({ messages, temperature: 0, max_tokens: 400 });
      const content = reply.choices[0]?.message.content?.trim() ?? '';
      return { role: 'assistant', content, citations: parseCitations(content, passages) };
    },
  };
}
