// The answerer the API uses: an on-device LLM when WebGPU and a downloaded model are
// there, the extractive answerer everywhere else (and whenever the model fails, or answers
// without citing the document). Each answer says which answerer wrote it.
import type { ChatMessage, Job } from '../shared/contract';
import { extractiveAnswerer } from './index';
import type { LineReader } from './second-opinion';

export async function answerQuestion(job: Job, question: string, history: ChatMessage[], reader?: LineReader): Promise<ChatMessage> {
  const input = { question, job, history, reader };
  try {
    const { readyModel } = await import('./llm/engine');
    const model = await readyModel();
    if (model) {
      const { llmAnswerer, isGrounded } = await import('./llm/answerer');
      const llm = llmAnswerer(model);
      const answer = await llm.answer(input);
      if (isGrounded(answer)) return { ...answer, answerer: llm.id };
      console.warn('the on-device model answered without citing the document; answering extractively');
    }
  } catch (err) {
    console.warn('on-device model failed; answering extractively', err);
  }
  return { ...(await extractiveAnswerer.answer(input)), answerer: extractiveAnswerer.id };
}
