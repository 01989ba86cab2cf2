// The answerer the API uses: the extractive one everywhere (an LLM answerer joins it when a model is present).
import type { ChatMessage, Job } from '../contract';
import { extractiveAnswerer } from './index';

export async function answerQuestion(job: Job, question: string, history: ChatMessage[]): Promise<ChatMessage> {
  return extractiveAnswerer.answer({ question, job, history });
}
