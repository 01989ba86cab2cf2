// The answerer the API uses, best first, each when it is there:
//   1. Chrome's built-in model (Prompt API), when Chrome says it is ready;
//   2. web-llm on WebGPU, when there is an adapter and the chosen model is downloaded;
//   3. a small instruct model through transformers.js on WASM, when one is downloaded;
//   4. the extractive answerer, everywhere.
// A model that fails hands over to the next; a model's answer left without a citation
// whose words are on its page (and that does not decline) gives way to the extractive
// answer. Each answer says which answerer wrote it; a model's words stream to `onPartial`.
import type { ChatMessage, Job } from '../shared/contract';
import { extractiveAnswerer } from './index';
import type { LineReader } from './second-opinion';
import type { TextModel } from './llm/model';
import type { WordVectors } from './vectors';

/** The language models present on this device, best first. */
export async function presentModels(): Promise<TextModel[]> {
  const found: (TextModel | null)[] = [];
  const tries: (() => Promise<TextModel | null>)[] = [
    async () => (await import('./llm/prompt-api')).promptApiModel(),
    async () => {
      const { readyModel } = await import('./llm/engine');
      const id = await readyModel();
      return id ? (await import('./llm/answerer')).webllmModel(id) : null;
    },
    async () => (await import('./llm/wasm')).wasmModel(),
  ];
  for (const t of tries) found.push(await t().catch((err: unknown) => (console.warn('a chat model could not be looked for', err), null)));
  return found.filter((m): m is TextModel => m !== null);
}

export async function answerQuestion(
  job: Job,
  question: string,
  history: ChatMessage[],
  reader?: LineReader,
  onPartial?: (soFar: string, answerer: string) => void,
  vectors?: WordVectors,
): Promise<ChatMessage> {
  const input = { question, job, history, reader, onPartial, vectors };
  for (const model of await presentModels()) {
    try {
      const { modelAnswerer } = await import('./llm/model');
      const { isGrounded } = await import('./llm/grounded');
      const answer = await modelAnswerer(model).answer(input);
      if (isGrounded(answer)) return answer;
      console.warn(`${model.id} answered without a citation found on its page; answering extractively`);
      break;
    } catch (err) {
      console.warn(`${model.id} failed; trying the next answerer`, err);
    }
  }
  return { ...(await extractiveAnswerer.answer(input)), answerer: extractiveAnswerer.id };
}
