// The web-llm answerer: a model the user downloaded, on WebGPU, streaming its reply.
// (The prompt, the citation check and the fallback are model.ts's, as for every model.)
import type { Answerer } from '../types';
import { chatModel } from '../../models/chat';
import { modelAnswerer, type TextModel } from './model';

export { isGrounded, promptFor } from './grounded';

export function webllmModel(modelId: string): TextModel {
  return {
    id: `llm:${modelId}`,
    label: `On-device model (${chatModel(modelId)?.label ?? modelId})`,
    async generate(messages, onText, signal) {
      const { loadModel } = await import('./engine');
      const engine = await loadModel(modelId, undefined, signal);
      signal?.throwIfAborted();
      const chunks = await engine.chat.completions.create({ messages, temperature: 0, max_tokens: 400, stream: true });
      let text = '';
      for await (const chunk of chunks) {
        if (signal?.aborted) {
          engine.interruptGenerate();
          signal.throwIfAborted();
        }
        const piece = chunk.choices[0]?.delta?.content ?? '';
        if (!piece) continue;
        text += piece;
        onText(text);
      }
      return text;
    },
  };
}

export function llmAnswerer(modelId: string): Answerer {
  return modelAnswerer(webllmModel(modelId));
}
