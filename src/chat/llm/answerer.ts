// The LLM answerer: retrieved passages only, in a prompt that requires page citations.
// Used when WebGPU gives an adapter and the user has downloaded a model.
import type { ChatMessage } from '../../contract';
import type { Answerer, AnswerInput } from '../types';
import { buildIndex, retrieve } from '../search';
import { buildPrompt, parseCitations } from '../prompt';
import { loadModel } from './engine';

const PASSAGES = 6;

export function llmAnswerer(modelId: string): Answerer {
  return {
    id: `llm:${modelId}`,
    label: `On-device model (${modelId})`,
    async answer({ question, job, history }: AnswerInput, signal?: AbortSignal): Promise<ChatMessage> {
      const passages = retrieve(buildIndex(job), question, PASSAGES);
      const engine = await loadModel(modelId);
      signal?.throwIfAborted();
      const messages = buildPrompt(question, passages, history);
      const reply = await engine.chat.completions.create({ messages, temperature: 0, max_tokens: 400 });
      const content = reply.choices[0]?.message.content?.trim() ?? '';
      return { role: 'assistant', content, citations: parseCitations(content, passages) };
    },
  };
}
