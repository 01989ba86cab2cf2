// The answerer the API uses: an on-device LLM when WebGPU and a downloaded model are
// there, the extractive answerer everywhere else (and whenever the model fails).
import type { ChatMessage, Job } from '../contract';
import { extractiveAnswerer } from './index';

export async function answerQuestion(job: Job, question: string, history: ChatMessage[]): Promise<ChatMessage> {
  const input = { question, job, history };
  try {
    const { readyModel } = await import('./llm/engine');
    const model = await readyModel();
    if (model) {
      const { llmAnswerer } = await import('./llm/answerer');
      const answer = await llmAnswerer(model).answer(input);
      if (answer.content) return answer;
    }
  } catch (err) {
    console.warn('on-device model failed; answering extractively', err);
  }
  return extractiveAnswerer.answer(input);
}
