// The shape every answerer has (extractive now, an in-browser LLM later), so the API
// can pick one without knowing how it works.
import type { ChatMessage, Job } from '../shared/contract';
import type { LineReader } from './second-opinion';

export interface AnswerInput {
  question: string;
  job: Job;
  /** the conversation so far, oldest first, without this question */
  history: ChatMessage[];
  /** reads an unsure line again with another recogniser, when the host has one */
  reader?: LineReader;
}

export interface Answerer {
  id: string;
  label: string;
  answer(q: AnswerInput, signal?: AbortSignal): Promise<ChatMessage>;
}
