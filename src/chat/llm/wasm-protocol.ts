// The protocol of the chat model's worker (workers/chat.ts): a small instruct model through
// transformers.js, on WASM, for devices without WebGPU.
import type { ModelEntry } from '../../shared/models';
import type { PromptMessage } from '../prompt';

export interface ChatWorkerSetup {
  entry: ModelEntry;
  /** the model host folder the Cache Storage keys are under (models/store.ts) */
  filesUrl: string;
  cacheName: string;
  /** onnxruntime-web's WASM binary, from the app's origin */
  wasmUrl: string;
}

export type ChatWorkerProtocol = {
  setup: { payload: ChatWorkerSetup; result: void };
  /** the reply to `messages`; progress: the text so far (a string) as it is written */
  generate: { payload: { messages: PromptMessage[]; maxNewTokens: number }; result: { text: string; loadMs: number } };
};
