// The shape every answerer has (extractive now, an in-browser LLM later), so the API
// can pick one without knowing how it works.
import type { ChatMessage, Job } from '../shared/contract';

export interface AnswerInput {
  question: string;
  job: Job;
  /** the conversation so far, oldest first, without this question */
  history: ChatMessage[];
}

export interface Answerer {
  id: string;
  label: string;
  answer(q: AnswerInput, signal?: AbortSignal): Promise<ChatMessage>;
}
