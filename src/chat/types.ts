// The shape every answerer has (extractive, or a language model behind src/chat/llm/model.ts),
// so the API can pick one without knowing how it works.
import type { ChatMessage, Job } from '../shared/contract';
import type { LineReader } from './second-opinion';
import type { WordVectors } from './vectors';

export interface AnswerInput {
  question: string;
  job: Job;
  /** the conversation so far, oldest first, without this question */
  history: ChatMessage[];
  /** reads an unsure line again with another recogniser, when the host has one */
  reader?: LineReader;
  /** word vectors, when the host has loaded them: a question's words the text does not use are matched by meaning */
  vectors?: WordVectors;
  /** hears a model's answer as it is written: the whole text so far, and the answerer's id */
  onPartial?: (soFar: string, answerer: string) => void;
}

export interface Answerer {
  id: string;
  label: string;
  answer(q: AnswerInput, signal?: AbortSignal): Promise<ChatMessage>;
}
