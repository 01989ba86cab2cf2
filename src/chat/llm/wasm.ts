// The app window's side of the chat model's worker (workers/chat.ts): the small instruct
// model the user downloaded in Settings → Models (a registry entry whose task is
// 'answer-questions'), run through transformers.js on WASM where web-llm cannot run.
import type { ModelEntry } from '../../shared/models';
import { WorkerBridge } from '../../shared/bridge';
import { usableModel } from '../../models';
import { appBase } from '../../models/host';
import { cacheNameFor, MODEL_FILES_DIR } from '../../models/store';
import { RUNTIME_FILES } from '../../models/ppocr';
import type { ChatWorkerProtocol } from './wasm-protocol';
import type { TextModel } from './model';

/** The model holds a few hundred MB: a worker idle this long is ended. */
const IDLE_MS = 5 * 60_000;

const workers = new Map<string, WorkerBridge<ChatWorkerProtocol>>();

function worker(entry: ModelEntry): WorkerBridge<ChatWorkerProtocol> {
  let w = workers.get(entry.id);
  if (w) return w;
  w = new WorkerBridge<ChatWorkerProtocol>({
    label: `The ${entry.label} worker`,
    start: () => new Worker(new URL('../../../workers/chat.ts', import.meta.url), { type: 'module', name: `ocrchat-${entry.id}` }),
    setup: (call) => {
      const base = appBase();
      void call('setup', {
        entry: JSON.parse(JSON.stringify(entry)) as ModelEntry,
        filesUrl: new URL(MODEL_FILES_DIR, base).href,
        cacheName: cacheNameFor(entry),
        wasmUrl: new URL(RUNTIME_FILES.webgpu.url, base).href,
      }).catch(() => {});
    },
    idleMs: IDLE_MS,
    onAbort: 'cancel',
  });
  workers.set(entry.id, w);
  return w;
}

export const wasmAnswererId = (entry: Pick<ModelEntry, 'id'>) => `llm-wasm:${entry.id}`;

/** The downloaded transformers.js chat model, as a TextModel; null when none is on this device. */
export async function wasmModel(): Promise<TextModel | null> {
  const { entry } = await usableModel('answer-questions');
  if (!entry || entry.transformers?.task !== 'text-generation') return null;
  const maxNewTokens = entry.transformers.maxNewTokens;
  return {
    id: wasmAnswererId(entry),
    label: entry.label,
    async generate(messages, onText, signal) {
      const { text } = await worker(entry).call('generate', { messages, maxNewTokens }, { signal, onProgress: (t) => onText(String(t)) });
      return text;
    },
  };
}

/** Ends every chat model's worker (frees their memory). */
export function terminateChatWorkers(): void {
  for (const w of workers.values()) w.terminate(new Error('The chat model was stopped.'));
  workers.clear();
}
