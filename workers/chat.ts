/// <reference lib="webworker" />
// The chat model's worker: a small instruct model in transformers.js on WASM (src/chat/llm/wasm-worker.ts).
import { expose } from '../src/shared/bridge';
import { chatWorkerHandlers } from '../src/chat/llm/wasm-worker';
import type { ChatWorkerProtocol } from '../src/chat/llm/wasm-protocol';

expose<ChatWorkerProtocol>(chatWorkerHandlers());
